// Sorting the loaded entries: folders always first, then by the chosen column.
import type { FolderEntry, ObjectEntry } from "../../ipc/bindings";

export type SortKey = "name" | "size" | "date";
export interface Sort {
  key: SortKey;
  asc: boolean;
}

export type Row = { kind: "folder"; entry: FolderEntry } | { kind: "object"; entry: ObjectEntry };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

export function buildRows(folders: FolderEntry[], objects: ObjectEntry[], filter: string, sort: Sort): Row[] {
  const f = filter.trim().toLowerCase();
  const keep = (name: string) => f === "" || name.toLowerCase().includes(f);
  const dir = sort.asc ? 1 : -1;
  const fs = folders.filter((x) => keep(x.name)).sort((a, b) => dir * collator.compare(a.name, b.name));
  const os = objects.filter((x) => keep(x.name));
  os.sort((a, b) => {
    let c = 0;
    if (sort.key === "size") c = a.size - b.size;
    else if (sort.key === "date") c = (a.lastModified ?? "").localeCompare(b.lastModified ?? "");
    return dir * (c !== 0 ? c : collator.compare(a.name, b.name));
  });
  return [
    ...fs.map((entry) => ({ kind: "folder" as const, entry })),
    ...os.map((entry) => ({ kind: "object" as const, entry })),
  ];
}

export function parentPrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/$/, "");
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? "" : trimmed.slice(0, i + 1);
}
