/**
 * Runs a step list in dependency order, many steps at once, with a journal write before and after each request:
 * "started" is committed before the request is sent, "done" (with the new id) right after the response, so a
 * reload at any moment leaves a record of everything that may have reached the server.
 *
 * A chain of creates (steps.ts) is the import's critical path, so no journal commit sits on a link of it: while a
 * step's request is out, the "started" records of the dependents that wait for nothing else are committed
 * ("pre-marked", at most {@link PREMARK_LIMIT} per step), and when its answer arrives the next link's request leaves
 * at once, its "done" record being committed beside that request rather than before it.
 */
import { BackupError, isBackupError } from '../errors.js';
import { abortedError, sleep } from './abort.js';
import type { StepRecord, StepWriter } from './journal.js';
import type { Step } from './steps.js';
import type { ProgressListener } from './types.js';

/** Mutating requests in flight at most, unless configured. */
export const DEFAULT_STEP_CONCURRENCY = 6;
/** Extra attempts of a step that failed in a way worth retrying (after the client's own retries). */
export const DEFAULT_STEP_RETRIES = 2;
/** Wait before the first extra attempt; doubles each time. */
export const STEP_RETRY_DELAY_MS = 200;
/**
 * Dependents one step pre-marks "started" at most while its request is out: the next link of its chain and the
 * few others whose last dependency it is — never the thousands a gate or a popular plugin may have.
 */
export const PREMARK_LIMIT = 4;

/** How a step is performed: resolves to the new server id for creates. */
export type PerformStep = (
  step: Step,
  how: { reconcile: boolean; idempotencyKey: string; signal: AbortSignal },
) => Promise<string | undefined>;

