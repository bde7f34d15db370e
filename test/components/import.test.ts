import { before, beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { ERROR_MESSAGES, PHASE_LABELS } from '../../components/shared/messages.js';
import type { UnitState } from '../../src/schemas.js';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  expectAccessible,
  expectFocusOn,
  heading,
  mountBackup,
  recordEvents,
  tab,
  type,
  type TestWorld,
} from './helpers.js';
import {
  alertWith,
  backupOfSouthNews,
  continueToTabs,
  input,
  normalizeState,
  recordProgress,
  submitValidate,
  withoutRepeats,
} from './flow.js';
import { IMPORT_PHASES } from '../../components/dashboard-backup/backup-import-panel.js';
import { formatDate } from '../../components/shared/format.js';
import { openBackup } from '../../src/backup/index.js';
import { fileTransfer, fireDrag } from './drag.js';
import { createRestClient } from '../../src/api/index.js';

const PASSWORD = 'river-lamp-orbit-42';


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
    file = await backupOfSouthNews(world, PASSWORD);
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
        `${source.keys.length} configs in key store`,
      ]);
      const facts = [...deepQuery(el, 'dl.facts')!.children].map((c) => c.textContent!.trim());
      const { manifest } = await openBackup(file, PASSWORD);
      expect(facts).to.deep.equal([
        'Made in unit',
        'South News (south-news)',
        'On the Dashboard at',
        location.origin,
        'Created',
        formatDate(manifest.createdAt),
        'By',
        manifest.exportedBy.name,
      ]);
      expect(formatDate(manifest.createdAt)).to.match(/\d{4}/);
      const rows = deepQueryAll(el, 'table.plan tbody tr').map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
      expect(rows[0]).to.equal(`Plugins 0 0 ${source.plugins.length}`);
      // The unit already is the backup: the preview says everything stays as it is, and the import changes nothing.
      const all = source.plugins.length + source.workspaces.length + source.profiles.length + source.keys.length;
      expect(deepQuery(el, '.plan-kept')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
        `${all} unchanged items stay as they are: the import does not touch them.`,
      );
      expect(deepQuery(el, '#confirm-unit')).to.equal(null);
      const validated = recorder.events.find((e) => e.type === 'backup-validated');
      expect(validated?.detail).to.deep.include({ sourceUnit: 'south-news', unit: 'south-news', sameUnit: true, dangling: 0 });
      await expectAccessible(el);

      button(el, 'Import').click();
      await heading(el, 'Import complete');
      expect(deepActiveElement()?.textContent).to.equal('Import complete');
      await waitUntil(() => reloads.length === 1, 'reload hook called');
      expect(normalizeState(await world.state('south-news'))).to.deep.equal(normalizeState(source));
      expect(await mutatingRequests(world), 'everything kept: no change sent').to.deep.equal([]);
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
      const target = await world.state('north-news');
      const el = await mountBackup(world, { unit: 'north-news', reload: () => (reloaded = true) });
      await continueToTabs(el);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Review before importing');
      // What the wipe removes and what is created, per section: everything there is removed or kept as is,
      // everything in the backup is created or kept.
      const rows = deepQueryAll(el, 'table.plan tbody tr').map((r) => [...r.children].map((c) => c.textContent!.trim()));
      expect(rows.map((r) => r[0])).to.deep.equal(['Plugins', 'Workspaces', 'Profiles', 'Configs in key store']);
      const sections = ['plugins', 'workspaces', 'profiles', 'keys'] as const;
      sections.forEach((section, i) => {
        const [removed, created, unchanged] = rows[i]!.slice(1).map(Number) as [number, number, number];
        expect(removed + unchanged, `${section} now`).to.equal(target[section].length);
        expect(created + unchanged, `${section} after`).to.equal(source[section].length);
      });
      const removedTotal = rows.reduce((n, r) => n + Number(r[1]), 0);
      expect(removedTotal).to.be.greaterThan(0);
      const preview = deepQuery(el, 'backup-import-panel')!.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(preview).to.contain(`Importing wipes North News first. ${removedTotal} items currently there will be deleted`);
      expect(preview).to.contain('This backup was made in South News, not in North News.');
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
      const progress = recordProgress(deepQuery(el, 'backup-import-panel')!);
      button(el, 'Import').click();
      await heading(el, 'Importing into North News');
      expect(deepQuery(el, 'ol.phases')).to.exist;
      await expectAccessible(el);
      await world.dev('POST', 'latency', { ms: 0 });
      await heading(el, 'Import complete', 60000);
      progress.stop();
      // The list walks through every phase in order, always with one current (reading the unit is part of the
      // check before changing anything), and the live region announced each phase, then the result.
      const phases = IMPORT_PHASES.map((p) => PHASE_LABELS[p]);
      expect(progress.currentPhases).to.not.include(undefined);
      expect(withoutRepeats(progress.currentPhases)).to.deep.equal(phases);
      for (const states of progress.phaseStates) expect(states.filter((st) => st === 'current')).to.have.length(1);
      const said = progress.announcements.filter((a) => phases.some((p) => a === `${p}…`));
      expect(said).to.deep.equal(phases.map((p) => `${p}…`));
      expect(progress.announcements.at(-1)).to.equal('Import complete. The page will reload.');
      await waitUntil(() => reloaded, 'reload hook called');
      expect(normalizeState(await world.state('north-news'))).to.deep.equal(normalizeState(source));
      const validated = recorder.events.find((e) => e.type === 'backup-validated');
      expect(validated?.detail).to.deep.include({ sourceUnit: 'south-news', unit: 'north-news', sameUnit: false });
      expect(JSON.stringify(recorder.events)).to.not.contain(PASSWORD);
    } finally {
      recorder.stop();
    }
  });

  for (const way of ['the no-reload attribute', 'preventDefault() on backup-import-done'] as const) {
    it(`does not reload with ${way}, and says to reload`, async () => {
      const world = await createWorld();
      let reloads = 0;
      const el = await mountBackup(world, { noReload: way === 'the no-reload attribute', reload: () => reloads++ });
      el.addEventListener('backup-import-done', (e) => {
        if (way !== 'the no-reload attribute') e.preventDefault();
      });
      await continueToTabs(el);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Review before importing');
      button(el, 'Import').click();
      await heading(el, 'Import complete', 60000);
      expect(deepQuery(el, 'backup-import-panel')!.shadowRoot!.textContent).to.contain('Reload the page to see the new content.');
      await new Promise((r) => setTimeout(r, 50));
      expect(reloads).to.equal(0);
    });
  }

  it('shows the validation step with Cancel; cancelling goes back and changes nothing', async () => {
    const world = await createWorld();
    // Opening the file is local; comparing with the unit reads it, slowly here.
    await world.latency(400);
    const recorder = recordEvents();
    try {
      const el = await mountBackup(world);
      await continueToTabs(el);
      await submitValidate(el, file, PASSWORD);
      expect(deepActiveElement()?.textContent).to.equal('Checking the backup');
      await waitUntil(() => /^Comparing with this unit/.test(deepQuery(el, '.progress-text')?.textContent ?? ''), 'plan phase');
      await expectAccessible(el);
      button(el, 'Cancel').click();
      await heading(el, /^Import a backup into /);
      expect(deepQuery(el, 'backup-import-panel')!.shadowRoot!.textContent).to.contain('Validation cancelled.');
      expect(deepQuery(el, '#file-name')!.textContent).to.equal(file.name);
      expect(recorder.events).to.deep.equal([]);
      expect(await mutatingRequests(world)).to.have.length(0);
      await expectAccessible(el);
    } finally {
      recorder.stop();
    }
  });

  it('refuses to import when the unit changed after the preview, shows the new changes, then imports', async () => {
    const world = await createWorld();
    const recorder = recordEvents();
    try {
      const el = await mountBackup(world);
      await continueToTabs(el);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Review before importing');
      const profileRow = () =>
        deepQueryAll(el, 'table.plan tbody tr')[2]!.textContent!.replace(/\s+/g, ' ').trim();
      expect(profileRow()).to.equal(`Profiles 0 0 ${source.profiles.length}`);
      // Someone else deletes a profile of this unit meanwhile.
      const admin = createRestClient({ baseUrl: world.baseUrl, token: () => 'admin-token' });
      await admin.deleteProfile('south-news', source.profiles[0]!.id);
      await world.clearLog();
      button(el, 'Import').click();
      await alertWith(el, ERROR_MESSAGES.PLAN_CHANGED);
      await heading(el, 'Review before importing');
      await waitUntil(() => profileRow() === `Profiles 0 1 ${source.profiles.length - 1}`, 'the preview is made again');
      expect(await mutatingRequests(world), 'nothing was changed').to.have.length(0);
      const errors = recorder.events.filter((e) => e.type === 'backup-error').map((e) => e.detail);
      expect(errors).to.deep.equal([
        { step: 'import', code: 'PLAN_CHANGED', message: ERROR_MESSAGES.PLAN_CHANGED, unit: 'south-news' },
      ]);
      await expectAccessible(el);
      // The admin has now seen the new changes: Import goes through.
      button(el, 'Import').click();
      await heading(el, 'Import complete', 60000);
      expect(normalizeState(await world.state('south-news'))).to.deep.equal(normalizeState(source));
    } finally {
      recorder.stop();
    }
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
      // The password caused it: it is gone from the field, which has the focus; the chosen file stays.
      await waitUntil(() => deepActiveElement() === input(el, 'password'), 'focus on the password');
      expect(input(el, 'password').value).to.equal('');
      expect(deepQuery(el, '#file-name')!.textContent).to.equal(file.name);
      type(input(el, 'password'), PASSWORD);
      button(el, 'Validate').click();
      await heading(el, 'Review before importing');
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
      // The file caused it, not the password: the field keeps what was typed.
      expect(input(el, 'password').value).to.equal(PASSWORD);
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
    expect(input(el, 'file').getAttribute('aria-describedby')).to.contain('file-error');
    expectFocusOn(input(el, 'file'), 'focus on the first field to fix');
    await expectAccessible(el);

    // A drop is the file the import uses: the real backup, dropped (beside the drop zone, on the password's
    // label), validates.
    const transfer = fileTransfer(new File([await file.arrayBuffer()], 'dropped.dashboard-backup'));
    const zone = deepQuery(el, '.dropzone')!;
    const label = deepQuery(deepQuery(el, 'backup-import-panel')!, 'label[for="password"]')!;
    fireDrag(label, 'dragenter', transfer);
    fireDrag(label, 'dragover', transfer);
    await waitUntil(() => zone.classList.contains('dragging'), 'drop zone highlighted');
    const drop = fireDrag(label, 'drop', transfer);
    expect(drop.defaultPrevented, 'the browser does not open the dropped file itself').to.equal(true);
    await waitUntil(() => deepQuery(el, '#file-name')?.textContent === 'dropped.dashboard-backup', 'dropped file shown');
    expect(zone.classList.contains('dragging')).to.equal(false);
    expect(deepQuery(el, '#file-error')).to.equal(null);
    button(el, 'Validate').click();
    await waitUntil(() => deepQuery(el, '#password-error'), 'password still missing');
    expectFocusOn(input(el, 'password'));
    type(input(el, 'password'), PASSWORD);
    button(el, 'Validate').click();
    await heading(el, 'Review before importing');
    const counts = deepQueryAll(el, 'ul.counts li').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(counts[0]).to.equal(`${source.plugins.length} plugins`);
  });
});
