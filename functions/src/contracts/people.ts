/** People on the wire: the caller, a profile, a manager's reports, and how the tab signs a person in. */
import { z } from "zod";
import { idSchema, type PersonSummary } from "./common.js";

export interface Me extends PersonSummary {
  tenantId: string;
  department: string | null;
  mail: string | null;
  /** False when the caller is not (yet) in the synced org chart. */
  isInDirectory: boolean;
  manager: PersonSummary | null;
  reportsCount: number;
  roles: string[];
  /** Holds the Cascade.Admin app role; the server checks it on every admin route. */
  isAdmin: boolean;
  canSetTopLevel: boolean;
}

export interface PersonProfile extends PersonSummary {
  mail: string | null;
  department: string | null;
  managerId: string | null;
  isEnabled: boolean;
  manager: PersonSummary | null;
  /** Managers from the nearest up to the top of the chain. */
  managerChain: PersonSummary[];
  reportsCount: number;
}

export interface ReportEntry extends PersonSummary {
  mail: string | null;
  department: string | null;
  managerId: string | null;
  isEnabled: boolean;
  /** 1 for a direct report, 2 for their reports, and so on. */
  level: number;
}

/** What the tab needs to sign a person in with Microsoft outside Teams. Nothing here is secret. */
export type SignInSettings =
  | { mode: "dev" }
  | {
      mode: "entra";
      clientId: string;
      /** The tenant's authority, e.g. https://login.microsoftonline.com/{tenant}. */
      authority: string;
      scopes: string[];
      /** Hosts MSAL may trust without asking Microsoft's instance discovery (a private cloud, a local stand-in). */
      knownAuthorities: string[];
    };

export type EntraSignInSettings = Extract<SignInSettings, { mode: "entra" }>;

/** Local development only: a demo person and a token minted for one. */
export interface DevUser extends PersonSummary {
  department: string | null;
  managerId: string | null;
}

export interface DevToken {
  token: string;
  expiresAt: string;
}

export const devTokenSchema = z.strictObject({ userId: idSchema });
