/** The Microsoft 365 application the tab runs in, as teams-js names it (`app.host.name`). Teams, Outlook
 * and the Microsoft 365 app all give the tab a token the same way (authentication.getAuthToken); the name
 * only makes messages say which application it is. */

export type HostLabel = "Teams" | "Outlook" | "Microsoft 365";

export function describeHost(hostName: string | undefined): HostLabel {
  if (hostName === "Outlook" || hostName === "OutlookWin32") return "Outlook";
  if (hostName === "Office") return "Microsoft 365";
  return "Teams";
}
