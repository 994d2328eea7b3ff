import { describe, expect, it } from "vitest";
import type { SharedLink } from "../../ipc/bindings";
import { shareHtml, shareText, validUntil } from "./shareText";

const link = (key: string, url: string, expiresAt: number): SharedLink => ({
  key,
  link: {
    url,
    method: "GET",
    headers: [],
    requestedSecs: 3600,
    effectiveSecs: 3600,
    expiresAt,
    limitedByCredentials: false,
  },
});

const at = Date.UTC(2026, 11, 1, 9, 30);
const links = [
  link(
    "reports/2026 Q3 <final>.pdf",
    "https://s3.example/b/reports/2026%20Q3%20%3Cfinal%3E.pdf?X-Amz-Signature=a&b=1",
    at + 900,
  ),
  link("reports/請求書.pdf", "https://s3.example/b/reports/%E8%AB%8B.pdf?X-Amz-Signature=c", at),
];

describe("the text of several shared links", () => {
  it("names each file with its link, then says until when they work", () => {
    const text = shareText(links, "en", "UTC");
    expect(text).toContain(
      "2026 Q3 <final>.pdf\nhttps://s3.example/b/reports/2026%20Q3%20%3Cfinal%3E.pdf?X-Amz-Signature=a&b=1",
    );
    expect(text).toContain("請求書.pdf\nhttps://s3.example/b/reports/%E8%AB%8B.pdf?X-Amz-Signature=c");
    expect(validUntil(links)).toBe(at);
    expect(text).toMatch(/valid until .*2026.*9:30/i);
    expect(shareText(links, "ja", "UTC")).toMatch(/2026.*9:30.*まで/);
  });

  it("escapes names and links in the HTML, so a hostile name is text and not markup", () => {
    const html = shareHtml(links, "en", "UTC");
    expect(html).toContain("2026 Q3 &lt;final&gt;.pdf</a>");
    expect(html).toContain('href="https://s3.example/b/reports/2026%20Q3%20%3Cfinal%3E.pdf?X-Amz-Signature=a&amp;b=1"');
    expect(html).not.toContain("<final>");
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));
    expect(hrefs).toEqual(links.map((l) => l.link.url));
  });
});
