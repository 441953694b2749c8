/** The limits of the API: how long a text, how many items, how large a number every input path
 * (API, cards, imports, the tab's forms) accepts. */

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const MAX_KEY_RESULTS = 5;
export const UNIT_MAX = 20;
/** A key result's numbers lie within ± this. */
export const QUANTITY_LIMIT = 1e12;
export const WEIGHT_MAX = 100;
export const NOTE_MAX = 1000;
export const KUDOS_MESSAGE_MAX = 500;
export const COMMENT_MAX = 2000;
/** The comment that goes with a decision, a close or a reassignment. */
export const DECISION_COMMENT_MAX = 2000;
export const CYCLE_NAME_MAX = 100;
export const MAX_ORGANISATION_GOAL_OWNERS = 50;
/** A close-out's reflection, and one comment a manager adds to it. */
export const REFLECTION_MAX = 2000;
export const CLOSE_OUT_COMMENT_MAX = 1000;
