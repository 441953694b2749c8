/** Malformed requests for every operation of functions/openapi.json and every card verb, made with
 * fast-check: wrong types, huge sizes, bad encodings, prototype keys, NaN and ±1e308, impossible dates,
 * odd Unicode and broken percent-encoding in paths. */
import fc from "fast-check";
import { VERBS } from "../../../cards/src/index.js";

export interface FuzzRequest {
  operation: string;
  method: string;
  path: string;
  /** Raw body text, sent as is. */
  body?: string;
  headers: Record<string, string>;
  /** For card actions: the verb and data, so the answer can be judged. */
  card?: { verb: string; data: Record<string, unknown> };
}

export interface FuzzTargets {
  goalId: string;
  keyResultId: string;
  personId: string;
  cycleId: string;
}

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; $ref?: string; enum?: unknown[] };
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

/** Values of the wrong type or shape for any field. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, "", " ", "NaN", "Infinity", "-0", "1e308", "-1e308", "0x10", "١٢٣"),
  fc.constantFrom("2027-02-30", "2027-13-01", "0000-00-00", "9999-12-31T99:99:99Z", "27-1-1", "2027-03-15T00:00:00+99:00", "yesterday"),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "' or PartitionKey ne '", "a/b", "a\\b", "a#b", "a?b", "\u0000", "\uFEFF", "\uD800", "‮evil", "👩‍👩‍👧‍👦".repeat(50)),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer().map((n) => n * 1e300),
  fc.double(),
  fc.constantFrom("x".repeat(5_000), "é".repeat(30_000)),
  fc.array(fc.constantFrom(1, "a", null, {}), { maxLength: 5 }),
  fc.constant(JSON.parse('{"__proto__":{"isAdmin":true}}') as unknown),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "id", "ownerId", "status"), fc.constantFrom(1, "x", null, { polluted: true }), { maxKeys: 3 }),
);

/** Path segments that are not ids: bad percent-encoding, traversal, reserved characters, huge ones. */
const badSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("%E0%A4%A", "%", "%%", "%zz", "%00", "%2F", "a%2Fb", "%25E0%25A4", "..", "%2e%2e", "%C0%AE", "%FF%FE", "__proto__", "constructor", "null", "undefined", "%20", "a;b", "a,b", "'"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).map((s) => encode(s)),
  fc.string({ unit: "binary", minLength: 1, maxLength: 30 }).map((s) => encode(s)),
  fc.constantFrom("a".repeat(300), "b".repeat(3_000)),
);

/** Whole bodies that are not what any operation takes. */
const badRawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("{", "}", "[", "{\"a\":}", "null", "[]", "0", "\"text\"", "{\"__proto__\":{\"polluted\":1}}", "{\"constructor\":{\"prototype\":{\"polluted\":1}}}", "\uFEFF{}", "{}\u0000", "NaN", "{\"a\":NaN}", "{\"a\":1e999}"),
  fc.constant(`${"[".repeat(5_000)}${"]".repeat(5_000)}`),
  fc.constant(`{"title":"${"x".repeat(70_000)}"}`),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** Percent-encodes text, turning lone surrogates (which have no UTF-8 form) into U+FFFD first. */
const encode = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));

const resolve = (doc: OpenApi, schema: Schema | undefined): Schema | undefined => (schema?.$ref ? doc.components.schemas[schema.$ref.split("/").pop()!] : schema);

/** One valid-looking body per operation, so that a single bad field is what the server has to catch. */
function baseBody(operation: string, t: FuzzTargets): Record<string, unknown> {
  const goal = { cycleId: t.cycleId, title: "Fuzzed goal title", description: "Fuzzed description that explains why.", dueDate: "2027-03-15", visibility: "public", parentId: null, weight: 1, keyResults: [{ title: "Median checkout time", kind: "number", start: 90, target: 30, current: 90, unit: "s" }] };
  const bodies: Record<string, Record<string, unknown>> = {
    "POST /api/goals": goal,
    "PATCH /api/goals/{id}": { title: "Fuzzed title", keyResults: goal.keyResults },
    "POST /api/goals/{id}/decision": { decision: "approve", comment: "ok" },
    "POST /api/goals/{id}/close": { outcome: "completed", comment: null },
    "POST /api/goals/{id}/checkins": { keyResults: [{ id: t.keyResultId, current: 10 }], confidence: "on_track", note: "n" },
    "POST /api/goals/{id}/kudos": { message: "Thanks" },
    "POST /api/goals/{id}/comments": { text: "A comment" },
    "POST /api/cycles": { name: "Fuzz cycle", startDate: "2027-04-01", endDate: "2027-06-30" },
    "PUT /api/me/time-zone": { timeZone: "Europe/Berlin" },
    "POST /api/admin/erase": { personId: t.personId },
    "POST /api/goals/{id}/reassign": { newOwnerId: t.personId, comment: null },
    "POST /api/goals/{id}/close-for-leaver": { outcome: "cancelled" },
    "PUT /api/admin/settings": { isApprovalRequired: true, organisationGoalOwnerIds: [], reminders: { hour: 8 } },
    "POST /api/card-actions": { verb: VERBS.refresh, data: { goalId: t.goalId } },
  };
  return bodies[operation] ?? {};
}

