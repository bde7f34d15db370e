import { before, beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { ERROR_MESSAGES } from '../../components/messages.js';
import type { UnitState } from '../../src/schemas.js';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  expectAccessible,
  heading,
  mountBackup,
  recordEvents,
  tab,
  type,
  type TestWorld,
} from './helpers.js';
import { alertWith, continueToTabs, exportThroughElement, input, normalizeState, submitValidate } from './flow.js';

const PASSWORD = 'river-lamp-orbit-42';

/** Makes a real backup of south-news by exporting it through the element. */
async function backupOfSouthNews(world: TestWorld): Promise<File> {
  const el = await mountBackup(world);
  await continueToTabs(el);
  const file = await exportThroughElement(el, PASSWORD);
  el.remove();
  return file;
}

async function mutatingRequests(world: TestWorld): Promise<unknown[]> {
  const { entries } = (await world.dev('GET', 'log')) as { entries: { mutating: boolean }[] };
  return entries.filter((e) => e.mutating);
}

describe('<dashboard-backup> import', () => {
  /** One real backup of south-news for the whole file (exporting is not what these tests are about), and that unit. */
  let file: File;
  let source: UnitState;

  before(async () => {
    const world = await createWorld();
    source = await world.state('south-news');
    file = await backupOfSouthNews(world);
  });
  beforeEach(clearIndexedDb);

  it('validates a backup and previews what it holds and what changes, then imports it into the same unit', async () => {
    const world = await createWorld();
    const recorder = recordEvents();
    const reloads: number[] = [];
    try {
      const el = await mountBackup(world, { reload: () => reloads.push(Date.now()) });
      await continueToTabs(el);
      await expectAccessible(el);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Review before importing');
      expect(deepActiveElement()?.textContent).to.equal('Review before importing');
      const counts = deepQueryAll(el, 'ul.counts li').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
      expect(counts).to.deep.equal([
        `${source.plugins.length} plugins`,
        `${source.workspaces.length} workspaces`,
        `${source.profiles.length} profiles`,
        `${source.keys.length} keys`,
      ]);
      const facts = deepQuery(el, 'dl.facts')!.textContent!;
      expect(facts).to.contain('South News (south-news)').and.to.contain(location.origin);
      const rows = deepQueryAll(el, 'table.plan tbody tr').map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
      expect(rows[0]).to.equal(`Plugins 0 0 ${source.plugins.length}`);
      expect(deepQuery(el, '#confirm-unit')).to.equal(null);
      const validated = recorder.events.find((e) => e.type === 'backup-validated');
      expect(validated?.detail).to.deep.include({ sourceUnit: 'south-news', unit: 'south-news', sameUnit: true, dangling: 0 });
      await expectAccessible(el);

      button(el, 'Import').click();
      await heading(el, 'Import complete');
      expect(deepActiveElement()?.textContent).to.equal('Import complete');
      await waitUntil(() => reloads.length === 1, 'reload hook called');
      expect(normalizeState(await world.state('south-news'))).to.deep.equal(normalizeState(source));
      const done = recorder.events.find((e) => e.type === 'backup-import-done');
      expect(done?.detail).to.deep.include({ unit: 'south-news', mode: 'import', differences: 0 });
      expect(JSON.stringify(recorder.events)).to.not.contain(PASSWORD);
      await expectAccessible(el);
    } finally {
      recorder.stop();
    }
  });

  it('requires typing the unit name to restore a backup from another unit, then replaces that unit', async () => {
    const world = await createWorld();
    const recorder = recordEvents();
    let reloaded = false;
    try {
      const el = await mountBackup(world, { unit: 'north-news', reload: () => (reloaded = true) });
      await continueToTabs(el);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Review before importing');
      const importButton = button(el, 'Import');
      expect(importButton.disabled).to.equal(true);
      type(input(el, 'confirm-unit'), 'South News');
      await el.updateComplete;
      expect(button(el, 'Import').disabled).to.equal(true);
      type(input(el, 'confirm-unit'), 'North News');
      await waitUntil(() => !button(el, 'Import').disabled, 'Import enabled');
      await expectAccessible(el);
      expect(await mutatingRequests(world)).to.have.length(0);
      // Slow the Dashboard down long enough to check the progress step too.
      await world.dev('POST', 'latency', { ms: 200 });
      button(el, 'Import').click();
      await heading(el, 'Importing into North News');
      expect(deepQuery(el, 'ol.phases')).to.exist;
      await expectAccessible(el);
      await world.dev('POST', 'latency', { ms: 0 });
      await heading(el, 'Import complete', 60000);
      await waitUntil(() => reloaded, 'reload hook called');
      expect(normalizeState(await world.state('north-news'))).to.deep.equal(normalizeState(source));
      const validated = recorder.events.find((e) => e.type === 'backup-validated');
      expect(validated?.detail).to.deep.include({ sourceUnit: 'south-news', unit: 'north-news', sameUnit: false });
      expect(JSON.stringify(recorder.events)).to.not.contain(PASSWORD);
    } finally {
      recorder.stop();
    }
  });

  it('does not reload with no-reload, and says to reload', async () => {
    const world = await createWorld();
    let reloads = 0;
    const el = await mountBackup(world, { noReload: true, reload: () => reloads++ });
    await continueToTabs(el);
    await submitValidate(el, file, PASSWORD);
    await heading(el, 'Review before importing');
    button(el, 'Import').click();
    await heading(el, 'Import complete', 60000);
    expect(deepQuery(el, 'backup-import-panel')!.shadowRoot!.textContent).to.contain('Reload the page to see the new content.');
    await new Promise((r) => setTimeout(r, 50));
    expect(reloads).to.equal(0);
  });

  it('says so when the password is wrong, and changes nothing', async () => {
    const world = await createWorld();
    const recorder = recordEvents();
    try {
      const el = await mountBackup(world);
      await continueToTabs(el);
      await submitValidate(el, file, 'not-the-password');
      await alertWith(el, ERROR_MESSAGES.WRONG_PASSWORD);
      await heading(el, /^Import a backup into /);
      expect(recorder.events.filter((e) => e.type === 'backup-error').map((e) => e.detail)).to.deep.equal([
        { step: 'validate', code: 'WRONG_PASSWORD', message: ERROR_MESSAGES.WRONG_PASSWORD, unit: 'south-news' },
      ]);
      expect(JSON.stringify(recorder.events)).to.not.contain('not-the-password');
      expect(await mutatingRequests(world)).to.have.length(0);
      await expectAccessible(el);
    } finally {
      recorder.stop();
    }
  });

  it('says so when the file is damaged or is not a backup', async () => {
    const world = await createWorld();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const middle = Math.floor(bytes.length * 0.75);
    bytes[middle] = bytes[middle]! ^ 0xff;
    const damaged = new File([bytes], file.name);
    const recorder = recordEvents();
    try {
      const el = await mountBackup(world);
      await continueToTabs(el);
      await submitValidate(el, damaged, PASSWORD);
      await alertWith(el, ERROR_MESSAGES.CORRUPT_FILE);
      await submitValidate(el, new File(['just some notes'], 'notes.txt'), PASSWORD);
      await alertWith(el, ERROR_MESSAGES.NOT_A_BACKUP);
      const codes = recorder.events.filter((e) => e.type === 'backup-error').map((e) => (e.detail as { code: string }).code);
      expect(codes).to.deep.equal(['CORRUPT_FILE', 'NOT_A_BACKUP']);
      expect(await mutatingRequests(world)).to.have.length(0);
      await expectAccessible(el);
    } finally {
      recorder.stop();
    }
  });

  it('asks for a file and a password before validating, and takes a dropped file', async () => {
    const el = await mountBackup(await createWorld());
    await continueToTabs(el);
    tab(el, 'Import').click();
    await heading(el, /^Import a backup into /);
    button(el, 'Validate').click();
    await waitUntil(() => deepQuery(el, '#file-error') && deepQuery(el, '#password-error'), 'both field errors');
    expect(input(el, 'file').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el);

    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'dropped.dashboard-backup'));
    const zone = deepQuery(el, '.dropzone')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitUntil(() => zone.classList.contains('dragging'), 'drop zone highlighted');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitUntil(() => deepQuery(el, '#file-name')?.textContent === 'dropped.dashboard-backup', 'dropped file shown');
    expect(deepQuery(el, '#file-error')).to.equal(null);
  });
});
