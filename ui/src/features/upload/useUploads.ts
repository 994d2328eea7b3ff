// The upload flow: scan paths → confirm folders → ask about existing keys → queue → progress rows.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, AppError } from "../../ipc/commands";
import type { Conflict, Entry, ErrorPayload, LifetimeWarning, ScanResult, Skipped } from "../../ipc/bindings";
import { applyEvent, ConflictAnswers, newRowId, type Row } from "./queue";
import { useActiveProfile } from "../profiles/activeProfile";

export type Ask =
  | { kind: "folder"; scan: ScanResult }
  | { kind: "conflict"; key: string; remaining: number }
  | { kind: "lifetime"; warning: LifetimeWarning; bytes: number }
  | { kind: "guard"; profile: string; bucket: string; count: number };

const nameError = (message: string): ErrorPayload => ({
  kind: "InvalidInput",
  message,
  messageKey: "error.invalidInput",
  nextStep: "",
});

/** A row for a path the scan left out: unreadable ones fail with the system's words, the rest say why. */
function skippedRow({ path, reason, detail }: Skipped): Row {
  const name = path.split(/[\\/]/).pop() ?? path;
  const unreadable = reason === "unreadable";
  const error: ErrorPayload | null = unreadable
    ? { kind: "Io", message: `${path}: ${detail}`, messageKey: "error.io", nextStep: "" }
    : null;
  return {
    id: newRowId(),
    path,
    name,
    key: name,
    state: unreadable ? "failed" : "skipped",
    sent: 0,
    total: 0,
    rate: 0,
    contentType: null,
    error,
    note: unreadable ? null : `skip:${reason}:${detail}`,
  };
}

