// Text and tables as the backend read them (the first MiB, decoded): React puts them in the page as text,
// so nothing in a file is ever parsed as markup here.
import type { TableBody, TextBody } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { formatCount, formatSize } from "../../shared/format";

/** How much of the object the backend reads (core `TEXT_LIMIT`). */
export const TEXT_LIMIT = 1024 * 1024;

export function TextFacts({ body }: { body: TextBody }) {
  const { t, locale } = useT();
  return (
    <p className="text-facts muted small" data-testid="text-facts">
      {body.encoding}
      {body.pretty && ` · ${t("preview.jsonFormatted")}`}
      {body.truncated && ` · ${t("preview.firstPart", { size: formatSize(TEXT_LIMIT, locale) })}`}
    </p>
  );
}

export function TextView({ body }: { body: TextBody }) {
  return (
    <div className="text-wrap">
      <TextFacts body={body} />
      <pre className="text-view" data-testid="text-view">
        {body.text}
      </pre>
    </div>
  );
}

export function TableView({ body, size }: { body: TableBody; size: number }) {
  const { t, locale } = useT();
  const [head, ...rows] = body.rows;
  const columns = Math.max(0, ...body.rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array(Math.max(0, columns - r.length)).fill("")];
  return (
    <div className="text-wrap">
      <p className="text-facts muted small" data-testid="text-facts">
        {t(body.more ? "preview.rowsFirst" : "preview.rowsAll", { rows: formatCount(rows.length, locale) })} ·{" "}
        {formatSize(size, locale)} · {body.encoding}
      </p>
      <div className="table-scroll">
        <table className="table-view" data-testid="table-view">
          {head && (
            <thead>
              <tr>
                <th className="row-no" scope="col" />
                {pad(head).map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns have no identity but their place
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
          )}
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              <tr key={i}>
                <th className="row-no" scope="row">
                  {i + 1}
                </th>
                {pad(r).map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
