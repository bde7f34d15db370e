import { before, beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { DashboardBackup } from '../../components/dashboard-backup/dashboard-backup.js';
import type { BackupBusyChangeDetail } from '../../components/shared/events.js';
import { TAB_LOCK_REASONS } from '../../components/dashboard-backup/tabs.js';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepQuery,
  expectAccessible,
  heading,
  mountBackup,
  tab,
  type,
} from './helpers.js';
import { backupOfSouthNews, continueToTabs, input, submitExport, submitValidate } from './flow.js';
import { dropOn, fileTransfer, leavingIsGuarded } from './drag.js';

const PASSWORD = 'harbor-violet-engine-8';

/** Every `backup-busy-change` the element fires, by detail. */
function recordBusy(el: DashboardBackup): BackupBusyChangeDetail[] {
  const seen: BackupBusyChangeDetail[] = [];
  el.addEventListener('backup-busy-change', (e) => seen.push(e.detail));
  return seen;
}

/** What the element says about being busy: the property, the attribute and the operation. */
const busyState = (el: DashboardBackup) => ({ busy: el.busy, attribute: el.hasAttribute('busy'), operation: el.operation });
const IDLE = { busy: false, attribute: false, operation: null };

/** Whether a file dragged over the page outside the element would be refused (rather than opened by the browser). */
function strayDropRefused(): boolean {
  const { over, drop } = dropOn(document.body, fileTransfer(new File(['x'], 'stray.dashboard-backup')));
  return over.defaultPrevented && drop.defaultPrevented;
}

/** The state of both tabs: selected, locked, and the sentence that says why. */
function tabsState(el: DashboardBackup) {
  const lock = deepQuery(el, '#tab-lock');
  return {
    selected: ['Export', 'Import'].filter((t) => tab(el, t).getAttribute('aria-selected') === 'true'),
    locked: ['Export', 'Import'].filter((t) => tab(el, t).getAttribute('aria-disabled') === 'true'),
    describedBy: ['Export', 'Import'].map((t) => tab(el, t).getAttribute('aria-describedby')).filter(Boolean),
    reason: lock?.offsetParent ? lock.textContent?.trim() : undefined,
  };
}

