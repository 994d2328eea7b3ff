// One labelled form control with its error shown next to it.
import type { ReactNode } from "react";

export function Field({
  label,
  error,
  hint,
  children,
  id,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
  id: string;
}) {
  return (
    <div className={`field ${error ? "invalid" : ""}`} data-field={id}>
      <label htmlFor={id}>{label}</label>
      <div className="control">
        {children}
        {hint && !error && <small className="muted">{hint}</small>}
        {error && (
          <small className="field-error" role="alert" data-testid={`error-${id}`}>
            {error}
          </small>
        )}
      </div>
    </div>
  );
}
