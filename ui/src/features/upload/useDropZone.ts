// Native drag-and-drop onto the window (Tauri gives file paths); `over` drives the overlay.
// The listener is registered once, for the window's life, and reads the latest `enabled` and `onDrop`:
// re-registering on a change left a gap (listening is asynchronous) in which a drop was lost, on every folder
// change at first and later whenever a profile switch closed the bucket and the next one opened it.
import { useEffect, useRef, useState } from "react";
import { getCurrentWebview } from "@tauri-apps/api/webview";

export function useDropZone(enabled: boolean, onDrop: (paths: string[]) => void): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef(onDrop);
  const on = useRef(enabled);
  useEffect(() => {
    latest.current = onDrop;
    on.current = enabled;
    if (!enabled) setOver(false);
  }, [onDrop, enabled]);
  useEffect(() => {
    let unlisten: (() => void) | null = null;
    let live = true;
    let webview: ReturnType<typeof getCurrentWebview>;
    try {
      webview = getCurrentWebview();
    } catch {
      return; // not inside the desktop app
    }
    webview
      .onDragDropEvent((e) => {
        const p = e.payload;
        if (!on.current) return;
        if (p.type === "enter" || p.type === "over") setOver(true);
        else if (p.type === "leave") setOver(false);
        else if (p.type === "drop") {
          setOver(false);
          latest.current(p.paths);
        }
      })
      .then((f) => {
        if (live) unlisten = f;
        else f();
      })
      .catch(() => {});
    return () => {
      live = false;
      unlisten?.();
    };
  }, []);
  return over;
}
