// Above the folder: where you are (crumbs), how many entries, what is new since your last visit (with "Newest
// first"), and the folder's own actions: bookmark it (Ctrl/⌘+D), copy a link to it, search in it.
import { useState } from "react";
import { api } from "../../ipc/commands";
import { useT } from "../../i18n/i18n";
import { formatCount, formatDate } from "../../shared/format";
import type { ViewMode } from "../gallery/viewMode";
import { Breadcrumbs } from "./Breadcrumbs";

interface Props {
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
  count: string;
  since: number | null;
  newCount: number;
  onNewestFirst: () => void;
  bookmarked: boolean;
  onBookmark: () => void;
  onSearch: () => void;
  view: ViewMode;
  onView: (v: ViewMode) => void;
}

export function ListingHead(p: Props) {
  const { t, locale } = useT();
  const [copied, setCopied] = useState(false);
  const copyLink = async () => {
    try {
      await api.copyText(await api.appLink(p.bucket, p.prefix));
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="listing-head">
      <Breadcrumbs bucket={p.bucket} prefix={p.prefix} onNavigate={p.onNavigate} />
      <span className="head-tools">
        <button
          type="button"
          className={`icon-button ${p.bookmarked ? "on" : ""}`}
          onClick={p.onBookmark}
          title={t(p.bookmarked ? "places.bookmarked" : "places.bookmark")}
          aria-label={t(p.bookmarked ? "places.bookmarked" : "places.bookmark")}
          aria-pressed={p.bookmarked}
          data-testid="bookmark-folder"
        >
          {p.bookmarked ? "★" : "☆"}
        </button>
        <button type="button" className="small" onClick={copyLink} data-testid="copy-folder-link">
          {copied ? t("links.copied") : t("links.copyFolder")}
        </button>
        <button type="button" className="small" onClick={p.onSearch} title="Ctrl+Shift+F" data-testid="open-search">
          {t("search.open")}
        </button>
        <span className="view-toggle" title={t("gallery.view")}>
          {(["list", "gallery"] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`small ${p.view === v ? "on" : ""}`}
              aria-pressed={p.view === v}
              onClick={() => p.onView(v)}
              data-testid={`view-${v}`}
            >
              {t(v === "list" ? "gallery.list" : "gallery.gallery")}
            </button>
          ))}
        </span>
      </span>
      <span className="count muted" data-testid="count" aria-live="polite">
        {p.since !== null && p.newCount > 0 && (
          <span className="new-since" data-testid="new-since">
            <span className="new-dot" aria-hidden="true" />
            {t("new.since", {
              count: formatCount(p.newCount, locale),
              time: formatDate(new Date(p.since).toISOString(), locale),
            })}{" "}
            <button type="button" className="link-button" onClick={p.onNewestFirst} data-testid="newest-first">
              {t("new.newestFirst")}
            </button>
            {" · "}
          </span>
        )}
        {p.count}
      </span>
    </div>
  );
}
