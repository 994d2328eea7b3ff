// Folders then objects, in a virtualised list: only the rows in view (plus a margin) are in the DOM.
import { useMemo, useState, type UIEvent } from "react";
import type { FolderEntry, ObjectEntry } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { formatDate, formatSize } from "../../shared/format";
import { visibleWindow } from "./virtual";
import { Icon, iconFor } from "../../shared/Icon";

export const ROW_HEIGHT = 32;

type Row = { kind: "folder"; entry: FolderEntry } | { kind: "object"; entry: ObjectEntry };

interface Props {
  folders: FolderEntry[];
  objects: ObjectEntry[];
  filter: string;
  selectedKey: string | null;
  onOpenFolder: (prefix: string) => void;
  onSelect: (o: ObjectEntry) => void;
}

export function ObjectList({ folders, objects, filter, selectedKey, onOpenFolder, onSelect }: Props) {
  const { t, locale } = useT();
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const rows: Row[] = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const keep = (name: string) => f === "" || name.toLowerCase().includes(f);
    return [
      ...folders.filter((x) => keep(x.name)).map((entry) => ({ kind: "folder" as const, entry })),
      ...objects.filter((x) => keep(x.name)).map((entry) => ({ kind: "object" as const, entry })),
    ];
  }, [folders, objects, filter]);
  const win = visibleWindow(rows.length, ROW_HEIGHT, scrollTop, height, 10);
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
    setHeight(e.currentTarget.clientHeight);
  };
  return (
    <div className="object-list" role="grid" aria-rowcount={rows.length}>
      <div className="row head" role="row">
        <span role="columnheader">{t("list.name")}</span>
        <span role="columnheader" className="num">{t("list.size")}</span>
        <span role="columnheader">{t("list.modified")}</span>
      </div>
      <div className="rows" onScroll={onScroll} ref={(el) => {
          if (el && el.clientHeight !== height) setHeight(el.clientHeight);
        }}>
        <div style={{ height: rows.length * ROW_HEIGHT, position: "relative" }}>
          {rows.slice(win.start, win.end).map((r, i) => {
            const top = (win.start + i) * ROW_HEIGHT;
            if (r.kind === "folder") {
              return (
                <div key={r.entry.prefix} className="row folder" role="row" style={{ top }} onDoubleClick={() => onOpenFolder(r.entry.prefix)} onClick={() => onOpenFolder(r.entry.prefix)} data-prefix={r.entry.prefix}>
                  <span className="name"><Icon name="folder" /> {r.entry.name}</span>
                  <span className="num muted">{t("list.folder")}</span>
                  <span />
                </div>
              );
            }
            const o = r.entry;
            return (
              <div key={o.key} className={`row object ${selectedKey === o.key ? "selected" : ""}`} role="row" aria-selected={selectedKey === o.key} style={{ top }} onClick={() => onSelect(o)} data-key={o.key}>
                <span className="name"><Icon name={iconFor(o.name)} /> {o.name}</span>
                <span className="num">{formatSize(o.size, locale)}</span>
                <span className="muted">{formatDate(o.lastModified, locale)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
