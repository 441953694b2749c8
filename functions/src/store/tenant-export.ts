/** Reads a tenant's export page by page: each page is one page of one table, turned into records,
 * so an export of any size runs as a series of short requests. The cursor names the table and the
 * storage continuation token. */
import { AppError } from "../domain/errors.js";
import type { TableFactory } from "./tables.js";
import { isContinuationToken, readTenantPage, type ExportSource } from "./tenant-data.js";

export const EXPORT_FORMAT = "cascade-export/1";
const ROWS_PER_PAGE = 200;

export interface ExportPage {
  sections: Record<string, unknown[]>;
  nextCursor: string | null;
}

interface Cursor {
  source: number;
  token: string | null;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.source, cursor.token]), "utf8").toString("base64url");
}

const MAX_CURSOR_CHARS = 8192;

function decodeCursor(text: string, sourceCount: number): Cursor {
  try {
    const decoded = text.length <= MAX_CURSOR_CHARS && /^[A-Za-z0-9_-]+$/.test(text) ? (JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown) : null;
    const [source, token] = Array.isArray(decoded) && decoded.length === 2 ? (decoded as [unknown, unknown]) : [null, null];
    const isTokenValid = token === null || (typeof token === "string" && isContinuationToken(token));
    if (Number.isInteger(source) && (source as number) >= 0 && (source as number) < sourceCount && isTokenValid) return { source: source as number, token: token as string | null };
  } catch {
    // Falls through to the error below: a cursor is only ever one this code handed out.
  }
  throw new AppError("validation_failed", "The export cursor is not valid; start the export again.", { errors: [{ path: "cursor", message: "Not a valid cursor." }] });
}

export interface TenantExport {
  readPage(tenantId: string, cursor: string | null): Promise<ExportPage>;
}

export function createTenantExport(factory: TableFactory, sources: readonly ExportSource[]): TenantExport {
  return {
    async readPage(tenantId, cursorText) {
      const cursor = cursorText ? decodeCursor(cursorText, sources.length) : { source: 0, token: null };
      const source = sources[cursor.source]!;
      const page = await readTenantPage(factory.getClient(source.table), tenantId, cursor.token, ROWS_PER_PAGE);
      const sections: Record<string, unknown[]> = {};
      for (const { section, record } of page.rows.flatMap((row) => source.toRecords(row))) (sections[section] ??= []).push(record);
      const next: Cursor | null = page.next ? { source: cursor.source, token: page.next } : cursor.source + 1 < sources.length ? { source: cursor.source + 1, token: null } : null;
      return { sections, nextCursor: next ? encodeCursor(next) : null };
    },
  };
}
