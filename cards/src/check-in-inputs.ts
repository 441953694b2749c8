/** Input ids of the check-in form on the reminder card, and the parser that turns a submitted
 * form back into the body of POST /goals/{id}/checkins. Ids carry the goal id because one
 * reminder card holds a form per goal and every input of the card is submitted together. */
import type { CardIntl } from "./i18n/card-intl.js";
import type { CheckInBody, Confidence } from "./types.js";

export const NOTE_MAX_LENGTH = 1000;

export const checkInInputIds = {
  current: (goalId: string, keyResultId: string) => `${goalId}.kr.${keyResultId}.current`,
  done: (goalId: string, keyResultId: string) => `${goalId}.kr.${keyResultId}.done`,
  confidence: (goalId: string) => `${goalId}.confidence`,
  note: (goalId: string) => `${goalId}.note`,
};

export interface CheckInInputError {
  inputId: string;
  /** Set when the error is about one key result, so the caller can name it. */
  keyResultId: string | null;
  message: string;
}

export type CheckInParseResult = { ok: true; value: CheckInBody } | { ok: false; errors: CheckInInputError[] };

const CONFIDENCES: readonly Confidence[] = ["on_track", "at_risk", "off_track"];
const NUMBER_PATTERN = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Teams submits every input value as a string; other hosts may send numbers and booleans. */
function readNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || !NUMBER_PATTERN.test(value.trim())) return null;
  const number = Number(value.trim());
  return Number.isFinite(number) ? number : null;
}

function readBoolean(value: unknown): boolean | null {
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  return null;
}

type KeyResultEntry = CheckInBody["keyResults"][number];

function parseKeyResult(inputId: string, rest: string, value: unknown, intl: CardIntl): KeyResultEntry | CheckInInputError {
  const isDone = rest.endsWith(".done");
  const keyResultId = rest.slice(0, rest.lastIndexOf("."));
  if (isDone) {
    const done = readBoolean(value);
    return done === null ? { inputId, keyResultId, message: intl.t("checkIn.error.milestone") } : { id: keyResultId, done };
  }
  const current = readNumber(value);
  return current === null ? { inputId, keyResultId, message: intl.t("checkIn.error.number") } : { id: keyResultId, current };
}

function parseKeyResults(goalId: string, data: Record<string, unknown>, intl: CardIntl) {
  const prefix = `${goalId}.kr.`;
  const keyResults: KeyResultEntry[] = [];
  const errors: CheckInInputError[] = [];
  for (const [inputId, value] of Object.entries(data)) {
    if (!inputId.startsWith(prefix)) continue;
    const rest = inputId.slice(prefix.length);
    if (!rest.endsWith(".current") && !rest.endsWith(".done")) continue;
    const entry = parseKeyResult(inputId, rest, value, intl);
    if ("message" in entry) errors.push(entry);
    else keyResults.push(entry);
  }
  return { keyResults, errors };
}

export function parseCheckInInputs(goalId: string, data: Record<string, unknown>, intl: CardIntl): CheckInParseResult {
  const { keyResults, errors } = parseKeyResults(goalId, data, intl);
  const confidenceId = checkInInputIds.confidence(goalId);
  const confidence = data[confidenceId];
  if (!CONFIDENCES.includes(confidence as Confidence)) {
    errors.push({ inputId: confidenceId, keyResultId: null, message: intl.t("checkIn.error.confidence") });
  }
  const noteId = checkInInputIds.note(goalId);
  const rawNote = data[noteId];
  const note = typeof rawNote === "string" ? rawNote.trim() : "";
  if (rawNote !== undefined && typeof rawNote !== "string") {
    errors.push({ inputId: noteId, keyResultId: null, message: intl.t("checkIn.error.noteType") });
  } else if (note.length > NOTE_MAX_LENGTH) {
    errors.push({ inputId: noteId, keyResultId: null, message: intl.t("checkIn.error.noteLength", { max: NOTE_MAX_LENGTH }) });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { keyResults, confidence: confidence as Confidence, note } };
}
