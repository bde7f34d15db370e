/**
 * Working through a decrypted payload without blocking the page. `BackupPayload.safeParse` over the `large` seed
 * (7,800 entities) is one main-thread task as long as the whole unit takes to check; {@link validatePayload} checks
 * the manifest, then every entity on its own, yielding to the event loop between slices, and reaches the same
 * verdict with the same issues (bench/inspector.bench.ts measures both).
 * The pacing ({@link createEntityPacer}) is shared with the inspector's search index and diff.
 *
 * Used by the engine (src/backup/open.ts) and the inspector (src/inspect/open.ts), which may not import each other.
 */
import { toValidationIssues, type ValidationIssue } from './errors.js';
import { PARSE } from './zod.js';
import * as z from 'zod/mini';
import { TASK_BUDGET_MS, taskElapsedMs, throwIfAborted, yieldToEventLoop } from './format/schedule.js';
import { KeyEntry, Manifest, Plugin, Profile, Workspace, parseLossless, type BackupPayload, type UnitState } from './schemas.js';
import { canonicalJson } from './json.js';

export { canonicalJson };

/** Entities handled between two yields to the event loop, at most (sooner when {@link TASK_BUDGET_MS} is spent). */
export const PARSE_SLICE = 250;

/** Progress of a paced loop: entities done out of the total. */
export interface EntityProgress {
  done: number;
  total: number;
}

/** Options of the paced loops: cancellation, and progress reported at every yield. */
export interface PaceOptions {
  /** Aborting it stops the loop at its next step with FormatError ABORTED. */
  signal?: AbortSignal;
  /** Called at the start, at every yield and at the end. */
  onProgress?: (progress: EntityProgress) => void;
}

/** Counts a loop's entities and yields when a slice is done; see {@link createEntityPacer}. */
export interface EntityPacer {
  /** Call after each entity: yields every {@link PARSE_SLICE} entities or once the task budget is spent. */
  step(): Promise<void>;
  /** Reports the loop finished (`done = total`). */
  finish(): void;
}

/**
 * Paces a loop over `total` entities. A slice count *and* a time budget: the count makes the yields happen
 * whatever the machine's speed (so a large unit always lets the page in, and a test can see it), the budget
 * keeps a slice of unusually large entities from becoming a long task. Yields with the format layer's
 * MessageChannel task, so timers, input and rendering run in between.
 * @throws FormatError ABORTED from `step()` once `signal` is aborted.
 */
export function createEntityPacer(total: number, o: PaceOptions = {}, slice = PARSE_SLICE): EntityPacer {
  const { signal, onProgress } = o;
  let done = 0;
  let sinceYield = 0;
  throwIfAborted(signal);
  onProgress?.({ done, total });
  return {
    async step() {
      done++;
      if (++sinceYield < slice && taskElapsedMs() < TASK_BUDGET_MS) return;
      onProgress?.({ done, total });
      await yieldToEventLoop();
      throwIfAborted(signal);
      sinceYield = 0;
    },
    finish() {
      onProgress?.({ done: total, total });
    },
  };
}

/** The outer shape of a payload; entities are checked one by one (see {@link validatePayload}). */
const Envelope = z.strictObject({
  manifest: z.unknown(),
  unit: z.strictObject({
    plugins: z.array(z.unknown()),
    workspaces: z.array(z.unknown()),
    profiles: z.array(z.unknown()),
    keys: z.array(z.unknown()),
  }),
});

const SECTIONS = ['plugins', 'workspaces', 'profiles', 'keys'] as const;
const ENTITY_SCHEMAS = { plugins: Plugin, workspaces: Workspace, profiles: Profile, keys: KeyEntry } as const;

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The verdict of {@link validatePayload}, shaped like zod's `safeParse` result. */
export type PayloadValidation =
  | { success: true; data: BackupPayload }
  | {
      success: false;
      issues: ValidationIssue[];
      /** Sections this version does not know (`unit.layouts`, `manifest.signature`…): a newer writer made the file. */
      unknownSections: string[];
    };

/**
 * The sections a payload may have, by path: its own, its manifest's (and those of the manifest's objects) and its
 * unit's. Anything else was written by a newer version.
 */
