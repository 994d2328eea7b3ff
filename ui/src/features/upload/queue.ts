// The upload queue's pure logic: rows from events, ETA, conflict answers with "apply to all".
import type { Conflict, ErrorPayload, UploadEvent, UploadState } from "../../ipc/bindings";

export interface Row {
  id: number;
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
          sent: e.state === "queued" ? r.sent : e.sent,
          total: e.total || r.total,
          rate: e.rate,
          key: e.key,
          contentType: e.contentType ?? r.contentType,
          error: e.error,
        },
  );
}

/**
 * Events for uploads whose rows are not in the list yet. The backend starts an upload before its id
 * reaches the window, so a small file can finish before `start_upload` returns; those events wait here.
 * Called outside React state updaters, so the updaters stay pure.
 */
export class EarlyEvents {
  private known = new Set<number>();
  private waiting = new Map<number, UploadEvent[]>();
  /** True when `e`'s row is listed and the event can be applied now; otherwise it is kept for `adopt`. */
  offer(e: UploadEvent): boolean {
    if (this.known.has(e.id)) return true;
    this.waiting.set(e.id, [...(this.waiting.get(e.id) ?? []), e]);
    return false;
  }
  /** New rows with every event that arrived before them, in order; later events apply directly. */
  adopt(added: Row[]): Row[] {
    let out = added;
    for (const r of added) {
      this.known.add(r.id);
      for (const e of this.waiting.get(r.id) ?? []) out = applyEvent(out, e);
      this.waiting.delete(r.id);
    }
    return out;
  }
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
