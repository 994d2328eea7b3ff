// What the rest of the window needs to know of the active profile: its name, whether changes through it are
// confirmed first (the production guard; the backend refuses unconfirmed ones too), and its colour.
import { createContext, useContext } from "react";
import type { ProfileColor } from "../../ipc/bindings";

export interface ActiveProfile {
  name: string | null;
  guarded: boolean;
  color: ProfileColor | null;
}

export const ActiveProfileContext = createContext<ActiveProfile>({ name: null, guarded: false, color: null });

export const useActiveProfile = () => useContext(ActiveProfileContext);

/** Every colour a profile can carry, in the order Settings offers them. */
export const PROFILE_COLORS: ProfileColor[] = ["red", "orange", "yellow", "green", "blue", "purple", "gray"];
