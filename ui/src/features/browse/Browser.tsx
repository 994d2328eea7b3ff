// The middle and right of the window: path box, breadcrumbs, the folder listing and the preview.
import { useState, type FormEvent } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, ObjectEntry } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { formatCount } from "../../shared/format";
import { Breadcrumbs } from "./Breadcrumbs";
import { ObjectList } from "./ObjectList";
import { useListing } from "./useListing";
import { PreviewPane } from "../preview/PreviewPane";

interface Props {
  location: { bucket: string | null; prefix: string };
  onNavigate: (bucket: string, prefix: string) => void;
  selected: ObjectEntry | null;
  onSelect: (o: ObjectEntry | null) => void;
}

export function Browser({ location, onNavigate, selected, onSelect }: Props) {
  const { t, locale } = useT();
  const [reload, setReload] = useState(0);
  const [filter, setFilter] = useState("");
  const [path, setPath] = useState("");
  const [pathError, setPathError] = useState<ErrorPayload | null>(null);
  const listing = useListing(location.bucket, location.prefix, reload);

  const go = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const loc = await api.parseLocation(path);
      const folder = loc.key === "" || loc.key.endsWith("/") ? loc.key : loc.key.slice(0, loc.key.lastIndexOf("/") + 1);
      setPathError(null);
      onNavigate(loc.bucket, folder);
    } catch (err) {
      if (err instanceof AppError) setPathError(err.payload);
    }
  };

  const count = listing.folders.length + listing.objects.length;
  return (
    <main className="main">
      <form className="path-bar" onSubmit={go}>
        <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t("path.placeholder")} aria-label={t("path.placeholder")} spellCheck={false} />
        <button type="submit">{t("path.go")}</button>
        <input className="filter" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t("list.filter")} aria-label={t("list.filter")} />
      </form>
      {pathError && <ErrorBox error={pathError} />}
      <div className="content">
        <section className="listing">
          {location.bucket ? (
            <>
              <div className="listing-head">
                <Breadcrumbs bucket={location.bucket} prefix={location.prefix} onNavigate={(p) => onNavigate(location.bucket ?? "", p)} />
                <span className="count muted" data-testid="count">
                  {listing.done ? t("list.countAll", { count: formatCount(count, locale) }) : t("list.countPartial", { loaded: formatCount(count, locale) })}
                </span>
              </div>
              {listing.error ? (
                <ErrorBox error={listing.error} onRetry={() => setReload((r) => r + 1)} />
              ) : listing.done && count === 0 ? (
                <p className="muted empty">{t("list.empty")}</p>
              ) : (
                <ObjectList
                  folders={listing.folders}
                  objects={listing.objects}
                  filter={filter}
                  selectedKey={selected?.key ?? null}
                  onOpenFolder={(p) => onNavigate(location.bucket ?? "", p)}
                  onSelect={onSelect}
                />
              )}
            </>
          ) : (
            <p className="muted empty">{t("list.pickBucket")}</p>
          )}
        </section>
        {location.bucket && <PreviewPane bucket={location.bucket} object={selected} />}
      </div>
    </main>
  );
}
