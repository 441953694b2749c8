/** Hands a JSON document to the browser as a download. */
export function saveJsonFile(fileName: string, data: unknown): void {
  saveFile(fileName, new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
}

/** Hands a text file (a CSV) to the browser as a download. */
export function saveTextFile(fileName: string, text: string, type: string): void {
  saveFile(fileName, new Blob([text], { type }));
}

function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob only after click() has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
