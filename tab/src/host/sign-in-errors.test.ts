import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { describeSignInError } from "./sign-in-errors.js";

describe("describeSignInError", () => {
  it("says plainly what the person can do for the errors people meet", () => {
    expect(describeSignInError({ errorCode: "user_cancelled", errorMessage: "User cancelled the flow." }, english)).toMatch(/^Sign-in was cancelled/);
    expect(describeSignInError({ errorCode: "consent_required" }, english)).toContain("Ask your admin to grant consent");
    expect(describeSignInError({ errorCode: "no_network_connectivity" }, english)).toContain("Check your connection");
  });

  it("passes on the first line of Entra ID's description, which names the AADSTS code", () => {
    const error = { errorCode: "invalid_request", errorMessage: "AADSTS50011: The redirect URI does not match.\r\nTrace ID: 1\r\nCorrelation ID: 2" };
    expect(describeSignInError(error, english)).toBe("Microsoft sign-in did not complete: AADSTS50011: The redirect URI does not match.");
  });

  it("has a sentence even for something unknown", () => {
    expect(describeSignInError(null, english)).toBe("Microsoft sign-in did not complete. Try again.");
    expect(describeSignInError(new Error("boom"), english)).toBe("Microsoft sign-in did not complete: boom");
  });
});
