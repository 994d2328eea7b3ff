// The settings view: every change is validated by the core as you type; nothing is saved while invalid.
import { useEffect, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, FieldError, ProfileInfo, Settings } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { ErrorBox } from "../../shared/ErrorBox";
import { useModal } from "../../shared/useModal";
import { errorsByField } from "./form";
import {
  AppearanceSection,
  DiagnosticsSection,
  GallerySection,
  LinksSection,
  SearchSection,
  UploadsSection,
} from "./GeneralSections";
import { ProfilesSection } from "./ProfilesSection";

interface Props {
  initial: Settings;
  profiles: ProfileInfo[];
  active: string | null;
  logDir: string;
  onSaved: (s: Settings) => void;
  onClose: () => void;
}

export function SettingsView({ initial, profiles, active, logDir, onSaved, onClose }: Props) {
  const { t } = useT();
  const [s, set] = useState<Settings>(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api
        .validateSettings(s)
        .then((e) => live && setFieldErrors(e))
        .catch(() => {});
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [s]);

  // A full-window modal: the rest of the window is inert while it is open, Esc closes it.
  const ref = useModal<HTMLDialogElement>(onClose);

  const errors = errorsByField(fieldErrors);
  const dirty = JSON.stringify(s) !== JSON.stringify(initial);
  const save = async () => {
    setSaveError(null);
    try {
      const out = await api.saveSettings(s);
      setSaved(true);
      onSaved(out);
    } catch (e) {
      if (e instanceof AppError) setSaveError(e.payload);
    }
  };
  const props = {
    s,
    set: (x: Settings) => {
      set(x);
      setSaved(false);
    },
    errors,
    logDir,
  };
  return (
    <dialog className="settings" aria-labelledby="settings-title" ref={ref}>
      <header className="settings-head">
        <h2 id="settings-title">{t("settings.title")}</h2>
        <div className="action-row">
          {saved && !dirty && (
            <span className="ok" role="status">
              {t("settings.saved")}
            </span>
          )}
          {fieldErrors.length > 0 && (
            <span className="field-error" data-testid="invalid-count">
              {t("settings.invalid", { count: fieldErrors.length })}
            </span>
          )}
          <button type="button" onClick={onClose}>
            {t("settings.close")}
          </button>
          <button
            type="button"
            className="primary"
            onClick={save}
            disabled={fieldErrors.length > 0 || !dirty}
            data-testid="save-settings"
          >
            {t("settings.save")}
          </button>
        </div>
      </header>
      {saveError && <ErrorBox error={saveError} />}
      <div className="settings-body">
        <ProfilesSection {...props} profiles={profiles} active={active} />
        <LinksSection {...props} />
        <UploadsSection {...props} />
        <SearchSection {...props} />
        <GallerySection {...props} />
        <AppearanceSection {...props} />
        <DiagnosticsSection {...props} />
      </div>
    </dialog>
  );
}
