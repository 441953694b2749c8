/** A verified token of a person whose data was erased no longer acts as them: their tokens may still
 * be valid for an hour, and the erasure must not be undone by what they write meanwhile. */
import type { ErasureMarks } from "../domain/erasure.js";
import { AppError } from "../domain/errors.js";
import type { TokenVerifier } from "./verify-token.js";

export function refuseErasedPeople(verify: TokenVerifier, marks: Pick<ErasureMarks, "isErased">): TokenVerifier {
  return async (authorization) => {
    const principal = await verify(authorization);
    if (await marks.isErased(principal.tenantId, principal.userId)) throw new AppError("forbidden", "This person's data was erased from Cascade, so their sign-in is no longer accepted.");
    return principal;
  };
}
