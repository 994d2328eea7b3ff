// Adds an AWS profile without a terminal: "my company uses AWS sign-in (SSO)" or "I have an access key".
// The backend writes the AWS files as `aws configure` would (a name that exists is refused); the new profile
// is then selected, and an SSO one offers its sign-in.
import { useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { ErrorPayload, NewProfile, ProfileList } from "../../ipc/bindings";
import { useT } from "../../i18n/i18n";
import { Dialog } from "../../shared/Dialog";
import { Field } from "../../shared/Field";

type Kind = NewProfile["kind"];
const EMPTY = {
  name: "",
  accessKeyId: "",
  secretAccessKey: "",
  region: "",
  startUrl: "",
  ssoRegion: "",
  accountId: "",
  roleName: "",
};
type Form = typeof EMPTY;

const REGION = /^[a-z0-9]+(-[a-z0-9]+){2,}$/;
/** The same rules as the backend (profile_writer::validate), so a mistake shows before sending. */
export function problems(kind: Kind, f: Form): Partial<Record<keyof Form, string>> {
  const p: Partial<Record<keyof Form, string>> = {};
  if (!/^[A-Za-z0-9_.+@-]{1,64}$/.test(f.name)) p.name = "addProfile.bad.name";
  if (!REGION.test(f.region)) p.region = "addProfile.bad.region";
  if (kind === "accessKey") {
    if (!/^[A-Z0-9]{16,128}$/.test(f.accessKeyId)) p.accessKeyId = "addProfile.bad.accessKeyId";
    if (!/^[\x21-\x7e]{16,128}$/.test(f.secretAccessKey)) p.secretAccessKey = "addProfile.bad.secretAccessKey";
  } else {
    if (!/^https:\/\/[^\s/@]+(\/\S*)?$/.test(f.startUrl)) p.startUrl = "addProfile.bad.startUrl";
    if (!REGION.test(f.ssoRegion)) p.ssoRegion = "addProfile.bad.region";
    if (!/^\d{12}$/.test(f.accountId)) p.accountId = "addProfile.bad.accountId";
    if (!/^[\w+=,.@-]{1,64}$/.test(f.roleName)) p.roleName = "addProfile.bad.roleName";
  }
  return p;
}

export function AddProfileDialog({
  onAdded,
  onCancel,
}: {
  onAdded: (list: ProfileList, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [kind, setKind] = useState<Kind | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const found = kind ? problems(kind, form) : {};
  const field = (key: keyof Form, label: string, extra: { type?: string; placeholder?: string } = {}) => (
    <Field id={`add-${key}`} label={label} error={touched && found[key] ? t(found[key] as never) : undefined}>
      <input
        id={`add-${key}`}
        data-testid={`add-${key}`}
        type={extra.type ?? "text"}
        placeholder={extra.placeholder}
        autoComplete="off"
        spellCheck={false}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value.trim() })}
      />
    </Field>
  );
  const submit = async () => {
    setTouched(true);
    if (!kind || Object.keys(found).length > 0) return;
    const request: NewProfile =
      kind === "accessKey"
        ? {
            kind,
            name: form.name,
            accessKeyId: form.accessKeyId,
            secretAccessKey: form.secretAccessKey,
            region: form.region,
          }
        : {
            kind,
            name: form.name,
            startUrl: form.startUrl,
            ssoRegion: form.ssoRegion,
            accountId: form.accountId,
            roleName: form.roleName,
            region: form.region,
          };
    setBusy(true);
    setError(null);
    try {
      onAdded(await api.addProfile(request), form.name);
    } catch (e) {
      if (e instanceof AppError) setError(e.payload);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t("addProfile.title")} onCancel={onCancel}>
      {kind === null ? (
        <div className="choice-list" data-testid="add-profile-choice">
          <button type="button" data-autofocus onClick={() => setKind("sso")} data-testid="add-kind-sso">
            <strong>{t("addProfile.sso")}</strong>
            <span className="muted small">{t("addProfile.ssoHint")}</span>
          </button>
          <button type="button" onClick={() => setKind("accessKey")} data-testid="add-kind-accessKey">
            <strong>{t("addProfile.keys")}</strong>
            <span className="muted small">{t("addProfile.keysHint")}</span>
          </button>
        </div>
      ) : (
        <form
          data-testid="add-profile-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {field("name", t("addProfile.name"), { placeholder: "work" })}
          {kind === "sso" ? (
            <>
              {field("startUrl", t("addProfile.startUrl"), { placeholder: "https://my-company.awsapps.com/start" })}
              {field("ssoRegion", t("addProfile.ssoRegion"), { placeholder: "ap-northeast-1" })}
              {field("accountId", t("addProfile.accountId"), { placeholder: "111122223333" })}
              {field("roleName", t("addProfile.roleName"), { placeholder: "ReadOnly" })}
            </>
          ) : (
            <>
              {field("accessKeyId", t("addProfile.accessKeyId"), { placeholder: "AKIA…" })}
              {field("secretAccessKey", t("addProfile.secretAccessKey"), { type: "password" })}
            </>
          )}
          {field("region", t("addProfile.region"), { placeholder: "ap-northeast-1" })}
          <p className="muted small">{t(kind === "sso" ? "addProfile.ssoAfter" : "addProfile.keysWhere")}</p>
          {error && (
            <p className="field-error" role="alert" data-testid="add-profile-error">
              {error.message}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={onCancel}>
              {t("delete.cancel")}
            </button>
            <button type="submit" className="primary" disabled={busy} data-testid="add-profile-save">
              {t("addProfile.save")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
