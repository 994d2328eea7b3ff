// Adds an AWS profile without a terminal: "my company uses AWS sign-in (SSO)" (sign in, then pick an account
// and role from the list the sign-in may use) or "I have an access key". The backend writes the AWS files as
// `aws configure` would (a name that exists is refused); the new profile is then selected.
import { useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { DeviceCode, ErrorPayload, NewProfile, ProfileList, SsoRole } from "../../ipc/bindings";
import { DeviceCodeBox } from "./DeviceCodeBox";
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
  // SSO: the sign-in's code while waiting, then the roles it may take, then the one picked.
  const [code, setCode] = useState<DeviceCode | null>(null);
  const [roles, setRoles] = useState<SsoRole[] | null>(null);
  const [picked, setPicked] = useState(0);
  const found = kind ? problems(kind, form) : {};
  const discover = async () => {
    setTouched(true);
    if (found.name || found.startUrl || found.ssoRegion) return;
    setBusy(true);
    setError(null);
    try {
      const list = await api.ssoDiscover(
        { name: form.name, startUrl: form.startUrl, ssoRegion: form.ssoRegion },
        setCode,
      );
      setRoles(list);
      setPicked(0);
    } catch (e) {
      if (e instanceof AppError && e.payload.kind !== "Cancelled") setError(e.payload);
    } finally {
      setCode(null);
      setBusy(false);
    }
  };
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
        disabled={kind === "sso" && roles !== null && key !== "region"}
        onChange={(e) => setForm({ ...form, [key]: e.target.value.trim() })}
      />
    </Field>
  );
  const submit = async () => {
    setTouched(true);
    if (!kind || Object.keys(found).length > 0) return;
    if (kind === "sso" && !roles) return void discover();
    const role = roles?.[picked];
    if (kind === "sso" && !role) return;
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
            accountId: role?.accountId ?? "",
            roleName: role?.roleName ?? "",
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
  // Closing while a sign-in waits stops it.
  const cancel = () => {
    if (code) void api.cancelSsoLogin();
    onCancel();
  };
  return (
    <Dialog title={t("addProfile.title")} onCancel={cancel}>
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
            </>
          ) : (
            <>
              {field("accessKeyId", t("addProfile.accessKeyId"), { placeholder: "AKIA…" })}
              {field("secretAccessKey", t("addProfile.secretAccessKey"), { type: "password" })}
            </>
          )}
          {field("region", t("addProfile.region"), { placeholder: "ap-northeast-1" })}
          {code && <DeviceCodeBox code={code} />}
          {roles && roles.length > 0 && (
            <Field id="add-role" label={t("addProfile.role")}>
              <select
                id="add-role"
                data-testid="add-role"
                value={picked}
                onChange={(e) => setPicked(Number(e.target.value))}
              >
                {roles.map((r, i) => (
                  <option key={`${r.accountId}/${r.roleName}`} value={i}>
                    {`${r.accountName} (${r.accountId}) · ${r.roleName}`}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {roles && roles.length === 0 && <p className="field-error">{t("addProfile.noRoles")}</p>}
          <p className="muted small">
            {t(kind === "accessKey" ? "addProfile.keysWhere" : roles ? "addProfile.ssoPick" : "addProfile.ssoFirst")}
          </p>
          {error && (
            <p className="field-error" role="alert" data-testid="add-profile-error">
              {error.message}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={cancel}>
              {t("delete.cancel")}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={busy || (roles !== null && roles.length === 0)}
              data-testid="add-profile-save"
            >
              {t(kind === "sso" && !roles ? "addProfile.signIn" : "addProfile.save")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
