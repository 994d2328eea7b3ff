// The current location as clickable crumbs: bucket, then each folder of the prefix.
import { visibleName } from "../../shared/format";

export function crumbs(prefix: string): { label: string; prefix: string }[] {
  const parts = prefix.split("/").filter((p) => p.length > 0);
  return parts.map((label, i) => ({ label, prefix: `${parts.slice(0, i + 1).join("/")}/` }));
}

export function Breadcrumbs({
  bucket,
  prefix,
  onNavigate,
}: {
  bucket: string;
  prefix: string;
  onNavigate: (prefix: string) => void;
}) {
  return (
    <nav className="breadcrumbs" aria-label="breadcrumbs">
      <button type="button" className="crumb" onClick={() => onNavigate("")} data-prefix="">
        {bucket}
      </button>
      {crumbs(prefix).map((c) => (
        <span key={c.prefix}>
          <span className="crumb-sep">/</span>
          <button type="button" className="crumb" onClick={() => onNavigate(c.prefix)} data-prefix={c.prefix}>
            {visibleName(c.label)}
          </button>
        </span>
      ))}
    </nav>
  );
}
