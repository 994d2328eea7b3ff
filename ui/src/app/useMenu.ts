// The native menu's clicks (and a launch's place) arrive as `menu` events; Ctrl/⌘+, opens Settings without a
// menu too. The handler is read when an event comes, so it may change every render.
import { useEffect, useRef } from "react";
import { listen } from "@tauri-apps/api/event";
import type { MenuAction } from "../ipc/bindings";

export function useMenu(on: (a: MenuAction) => void) {
  const handler = useRef(on);
  handler.current = on;
  useEffect(() => {
    // Menu events only exist in the desktop app; without them the window works the same.
    const un = listen<MenuAction>("menu", ({ payload }) => handler.current(payload)).catch(() => null);
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === ",") {
        e.preventDefault();
        handler.current({ action: "settings" });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      void un.then((f) => f?.());
    };
  }, []);
}