/** Sets a value at a path of field names, creating objects on the way (arrays are indexed by number). */
function setDeep(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

function fieldPaths(doc: OpenApi, operation: string, schema: Schema | undefined, base: Record<string, unknown>): string[][] {
  const names = new Set([...Object.keys(resolve(doc, schema)?.properties ?? {}), ...Object.keys(base)]);
  const paths = [...names].map((name) => [name]);
  if (Array.isArray(base.keyResults)) for (const field of ["id", "title", "kind", "start", "target", "current", "done", "unit"]) paths.push(["keyResults", "0", field]);
  if (operation === "PUT /api/admin/settings") paths.push(["reminders", "hour"], ["reminders", "__proto__"]);
  return paths.length > 0 ? paths : [["unexpected"]];
}

/** Serialises, keeping a literal "__proto__" key (JSON.stringify would drop one set through an object literal). */
function stringify(body: unknown): string {
  return JSON.stringify(body, (_key, value) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value));
}

function operationArbitrary(doc: OpenApi, operation: string, template: string, spec: OpenApi["paths"][string][string], t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const method = operation.split(" ")[0]!;
  const base = baseBody(operation, t);
  const schema = spec.requestBody?.content["application/json"]?.schema;
  const hasBody = spec.requestBody !== undefined;
  const query = (spec.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  const fill = (segment: string | null) => template.replace(/\{(\w+)\}/g, (_m, name: string) => segment ?? (name === "personId" ? t.personId : name === "job" ? "reminders" : name === "id" && template.includes("/cycles/") ? t.cycleId : template.startsWith("/api/people") ? t.personId : t.goalId));
  const paths = fieldPaths(doc, operation, schema, base);
  const body: fc.Arbitrary<string | undefined> = hasBody
    ? fc.oneof(
        { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...paths), badValue).map(([path, value]) => stringify(setDeep(base, path, value))) },
        { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor").map((key) => stringify(base).replace(/^\{/, `{"${key}":{"isAdmin":true,"polluted":1},`)) },
        { weight: 2, arbitrary: badRawBody },
      )
    : fc.option(badRawBody, { nil: undefined });
  const queryString = query.length > 0 ? fc.array(fc.tuple(fc.constantFrom(...query), badValue), { maxLength: 3 }).map((pairs) => pairs.map(([k, v]) => `${k}=${encode(typeof v === "string" ? v : (JSON.stringify(v) ?? ""))}`).join("&")) : fc.constant("");
  const segment = template.includes("{") ? fc.option(badSegment, { nil: null, freq: 2 }) : fc.constant(null);
  const headers = fc.record({
    "content-type": fc.constantFrom("application/json", "application/json", "text/plain", "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/merge-patch+json"),
    "if-match": fc.constantFrom("*", 'W/"garbage"', "", '"\u00ff"', "x".repeat(2_000), 'W/"datetime\'2027-01-01T00%3A00%3A00Z\'"'),
  });
  return fc.tuple(segment, queryString, body, headers).map(([seg, q, b, h]) => ({ operation, method, path: `${fill(seg)}${q ? `?${q}` : ""}`, body: method === "GET" ? undefined : b, headers: h }));
}

/** Card actions as Teams would send them, with their data fuzzed. */
function cardArbitrary(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  // A well-formed check-in on the real goal whose value is out of the API's range: the card must refuse it as the API does.
  const outOfRange = fc.constantFrom("1e308", "-1e308", "1e13", "-1e13", "Infinity", "NaN", "1e999", 1e308).map((current) => ({
    verb: "checkin.submit" as string,
    goalId: t.goalId as unknown,
    extra: { version: "", [`${t.goalId}.kr.${t.keyResultId}.current`]: current, [`${t.goalId}.confidence`]: "on_track" } as Record<string, unknown>,
  }));
  const goalId = fc.oneof(fc.constant(t.goalId), badValue, fc.constantFrom("a/b", "a#b", "%E0%A4%A", "__proto__"));
  const fuzzed = fc.record({
    verb: fc.constantFrom(...Object.values(VERBS)),
    goalId,
    extra: fc.dictionary(
      fc.constantFrom("version", "current", "confidence", "note", "kudosMessage", "rejectComment", "requestChangesComment", `${t.goalId}.kr.${t.keyResultId}.current`, `${t.goalId}.kr.${t.keyResultId}.done`, `${t.goalId}.confidence`, `${t.goalId}.note`, `${t.goalId}.kr.__proto__.current`, "__proto__", "constructor"),
      badValue,
      { maxKeys: 4 },
    ),
  });
  return fc.oneof({ weight: 9, arbitrary: fuzzed }, { weight: 1, arbitrary: outOfRange }).map(({ verb, goalId: id, extra }) => {
    const cardData = { goalId: id, ...extra };
    return { operation: `card ${verb}`, method: "POST", path: "/api/card-actions", body: stringify({ verb, data: cardData }), headers: { "content-type": "application/json" }, card: { verb, data: cardData } };
  });
}

export function buildFuzzRequests(doc: OpenApi, targets: FuzzTargets, perOperation: number, perVerb: number, seed: number): FuzzRequest[] {
  const requests: FuzzRequest[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, spec] of Object.entries(item)) {
      if (!["get", "put", "post", "patch", "delete"].includes(method)) continue;
      const operation = `${method.toUpperCase()} ${template}`;
      requests.push(...fc.sample(operationArbitrary(doc, operation, template, spec, targets), { numRuns: perOperation, seed: seed + requests.length }));
    }
  }
  requests.push(...fc.sample(cardArbitrary(targets), { numRuns: perVerb * Object.values(VERBS).length, seed: seed + requests.length }));
  return requests;
}
