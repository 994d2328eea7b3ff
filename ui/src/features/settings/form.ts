// Pure helpers for the settings form: field errors by path, and edits that keep the object immutable.
import type { FieldError, ProfileSettings, Settings } from "../../ipc/bindings";

export function errorsByField(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= e.message;
  return out;
}

export function withProfile(s: Settings, name: string, patch: Partial<ProfileSettings>): Settings {
  const current: ProfileSettings = s.profiles[name] ?? {
    region: null,
    endpointUrl: null,
    pathStyle: null,
    defaultBucket: null,
    defaultPrefix: null,
    color: null,
    confirmChanges: false,
  };
  return { ...s, profiles: { ...s.profiles, [name]: { ...current, ...patch } } };
}

/** Empty text means "not set" (null), so the profile file or the environment decides. */
export function blankToNull(v: string): string | null {
  const t = v.trim();
  return t === "" ? null : t;
}

/** Seconds shown as a number with a unit, and back. */
export const UNITS = [
  { key: "unit.seconds", secs: 1 },
  { key: "unit.minutes", secs: 60 },
  { key: "unit.hours", secs: 3600 },
  { key: "unit.days", secs: 86400 },
] as const;

export function splitSeconds(secs: number): { value: number; unit: number } {
  for (const u of [...UNITS].reverse())
    if (secs % u.secs === 0 && secs >= u.secs) return { value: secs / u.secs, unit: u.secs };
  return { value: secs, unit: 1 };
}
