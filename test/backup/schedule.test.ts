// Scheduling across phases and collections: the chains of creates start as soon as the wipe is done (not after the
// key store), and the scheduler sends steps something waits for before leaves, so a chain never queues behind
// thousands of key PUTs. Pure: buildSteps, and executeSteps with a performer that only records the order.
import { expect } from '@open-wc/testing';
import { executeSteps } from '../../src/backup/execute.js';
import { GATE_WIPED, buildSteps, createStepId } from '../../src/backup/steps.js';
import type { UnitState } from '../../src/schemas.js';
import { describe, it } from '../mocha.js';
import { EMPTY_UNIT, barePlugin } from './helpers.js';

/** A unit of `n` keys and a chain of three plugins (no mappings), nothing else. */
function unitOf(n: number): UnitState {
  return {
    ...EMPTY_UNIT,
    plugins: [barePlugin(0), barePlugin(1), barePlugin(2)],
    keys: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: String(i), secret: false })),
  };
}

describe('scheduling', () => {
  it('creates wait for the wipe, not for the key store', () => {
    const steps = buildSteps(EMPTY_UNIT, unitOf(10));
    const first = steps.find((s) => s.id === createStepId('plugin', 0))!;
    expect(first.after).to.deep.equal([GATE_WIPED]);
    expect(steps.some((s) => s.after.some((a) => a.startsWith('put-key-')))).to.equal(false);
  });

  it('runs the chain first and fills the window with key PUTs around it', async () => {
    const steps = buildSteps(EMPTY_UNIT, unitOf(50));
    const sent: string[] = [];
    await executeSteps({
      journalId: 'j',
      steps,
      records: new Map(),
      writer: { write: async () => {} },
      concurrency: 2,
      perform: async (step) => {
        sent.push(step.id);
        await Promise.resolve();
        return step.kind === 'createPlugin' ? `new-${step.index}` : undefined;
      },
    });
    expect(sent).to.have.length(53);
    // Each link something waits for is sent as soon as the previous one is answered: within the first few requests,
    // not after the 50 key PUTs queued before it. (The chain's last link is a leaf like a key: no order among those.)
    const at = (id: string) => sent.indexOf(id);
    expect(at(createStepId('plugin', 0))).to.be.below(2);
    expect(at(createStepId('plugin', 1))).to.be.below(5);
  });
});
