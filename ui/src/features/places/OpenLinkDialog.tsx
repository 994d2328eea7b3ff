// A link that names no profile, or one this person doesn't have: never guess. The profiles whose credentials can
// read the bucket now are found (all at once, a few seconds at most) and offered; the person picks one.
import { useEffect, useState } from "react";
import { api } from "../../ipc/commands";
import type { MenuAction } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { Dialog } from "../../shared/Dialog";
import { visibleName } from "../../shared/format";

export type OpenTarget = Extract<MenuAction, { action: "openLocation" }>;

export function OpenLinkDialog({
  target,
  onChoose,
  onCancel,
}: {
  target: OpenTarget;
  onChoose: (profile: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [readable, setReadable] = useState<string[] | null>(null);
  useEffect(() => {
    api
      .readableProfiles(target.bucket)
      .then(setReadable)
      .catch(() => setReadable([]));
  }, [target.bucket]);
  const place = `s3://${target.bucket}/${visibleName(target.key ?? target.prefix)}`;
  return (
    <Dialog title={t("links.openTitle")} onCancel={onCancel}>
      <div data-testid="open-link">
        <p className="mono">{place}</p>
        {readable === null ? (
          <p className="muted" role="status">
            {t("links.checking", { bucket: target.bucket })}
          </p>
        ) : readable.length === 0 ? (
          <p role="status">{t("links.none", { bucket: target.bucket })}</p>
        ) : (
          <>
            <p>
              {target.profile
                ? t("links.choose", { profile: target.profile, bucket: target.bucket })
                : t("links.chooseNoProfile", { bucket: target.bucket })}
            </p>
            <div className="choices">
              {readable.map((name) => (
                <button key={name} type="button" onClick={() => onChoose(name)} data-profile={name}>
                  {name}
                </button>
              ))}
            </div>
          </>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {t("settings.close")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
