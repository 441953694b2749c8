import { describe, expect, it } from "vitest";
import { buildKudosInviteCard, KUDOS_INPUT_ID, parseKudosInputs } from "./kudos-cards.js";
import { findNodes } from "../../test/support/card-test-data.js";
import { VERBS } from "./verbs.js";
import { createCardIntl } from "./i18n/card-intl.js";

const en = createCardIntl("en");

describe("kudos", () => {
  it("asks for a required message and sends it with the goal", () => {
    const card = buildKudosInviteCard({ goalId: "g-1", version: "v-1", goalTitle: "Ship it", ownerName: "Ana" }, en);
    const [input] = findNodes(card, (node) => node.id === KUDOS_INPUT_ID);
    expect(input).toMatchObject({ type: "Input.Text", isRequired: true, errorMessage: expect.any(String) });
    expect(card.actions?.[0]).toMatchObject({ verb: VERBS.sendKudos, data: { goalId: "g-1", version: "v-1" } });
  });

  it("parses the submitted message and refuses an empty or overlong one", () => {
    expect(parseKudosInputs({ goalId: "g-1", [KUDOS_INPUT_ID]: " Thanks! " }, en)).toEqual({
      ok: true,
      value: { goalId: "g-1", message: "Thanks!" },
    });
    expect(parseKudosInputs({ goalId: "g-1", [KUDOS_INPUT_ID]: "  " }, en).ok).toBe(false);
    expect(parseKudosInputs({ goalId: "g-1", [KUDOS_INPUT_ID]: "x".repeat(501) }, en).ok).toBe(false);
    expect(parseKudosInputs({ [KUDOS_INPUT_ID]: "Thanks" }, en).ok).toBe(false);
  });
});
