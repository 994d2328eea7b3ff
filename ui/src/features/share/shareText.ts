// The block people paste into a mail or a chat when they share several files: each name with its link, and
// until when the links work. The HTML form is for mail clients that paste it; every name is escaped there.
import type { SharedLink } from "../../ipc/bindings";
import type { Locale } from "../../i18n/i18n";
import { translate } from "../../i18n/i18n";
import { formatDate, visibleName } from "../../shared/format";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const fileName = (key: string) => visibleName(key.slice(key.lastIndexOf("/") + 1));

/** The earliest expiry of the links (they are signed together, so they end within a moment of each other). */
export const validUntil = (links: SharedLink[]) => Math.min(...links.map((l) => l.link.expiresAt));

export function shareText(links: SharedLink[], locale: Locale, timeZone?: string): string {
  const until = formatDate(new Date(validUntil(links)).toISOString(), locale, timeZone);
  const lines = links.map((l) => `${fileName(l.key)}\n${l.link.url}`);
  return `${lines.join("\n\n")}\n\n${translate(locale, "shareMany.until", { time: until })}\n`;
}

export function shareHtml(links: SharedLink[], locale: Locale, timeZone?: string): string {
  const until = formatDate(new Date(validUntil(links)).toISOString(), locale, timeZone);
  const items = links
    .map((l) => `<li><a href="${escapeHtml(l.link.url)}">${escapeHtml(fileName(l.key))}</a></li>`)
    .join("");
  return `<ul>${items}</ul><p>${escapeHtml(translate(locale, "shareMany.until", { time: until }))}</p>`;
}