/** Tries to leave the current tab by click and by keyboard. */
async function tryOtherTab(el: DashboardBackup, other: 'Export' | 'Import'): Promise<void> {
  tab(el, other).click();
  await el.updateComplete;
  const selected = deepQuery(el, '[role="tab"][aria-selected="true"]')!;
  for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) {
    selected.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

describe('<dashboard-backup> while an operation runs', () => {
  beforeEach(clearIndexedDb);

  it('is busy during an export, locks the Import tab with a reason, and lets the page go', async () => {
    const world = await createWorld();
    const el = await mountBackup(world);
    const seen = recordBusy(el);
    await continueToTabs(el);
    expect(busyState(el)).to.deep.equal(IDLE);
    await world.latency(300);
    submitExport(el, PASSWORD);
    await heading(el, /^Exporting /);
    expect(busyState(el)).to.deep.equal({ busy: true, attribute: true, operation: 'export' });
    expect(tabsState(el)).to.deep.equal({
      selected: ['Export'],
      locked: ['Import'],
      describedBy: ['tab-lock'],
      reason: TAB_LOCK_REASONS.export,
    });
    await tryOtherTab(el, 'Import');
    expect(tabsState(el).selected).to.deep.equal(['Export']);
    expect(deepQuery(el, '#panel-import')!.hidden).to.equal(true);
    await heading(el, /^Exporting /);
    // An export changes nothing: leaving the page needs no confirmation, and the page's drops are its own.
    expect(leavingIsGuarded()).to.equal(false);
    expect(strayDropRefused()).to.equal(false);
    await expectAccessible(el);

    await world.latency(0);
    await heading(el, 'Backup ready', 60000);
    expect(busyState(el)).to.deep.equal(IDLE);
    expect(tabsState(el)).to.deep.equal({ selected: ['Export'], locked: [], describedBy: [], reason: undefined });
    expect(seen).to.deep.equal([
      { busy: true, operation: 'export' },
      { busy: false, operation: null },
    ]);
    tab(el, 'Import').click();
    await heading(el, /^Import a backup into /);
  });

  describe('importing', () => {
    let file: File;
    before(async () => {
      file = await backupOfSouthNews(await createWorld(), PASSWORD);
    });

    it('locks the tabs while validating and importing, guards the page only while importing, and reloads unasked', async () => {
      const world = await createWorld();
      const reloads: { guarded: boolean; state: ReturnType<typeof busyState> }[] = [];
      let el: DashboardBackup | undefined;
      // The element's own reload after the verified import: by then nothing must hold the page.
      el = await mountBackup(world, { reload: () => reloads.push({ guarded: leavingIsGuarded(), state: busyState(el!) }) });
      const seen = recordBusy(el);
      await continueToTabs(el);
      await world.latency(300);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Checking the backup');
      expect(busyState(el)).to.deep.equal({ busy: true, attribute: true, operation: 'validate' });
      expect(tabsState(el)).to.deep.include({ selected: ['Import'], locked: ['Export'], reason: TAB_LOCK_REASONS.validate });
      await tryOtherTab(el, 'Export');
      expect(tabsState(el).selected).to.deep.equal(['Import']);
      expect(leavingIsGuarded(), 'validating changes nothing').to.equal(false);
      expect(strayDropRefused()).to.equal(false);
      await expectAccessible(el);

      await heading(el, 'Review before importing', 60000);
      expect(busyState(el)).to.deep.equal(IDLE);
      expect(tabsState(el).locked).to.deep.equal([]);
      button(el, 'Import').click();
      await heading(el, 'Importing into South News');
      expect(busyState(el)).to.deep.equal({ busy: true, attribute: true, operation: 'import' });
      expect(tabsState(el)).to.deep.equal({
        selected: ['Import'],
        locked: ['Export'],
        describedBy: ['tab-lock'],
        reason: TAB_LOCK_REASONS.import,
      });
      await tryOtherTab(el, 'Export');
      expect(deepQuery(el, '#panel-export')!.hidden).to.equal(true);
      expect(leavingIsGuarded(), 'closing or reloading the page asks first').to.equal(true);
      expect(strayDropRefused(), 'a file dropped anywhere on the page is refused').to.equal(true);
      await expectAccessible(el);

      await world.latency(0);
      await heading(el, 'Import complete', 60000);
      await waitUntil(() => reloads.length === 1, 'the element reloads');
      expect(reloads).to.deep.equal([{ guarded: false, state: IDLE }]);
      expect(leavingIsGuarded()).to.equal(false);
      expect(strayDropRefused()).to.equal(false);
      expect(seen).to.deep.equal([
        { busy: true, operation: 'validate' },
        { busy: false, operation: null },
        { busy: true, operation: 'import' },
        { busy: false, operation: null },
      ]);
    });

    it('lets the page go again when an import is refused', async () => {
      const world = await createWorld();
      const el = await mountBackup(world, { unit: 'north-news' });
      await continueToTabs(el);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Review before importing');
      type(input(el, 'confirm-unit'), 'North News');
      await waitUntil(() => !button(el, 'Import').disabled, 'Import enabled');
      // The unit changes under the preview: the import is refused before it changes anything.
      await world.client().deleteProfile('north-news', (await world.state('north-news')).profiles[0]!.id);
      button(el, 'Import').click();
      await waitUntil(() => deepQuery(el, '[role="alert"]'), 'refused');
      expect(busyState(el)).to.deep.equal(IDLE);
      expect(leavingIsGuarded()).to.equal(false);
      expect(strayDropRefused()).to.equal(false);
    });
  });
});