export function useUploads(bucket: string | null, prefix: string, onDone: (key: string) => void) {
  const [rows, setRows] = useState<Row[]>([]);
  const [ask, setAsk] = useState<Ask | null>(null);
  const profile = useActiveProfile();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const resolver = useRef<((v: unknown) => void) | null>(null);
  const question = useCallback(
    <T>(a: Ask) =>
      new Promise<T>((resolve) => {
        resolver.current = resolve as (v: unknown) => void;
        setAsk(a);
      }),
    [],
  );
  const answer = (v: unknown) => {
    setAsk(null);
    resolver.current?.(v);
  };

  const upload = useCallback(
    async (paths: string[]) => {
      if (!bucket || paths.length === 0) return;
      setError(null);
      try {
        const scan = await api.scanPaths(paths, prefix);
        if (scan.folders > 0 && !(await question<boolean>({ kind: "folder", scan }))) return;
        const refused: Row[] = scan.items
          .filter((i) => !i.allowed || i.nameProblem)
          .map((i) => ({
            id: newRowId(),
            path: i.path,
            name: i.path.split(/[\\/]/).pop() ?? i.key,
            key: i.key,
            state: "refused",
            sent: 0,
            total: i.size,
            rate: 0,
            contentType: i.detected.mime,
            error: i.nameProblem ? nameError(i.nameProblem) : null,
            note: null,
          }));
        refused.push(...scan.skipped.map(skippedRow));
        const ok = scan.items.filter((i) => i.allowed && !i.nameProblem);
        // A production profile, first of all questions: the person confirms, naming the profile and the bucket.
        const guard = profile.guarded && ok.length > 0 ? profile.name : null;
        if (guard && !(await question<boolean>({ kind: "guard", profile: guard, bucket, count: ok.length }))) return;
        const existing = ok.length
          ? await api.checkExisting(
              bucket,
              ok.map((i) => i.key),
            )
          : [];
        const answers = new ConflictAnswers();
        for (let key = answers.pending(existing); key; key = answers.pending(existing)) {
          const reply = await question<{ choice: Conflict; all: boolean } | null>({
            kind: "conflict",
            key,
            remaining: existing.length,
          });
          if (!reply) return;
          answers.answer(key, reply.choice, reply.all);
        }
        const set = new Set(existing);
        // Uploads that may outlast the sign-in: said before they start, not half-way.
        const bytes = ok.reduce((sum, i) => sum + i.size, 0);
        const warning = ok.length ? await api.checkUploadTime(bytes) : null;
        if (warning && !(await question<boolean>({ kind: "lifetime", warning, bytes }))) return;
        // Rows are listed before the uploads are queued, under ids the window chose: every event finds its row.
        const pendingRows: Row[] = ok.map((i) => ({
          id: newRowId(),
          path: i.path,
          name: i.path.split(/[\\/]/).pop() ?? i.key,
          key: i.key,
          state: "queued",
          sent: 0,
          total: i.size,
          rate: 0,
          contentType: i.detected.mime,
          error: null,
          note: i.size === 0 ? "empty" : i.detected.extensionClaims ? `renamed:${i.detected.extensionClaims}` : null,
        }));
        const items = ok.map((i, n) => ({
          id: pendingRows[n]?.id ?? newRowId(),
          path: i.path,
          key: i.key,
          conflict: answers.policyFor(i.key, set),
        }));
        setRows((rs) => [...refused, ...pendingRows, ...rs]);
        if (items.length === 0) return;
        try {
          await api.startUpload(bucket, items, guard, (e) => {
            setRows((rs) => applyEvent(rs, e));
            if (e.state === "done") onDone(e.key);
          });
        } catch (e) {
          // Nothing was queued: the rows say why.
          const ids = new Set(items.map((i) => i.id));
          const payload = e instanceof AppError ? e.payload : null;
          setRows((rs) => rs.map((r) => (ids.has(r.id) ? { ...r, state: "failed", error: payload } : r)));
          throw e;
        }
      } catch (e) {
        if (e instanceof AppError) setError(e.payload);
      }
    },
    [bucket, prefix, onDone, question, profile],
  );

  // Multipart uploads a crash, a kill or a quit left unfinished: offered for Resume or Discard.
  const [pending, setPending] = useState<Entry[]>([]);
  const [pendingAsk, setPendingAsk] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another bucket (or profile) asks again
  useEffect(() => {
    api
      .pendingUploads()
      .then(setPending)
      .catch(() => setPending([]));
  }, [bucket, pendingAsk]);
  const resume = async (entry: Entry) => {
    setError(null);
    try {
      const row: Row = {
        id: newRowId(),
        path: entry.path,
        name: entry.path.split(/[\\/]/).pop() ?? entry.key,
        key: entry.key,
        state: "queued",
        sent: 0,
        total: entry.size,
        rate: 0,
        contentType: entry.contentType,
        error: null,
        note: null,
      };
      setRows((rs) => [row, ...rs]);
      setPending((p) => p.filter((x) => x.id !== entry.id));
      await api
        .resumeUpload(entry.id, row.id, (e) => {
          setRows((rs) => applyEvent(rs, e));
          if (e.state === "done") onDone(e.key);
        })
        .catch((e: unknown) => {
          setRows((rs) => rs.filter((r) => r.id !== row.id));
          setPendingAsk((n) => n + 1);
          throw e;
        });
    } catch (e) {
      if (e instanceof AppError) setError(e.payload);
    }
  };
  const discard = async (entry: Entry) => {
    setError(null);
    try {
      await api.discardUpload(entry.id);
      setPending((p) => p.filter((x) => x.id !== entry.id));
    } catch (e) {
      if (e instanceof AppError) setError(e.payload);
    }
  };

  const retry = (r: Row) => {
    setRows((rs) => rs.filter((x) => x.id !== r.id));
    void upload([r.path]);
  };
  const cancel = (r: Row) => {
    void api.cancelUpload(r.id).then(() => {
      // A paused multipart upload that is cancelled joins the unfinished ones (Resume or Discard there).
      if (r.state === "paused") setPendingAsk((n) => n + 1);
    });
  };
  const clear = () =>
    setRows((rs) => rs.filter((r) => r.state === "queued" || r.state === "uploading" || r.state === "paused"));
  return { rows, ask, answer, error, upload, retry, cancel, clear, pending, resume, discard };
}
