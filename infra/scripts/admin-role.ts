/** Gives the person signed in to the Azure CLI Cascade's Cascade.Admin app role (see assign-admin-role.ts).
 * It asks Microsoft Graph through `az rest`, which needs the signed-in person to be allowed to assign app
 * roles (Application Administrator, Cloud Application Administrator, or an owner of the app). */
import { ADMIN_ROLE } from "../../functions/src/domain/goal-access.js";

const GRAPH = "https://graph.microsoft.com/v1.0";

export type Az = (args: string[]) => { status: number | null; stdout: string; stderr: string };

export type Outcome = { kind: "assigned" | "already" | "skipped"; message: string };

function azJson<T>(az: Az, args: string[], what: string): T {
  const result = az([...args, "--output", "json"]);
  if (result.status !== 0) throw new Error(`Could not ${what}: ${result.stderr.trim() || `az exited with ${result.status}`}`);
  return JSON.parse(result.stdout) as T;
}

/** Everything through `az`, so the same steps run wherever the Azure CLI is signed in. */
export function assignAdminRole(clientId: string, az: Az, writeBody: (body: unknown) => string): Outcome {
  const me = az(["ad", "signed-in-user", "show", "--query", "id", "--output", "tsv"]);
  if (me.status !== 0) {
    return { kind: "skipped", message: `The Azure CLI is not signed in as a person, so nobody was made a ${ADMIN_ROLE}. Assign the role in Entra ID: Enterprise applications, Cascade, Users and groups, Add assignment.` };
  }
  const userId = me.stdout.trim();
  const sp = azJson<{ id: string; roleId: string | null }>(az, ["ad", "sp", "show", "--id", clientId, "--query", `{id: id, roleId: appRoles[?value=='${ADMIN_ROLE}'].id | [0]}`], "read the app's service principal");
  if (!sp.roleId) throw new Error(`The app ${clientId} has no ${ADMIN_ROLE} app role yet: apply infra/aad.manifest.json first (atk provision), or add the role under App roles.`);
  const held = azJson<{ value: { appRoleId: string }[] }>(az, ["rest", "--method", "GET", "--url", `${GRAPH}/users/${userId}/appRoleAssignments?$filter=resourceId eq ${sp.id}`], "read your app role assignments");
  if (held.value.some((assignment) => assignment.appRoleId === sp.roleId)) return { kind: "already", message: `You already hold ${ADMIN_ROLE}.` };
  const bodyFile = writeBody({ principalId: userId, resourceId: sp.id, appRoleId: sp.roleId });
  azJson(az, ["rest", "--method", "POST", "--url", `${GRAPH}/servicePrincipals/${sp.id}/appRoleAssignedTo`, "--headers", "Content-Type=application/json", "--body", `@${bodyFile}`], `assign ${ADMIN_ROLE}`);
  return { kind: "assigned", message: `You now hold ${ADMIN_ROLE}; sign in to Cascade again for it to show.` };
}
