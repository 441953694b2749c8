/** The API contract: the wire schemas (zod), their types, the SMART rules, progress and the limits.
 * Shared by the routes, the domain's input parsing and the tab; imports nothing but zod. */
export * from "./limits.js";
export * from "./common.js";
export * from "./key-results.js";
export * from "./progress.js";
export * from "./smart.js";
export * from "./goals.js";
export * from "./cycles.js";
export * from "./close-out.js";
export * from "./check-ins.js";
export * from "./feedback.js";
export * from "./approvals.js";
export * from "./admin.js";
export * from "./people.js";
export * from "./views.js";
export * from "./import-template.js";
