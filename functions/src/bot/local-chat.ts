/** Local development only: the tab's "Teams chat" panel posts activities to /api/messages with a
 * token from the local issuer instead of a Bot Framework token. Such an activity is accepted only
 * when its sender is the person the token was issued to. */
import { decodeJwt } from "jose";
import { devIssuerFor } from "../auth/dev-issuer.js";
import type { TokenVerifier } from "../auth/verify-token.js";
import { AppError } from "../domain/errors.js";
import type { Principal } from "../domain/types.js";
import { readTenantId, type IncomingActivity } from "./activity.js";

/** A cheap look at the unverified issuer, only to pick the path; the chosen path verifies fully. */
export function isLocalIssuerToken(authorization: string | null): boolean {
  const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
  if (!token) return false;
  try {
    const claims = decodeJwt(token);
    return typeof claims.tid === "string" && claims.iss === devIssuerFor(claims.tid);
  } catch {
    return false;
  }
}

export async function verifyLocalSender(verifyToken: TokenVerifier, authorization: string | null, activity: IncomingActivity): Promise<Principal> {
  const principal = await verifyToken(authorization);
  const sender = activity.from.aadObjectId?.toLowerCase();
  if (sender !== principal.userId || readTenantId(activity) !== principal.tenantId) {
    throw new AppError("forbidden", "The activity's sender must be the signed-in person.");
  }
  return principal;
}
