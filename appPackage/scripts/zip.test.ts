import { describe, expect, it } from "vitest";
import { createZip, readZip } from "./zip.js";

describe("zip", () => {
  it("reads back every entry, compressed or stored, with its exact bytes", () => {
    const entries = [
      { name: "manifest.json", data: Buffer.from(JSON.stringify({ a: "x".repeat(500) })) },
      { name: "tab/assets/ünïcode.js", data: Buffer.from("export const x = 1;\n".repeat(50)) },
      { name: "tiny.bin", data: Uint8Array.from([1, 2, 3]) },
      { name: "empty.txt", data: new Uint8Array(0) },
    ];
    const back = readZip(createZip(entries));
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((entry, i) => expect(Buffer.from(entry.data).equals(Buffer.from(entries[i]!.data))).toBe(true));
  });

  it("compresses repetitive content", () => {
    const data = Buffer.from("cascade ".repeat(10_000));
    expect(createZip([{ name: "a.txt", data }]).length).toBeLessThan(data.length / 20);
  });

  it("writes the same bytes for the same input, so artifacts are reproducible", () => {
    const entries = [{ name: "a.txt", data: Buffer.from("same") }];
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
  });

  it.each(["/etc/passwd", "../escape.txt", "a\\b.txt", ""])("refuses the unsafe entry name %j", (name) => {
    expect(() => createZip([{ name, data: Buffer.from("x") }])).toThrow(/relative path with forward slashes/);
  });

  it("refuses the same name twice", () => {
    const entry = { name: "a.txt", data: Buffer.from("x") };
    expect(() => createZip([entry, entry])).toThrow(/'a.txt' appears twice/);
  });

  it("notices corrupted content through the CRC", () => {
    const zip = createZip([{ name: "a.txt", data: Buffer.from("hello") }]);
    zip[30 + "a.txt".length] = "j".charCodeAt(0);
    expect(() => readZip(zip)).toThrow(/'a.txt' fails its CRC check/);
  });

  it("says clearly when a file is not a zip", () => {
    expect(() => readZip(Buffer.from("definitely not a zip file, just some text"))).toThrow(/not a zip file/);
  });
});
