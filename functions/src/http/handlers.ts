/** Every route module's handlers, loaded together by the first API request: one chunk to load, and a
 * cold start's own code stays in a few files instead of one per route module. */
export { adminHandlers } from "./admin.js";
export { adminCycleHandlers } from "./admin-cycles.js";
export { adminDataHandlers } from "./admin-data.js";
export { adminPeopleHandlers } from "./admin-people.js";
export { alignmentHandlers } from "./alignment.js";
export { approvalHandlers } from "./approvals.js";
export { checkInHandlers } from "./checkins.js";
export { cycleHandlers } from "./cycles.js";
export { dashboardHandlers } from "./dashboard.js";
export { devHandlers } from "./dev.js";
export { feedbackHandlers } from "./feedback.js";
export { goalActionHandlers } from "./goal-actions.js";
export { goalHandlers } from "./goals.js";
export { inboxHandlers } from "./inbox.js";
export { leaverHandlers } from "./leavers.js";
export { meHandlers } from "./me.js";
export { messageHandlers } from "./messages.js";
export { orgHandlers } from "./org.js";
export { peopleHandlers } from "./people.js";
export { reminderHandlers } from "./reminders.js";
