// The bar above the folder (the path box, Go, Upload, the filter) and the bar that appears while files are
// selected for sharing.
import type { FormEvent, RefObject } from "react";
import { useT } from "../../i18n/i18n";
import { formatCount } from "../../shared/format";

interface PathBarProps {
  path: string;
  onPath: (p: string) => void;
  onGo: (e: FormEvent) => void;
  pathBox: RefObject<HTMLInputElement | null>;
  filterBox: RefObject<HTMLInputElement | null>;
  filter: string;
  onFilter: (f: string) => void;
  canUpload: boolean;
  onUpload: () => void;
}

export function PathBar(p: PathBarProps) {
  const { t } = useT();
  return (
    <form className="path-bar" onSubmit={p.onGo}>
      <input
        ref={p.pathBox}
        value={p.path}
        onChange={(e) => p.onPath(e.target.value)}
        placeholder={t("path.placeholder")}
        aria-label={t("path.label")}
        spellCheck={false}
        data-testid="path"
      />
      <button type="submit">{t("path.go")}</button>
      <button type="button" onClick={p.onUpload} disabled={!p.canUpload} data-testid="upload-button">
        {t("upload.button")}
      </button>
      <input
        ref={p.filterBox}
        className="filter"
        value={p.filter}
        onChange={(e) => p.onFilter(e.target.value)}
        placeholder={t("list.filter")}
        aria-label={t("list.filter")}
        data-testid="filter"
      />
    </form>
  );
}

export function SelectionBar({ count, onShare, onClear }: { count: number; onShare: () => void; onClear: () => void }) {
  const { t, locale } = useT();
  if (count === 0) return null;
  return (
    <div className="selection-bar" role="toolbar" data-testid="selection-bar">
      <span>{t("select.count", { count: formatCount(count, locale) })}</span>
      <button type="button" className="primary" onClick={onShare} data-testid="share-selected">
        {t("select.share")}
      </button>
      <button type="button" onClick={onClear}>
        {t("select.clear")}
      </button>
    </div>
  );
}
