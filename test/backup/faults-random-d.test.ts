// Seeded random single faults in imports of the `small` seed: cases 31…40 of the 50 distinct random
// positions (faults.ts, drawRandomFaults), each its own import and its own test. The 50 are split over
// faults-random-{a…e}.test.ts so that each file stays around a minute on a busy 2-core machine.
import { before, describe, it } from '../mocha.js';
import { prepareRandomMatrix, runRandomCase, type RandomMatrix } from './faults.js';

describe('faults at seeded random positions of a larger import', () => {
  let matrix: RandomMatrix;
  before(async () => {
    matrix = await prepareRandomMatrix();
  });
  for (let i = 30; i < 40; i++) {
    it(`random fault ${i + 1} of 50: completes by retrying, or stops with its journal intact and resumes; the unit equals the backup`, async () => {
      await runRandomCase(matrix, i);
    });
  }
});
