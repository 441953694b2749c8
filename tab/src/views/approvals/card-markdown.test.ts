import { describe, expect, it } from "vitest";
import { renderCardMarkdown } from "./card-markdown.js";

describe("renderCardMarkdown", () => {
  it("renders bold text and bullet lists", () => {
    expect(renderCardMarkdown("- **Speed**: from 90 s to 30 s\r- Launch")).toBe("<ul><li><strong>Speed</strong>: from 90 s to 30 s</li><li>Launch</li></ul>");
  });

  it("escapes markup so card text cannot inject HTML", () => {
    expect(renderCardMarkdown('<img src=x onerror="alert(1)">')).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("links only web addresses", () => {
    expect(renderCardMarkdown("[Open](https://example.test/a)")).toContain('href="https://example.test/a"');
    expect(renderCardMarkdown("[Run](javascript:alert(1))")).not.toContain("href");
  });
});
