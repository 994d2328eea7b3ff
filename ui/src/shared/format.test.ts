import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDuration, formatSize, visibleName } from "./format";

describe("format", () => {
  it("rounds durations up to whole minutes, in hours and minutes", () => {
    expect(formatDuration(0, "en")).toBe("1 min");
    expect(formatDuration(61, "en")).toBe("2 min");
    expect(formatDuration(3600, "en")).toBe("1 h");
    expect(formatDuration(3901, "en")).toBe("1 h 6 min");
    expect(formatDuration(3901, "ja")).toBe("1 時間 6 分");
  });
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
  it("writes sizes and counts exactly as Intl does in both languages", () => {
    const values = [0, 1, 999, 1000, 1023, 1024, 1075, 1126, 1536, 10188, 102348, 1048575, 1048576, 102349];
    for (let k = 0; k < 3000; k++) values.push(Math.floor(1.37 ** (k % 110) * (k + 1)) % Number.MAX_SAFE_INTEGER);
    for (const locale of ["en", "ja"] as const) {
      for (const bytes of values) {
        let v = bytes;
        let unit = 0;
        while (v >= 1024 && unit < 5) {
          v /= 1024;
          unit++;
        }
        const digits = unit === 0 || v >= 100 ? 0 : 1;
        const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
        expect([bytes, formatSize(bytes, locale).split(" ")[0]]).toEqual([bytes, intl]);
        expect([bytes, formatCount(bytes, locale)]).toEqual([bytes, new Intl.NumberFormat(locale).format(bytes)]);
      }
    }
  });
});

describe("visibleName", () => {
  it("shows control and text-direction characters as code points", () => {
    expect(visibleName("rtl-\u202egnp.exe")).toBe("rtl-⟨U+202E⟩gnp.exe");
    expect(visibleName("bell\u0007 tab\t cr\r c1\u0085 iso\u2066")).toBe(
      "bell⟨U+0007⟩ tab⟨U+0009⟩ cr⟨U+000D⟩ c1⟨U+0085⟩ iso⟨U+2066⟩",
    );
  });
  it("leaves ordinary names alone", () => {
    expect(visibleName("写真 2026 (1).jpg")).toBe("写真 2026 (1).jpg");
  });
});
