// Links, uploads, search, appearance and diagnostics sections of the settings view.
import type { Language, Settings, Theme } from "../../ipc/bindings";
import type { MessageKey } from "../../i18n/en";
import { useT } from "../../i18n/i18n";
import { Field } from "../../shared/Field";
import { UNITS, splitSeconds } from "./form";

type Props = { s: Settings; set: (s: Settings) => void; errors: Record<string, string>; logDir: string };

function Duration({ id, secs, onChange }: { id: string; secs: number; onChange: (secs: number) => void }) {
  const { t } = useT();
  const { value, unit } = splitSeconds(secs);
  return (
    <span className="duration">
      <input
        id={id}
        type="number"
        min={1}
        value={Number.isFinite(value) ? value : ""}
        onChange={(e) => onChange(Math.round(Number(e.target.value) * unit))}
        data-testid={id}
      />
      <select value={unit} onChange={(e) => onChange(value * Number(e.target.value))} aria-label={t("unit.label")}>
        {UNITS.map((u) => (
          <option key={u.secs} value={u.secs}>
            {t(u.key)}
          </option>
        ))}
      </select>
    </span>
  );
}

export function LinksSection({ s, set, errors }: Props) {
  const { t } = useT();
  const row = (key: "previewSecs" | "shareSecs" | "uploadSecs" | "deleteSecs", label: string) => (
    <Field id={`expiry.${key}`} label={label} error={errors[`expiry.${key}`]}>
      <Duration
        id={`expiry.${key}`}
        secs={s.expiry[key]}
        onChange={(v) => set({ ...s, expiry: { ...s.expiry, [key]: v } })}
      />
    </Field>
  );
  return (
    <section className="settings-section" aria-labelledby="links-h">
      <h3 id="links-h">{t("settings.links")}</h3>
      <p className="muted small">{t("settings.linksHint")}</p>
      {row("previewSecs", t("settings.previewExpiry"))}
      {row("shareSecs", t("settings.shareExpiry"))}
      {row("uploadSecs", t("settings.uploadExpiry"))}
      {row("deleteSecs", t("settings.deleteExpiry"))}
    </section>
  );
}

export function UploadsSection({ s, set, errors }: Props) {
  const { t } = useT();
  const u = s.uploads;
  const patch = (p: Partial<Settings["uploads"]>) => set({ ...s, uploads: { ...u, ...p } });
  return (
    <section className="settings-section" aria-labelledby="uploads-h">
      <h3 id="uploads-h">{t("settings.uploads")}</h3>
      <Field
        id="uploads.allowedTypes"
        label={t("settings.allowedTypes")}
        error={errors["uploads.allowedTypes"]}
        hint={t("settings.allowedTypesHint")}
      >
        <input
          id="uploads.allowedTypes"
          value={u.allowedTypes.join(", ")}
          onChange={(e) =>
            patch({
              allowedTypes: e.target.value
                .split(",")
                .map((x) => x.trim())
                .filter(Boolean),
            })
          }
        />
      </Field>
      <Field
        id="uploads.displayName"
        label={t("settings.displayName")}
        error={errors["uploads.displayName"]}
        hint={t("settings.displayNameHint")}
      >
        <input
          id="uploads.displayName"
          value={u.displayName}
          onChange={(e) => patch({ displayName: e.target.value })}
        />
      </Field>
      <Field id="uploads.parallel" label={t("settings.parallel")} error={errors["uploads.parallel"]}>
        <input
          id="uploads.parallel"
          type="number"
          min={1}
          max={16}
          value={u.parallel}
          onChange={(e) => patch({ parallel: Number(e.target.value) })}
        />
      </Field>
      <Field
        id="uploads.multipartThresholdMib"
        label={t("settings.multipart")}
        error={errors["uploads.multipartThresholdMib"]}
      >
        <input
          id="uploads.multipartThresholdMib"
          type="number"
          min={5}
          value={u.multipartThresholdMib}
          onChange={(e) => patch({ multipartThresholdMib: Number(e.target.value) })}
        />
      </Field>
      <Field id="uploads.askBeforeReplace" label={t("settings.askBeforeReplace")}>
        <input
          id="uploads.askBeforeReplace"
          type="checkbox"
          checked={u.askBeforeReplace}
          onChange={(e) => patch({ askBeforeReplace: e.target.checked })}
        />
      </Field>
    </section>
  );
}

/** A section holding one number: its id is the field's path in the settings (`search.scanLimit`). */
function NumberSection(p: {
  id: string;
  title: MessageKey;
  label: MessageKey;
  value: number;
  range: [number, number, number];
  onChange: (v: number) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  const [min, max, step] = p.range;
  return (
    <section className="settings-section" aria-labelledby={`${p.id}-h`}>
      <h3 id={`${p.id}-h`}>{t(p.title)}</h3>
      <Field id={p.id} label={t(p.label)} error={p.error}>
        <input
          id={p.id}
          type="number"
          min={min}
          max={max}
          step={step}
          value={p.value}
          onChange={(e) => p.onChange(Number(e.target.value))}
          data-testid={p.id}
        />
      </Field>
    </section>
  );
}

export const SearchSection = ({ s, set, errors }: Props) => (
  <NumberSection
    id="search.scanLimit"
    title="settings.search"
    label="settings.search.scanLimit"
    value={s.search.scanLimit}
    range={[1, 10_000_000, 100_000]}
    onChange={(v) => set({ ...s, search: { scanLimit: v } })}
    error={errors["search.scanLimit"]}
  />
);

export const GallerySection = ({ s, set, errors }: Props) => (
  <NumberSection
    id="gallery.cacheMb"
    title="gallery.gallery"
    label="settings.gallery.cacheMb"
    value={s.gallery.cacheMb}
    range={[5, 20_000, 100]}
    onChange={(v) => set({ ...s, gallery: { cacheMb: v } })}
    error={errors["gallery.cacheMb"]}
  />
);

export function AppearanceSection({ s, set }: Props) {
  const { t } = useT();
  return (
    <section className="settings-section" aria-labelledby="appearance-h">
      <h3 id="appearance-h">{t("settings.appearance")}</h3>
      <Field id="language" label={t("settings.language")}>
        <select
          id="language"
          value={s.language}
          onChange={(e) => set({ ...s, language: e.target.value as Language })}
          data-testid="language"
        >
          <option value="system">{t("settings.system")}</option>
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </Field>
      <Field id="theme" label={t("settings.theme")}>
        <select
          id="theme"
          value={s.theme}
          onChange={(e) => set({ ...s, theme: e.target.value as Theme })}
          data-testid="theme"
        >
          <option value="system">{t("settings.system")}</option>
          <option value="light">{t("settings.light")}</option>
          <option value="dark">{t("settings.dark")}</option>
        </select>
      </Field>
    </section>
  );
}

export function DiagnosticsSection({ s, set, logDir }: Props) {
  const { t } = useT();
  return (
    <section className="settings-section" aria-labelledby="diag-h">
      <h3 id="diag-h">{t("settings.diagnostics")}</h3>
      <Field id="logLevel" label={t("settings.logLevel")} hint={t("settings.logLevelHint")}>
        <select id="logLevel" value={s.logLevel} onChange={(e) => set({ ...s, logLevel: e.target.value })}>
          {["error", "warn", "info", "debug"].map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <Field id="logDir" label={t("settings.logDir")}>
        <code className="path">{logDir}</code>
      </Field>
    </section>
  );
}
