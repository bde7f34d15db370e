import { before, beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { DashboardBackup } from '../../components/dashboard-backup/dashboard-backup.js';
import { openBackup } from '../../src/backup/index.js';
import type { UnitState } from '../../src/schemas.js';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepActiveElement,
  deepQuery,
  expectAccessible,
  FAST_RETRY,
  heading,
  mountBackup,
  type,
  type TestWorld,
} from './helpers.js';
import { backupOfSouthNews, changedEverywhere, continueToTabs, downloadedFile, input, normalizeState, submitExport, submitValidate } from './flow.js';
import { createRestClient } from '../../src/api/index.js';

const PASSWORD = 'harbor-violet-engine-8';

/** The notice about what the page now asks for, and whether it offers to go there. */
function switchNotice(el: DashboardBackup): { text: string; goTo: string | undefined } | undefined {
  const notice = deepQuery(el, '#unit-switch');
  if (!notice) return undefined;
  const goTo = notice.querySelector('button')?.textContent?.trim();
  return { text: notice.textContent!.replace(/\s+/g, ' ').trim(), goTo };
}

/** The unit name shown in the element's title. */
const titleUnit = (el: DashboardBackup) => deepQuery(el, '.title .muted')?.textContent?.trim();

describe('<dashboard-backup> when the page asks for another unit during an operation', () => {
  beforeEach(clearIndexedDb);

  let file: File;
  /** What South News holds after the import: the file's unit (changed everywhere, so every wipe and create runs). */
  let restored: UnitState;
  before(async () => {
    file = await changedEverywhere(await backupOfSouthNews(await createWorld(), PASSWORD), PASSWORD);
    restored = (await openBackup(file, PASSWORD)).payload.unit;
  });

  /** A fresh world; the backup of South News validated and imported into it, `prepare` applied just before. */
  async function startImport(prepare: (world: TestWorld) => Promise<void>) {
    const world = await createWorld();
    const before = { south: await world.state('south-news'), north: await world.state('north-news') };
    const el = await mountBackup(world, { noReload: true });
    await continueToTabs(el);
    await submitValidate(el, file, PASSWORD);
    await heading(el, 'Review before importing');
    await prepare(world);
    button(el, 'Import').click();
    await heading(el, 'Importing into South News');
    return { world, el, before };
  }

  it('goes on importing into the unit it started on, shows that outcome, then goes to the new unit when asked', async () => {
    const { world, el, before } = await startImport((w) => w.latency(200));

    el.unit = 'north-news';
    await el.updateComplete;
    expect(el.unitId, 'the import stays on its unit').to.equal('south-news');
    expect(titleUnit(el)).to.equal('South News');
    expect(el.operation).to.equal('import');
    const during = switchNotice(el)!;
    expect(during.text).to.contain('now asks for North News').and.to.contain('everything here is about South News');
    expect(during.goTo, 'no way to leave while the import runs').to.equal(undefined);
    await heading(el, 'Importing into South News');
    await expectAccessible(el);

    await world.latency(0);
    await heading(el, 'Import complete', 60000);
    expect(normalizeState(await world.state('south-news'))).to.deep.equal(normalizeState(restored));
    expect(await world.state('north-news'), 'the unit asked for meanwhile is untouched').to.deep.equal(before.north);
    const after = switchNotice(el)!;
    expect(after.text).to.contain('about South News').and.to.contain('now asks for North News');
    expect(after.goTo).to.equal('Go to North News');
    expect(el.unitId).to.equal('south-news');

    button(el, 'Go to North News').click();
    const warning = await heading(el, 'Before you start');
    await waitUntil(() => deepActiveElement() === warning, 'focus on the first step');
    expect(el.unitId).to.equal('north-news');
    expect(titleUnit(el)).to.equal('North News');
    expect(switchNotice(el)).to.equal(undefined);
  });

  it('offers to resume an import that stopped half-way into its own unit, not the one asked for meanwhile', async () => {
    const { world, el, before } = await startImport((w) => w.faults({ kind: '500', when: 'before', nth: 4, times: 100000 }));
    el.unit = 'north-news';

    await heading(el, 'An import into South News did not finish', 60000);
    expect(switchNotice(el)!.goTo).to.equal('Go to North News');
    await world.clearFaults();
    type(input(el, 'password'), PASSWORD);
    button(el, 'Resume').click();
    await heading(el, 'Import resumed and complete', 60000);
    expect(normalizeState(await world.state('south-news'))).to.deep.equal(normalizeState(restored));
    expect(await world.state('north-news')).to.deep.equal(before.north);

    button(el, 'Go to North News').click();
    await heading(el, 'Before you start');
    expect(titleUnit(el)).to.equal('North News');
  });

  it('exports the unit of the connection it started with when the page switches connection, then switches', async () => {
    const first = await createWorld();
    const second = await createWorld();
    // The second Dashboard's South News has one profile fewer, so the backup tells which one it came from.
    const secondClient = second.client();
    await secondClient.deleteProfile('south-news', (await second.state('south-news')).profiles[0]!.id);
    const profiles = (await first.state('south-news')).profiles.length;
    const el = await mountBackup(first);
    await continueToTabs(el);
    await first.latency(200);
    submitExport(el, PASSWORD);
    await heading(el, /^Exporting /);

    el.client = createRestClient({ baseUrl: second.baseUrl, token: () => 'admin-token', retry: FAST_RETRY });
    await el.updateComplete;
    expect(switchNotice(el)!.text).to.contain('now asks for another Dashboard connection');
    await first.latency(0);
    const backup = await openBackup(await downloadedFile(el), PASSWORD);
    expect(backup.counts.profiles).to.equal(profiles);
    expect(switchNotice(el)!.goTo).to.equal('Go to another Dashboard connection');

    await second.clearLog();
    button(el, 'Go to another Dashboard connection').click();
    await heading(el, 'Before you start');
    expect((await second.log()).map((e) => `${e.method} ${e.path}`)).to.include('GET /session');
    expect(switchNotice(el)).to.equal(undefined);
  });

  it('forgets a change undone before the operation ends', async () => {
    const world = await createWorld();
    const el = await mountBackup(world);
    await continueToTabs(el);
    await world.latency(200);
    submitExport(el, PASSWORD);
    await heading(el, /^Exporting /);
    el.unit = 'north-news';
    await el.updateComplete;
    expect(switchNotice(el)).not.to.equal(undefined);
    el.unit = 'south-news';
    await el.updateComplete;
    expect(switchNotice(el)).to.equal(undefined);
    await world.latency(0);
    await heading(el, 'Backup ready', 60000);
    expect(switchNotice(el)).to.equal(undefined);
    // Nothing pinned any more: a change now takes effect at once, as when idle.
    el.unit = 'north-news';
    await heading(el, 'Before you start');
    expect(titleUnit(el)).to.equal('North News');
  });
});
