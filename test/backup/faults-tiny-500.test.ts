// Fault kind(s) 500 × before/after × every position of a small import (15 mutating requests). The kinds are split
// over three files so each stays well under a minute.
import { describe, it } from '../mocha.js';
import { runTinyMatrix } from './faults.js';

describe('faults at every position of a small import', () => {
  it('500: completes by retrying, or stops with its journal intact and resumes; the unit equals the backup', async () => {
    await runTinyMatrix(['500']);
  });
});