const KNOWN_SECTIONS: [path: string[], known: readonly string[]][] = [
  [[], ['manifest', 'unit']],
  [['manifest'], Object.keys(Manifest.shape)],
  [['manifest', 'unit'], ['id', 'name']],
  [['manifest', 'exportedBy'], ['id', 'name']],
  [['manifest', 'counts'], ['plugins', 'workspaces', 'profiles', 'keys']],
  [['unit'], ['plugins', 'workspaces', 'profiles', 'keys']],
];

/** Paths (`unit.layouts`, `manifest.signature`) of the payload's sections this version does not know. */
export function findUnknownSections(value: unknown): string[] {
  const out: string[] = [];
  for (const [path, known] of KNOWN_SECTIONS) {
    let v: unknown = value;
    for (const p of path) v = isObject(v) && Object.hasOwn(v, p) ? (v as Record<string, unknown>)[p] : undefined;
    if (isObject(v)) for (const k of Object.keys(v)) if (!known.includes(k)) out.push([...path, k].join('.'));
  }
  return out;
}

/**
 * Checks a decrypted value against the payload schema ({@link BackupPayload}), entity by entity, yielding to the
 * page between slices. The verdict, the parsed data and the issues (paths like `unit.plugins.3.bundle`, zod's
 * messages, never a value) are those of `BackupPayload.safeParse`, in the same order: the manifest's, then each
 * section's — a section that is missing or not a list reported in its place, without hiding the others' problems.
 * Uniqueness and references are not checked here (the engine checks them; the inspector only shows).
 * @throws FormatError ABORTED when `o.signal` is aborted.
 */
export async function validatePayload(value: unknown, o: PaceOptions = {}): Promise<PayloadValidation> {
  const envelope = Envelope.safeParse(value, PARSE);
  const unknownSections = findUnknownSections(value);
  // Unknown keys are reported as unknownSections, not twice.
  const known = (e: z.core.$ZodError) => ({ ...e, issues: e.issues.filter((i) => i.code !== 'unrecognized_keys') }) as z.core.$ZodError;
  const outline = envelope.success ? [] : toValidationIssues(known(envelope.error));
  // Not even an object: zod says so alone.
  if (!isObject(value)) return { success: false, issues: toValidationIssues(envelope.error!), unknownSections };
  const raw = value as { manifest?: unknown; unit?: unknown };
  const manifest = Manifest.safeParse(raw.manifest, PARSE);
  const issues: ValidationIssue[] = manifest.success
    ? []
    : toValidationIssues(known(manifest.error)).map((i) => ({ ...i, path: ['manifest', ...i.path] }));
  // The unit's own problem (not an object), then each section's in its place. (The envelope's view of a missing
  // manifest, "expected nonoptional", is left out: Manifest said it as zod's whole-payload parse does.)
  issues.push(...outline.filter((i) => i.path.length === 1 && i.path[0] === 'unit'));
  const sections = (isObject(raw.unit) ? raw.unit : {}) as Record<string, unknown>;
  const lists = SECTIONS.map((s) => sections[s]).map((items) => (Array.isArray(items) ? (items as unknown[]) : []));
  const pacer = createEntityPacer(lists.reduce((n, items) => n + items.length, 0), o);
  const unit: Record<string, unknown[]> = {};
  for (const [s, section] of SECTIONS.entries()) {
    const schema = ENTITY_SCHEMAS[section];
    const out: unknown[] = (unit[section] = []);
    issues.push(...outline.filter((i) => i.path.length === 2 && i.path[1] === section));
    for (const [i, item] of lists[s]!.entries()) {
      // The entity as the file holds it, unknown fields and all (parseLossless).
      const parsed = parseLossless(schema, item);
      if (parsed.success) out.push(parsed.data);
      else issues.push(...toValidationIssues(parsed.error).map((x) => ({ ...x, path: ['unit', section, i, ...x.path] })));
      await pacer.step();
    }
  }
  pacer.finish();
  if (issues.length > 0 || unknownSections.length > 0 || !manifest.success || !envelope.success) {
    return { success: false, issues, unknownSections };
  }
  return { success: true, data: { manifest: manifest.data, unit: unit as unknown as UnitState } };
}

