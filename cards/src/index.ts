/** Adaptive Card builders and Action.Execute verbs for Cascade. Pure: no I/O, no SDKs. */
export * from "./card-json.js";
export * from "./types.js";
export * from "./verbs.js";
export { STATUS_LABELS, CONFIDENCE_LABELS, DECISION_LABELS } from "./format.js";
export { buildApprovalCard, buildStaleApprovalCard, type ApprovalCardInput } from "./approval-card.js";
export { buildApprovalStatusCard, type ApprovalStatusCardInput } from "./approval-status-card.js";
export * from "./decision-inputs.js";
export { buildDecisionCard, type DecisionCardInput } from "./decision-card.js";
export { buildReminderCard, REMINDER_MAX_GOALS, type ReminderCardInput } from "./reminder-card.js";
export * from "./check-in-inputs.js";
export { buildCheckInDoneCard, type CheckInDoneCardInput } from "./check-in-done-card.js";
export * from "./kudos-cards.js";
export * from "./digest-card.js";
export * from "./my-goals-card.js";
export * from "./pending-approvals-card.js";
export * from "./help-card.js";
export * from "./message-card.js";
