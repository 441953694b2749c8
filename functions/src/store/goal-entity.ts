/** Mapping between goals and their Table entities. */
import { normaliseStoredKeyResult, normaliseStoredSnapshot } from "../domain/key-results.js";
import type { AuditEntry, CarryLink, CheckIn, CloseOut, Goal } from "../domain/types.js";
import { makeKey } from "./tables.js";

export interface GoalEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  id: string;
  ownerId: string;
  cycleId: string;
  status: string;
  title: string;
  description: string;
  dueDate: string;
  visibility: string;
  parentId: string;
  weight: number;
  isTopLevel: boolean;
  approverId: string;
  keyResults: string;
  approvedSnapshot: string;
  flags: string;
  lastCheckIn: string;
  createdAt: string;
  updatedAt: string;
  /** Set on the source row while the goal moves to this owner: the row may no longer be the goal. */
  movingTo?: string;
  /** Set on the copy a move writes into the new owner's partition until the moved goal is saved there:
   * before that the move may still be undone, so the copy is not yet the goal for a read by id. */
  movingFrom?: string;
  /** Close-out and carry-over columns; rows written before they existed have none of them. */
  closeOut?: string;
  continuedFrom?: string;
  carriedTo?: string;
}

export const ownerPartition = (tenantId: string, ownerId: string) => makeKey(tenantId, ownerId);
export const goalRowKey = (goalId: string) => makeKey("g", goalId);
export const auditRowPrefix = (goalId: string) => makeKey("a", goalId) + "|";
export const checkInRowPrefix = (goalId: string) => makeKey("c", goalId) + "|";

/** Newest-first ordering for check-ins: the row key sorts by the inverted time. */
export function invertTime(iso: string): string {
  return String(9_999_999_999_999 - Date.parse(iso)).padStart(13, "0");
}

export function toGoalEntity(goal: Goal): GoalEntity {
  return {
    partitionKey: ownerPartition(goal.tenantId, goal.ownerId),
    rowKey: goalRowKey(goal.id),
    tenantId: goal.tenantId,
    id: goal.id,
    ownerId: goal.ownerId,
    cycleId: goal.cycleId,
    status: goal.status,
    title: goal.title,
    description: goal.description,
    dueDate: goal.dueDate ?? "",
    visibility: goal.visibility,
    parentId: goal.parentId ?? "",
    weight: goal.weight,
    isTopLevel: goal.isTopLevel,
    approverId: goal.approverId ?? "",
    keyResults: JSON.stringify(goal.keyResults),
    approvedSnapshot: goal.approvedSnapshot ? JSON.stringify(goal.approvedSnapshot) : "",
    flags: JSON.stringify(goal.flags),
    lastCheckIn: goal.lastCheckIn ? JSON.stringify(goal.lastCheckIn) : "",
    createdAt: goal.createdAt,
    updatedAt: goal.updatedAt,
    ...(goal.closeOut ? { closeOut: JSON.stringify(goal.closeOut) } : {}),
    ...(goal.continuedFrom ? { continuedFrom: goal.continuedFrom } : {}),
    ...(goal.carriedTo && goal.carriedTo.length > 0 ? { carriedTo: JSON.stringify(goal.carriedTo) } : {}),
  };
}

function parseJson<T>(text: string, fallback: T): T {
  return text ? (JSON.parse(text) as T) : fallback;
}

export function fromGoalEntity(entity: GoalEntity): Goal {
  return {
    tenantId: entity.tenantId,
    id: entity.id,
    ownerId: entity.ownerId,
    cycleId: entity.cycleId,
    status: entity.status as Goal["status"],
    title: entity.title,
    description: entity.description,
    dueDate: entity.dueDate || null,
    visibility: entity.visibility as Goal["visibility"],
    parentId: entity.parentId || null,
    weight: entity.weight,
    isTopLevel: entity.isTopLevel,
    approverId: entity.approverId || null,
    keyResults: parseJson<Array<Record<string, unknown>>>(entity.keyResults, []).map(normaliseStoredKeyResult),
    approvedSnapshot: normaliseStoredSnapshot(parseJson(entity.approvedSnapshot, null)),
    flags: parseJson(entity.flags, []),
    lastCheckIn: parseJson(entity.lastCheckIn, null),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    ...(entity.closeOut ? { closeOut: parseJson<CloseOut | null>(entity.closeOut, null) } : {}),
    ...(entity.continuedFrom ? { continuedFrom: entity.continuedFrom } : {}),
    ...(entity.carriedTo ? { carriedTo: parseJson<CarryLink[]>(entity.carriedTo, []) } : {}),
  };
}

export function toAuditEntity(tenantId: string, ownerId: string, entry: AuditEntry) {
  return {
    partitionKey: ownerPartition(tenantId, ownerId),
    rowKey: auditRowPrefix(entry.goalId) + makeKey(entry.at, entry.id),
    id: entry.id,
    goalId: entry.goalId,
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    comment: entry.comment ?? "",
    changes: JSON.stringify(entry.changes),
  };
}

export function fromAuditEntity(entity: Record<string, unknown>): AuditEntry {
  return {
    id: String(entity["id"]),
    goalId: String(entity["goalId"]),
    at: String(entity["at"]),
    actorId: String(entity["actorId"]),
    action: String(entity["action"]),
    comment: entity["comment"] ? String(entity["comment"]) : null,
    changes: parseJson(String(entity["changes"] ?? ""), {}),
  };
}

export function toCheckInEntity(tenantId: string, ownerId: string, checkIn: CheckIn) {
  return {
    partitionKey: ownerPartition(tenantId, ownerId),
    rowKey: checkInRowPrefix(checkIn.goalId) + makeKey(invertTime(checkIn.at), checkIn.id),
    id: checkIn.id,
    goalId: checkIn.goalId,
    at: checkIn.at,
    authorId: checkIn.authorId,
    confidence: checkIn.confidence,
    note: checkIn.note,
    values: JSON.stringify(checkIn.values),
  };
}

export function fromCheckInEntity(entity: Record<string, unknown>): CheckIn {
  return {
    id: String(entity["id"]),
    goalId: String(entity["goalId"]),
    at: String(entity["at"]),
    authorId: String(entity["authorId"]),
    confidence: String(entity["confidence"]) as CheckIn["confidence"],
    note: String(entity["note"] ?? ""),
    values: parseJson(String(entity["values"] ?? ""), []),
  };
}
