import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ADMIN_ROLE } from "../../functions/src/domain/goal-access.js";
import { assignAdminRole, type Az } from "./admin-role.js";

const manifest = JSON.parse(readFileSync(new URL("../aad.manifest.json", import.meta.url), "utf8")) as {
  appRoles: { id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }[];
  api: { oauth2PermissionScopes: { id: string; value: string }[]; preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[] };
};

/** The Microsoft 365 hosts that get a token for the tab: Teams desktop/mobile and web, Microsoft 365 web,
 * desktop and mobile (with Outlook desktop), Outlook web and mobile. */
const HOSTS = [
  "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
  "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
  "4765445b-32c6-49b0-83e6-1d93765276ca",
  "0ec893e0-5785-4de6-99da-4ed124e5296c",
  "d3590ed6-52b3-4102-aeff-aad2292ab01c",
  "bc59ab01-8403-45c6-8796-ac3ef710b3e3",
  "27922004-5251-4030-b22d-91ecd9a37ea4",
];

describe("the Entra app manifest", () => {
  test("declares the admin role the API checks, for people, with a fixed id", () => {
    const role = manifest.appRoles.find((r) => r.value === ADMIN_ROLE);
    expect(role).toMatchObject({ allowedMemberTypes: ["User"], isEnabled: true });
    expect(role?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test("pre-authorises all seven Microsoft 365 hosts for access_as_user, and no other app", () => {
    const scopeId = manifest.api.oauth2PermissionScopes.find((s) => s.value === "access_as_user")?.id;
    expect(scopeId).toBeDefined();
    expect(manifest.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([...HOSTS].sort());
    for (const app of manifest.api.preAuthorizedApplications) expect(app.delegatedPermissionIds).toEqual([scopeId]);
  });
});

const USER = "7a1b2c3d-0000-4000-8000-000000000001";
const SP = "5b6c7d8e-0000-4000-8000-000000000002";
const ROLE = "e0968b31-f325-42f0-9040-a31580f65805";

/** Answers like the Azure CLI for the calls the assignment makes, and records them. */
function fakeAz(state: { signedIn: boolean; roleId: string | null; held: string[] }) {
  const calls: string[][] = [];
  const az: Az = (args) => {
    calls.push(args);
    const ok = (value: unknown) => ({ status: 0, stdout: typeof value === "string" ? `${value}\n` : JSON.stringify(value), stderr: "" });
    if (args[0] === "ad" && args[1] === "signed-in-user") return state.signedIn ? ok(USER) : { status: 1, stdout: "", stderr: "ERROR: /me request is only valid with delegated authentication flow." };
    if (args[0] === "ad" && args[1] === "sp") return ok({ id: SP, roleId: state.roleId });
    if (args.includes("GET")) return ok({ value: state.held.map((appRoleId) => ({ appRoleId, resourceId: SP })) });
    if (args.includes("POST")) return ok({ id: "assignment", appRoleId: state.roleId });
    return { status: 2, stdout: "", stderr: `unexpected az ${args.join(" ")}` };
  };
  return { az, calls };
}

describe("making the deployer a Cascade admin", () => {
  test("assigns the role found by its value, posting the person, the app and the role", () => {
    const { az, calls } = fakeAz({ signedIn: true, roleId: ROLE, held: [] });
    let body: unknown;
    const outcome = assignAdminRole("client-1", az, (b) => ((body = b), "/tmp/body.json"));
    expect(outcome.kind).toBe("assigned");
    expect(body).toEqual({ principalId: USER, resourceId: SP, appRoleId: ROLE });
    const post = calls.find((c) => c.includes("POST"))!;
    expect(post).toEqual(expect.arrayContaining([`https://graph.microsoft.com/v1.0/servicePrincipals/${SP}/appRoleAssignedTo`, "@/tmp/body.json"]));
    expect(calls.find((c) => c.includes("GET"))).toContain(`https://graph.microsoft.com/v1.0/users/${USER}/appRoleAssignments?$filter=resourceId eq ${SP}`);
  });

  test("a second run changes nothing", () => {
    const { az, calls } = fakeAz({ signedIn: true, roleId: ROLE, held: ["another-role", ROLE] });
    expect(assignAdminRole("client-1", az, () => "unused").kind).toBe("already");
    expect(calls.some((c) => c.includes("POST"))).toBe(false);
  });

  test("an app without the role says to apply the manifest first", () => {
    const { az } = fakeAz({ signedIn: true, roleId: null, held: [] });
    expect(() => assignAdminRole("client-1", az, () => "unused")).toThrow(/no Cascade.Admin app role yet/);
  });

  test("a CLI signed in as an app, not a person, assigns nothing and says how to do it by hand", () => {
    const { az, calls } = fakeAz({ signedIn: false, roleId: ROLE, held: [] });
    const outcome = assignAdminRole("client-1", az, () => "unused");
    expect(outcome.kind).toBe("skipped");
    expect(outcome.message).toContain("Enterprise applications");
    expect(calls).toHaveLength(1);
  });
});
