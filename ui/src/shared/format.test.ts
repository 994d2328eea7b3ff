import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatSize } from "./format";

describe("format", () => {
  it("sizes in human units", () => {
    expect(formatSize(0, "en")).toBe("0 B");
    expect(formatSize(1023, "en")).toBe("1,023 B");
    expect(formatSize(1536, "en")).toBe("1.5 KB");
    expect(formatSize(5 * 1024 * 1024, "en")).toBe("5 MB");
    expect(formatSize(-1, "en")).toBe("–");
  });
  it("dates in the locale, in a fixed zone for the test", () => {
    expect(formatDate("2026-11-28T09:05:00Z", "en", "UTC")).toBe("Nov 28, 2026, 9:05 AM");
    expect(formatDate("2026-11-28T09:05:00Z", "ja", "Asia/Tokyo")).toBe("2026/11/28 18:05");
    expect(formatDate(null, "en")).toBe("–");
    expect(formatDate("garbage", "en")).toBe("–");
  });
  it("counts with separators", () => {
    expect(formatCount(100000, "en")).toBe("100,000");
  });
});
