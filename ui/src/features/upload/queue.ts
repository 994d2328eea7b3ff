// The upload queue's pure logic: rows from events, ETA, conflict answers with "apply to all".
import type { Conflict, ErrorPayload, UploadEvent, UploadState } from "../../ipc/bindings";

export interface Row {
  /** Named by the window before the upload is queued, so every event finds its row. */
  id: string;
  path: string;
  name: string;
  key: string;
  state: UploadState | "refused";
  sent: number;
  total: number;
  rate: number;
  contentType: string | null;
  error: ErrorPayload | null;
  note: string | null;
}

export function applyEvent(rows: Row[], e: UploadEvent): Row[] {
  return rows.map((r) =>
    r.id !== e.id
      ? r
      : {
          ...r,
          state: e.state,
          // A queued or paused row keeps the bytes it had; the bar picks up where it was.
          sent: e.state === "queued" || e.state === "paused" ? r.sent : e.sent,
          total: e.total || r.total,
          rate: e.rate,
          key: e.key,
          contentType: e.contentType ?? r.contentType,
          error: e.error,
        },
  );
}

let rowSeq = 0;

/** A row id no other row of this window has. */
export function newRowId(): string {
  rowSeq += 1;
  return `row-${Date.now().toString(36)}-${rowSeq}`;
}

/** Seconds left at the current rate, or null when unknown. */
export function eta(r: Pick<Row, "sent" | "total" | "rate">): number | null {
  if (r.rate <= 0 || r.total <= r.sent) return null;
  return Math.ceil((r.total - r.sent) / r.rate);
}

export function percent(r: Pick<Row, "sent" | "total" | "state">): number {
  if (r.state === "done") return 100;
  if (r.total <= 0) return 0;
  return Math.min(100, Math.floor((r.sent / r.total) * 100));
}

/** Answers for existing keys: asks one at a time until an answer is applied to all. */
export class ConflictAnswers {
  private all: Conflict | null = null;
  private each = new Map<string, Conflict>();
  answer(key: string, choice: Conflict, applyToAll: boolean) {
    this.each.set(key, choice);
    if (applyToAll) this.all = choice;
  }
  pending(existing: string[]): string | null {
    if (this.all) return null;
    return existing.find((k) => !this.each.has(k)) ?? null;
  }
  policyFor(key: string, existing: Set<string>): Conflict {
    if (!existing.has(key)) return "ask";
    return this.each.get(key) ?? this.all ?? "ask";
  }
}
