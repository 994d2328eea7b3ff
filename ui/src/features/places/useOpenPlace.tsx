// Opening a place a launch or a link names. An `s3://` address opens with the active profile. An app link opens
// through the profile it names when the person has it (switching to it first); otherwise, or when it names
// none, the person picks among the profiles that can read the bucket (OpenLinkDialog): never a silent guess.
import { useCallback, useRef, useState } from "react";
import type { ObjectEntry } from "../../ipc/bindings";
import { OpenLinkDialog, type OpenTarget } from "./OpenLinkDialog";

/** The object a link names, as the preview takes it (its facts come with the preview). */
export const entryFor = (key: string): ObjectEntry => ({
  key,
  name: key.slice(key.lastIndexOf("/") + 1),
  size: 0,
  lastModified: null,
  etag: null,
  storageClass: null,
  kind: null,
});

export function useOpenPlace(
  profiles: string[],
  active: string | null,
  selectProfile: (name: string) => Promise<void>,
  go: (a: OpenTarget) => void,
) {
  const pending = useRef<OpenTarget | null>(null);
  const [ask, setAsk] = useState<OpenTarget | null>(null);
  const known = useRef({ profiles, active });
  known.current = { profiles, active };

  /** `now` overrides what the last render knew (the first answer arrives before its render). */
  const open = useCallback(
    (a: OpenTarget, chosen?: string, now?: { profiles: string[]; active: string | null }) => {
      const k = now ?? known.current;
      const name = chosen ?? (a.link ? a.profile : k.active);
      if (!name || !k.profiles.includes(name)) setAsk(a);
      else if (name === k.active) go(a);
      else {
        pending.current = a;
        void selectProfile(name);
      }
    },
    [go, selectProfile],
  );

  /** The place waiting for the profile switch to finish, taken once (by the switch's effect). */
  const takePending = useCallback(() => {
    const p = pending.current;
    pending.current = null;
    return p;
  }, []);

  const dialog = ask && (
    <OpenLinkDialog
      target={ask}
      onChoose={(name) => {
        setAsk(null);
        open(ask, name);
      }}
      onCancel={() => setAsk(null)}
    />
  );
  return { open, takePending, dialog };
}
