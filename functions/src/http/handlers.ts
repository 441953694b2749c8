/** Every route module's handlers in one object, loaded together by the first API request: one chunk to
 * load, and a cold start's own code stays in a few files instead of one per route module. */
import { adminHandlers } from "./admin.js";
import { adminCycleHandlers } from "./admin-cycles.js";
import { adminDataHandlers } from "./admin-data.js";
import { adminImportHandlers } from "./admin-imports.js";
import { adminPeopleHandlers } from "./admin-people.js";
import { alignmentHandlers } from "./alignment.js";
import { approvalHandlers } from "./approvals.js";
import { checkInHandlers } from "./checkins.js";
import { closeOutHandlers } from "./close-out.js";
import { cycleHandlers } from "./cycles.js";
import { dashboardHandlers } from "./dashboard.js";
import { devHandlers } from "./dev.js";
import { feedbackHandlers } from "./feedback.js";
import { goalActionHandlers } from "./goal-actions.js";
import { goalHandlers } from "./goals.js";
import { inboxHandlers } from "./inbox.js";
import { leaverHandlers } from "./leavers.js";
import { meHandlers } from "./me.js";
import { messageHandlers } from "./messages.js";
import { orgHandlers } from "./org.js";
import { peopleHandlers } from "./people.js";
import { reminderHandlers } from "./reminders.js";
import type { RouteHandlers } from "./pipeline.js";

export const apiHandlers = {
  ...adminHandlers,
  ...adminCycleHandlers,
  ...adminDataHandlers,
  ...adminImportHandlers,
  ...adminPeopleHandlers,
  ...alignmentHandlers,
  ...approvalHandlers,
  ...checkInHandlers,
  ...closeOutHandlers,
  ...cycleHandlers,
  ...dashboardHandlers,
  ...devHandlers,
  ...feedbackHandlers,
  ...goalActionHandlers,
  ...goalHandlers,
  ...inboxHandlers,
  ...leaverHandlers,
  ...meHandlers,
  ...messageHandlers,
  ...orgHandlers,
  ...peopleHandlers,
  ...reminderHandlers,
} satisfies RouteHandlers;
