/** Importing goals from a spreadsheet or a Viva Goals export: a dry run answers at once, a run is an
 * admin job followed by its id. The file is the body; options (a column mapping, owner choices) come
 * as JSON in the Import-Options header, with non-ASCII characters written as \u escapes. */
import { importOptionsSchema } from "../contracts/admin.js";
import { assertAdmin } from "../domain/admin.js";
import { AppError } from "../domain/errors.js";
import { readImportStatus, startImport } from "../domain/import/import-jobs.js";
import { previewImport, type ImportOptions } from "../domain/import/import-service.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseId } from "./schemas.js";

function parseOptions(header: string | null): ImportOptions {
  if (!header) return { mapping: null, owners: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(header);
  } catch {
    throw new AppError("bad_request", "The Import-Options header is not valid JSON.", { errors: [{ path: "Import-Options", message: "Send a JSON object." }] });
  }
  const result = importOptionsSchema.safeParse(raw);
  if (!result.success) throw new AppError("validation_failed", "The import options are not valid.", { errors: result.error.issues.map((i) => ({ path: ["Import-Options", ...i.path].join("."), message: i.message })) });
  return { mapping: result.data.mapping ?? null, owners: result.data.owners ?? {} };
}

function parseDryRun(value: string | null): boolean {
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw new AppError("validation_failed", "dryRun must be true or false.", { errors: [{ path: "dryRun", message: "Use true or false." }] });
}

export const adminImportHandlers = {
  "admin-imports-start": async ({ services, principal, request, query, bodyBytes }) => {
    assertAdmin(principal, "import goals");
    const isDryRun = parseDryRun(query.get("dryRun"));
    const options = parseOptions(request.headers.get("import-options"));
    if (bodyBytes.byteLength === 0) throw new AppError("bad_request", "Send the file as the body.");
    // The readers (exceljs is large) load with the first import, not with every cold start.
    const { readSheetBody } = await import("../sheets/read-sheet.js");
    const contentType = request.headers.get("content-type") ?? "";
    const openSheet = () => readSheetBody(contentType, bodyBytes);
    if (isDryRun) return json(200, await previewImport(services.admin.imports, principal, openSheet(), options));
    const { job } = await startImport({ ...services.admin.imports, jobs: services.admin.jobs }, principal, openSheet, options);
    return json(202, { id: job.id }, { location: `/api/admin/imports/${job.id}` });
  },
  "admin-imports-get": async ({ services, principal, params }) => {
    assertAdmin(principal, "see imports");
    return json(200, await readImportStatus(services.admin.jobs, principal, parseId(params["id"], "id")));
  },
} satisfies RouteHandlers;
