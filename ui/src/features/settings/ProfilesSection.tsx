// Profiles in the settings view: kind and region of each, the app's overrides, and Test connection.
import { useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ConnectionTest, ErrorPayload, ProfileColor, ProfileInfo, Settings } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { Field } from "../../shared/Field";
import { blankToNull, withProfile } from "./form";
import { PROFILE_COLORS } from "../profiles/activeProfile";
import { KIND_KEY } from "../profiles/ProfileSwitcher";

type Props = {
  s: Settings;
  set: (s: Settings) => void;
  errors: Record<string, string>;
  profiles: ProfileInfo[];
  active: string | null;
};

export function ProfilesSection({ s, set, errors, profiles, active }: Props) {
  const { t } = useT();
  const [editing, setEditing] = useState<string | null>(active ?? profiles[0]?.name ?? null);
  const [test, setTest] = useState<{ ok?: ConnectionTest; error?: ErrorPayload; busy?: boolean }>({});
  const p = editing ? profiles.find((x) => x.name === editing) : undefined;
  const o = (editing && s.profiles[editing]) || {
    region: null,
    endpointUrl: null,
    pathStyle: null,
    defaultBucket: null,
    defaultPrefix: null,
    color: null,
    confirmChanges: false,
  };
  const key = (f: string) => `profiles.${editing}.${f}`;
  const patch = (x: Parameters<typeof withProfile>[2]) => editing && set(withProfile(s, editing, x));

  const runTest = async () => {
    if (!editing) return;
    setTest({ busy: true });
    try {
      setTest({
        ok: await api.testConnection(
          editing,
          { region: o.region, endpointUrl: o.endpointUrl, pathStyle: o.pathStyle },
          o.defaultBucket,
        ),
      });
    } catch (e) {
      if (e instanceof AppError) setTest({ error: e.payload });
    }
  };

  return (
    <section className="settings-section" aria-labelledby="profiles-h">
      <h3 id="profiles-h">{t("settings.profiles")}</h3>
      <ul className="settings-profiles">
        {profiles.map((x) => (
          <li key={x.name}>
            <button
              type="button"
              className={`profile ${editing === x.name ? "active" : ""}`}
              onClick={() => {
                setEditing(x.name);
                setTest({});
              }}
              data-edit-profile={x.name}
            >
              <span className="profile-name">
                {x.name}
                {x.name === active ? ` · ${t("profiles.active")}` : ""}
              </span>
              <span className={`badge kind-${x.kind}`}>{t(KIND_KEY[x.kind])}</span>
              <span className="profile-region">
                {x.region ?? t("settings.noRegion")}
                {x.endpointUrl ? ` · ${x.endpointUrl}` : ""}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {p && editing && (
        <div className="override-form">
          <p className="muted small">{t("settings.overridesHint")}</p>
          <Field
            id={key("region")}
            label={t("settings.region")}
            error={errors[key("region")]}
            hint={p.region ? t("settings.fromProfile", { value: p.region }) : undefined}
          >
            <input
              id={key("region")}
              value={o.region ?? ""}
              placeholder={p.region ?? "us-east-1"}
              onChange={(e) => patch({ region: blankToNull(e.target.value) })}
              data-testid="override-region"
            />
          </Field>
          <Field
            id={key("endpointUrl")}
            label={t("settings.endpoint")}
            error={errors[key("endpointUrl")]}
            hint={t("settings.endpointHint")}
          >
            <input
              id={key("endpointUrl")}
              value={o.endpointUrl ?? ""}
              placeholder={p.endpointUrl ?? "https://s3.amazonaws.com"}
              onChange={(e) => patch({ endpointUrl: blankToNull(e.target.value) })}
              data-testid="override-endpoint"
            />
          </Field>
          <Field id={key("pathStyle")} label={t("settings.pathStyle")}>
            <select
              id={key("pathStyle")}
              value={o.pathStyle === null ? "auto" : o.pathStyle ? "on" : "off"}
              onChange={(e) => patch({ pathStyle: e.target.value === "auto" ? null : e.target.value === "on" })}
            >
              <option value="auto">{t("settings.pathStyleAuto")}</option>
              <option value="on">{t("settings.on")}</option>
              <option value="off">{t("settings.off")}</option>
            </select>
          </Field>
          <Field id={key("defaultBucket")} label={t("settings.defaultBucket")}>
            <input
              id={key("defaultBucket")}
              value={o.defaultBucket ?? ""}
              onChange={(e) => patch({ defaultBucket: blankToNull(e.target.value) })}
            />
          </Field>
          <Field id={key("defaultPrefix")} label={t("settings.defaultPrefix")}>
            <input
              id={key("defaultPrefix")}
              value={o.defaultPrefix ?? ""}
              onChange={(e) => patch({ defaultPrefix: blankToNull(e.target.value) })}
            />
          </Field>
          <Field id={key("color")} label={t("settings.profileColor")}>
            <select
              id={key("color")}
              data-testid="profile-color"
              value={o.color ?? ""}
              onChange={(e) => patch({ color: e.target.value === "" ? null : (e.target.value as ProfileColor) })}
            >
              <option value="">{t("settings.profileColorNone")}</option>
              {PROFILE_COLORS.map((c) => (
                <option key={c} value={c}>
                  {t(`color.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={key("confirmChanges")}
            label={t("settings.confirmChanges")}
            hint={t("settings.confirmChangesHint")}
          >
            <input
              id={key("confirmChanges")}
              type="checkbox"
              data-testid="confirm-changes"
              checked={o.confirmChanges}
              onChange={(e) => patch({ confirmChanges: e.target.checked })}
            />
          </Field>
          <div className="action-row">
            <button type="button" onClick={runTest} disabled={test.busy} data-testid="test-connection">
              {test.busy ? t("settings.testing") : t("settings.test")}
            </button>
            {test.ok && (
              <span className="ok" role="status" data-testid="test-ok">
                {test.ok.bucketCount === null
                  ? t("settings.testOkBucket")
                  : t("settings.testOk", { count: test.ok.bucketCount })}
              </span>
            )}
          </div>
          {test.error && <ErrorBox error={test.error} action={o.defaultBucket ? "list" : undefined} />}
        </div>
      )}
    </section>
  );
}
