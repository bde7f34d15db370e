// Fault kind(s) drop × before/after × every mutating position of a small import (15 requests), one fault per
// import. The kinds are split over faults-tiny-{500,drop,retry}.test.ts so each file stays well under a minute.
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { runTinyMatrix } from './faults.js';

describe('faults at every position of a small import', () => {
  it('drop: completes by retrying, or stops with its journal intact and resumes; the unit equals the backup', async () => {
    expect(await runTinyMatrix(['drop'])).to.equal(1 * 2 * 15);
  });
});
