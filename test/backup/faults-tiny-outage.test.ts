// Outages: 503, 429 and dropped connections × before/after, starting at every mutating position of a small import
// (15 requests) and outlasting every retry, so that even the kinds the client retries stop the import, with every
// step in flight unanswered; after a "reload" the import is resumed: no duplicate, nothing lost.
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { runTinyMatrix } from './faults.js';

describe('outages from every position of a small import', () => {
  for (const kind of ['503', '429', 'drop'] as const) {
    it(`${kind}: stops with its journal intact and resumes; the unit equals the backup`, async () => {
      expect(await runTinyMatrix([kind], { outage: true })).to.equal(2 * 15);
    });
  }
});