/** What {@link executeSteps} needs. */
export interface ExecuteOptions {
  journalId: string;
  steps: Step[];
  /** Step records from the journal; updated as steps progress. */
  records: Map<string, StepRecord>;
  perform: PerformStep;
  writer: StepWriter;
  concurrency?: number;
  retries?: number;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/** Idempotency-Key of a step: derived from the journal and step ids, so a resumed POST sends the same key. */
export const idempotencyKeyFor = (journalId: string, stepId: string): string => `dbk-${journalId}-${stepId}`;

const RETRYABLE = new Set(['SERVER', 'NETWORK', 'RATE_LIMITED']);

/**
 * Runs every step not yet done. A step found "started" in the journal is reconciled with the server (see
 * perform.ts) instead of being blindly repeated.
 * @throws BackupError ABORTED when `signal` fires; IMPORT_INCOMPLETE (cause: the failure) when a step fails —
 *   in both cases after every request in flight has settled and been journaled, so the journal is exact.
 */
export async function executeSteps(o: ExecuteOptions): Promise<void> {
  const { steps, records, signal } = o;
  const concurrency = Math.max(1, o.concurrency ?? DEFAULT_STEP_CONCURRENCY);
  const retries = Math.max(0, o.retries ?? DEFAULT_STEP_RETRIES);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  const byId = new Map(steps.map((s) => [s.id, s]));
  const dependents = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  const isDone = (id: string): boolean => records.get(id)?.status === 'done';
  const totals = { wipe: 0, create: 0 };
  const done = { wipe: 0, create: 0 };
  for (const s of steps) {
    if (s.kind !== 'gate') totals[s.phase] += 1;
    if (isDone(s.id)) {
      // Done in an earlier run: neither waits nor is waited for (gates are never journaled, so a done step
      // registered as a gate's dependent would run again when the gate opens).
      if (s.kind !== 'gate') done[s.phase] += 1;
      continue;
    }
    let count = 0;
    for (const dep of s.after) {
      if (isDone(dep)) continue;
      count += 1;
      const list = dependents.get(dep);
      if (list) list.push(s.id);
      else dependents.set(dep, [s.id]);
    }
    waiting.set(s.id, count);
  }
  // Two queues, each read from its head on (Array#shift would make scheduling quadratic on a 15,000-step import).
  // Steps something waits for go first: a chain of creates (steps.ts) is the import's critical path, and 5,000 key
  // PUTs queued ahead of its next link would hold the chain up; leaves (keys, the last of a chain) fill the window
  // around it. A leaf is never starved: it runs whenever no waited-for step is ready.
  const urgent: Step[] = [];
  const ready: Step[] = [];
  let urgentHead = 0;
  let head = 0;
  const enqueue = (s: Step): void => void ((dependents.get(s.id)?.length ?? 0) > 0 ? urgent : ready).push(s);
  const hasReady = (): boolean => urgentHead < urgent.length || head < ready.length;
  const next = (): Step => (urgentHead < urgent.length ? urgent[urgentHead++]! : ready[head++]!);
  for (const s of steps) if (waiting.get(s.id) === 0 && !isDone(s.id)) enqueue(s);
  let remaining = steps.filter((s) => !isDone(s.id)).length;
  let inFlight = 0;
  let failure: unknown;

  /** Steps whose "done" record is not committed yet (every running step counts until then), plus pre-marks in flight. */
  let writing = 0;
  /** Schedules what can run now; set once the run loop exists. */
  let pump = (): void => undefined;
  /** "started" writes of the steps pre-marked by this page, by step id: such a step's request waits for that commit. */
  const premarked = new Map<string, Promise<void>>();

  /**
   * Pre-marks "started" the dependents of `step` that wait for nothing else, while `step`'s request is out: its
   * answer then sends the next link of a chain at once instead of after a commit. A pre-marked step never sent (the
   * run stopped) is left "started", as a step whose request was lost would be: resume converges from the live unit
   * (resume.ts), never from the step records, so a "started" record only ever over-reports what may have been sent.
   */
  const premark = (step: Step): void => {
    let marked = 0;
    for (const d of dependents.get(step.id) ?? []) {
      if (marked >= PREMARK_LIMIT) break;
      // `step` is not answered yet, so a count of one means it is the only thing `d` still waits for. A record of an
      // earlier page (a step to reconcile) is kept as it is.
      if (byId.get(d)!.kind === 'gate' || waiting.get(d) !== 1 || premarked.has(d) || records.has(d)) continue;
      marked += 1;
      const written = o.writer.write({ journal: o.journalId, step: d, status: 'started', idempotencyKey: idempotencyKeyFor(o.journalId, d) });
      premarked.set(d, written);
      writing += 1;
      written.then(
        () => undefined,
        (error: unknown) => void (failure ??= error),
      ).finally(() => {
        writing -= 1;
        pump();
      });
    }
  };

  /**
   * Runs one step. Its "started" record is committed before its request leaves: written here, or pre-marked while
   * the step it waited for was out (then only awaited, normally long committed). `answered` is called once the
   * response is in and its "done" record is in `records` and handed to the journal writer, not yet committed: a
   * dependent's request does not wait for that commit (it needs only its own "started" on disk, and reads the new
   * id it needs from `records`). Resolves once the "done" record is committed.
   */
  const run = async (step: Step, answered: () => void): Promise<void> => {
    const previous = records.get(step.id);
    const idempotencyKey = idempotencyKeyFor(o.journalId, step.id);
    const started: StepRecord = { journal: o.journalId, step: step.id, status: 'started', idempotencyKey };
    const early = premarked.get(step.id);
    if (early) {
      await early;
      records.set(step.id, started);
    } else if (previous?.status !== 'started') {
      await o.writer.write(started);
      records.set(step.id, started);
    }
    // Something failed meanwhile (say a journal write): send nothing more.
    if (failure !== undefined) throw failure;
    if (!controller.signal.aborted) premark(step);
    let newId: string | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        // A step started by an earlier page may have reached the server: reconcile it first. A retry within this
        // page resends the same request (a POST with the same Idempotency-Key, which the server answers once).
        const reconcile = previous?.status === 'started';
        newId = await o.perform(step, { reconcile, idempotencyKey, signal: controller.signal });
        break;
      } catch (error) {
        const code = isBackupError(error) ? error.code : '';
        if (attempt >= retries || !RETRYABLE.has(code) || controller.signal.aborted) throw error;
        await sleep(STEP_RETRY_DELAY_MS * 2 ** attempt, controller.signal);
      }
    }
    const finished: StepRecord = { journal: o.journalId, step: step.id, status: 'done', idempotencyKey, ...(newId ? { newId } : {}) };
    // In memory first: a dependent (a profile after its workspaces) reads the new id from `records`.
    records.set(step.id, finished);
    const written = o.writer.write(finished);
    answered();
    await written;
  };

  await new Promise<void>((resolve) => {
    const complete = (step: Step): void => {
      remaining -= 1;
      if (step.kind !== 'gate') {
        done[step.phase] += 1;
        o.onProgress?.({ phase: step.phase, done: done[step.phase], total: totals[step.phase] });
      }
      for (const d of dependents.get(step.id) ?? []) {
        const left = waiting.get(d)! - 1;
        waiting.set(d, left);
        if (left === 0) enqueue(byId.get(d)!);
      }
    };
    pump = (): void => {
      while (failure === undefined && !controller.signal.aborted && inFlight < concurrency && hasReady()) {
        const step = next();
        if (step.kind === 'gate') {
          records.set(step.id, { journal: o.journalId, step: step.id, status: 'done' });
          complete(step);
          continue;
        }
        inFlight += 1;
        writing += 1;
        let answered = false;
        const release = (): void => {
          answered = true;
          inFlight -= 1;
          complete(step);
          pump();
        };
        run(step, release).then(
          () => {
            writing -= 1;
            pump();
          },
          (error: unknown) => {
            writing -= 1;
            if (!answered) inFlight -= 1;
            // Stop starting steps, but let those in flight finish and be journaled, so the journal stays exact.
            failure ??= error;
            pump();
          },
        );
      }
      if (inFlight === 0 && writing === 0 && (remaining === 0 || failure !== undefined || controller.signal.aborted || !hasReady())) {
        resolve();
      }
    };
    pump();
  });
  signal?.removeEventListener('abort', onAbort);
  if (signal?.aborted) throw abortedError(failure);
  if (failure !== undefined) {
    if (isBackupError(failure, 'JOURNAL_UNAVAILABLE')) throw failure;
    throw new BackupError(
      'IMPORT_INCOMPLETE',
      'The import stopped part-way because a request failed. Nothing is lost: resume it to finish, or roll back to the safety snapshot.',
      { cause: failure },
    );
  }
  if (remaining > 0) {
    throw new BackupError('IMPORT_INCOMPLETE', 'The import plan has steps that can never run (a dependency cycle).');
  }
}
