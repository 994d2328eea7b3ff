// Names in natural order ("b9" before "b10", case ignored), as Intl.Collator orders them with `numeric` and
// `sensitivity: "base"`. Names of ASCII characters (most keys) are compared here, by the order of Unicode's root
// collation, which English and Japanese share for ASCII; any other name goes to the collator. Creating a
// collator loads ICU's collation data into the page (1.6 MB resident in WebKit), so it is made only when a
// name needs it.

/** The root collation's order of ASCII punctuation and symbols; whitespace first. Digits and letters follow. */
const SYMBOLS = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
const DIGIT = SYMBOLS.length + 1;

/** Primary weight of each ASCII code: 0 for control characters, which the collator ignores (left to it). */
const WEIGHT = new Uint8Array(128);
for (let i = 0; i < SYMBOLS.length; i++) WEIGHT[SYMBOLS.charCodeAt(i)] = i + 1;
for (let c = 48; c <= 57; c++) WEIGHT[c] = DIGIT;
for (let c = 0; c < 26; c++) {
  WEIGHT[65 + c] = DIGIT + 1 + c;
  WEIGHT[97 + c] = DIGIT + 1 + c;
}

/** The weight of a UTF-16 code unit: 0 for anything the collator must decide. */
const weight = (c: number) => (c < 128 ? (WEIGHT[c] ?? 0) : 0);

let collator: Intl.Collator | null = null;
function viaCollator(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  return collator.compare(a, b);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Where the run of digits starting at `i` ends. */
function runEnd(s: string, i: number): number {
  let e = i;
  while (e < s.length && isDigit(s.charCodeAt(e))) e++;
  return e;
}

/** The first position of the run [i, end) that is not a leading zero. */
function skipZeros(s: string, i: number, end: number): number {
  let k = i;
  while (k < end && s.charCodeAt(k) === 48) k++;
  return k;
}

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const wx = weight(a.charCodeAt(i));
    const wy = weight(b.charCodeAt(j));
    if (wx === 0 || wy === 0) return viaCollator(a, b);
    if (wx === DIGIT && wy === DIGIT) {
      // Numbers by value: leading zeros do not count, then the longer is larger, then digit by digit.
      const ex = runEnd(a, i);
      const ey = runEnd(b, j);
      const sx = skipZeros(a, i, ex);
      const sy = skipZeros(b, j, ey);
      if (ex - sx !== ey - sy) return ex - sx - (ey - sy);
      for (let k = 0; k < ex - sx; k++) {
        const d = a.charCodeAt(sx + k) - b.charCodeAt(sy + k);
        if (d !== 0) return d;
      }
      i = ex;
      j = ey;
      continue;
    }
    if (wx !== wy) return wx - wy;
    i++;
    j++;
  }
  // One name is used up. Whatever is left of the other decides, unless the collator should look at it.
  for (let k = i; k < a.length; k++) if (weight(a.charCodeAt(k)) === 0) return viaCollator(a, b);
  for (let k = j; k < b.length; k++) if (weight(b.charCodeAt(k)) === 0) return viaCollator(a, b);
  return a.length - i - (b.length - j);
}
