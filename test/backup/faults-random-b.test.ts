// Seeded random faults in imports of the `small` seed: runs 5…9 of 10, five faults each (the 50 random
// positions are split over faults-random-{a,b}.test.ts so each file stays around a minute).
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { runRandomMatrix } from './faults.js';

describe('faults at seeded random positions of a larger import', () => {
  it('runs 5…9: each import completes, resuming as often as needed, and the unit equals the backup', async () => {
    const resumes = await runRandomMatrix(5, 10);
    expect(resumes.length).to.equal(10 - 5);
    expect(resumes.some((r) => r > 0), 'some faults stop an import').to.equal(true);
  });
});
