// A modal dialog on the native <dialog> element (see useModal): focus trapped inside and restored after, Esc
// cancels, a click on the dimmed backdrop cancels.
import type { MouseEvent, ReactNode } from "react";
import { useModal } from "./useModal";

export function Dialog({ title, children, onCancel }: { title: string; children: ReactNode; onCancel: () => void }) {
  const ref = useModal<HTMLDialogElement>(onCancel);
  // A press on the backdrop reaches the <dialog> itself, outside its box.
  const onBackdrop = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target !== e.currentTarget) return;
    const box = e.currentTarget.getBoundingClientRect();
    const inside = e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
    if (!inside) onCancel();
  };
  return (
    <dialog className="dialog" aria-label={title} ref={ref} onMouseDown={onBackdrop}>
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}
