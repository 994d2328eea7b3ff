// Sizes and dates for people, in the active locale.
import type { Locale } from "../i18n/i18n";

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

// Numbers are written here, not by Intl: English and Japanese both group thousands with "," and use "." for the
// fraction, and a start screen with no dates on it then loads none of ICU's locale data into the page.
// Making an Intl formatter costs far more than using one (tens of microseconds each in WebKit, and a list draws
// a hundred or more per frame while scrolling), so the date formatter is made once per locale and zone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `n` (finite, at least 0) rounded half up to at most `digits` decimals, thousands grouped: "1,023.5". */
function decimal(n: number, digits: number): string {
  const fixed = n.toFixed(digits);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const kept = fraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return kept ? `${grouped}.${kept}` : grouped;
}

export function formatSize(bytes: number, _locale: Locale): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  return `${decimal(v, digits)} ${UNITS[i]}`;
}

export function formatDate(iso: string | null | undefined, locale: Locale, timeZone?: string): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "–";
  const id = `${locale} ${timeZone ?? ""}`;
  let date = dateFormats.get(id);
  if (!date) {
    date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
    dateFormats.set(id, date);
  }
  return date.format(d);
}

export function formatCount(n: number, _locale: Locale): string {
  return Number.isFinite(n) ? `${n < 0 ? "-" : ""}${decimal(Math.abs(Math.round(n)), 0)}` : "–";
}

/** A duration in whole minutes (at least one), as hours and minutes: "1 h 5 min" / "1 時間 5 分". */
export function formatDuration(secs: number, locale: Locale): string {
  const mins = Math.max(1, Math.ceil(secs / 60));
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  const [hu, mu] = locale === "ja" ? [" 時間", " 分"] : [" h", " min"];
  if (h === 0) return `${m}${mu}`;
  return m === 0 ? `${h}${hu}` : `${h}${hu} ${m}${mu}`;
}

// Control characters (C0, DEL, C1) and text-direction overrides, isolates and marks: the same set the core
// refuses in new keys (src-tauri/core/src/keys.rs).
function hidden(cp: number): boolean {
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x61c ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  );
}

/** A name as it may be shown: characters that could hide or reverse part of it become `⟨U+202E⟩`. */
export function visibleName(name: string): string {
  // Most names have none of them: return those as they are, without building a copy (lists draw many a frame).
  // Every such character is in the Basic Multilingual Plane, so UTF-16 units are enough to look.
  let clean = true;
  for (let i = 0; i < name.length && clean; i++) clean = !hidden(name.charCodeAt(i));
  if (clean) return name;
  let out = "";
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    out += hidden(cp) ? `⟨U+${cp.toString(16).toUpperCase().padStart(4, "0")}⟩` : ch;
  }
  return out;
}
