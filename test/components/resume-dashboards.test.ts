// The element and the journal's identity: an import into Dashboard A's North News that stopped is offered by an
// element pointed at A, and only listed (never offered, never applied) by an element pointed at Dashboard B, whose
// unit has the same id, in the same browser.
import { beforeEach, describe, it } from '../mocha.js';
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport } from '../../src/backup/index.js';
import { clearIndexedDb, createWorld, deepQuery, expectAccessible, heading, mountBackup } from './helpers.js';

const PASSWORD = 'quiet-harbour-77';
const opts = { iterations: 100_000, reload: false } as const;

describe('<dashboard-backup> and another Dashboard’s unfinished import', () => {
  beforeEach(clearIndexedDb);

  it('is offered on its own Dashboard, only listed on another one with a unit of the same id', async () => {
    const [a, b] = await Promise.all([createWorld(), createWorld()]);
    const backup = await openBackup((await exportUnit(a.client(), PASSWORD, opts)).blob, PASSWORD);
    await a.faults({ kind: '500', when: 'before', nth: 4, times: 100000 });
    const stopped = await runImport(a.client(), backup, PASSWORD, { ...opts, unit: 'north-news', confirmOtherUnit: true, stepRetries: 0 }).catch(
      (e: { code?: string }) => e.code,
    );
    expect(stopped).to.equal('IMPORT_INCOMPLETE');
    await a.clearFaults();

    await b.clearLog();
    const onB = await mountBackup(b, { unit: 'north-news' });
    await heading(onB, 'Before you start');
    const notice = deepQuery(onB, '[part~="other-journals"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(notice).to.contain(`North News on ${a.client().identity}`);
    expect(await b.mutations()).to.deep.equal([]);
    await expectAccessible(onB);
    onB.remove();

    const onA = await mountBackup(a, { unit: 'north-news' });
    await heading(onA, 'An import into North News did not finish');
    expect(deepQuery(onA, '[part~="other-journals"]')).to.equal(null);
    await Promise.all([a.drop(), b.drop()]);
  });
});
