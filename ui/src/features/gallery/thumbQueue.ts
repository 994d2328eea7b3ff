// Which thumbnails load now: at most a few at a time, in the order their cells appeared; a cell that scrolls
// away before its turn is dropped from the queue (never asked for), and one that goes while loading frees
// its place (WebKit abandons the request). The backend makes four at once; two more keep it busy.
import { convertFileSrc } from "@tauri-apps/api/core";
import type { ObjectEntry } from "../../ipc/bindings";

export const IN_FLIGHT = 6;

/** The `thumb:` address of an object's thumbnail; its size and date make a changed object another URL. */
export function thumbUrl(bucket: string, o: ObjectEntry): string {
  const version = `${o.size}-${o.lastModified ? Date.parse(o.lastModified) : 0}`;
  return `${convertFileSrc(`${bucket}/${o.key}`, "thumb")}?v=${version}`;
}

type Start = () => void;

export class ThumbQueue {
  private waiting: { id: number; start: Start }[] = [];
  private running = new Set<number>();
  private next = 1;

  constructor(private readonly limit = IN_FLIGHT) {}

  /** Queues a load; `start` is called when it may begin. Returns the ticket to `done` or `cancel` with. */
  ask(start: Start): number {
    const id = this.next++;
    this.waiting.push({ id, start });
    this.pump();
    return id;
  }

  /** The load finished (or failed): the next one may start. */
  done(id: number): void {
    if (this.running.delete(id)) this.pump();
  }

  /** The cell went away: its load is dropped if it had not started, else its place is freed. */
  cancel(id: number): void {
    this.waiting = this.waiting.filter((w) => w.id !== id);
    this.done(id);
  }

  get stats() {
    return { running: this.running.size, waiting: this.waiting.length };
  }

  private pump(): void {
    while (this.running.size < this.limit) {
      const w = this.waiting.shift();
      if (!w) return;
      this.running.add(w.id);
      w.start();
    }
  }
}

/** The window's one queue. */
export const thumbQueue = new ThumbQueue();
