// Sizes and dates for people, in the active locale.
import type { Locale } from "../i18n/i18n";

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

// Making an Intl formatter costs far more than using one (tens of microseconds each in WebKit, and a list draws
// a hundred or more per frame while scrolling), so each kind is made once per locale and kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(id: string, make: () => T): T {
  let f = formatters.get(id);
  if (!f) {
    f = make();
    formatters.set(id, f);
  }
  return f as T;
}

export function formatSize(bytes: number, locale: Locale): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  const number = cached(
    `size ${locale} ${digits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }),
  );
  return `${number.format(v)} ${UNITS[i]}`;
}

export function formatDate(iso: string | null | undefined, locale: Locale, timeZone?: string): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "–";
  const date = cached(
    `date ${locale} ${timeZone ?? ""}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
  );
  return date.format(d);
}

export function formatCount(n: number, locale: Locale): string {
  return cached(`count ${locale}`, () => new Intl.NumberFormat(locale)).format(n);
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
