/**
 * Where an import's time goes: its phases (preflight read, safety snapshot, wipe, create, verify read), each with
 * the requests it sent (from the reference server's request log), its wall time (from the engine's progress
 * reports) and its network floor; and the dependency depth of the step graph (steps.ts), the floor that
 * dependencies impose however many requests may be in flight.
 */
import type { Step } from '../src/backup/steps.js';
import type { Progress } from '../src/backup/types.js';
import { dev } from './dev.js';

/** The phases of an import, in order. */
export const IMPORT_PHASES = ['preflight', 'snapshot', 'wipe', 'create', 'verify'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** Per phase: wall time and requests. */
export type PhaseFigures = Record<ImportPhase, { wallMs: number; requests: number }>;

/**
 * Records when each phase starts from the engine's progress reports. A phase ends where the next one starts;
 * wipe starts when the snapshot is stored, create when the last wipe step is done.
 */
export function phaseClock(): { onProgress: (p: Progress) => void; start: () => void; stop: () => Record<ImportPhase, number> } {
  const starts: Partial<Record<ImportPhase | 'end', number>> = {};
  const mark = (phase: ImportPhase | 'end'): void => void (starts[phase] ??= performance.now());
  return {
    start: () => mark('preflight'),
    onProgress: (p) => {
      if (p.phase === 'snapshot' && p.done === 0) mark('snapshot');
      if (p.phase === 'snapshot' && p.done === p.total) mark('wipe');
      if (p.phase === 'wipe' && p.done === p.total) mark('create');
      if (p.phase === 'create') mark('create');
      if (p.phase === 'verify' && p.done === 0) mark('verify');
    },
    stop: () => {
      mark('end');
      const at = (i: number): number => {
        for (let j = i; j < IMPORT_PHASES.length; j++) if (starts[IMPORT_PHASES[j]!] !== undefined) return starts[IMPORT_PHASES[j]!]!;
        return starts.end!;
      };
      return Object.fromEntries(IMPORT_PHASES.map((p, i) => [p, at(i + 1) - at(i)])) as Record<ImportPhase, number>;
    },
  };
}

interface LogEntry {
  method: string;
  path: string;
  mutating: boolean;
}

/** A create-phase request: a POST, a key PUT, or a mappings PUT after the first create (before it: an unmap). */
const isCreate = (e: LogEntry): boolean => e.method === 'POST' || (e.method === 'PUT' && /\/keys\//.test(e.path));

/**
 * Counts the requests of each phase in `base`'s request log (cleared before the import): reads before the first
 * change are the preflight, reads after the last change the verification; changes up to the first create are the
 * wipe (the step graph sends no create before every wipe step is done), the rest the create.
 */
export async function requestsByPhase(base: string): Promise<Record<ImportPhase, number>> {
  const { entries } = (await dev(base, 'GET', 'log')) as { entries: LogEntry[] };
  const counts: Record<ImportPhase, number> = { preflight: 0, snapshot: 0, wipe: 0, create: 0, verify: 0 };
  const firstChange = entries.findIndex((e) => e.mutating);
  const lastChange = entries.findLastIndex((e) => e.mutating);
  let creating = false;
  entries.forEach((e, i) => {
    if (firstChange < 0 || i < firstChange) counts.preflight += 1;
    else if (i > lastChange) counts.verify += 1;
    else {
      creating ||= isCreate(e);
      counts[creating ? 'create' : 'wipe'] += 1;
    }
  });
  return counts;
}

/**
 * The longest chain of requests in `steps` (gates count for nothing), optionally only within one phase: no
 * scheduler can finish them in fewer round trips than this, whatever its concurrency.
 */
export function dependencyDepth(steps: Step[], phase?: Step['phase']): number {
  const depth = new Map<string, number>();
  const byId = new Map(steps.map((s) => [s.id, s]));
  let longest = 0;
  // Steps are listed after their dependencies except across phases; resolve with an explicit stack.
  const resolve = (root: Step): number => {
    const stack: Step[] = [root];
    while (stack.length > 0) {
      const s = stack[stack.length - 1]!;
      if (depth.has(s.id)) {
        stack.pop();
        continue;
      }
      const pending = s.after.map((a) => byId.get(a)).filter((d): d is Step => d !== undefined && !depth.has(d.id));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      const own = s.kind === 'gate' || (phase !== undefined && s.phase !== phase) ? 0 : 1;
      const before = Math.max(0, ...s.after.map((a) => depth.get(a) ?? 0));
      depth.set(s.id, before + own);
      stack.pop();
    }
    return depth.get(root.id)!;
  };
  for (const s of steps) longest = Math.max(longest, resolve(s));
  return longest;
}
