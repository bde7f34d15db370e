// Reading a large journal back: step records are read in pages (STEP_READ_PAGE) and validated under a task budget,
// so a 16,000-request import's journal is not one long main-thread task. Paging must lose, repeat and mix nothing:
// every record of the journal, none of a neighbour's, and a damaged record on a later page still refused.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { STEP_READ_PAGE, createStepWriter, loadStepRecords, type StepRecord } from '../../src/backup/journal.js';
import { JOURNAL_DB_VERSION, STORE_STEPS } from '../../src/backup/journal-db.js';
import { describe, it } from '../mocha.js';
import { rejectionOf } from '../world.js';
import { uniqueDatabase } from './helpers.js';

/** Step records of journal `journal`: `count` of them, ids that sort in a different order than they are made. */
function recordsOf(journal: string, count: number): StepRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    journal,
    step: `create-workspace-${i}`,
    status: i % 3 === 0 ? 'started' : 'done',
    idempotencyKey: `dbk-${journal}-${i}`,
    ...(i % 3 === 0 ? {} : { newId: `ws-${i}` }),
  }));
}

async function writeAll(database: string, records: StepRecord[]): Promise<void> {
  const writer = createStepWriter(database);
  await Promise.all(records.map((r) => writer.write(r)));
}

describe('journal: reading step records back', () => {
  it('reads every record of a journal over several pages, and none of the journals that sort beside it', async () => {
    const database = uniqueDatabase();
    const count = STEP_READ_PAGE * 3 + 17;
    const mine = recordsOf('journal-b', count);
    // Neighbours on both sides of the key range, and one exactly a page long (the boundary case).
    await writeAll(database, [...recordsOf('journal-a', 40), ...mine, ...recordsOf('journal-c', STEP_READ_PAGE)]);
    const read = await loadStepRecords(database, 'journal-b');
    expect(read.size).to.equal(count);
    for (const r of mine) expect(read.get(r.step)).to.deep.equal(r);
    expect((await loadStepRecords(database, 'journal-c')).size).to.equal(STEP_READ_PAGE);
    expect((await loadStepRecords(database, 'journal-z')).size).to.equal(0);
  });

  it('refuses a journal whose damaged record is on a later page', async () => {
    const database = uniqueDatabase();
    const records = recordsOf('journal-d', STEP_READ_PAGE * 2 + 5);
    await writeAll(database, records);
    const db = await openDB(database, JOURNAL_DB_VERSION);
    // Sorted by step id, the last record is on the last page.
    const last = [...records].sort((a, b) => (a.step < b.step ? -1 : 1)).at(-1)!;
    await db.put(STORE_STEPS, { ...last, status: 'finished?' });
    db.close();
    const error = await rejectionOf(loadStepRecords(database, 'journal-d'));
    expect(error).to.have.property('code', 'JOURNAL_UNAVAILABLE');
  });
});
