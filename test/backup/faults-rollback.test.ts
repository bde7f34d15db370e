// Rollback after a failure: a 500 before/after every mutating position of importing the tiny backup over a changed
// unit stops the import; after a "reload" it is rolled back, and the unit equals the safety snapshot exactly.
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { runRollbackMatrix } from './faults.js';

describe('rollback after a failure at every position of a small import', () => {
  for (const when of ['before', 'after'] as const) {
    it(`500 ${when} the change: the journal is intact, and the rollback restores the snapshot exactly`, async () => {
      expect(await runRollbackMatrix(when)).to.be.greaterThan(15);
    });
  }
});
