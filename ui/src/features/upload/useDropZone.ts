// Native drag-and-drop onto the window (Tauri gives file paths); `over` drives the overlay.
import { useEffect, useState } from "react";
import { getCurrentWebview } from "@tauri-apps/api/webview";

export function useDropZone(enabled: boolean, onDrop: (paths: string[]) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let unlisten: (() => void) | null = null;
    let live = true;
    let webview;
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
          onDrop(p.paths);
        }
      })
      .then((f) => (live ? (unlisten = f) : f()))
      .catch(() => {});
    return () => {
      live = false;
      unlisten?.();
    };
  }, [enabled, onDrop]);
  return over;
}
