/** Adaptive Card builders and Action.Execute verbs for Cascade, in every language the catalogues
 * hold. Pure: no I/O, no SDKs. */
export * from "./card-json.js";
export * from "./types.js";
export * from "./verbs.js";
export { describeKeyResult, formatConfidence, formatDecision, formatStatus } from "./format.js";
export { formatMeasuredNumber, toMeasureUnit, type MeasureUnit } from "./measure.js";
export * from "./i18n/locales.js";
export { createCardIntl, type CardIntl, type MessageValues } from "./i18n/card-intl.js";
export type { MessageId } from "./i18n/catalogues.js";
export * from "./commands.js";
export { buildApprovalCard, buildStaleApprovalCard, type ApprovalCardInput } from "./approval-card.js";
export { buildApprovalStatusCard, type ApprovalStatusCardInput } from "./approval-status-card.js";
export * from "./decision-inputs.js";
export { buildDecisionCard, type DecisionCardInput } from "./decision-card.js";
export { buildReminderCard, REMINDER_MAX_GOALS, type ReminderCardInput } from "./reminder-card.js";
export * from "./check-in-inputs.js";
export { buildCheckInDoneCard, type CheckInDoneCardInput } from "./check-in-done-card.js";
export * from "./kudos-cards.js";
export * from "./close-out-inputs.js";
export { buildCloseOutCard, buildCloseOutDoneCard, CLOSE_OUT_MAX_GOALS, formatOutcome, type CloseOutCardInput, type CloseOutDoneCardInput } from "./close-out-card.js";
export * from "./digest-card.js";
export * from "./my-goals-card.js";
export * from "./pending-approvals-card.js";
export * from "./help-card.js";
export * from "./message-card.js";
