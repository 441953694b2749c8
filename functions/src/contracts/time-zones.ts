/** Time zone names: checked with the runtime's own list, without loading the schemas. */
/** True for an IANA time zone name the runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
