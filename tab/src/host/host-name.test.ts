import { describe, expect, it } from "vitest";
import { describeHost } from "./host-name.js";

describe("describeHost", () => {
  it("names Teams, Outlook and the Microsoft 365 app from teams-js host names", () => {
    expect(describeHost("Teams")).toBe("Teams");
    expect(describeHost("TeamsModern")).toBe("Teams");
    expect(describeHost("Outlook")).toBe("Outlook");
    expect(describeHost("OutlookWin32")).toBe("Outlook");
    expect(describeHost("Office")).toBe("Microsoft 365");
  });

  it("calls an unknown or missing host Teams, whose SSO every host shares", () => {
    expect(describeHost(undefined)).toBe("Teams");
    expect(describeHost("Places")).toBe("Teams");
  });
});
