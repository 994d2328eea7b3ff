// The sidebar's bucket list; AccessDenied on ListBuckets is expected and explained, not an error wall.
import { useCallback, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { BucketInfo, ErrorPayload } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { Icon } from "../../shared/Icon";

/** The active profile's buckets, listed again on demand. */
export function useBuckets() {
  const [buckets, setBuckets] = useState<BucketInfo[] | null>(null);
  const [bucketError, setBucketError] = useState<ErrorPayload | null>(null);
  // Only the newest listing may show its result: an older one (another profile's, a slow DNS failure) that
  // answers late must not replace it.
  const bucketRequest = useRef(0);
  const loadBuckets = useCallback(async () => {
    const mine = ++bucketRequest.current;
    setBuckets(null);
    setBucketError(null);
    try {
      const list = await api.listBuckets();
      if (mine === bucketRequest.current) setBuckets(list);
    } catch (e) {
      if (e instanceof AppError && mine === bucketRequest.current) setBucketError(e.payload);
    }
  }, []);
  return { buckets, bucketError, loadBuckets };
}

interface Props {
  buckets: BucketInfo[] | null;
  error: ErrorPayload | null;
  current: string | null;
  onOpen: (bucket: string) => void;
  onRetry: () => void;
}

export function BucketList({ buckets, error, current, onOpen, onRetry }: Props) {
  const { t } = useT();
  return (
    <section className="buckets" aria-labelledby="buckets-title">
      <header className="section-head">
        <h2 id="buckets-title">{t("buckets.title")}</h2>
      </header>
      {error?.kind === "AccessDenied" ? (
        <p className="note">{t("buckets.denied")}</p>
      ) : error ? (
        <ErrorBox error={error} onRetry={onRetry} />
      ) : buckets === null ? (
        <p className="muted">{t("list.loading")}</p>
      ) : buckets.length === 0 ? (
        <p className="muted">{t("buckets.empty")}</p>
      ) : (
        <ul className="bucket-list">
          {buckets.map((b) => (
            <li key={b.name}>
              <button
                type="button"
                className={`bucket ${current === b.name ? "active" : ""}`}
                onClick={() => onOpen(b.name)}
                data-bucket={b.name}
              >
                <Icon name="bucket" /> {b.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
