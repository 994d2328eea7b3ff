// Native drag-and-drop onto the window (Tauri gives file paths); `over` drives the overlay.
// The listener is registered once and calls the latest `onDrop`: re-registering on every folder change
// left a gap (listening is asynchronous) in which a drop right after navigating was lost.
import { useEffect, useRef, useState } from "react";
import { getCurrentWebview } from "@tauri-apps/api/webview";

export function useDropZone(enabled: boolean, onDrop: (paths: string[]) => void): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef(onDrop);
  useEffect(() => {
    latest.current = onDrop;
  }, [onDrop]);
  useEffect(() => {
    if (!enabled) return;
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
  }, [enabled]);
  return over;
}
