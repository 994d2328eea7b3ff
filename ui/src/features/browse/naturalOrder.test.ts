import { describe, expect, it } from "vitest";
import { naturalCompare } from "./naturalOrder";

const sign = (n: number) => Math.sign(n);
const options = { numeric: true, sensitivity: "base" } as const;
const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).concat(["\t", "\n", "\v", "\f", "\r"]);

/** A small deterministic generator, so a failure names a pair that comes back on every run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
function names(alphabet: string, count: number, seed: number): string[] {
  const r = random(seed);
  return Array.from({ length: count }, () => {
    let n = "";
    const len = Math.floor(r() * 8);
    for (let k = 0; k < len; k++) n += alphabet[Math.floor(r() * alphabet.length)];
    return n;
  });
}

describe("naturalCompare", () => {
  for (const locale of ["en", "ja"]) {
    const collator = new Intl.Collator(locale, options);
    it(`orders every pair of ASCII characters as the ${locale} collator does`, () => {
      for (const a of ascii)
        for (const b of ascii) expect([a, b, sign(naturalCompare(a, b))]).toEqual([a, b, sign(collator.compare(a, b))]);
    });
    it(`orders 40,000 random ASCII names with numbers as the ${locale} collator does`, () => {
      const list = names("aAbZz0019 _-.,()~$#/", 400, locale === "en" ? 7 : 11);
      for (const a of list)
        for (const b of list.slice(0, 100))
          expect([a, b, sign(naturalCompare(a, b))]).toEqual([a, b, sign(collator.compare(a, b))]);
    });
  }
  it("puts numbers in value order, ignores case and leading zeros", () => {
    const sorted = ["b10.pdf", "B9.pdf", "a", "b009.pdf", "b1.pdf", "b-1", "b 2", "b_3", "0", "00"].sort(
      naturalCompare,
    );
    expect(sorted).toEqual(["0", "00", "a", "b 2", "b_3", "b-1", "b1.pdf", "B9.pdf", "b009.pdf", "b10.pdf"]);
    expect(naturalCompare("a01", "a1")).toBe(0);
    expect(naturalCompare("Report", "report")).toBe(0);
    expect(sign(naturalCompare("file", "file2"))).toBe(-1);
  });
  it("hands names with other characters to the collator", () => {
    const collator = new Intl.Collator(undefined, options);
    const list = ["写真", "写真 2", "résumé", "resume", "x\u0001y", "xy", "Ünïcode", "b10", "日本", "にほん", "ニホン"];
    for (const a of list) for (const b of list) expect(sign(naturalCompare(a, b))).toBe(sign(collator.compare(a, b)));
  });
});
