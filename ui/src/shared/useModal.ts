// A native modal <dialog> driven by React: shown with showModal() while mounted (the browser makes the rest of
// the window inert, so Tab stays inside), Esc asks onCancel instead of closing behind React's back, focus
// moves in once when it opens (not on every render: typing must stay where it is) and returns where it was.
// Opened as it is mounted, before the frame is painted: never a frame where its buttons exist but cannot be used.
import { useLayoutEffect, useRef } from "react";

export function useModal<T extends HTMLDialogElement>(onCancel: () => void) {
  const ref = useRef<T>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const prev = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>("[data-autofocus]") ?? dialog.querySelector<HTMLElement>("button");
    first?.focus();
    const onCancelEvent = (e: Event) => {
      e.preventDefault();
      cancel.current();
    };
    dialog.addEventListener("cancel", onCancelEvent);
    return () => {
      dialog.removeEventListener("cancel", onCancelEvent);
      if (dialog.open) dialog.close();
      if (prev?.isConnected) prev.focus();
    };
  }, []);
  return ref;
}
