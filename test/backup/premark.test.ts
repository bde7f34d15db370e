// Pre-marking (src/backup/execute.ts): while a step's request is out, the "started" records of the dependents that
// wait for nothing else are committed, so the next link of a chain leaves as soon as the answer is in — never before
// its own "started" record is on disk. The engine with the real journal writer (IndexedDB) and a performer that
// answers at once (a few microtasks), so the answer always beats the commit it must not overtake.
import { expect } from '@open-wc/testing';
import { PREMARK_LIMIT, executeSteps } from '../../src/backup/execute.js';
import { createStepWriter, type StepRecord, type StepWriter } from '../../src/backup/journal.js';
import { buildSteps, createStepId, type Step } from '../../src/backup/steps.js';
import type { UnitState } from '../../src/schemas.js';
import { describe, it } from '../mocha.js';
import { EMPTY_UNIT, barePlugin, uniqueDatabase } from './helpers.js';

/** A unit of `n` plugins (no mappings) and nothing else: one chain of `n` creates. */
const chainOf = (n: number): UnitState => ({ ...EMPTY_UNIT, plugins: Array.from({ length: n }, (_, i) => barePlugin(i)) });

/** The real journal writer, noting every record handed to it (in order) and every record once committed. */
function trackedWriter(): { writer: StepWriter; issued: string[]; committed: Set<string> } {
  const real = createStepWriter(uniqueDatabase());
  const issued: string[] = [];
  const committed = new Set<string>();
  const name = (r: StepRecord): string => `${r.status} ${r.step}`;
  const writer: StepWriter = {
    write: (r) => {
      issued.push(name(r));
      return real.write(r).then(() => void committed.add(name(r)));
    },
  };
  return { writer, issued, committed };
}

describe('pre-marked "started" records', () => {
  it('a chain link leaves as soon as the link before it is answered, and never before its "started" commit', async () => {
    const n = 8;
    const { writer, issued, committed } = trackedWriter();
    const sent: string[] = [];
    const early: string[] = [];
    const unjournaled: string[] = [];
    await executeSteps({
      journalId: 'j',
      steps: buildSteps(EMPTY_UNIT, chainOf(n)),
      records: new Map(),
      writer,
      perform: async (step) => {
        if (!committed.has(`started ${step.id}`)) unjournaled.push(step.id);
        sent.push(step.id);
        const next = createStepId('plugin', step.index + 1);
        if (issued.includes(`started ${next}`)) early.push(next);
        await Promise.resolve();
        return `new-${step.index}`;
      },
    });
    // Every link after the first was pre-marked while the one before it was out…
    expect(early).to.deep.equal(Array.from({ length: n - 1 }, (_, i) => createStepId('plugin', i + 1)));
    // …and still waited for that commit: the answer came within microtasks, an IndexedDB commit takes a task.
    expect(unjournaled).to.deep.equal([]);
    // The chain still runs in the backup's order, one link at a time.
    expect(sent).to.deep.equal(Array.from({ length: n }, (_, i) => createStepId('plugin', i)));
    // One "started" and one "done" record per step, all committed.
    for (const id of sent) {
      expect(issued.filter((r) => r === `started ${id}`), id).to.have.length(1);
      expect(committed.has(`done ${id}`), id).to.equal(true);
    }
  });

  it('pre-marks at most a few dependents of a step, and only those that wait for nothing else', async () => {
    const key = (id: string, after: string[]): Step => ({ id, kind: 'putKey', index: 0, after, phase: 'create' });
    const many = Array.from({ length: 10 }, (_, i) => key(`b${i}`, ['a']));
    // `c` also waits for `z`, which is answered only after `a` has been sent: `a` must not pre-mark it.
    const steps = [key('a', []), key('z', []), ...many, key('c', ['a', 'z'])];
    const { writer, issued } = trackedWriter();
    let whileA: string[] = [];
    let releaseZ = (): void => undefined;
    const zAnswered = new Promise<void>((resolve) => (releaseZ = resolve));
    await executeSteps({
      journalId: 'j',
      steps,
      records: new Map(),
      writer,
      perform: async (step) => {
        if (step.id === 'z') await zAnswered;
        if (step.id === 'a') {
          whileA = issued.filter((r) => r.startsWith('started ') && r !== 'started a' && r !== 'started z');
          releaseZ();
        }
        await Promise.resolve();
        return undefined;
      },
    });
    expect(whileA).to.have.length(PREMARK_LIMIT);
    expect(whileA.every((r) => /^started b\d$/.test(r))).to.equal(true);
    // Every step ran, each with one "started" record.
    for (const s of steps) expect(issued.filter((r) => r === `started ${s.id}`), s.id).to.have.length(1);
  });
});
