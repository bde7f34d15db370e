import { beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { ERROR_MESSAGES } from '../../components/shared/messages.js';
import { ratePassword } from '../../components/dashboard-backup/password-strength.js';
import { openBackup } from '../../src/backup/index.js';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepActiveElement,
  deepQuery,
  expectAccessible,
  expectFocusOn,
  heading,
  mountBackup,
  recordEvents,
} from './helpers.js';
import { continueToTabs, downloadedFile, input, submitExport } from './flow.js';

const PASSWORD = 'correct horse battery staple';

describe('<dashboard-backup> export', () => {
  beforeEach(clearIndexedDb);

  it('refuses a password shorter than 4 characters, on the field, with focus on it', async () => {
    const el = await mountBackup(await createWorld());
    await continueToTabs(el);
    submitExport(el, 'abc');
    await waitUntil(() => deepQuery(el, '#password-error'), 'field error');
    const field = input(el, 'password');
    expect(deepQuery(el, '#password-error')!.textContent).to.equal(ERROR_MESSAGES.PASSWORD_TOO_SHORT);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('password-error');
    expectFocusOn(field);
    await expectAccessible(el);
  });

  it('refuses a confirmation that differs', async () => {
    const el = await mountBackup(await createWorld());
    await continueToTabs(el);
    submitExport(el, PASSWORD, `${PASSWORD}!`);
    await waitUntil(() => deepQuery(el, '#confirm-error'), 'confirmation error');
    expectFocusOn(input(el, 'confirm'));
    expect(deepQuery(el, 'h3')!.textContent).to.match(/^Export South News/);
    await expectAccessible(el);
  });

  it('rates the password and reminds that it cannot be recovered', async () => {
    const el = await mountBackup(await createWorld());
    await continueToTabs(el);
    const hint = () => deepQuery(el, '#password-strength')!.textContent;
    const field = input(el, 'password');
    field.value = 'abcd';
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await waitUntil(() => hint()?.startsWith('Weak'), 'weak hint');
    field.value = 'Tr0ub4dor&3-horse-battery';
    field.dispatchEvent(new Event('input'));
    await waitUntil(() => hint()?.startsWith('Strong'), 'strong hint');
    expect(deepQuery(el, '#password-reminder')!.textContent).to.match(/cannot be recovered/);
  });

  it('exports with progress, downloads a named file and reports counts, never the password', async () => {
    const world = await createWorld();
    const state = await world.state('south-news');
    // Slow enough to see the progress move (the unit's reads are the longest phase).
    await world.latency(60);
    const recorder = recordEvents();
    try {
      const el = await mountBackup(world);
      await continueToTabs(el);
      const started = Date.now();
      submitExport(el, PASSWORD);
      await heading(el, 'Exporting South News');
      const panel = deepQuery(el, 'backup-export-panel')!.shadowRoot!;
      const bar = () => panel.querySelector('progress');
      const live = panel.querySelector('[role="status"]')!;
      await waitUntil(
        () => /^Reading the unit: [1-9]\d* of \d+$/.test(panel.querySelector('.progress-text')?.textContent ?? '') && bar()!.value > 0,
        'the bar and its text show the phase and counts',
      );
      expect(bar()!.getAttribute('aria-label')).to.equal('Export progress');
      expect(bar()!.getAttribute('aria-valuetext')).to.match(/^Reading the unit: \d+ of \d+$/);
      expect(live.textContent).to.equal('Reading the unit…');
      await expectAccessible(el);
      const file = await downloadedFile(el);
      // <unit>-<YYYY-MM-DD-HHmm>.dashboard-backup, stamped in local time while the export ran.
      const stamp = /^south-news-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})\.dashboard-backup$/.exec(file.name);
      expect(stamp, file.name).to.not.equal(null);
      const [, y, mo, d, h, mi] = stamp!.map(Number) as number[];
      const made = new Date(y!, mo! - 1, d!, h!, mi!).getTime();
      expect(made).to.be.within(started - 60_000, Date.now());
      expect(file.size).to.be.greaterThan(0);
      expect(deepActiveElement()?.textContent).to.equal('Backup ready');
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.textContent).to.contain(`Backup ready: ${file.name}`);
      const done = recorder.events.filter((e) => e.type === 'backup-export-done');
      expect(done).to.have.length(1);
      expect(done[0]!.detail).to.deep.equal({
        unit: 'south-news',
        filename: file.name,
        bytes: file.size,
        counts: {
          plugins: state.plugins.length,
          workspaces: state.workspaces.length,
          profiles: state.profiles.length,
          keys: state.keys.length,
        },
      });
      expect(JSON.stringify(recorder.events)).to.not.contain(PASSWORD);
      await expectAccessible(el);
      button(el, 'Make another backup').click();
      await heading(el, 'Export South News');
      expect(input(el, 'password').value).to.equal('');
    } finally {
      recorder.stop();
    }
  });

  it('cancels an export: nothing is downloaded and the form comes back', async () => {
    const world = await createWorld();
    await world.dev('POST', 'latency', { ms: 300 });
    const recorder = recordEvents();
    try {
      const el = await mountBackup(world);
      await continueToTabs(el);
      submitExport(el, PASSWORD);
      await heading(el, 'Exporting South News');
      button(el, 'Cancel').click();
      await heading(el, 'Export South News');
      const panel = deepQuery(el, 'backup-export-panel')!.shadowRoot!;
      expect(panel.textContent).to.contain('Export cancelled. Nothing was downloaded.');
      expect(panel.querySelector('a[download]'), 'no download link').to.equal(null);
      // The fields come back as typed, and the meter rates what they hold: cancelling is not the password's fault.
      expect([input(el, 'password').value, input(el, 'confirm').value]).to.deep.equal([PASSWORD, PASSWORD]);
      expect(panel.querySelector('#password-strength')!.textContent).to.equal(ratePassword(PASSWORD).hint);
      expect(panel.querySelector('.meter')!.getAttribute('data-strength')).to.equal(ratePassword(PASSWORD).strength);
      // The engine stopped: no more reads reach the Dashboard after the cancel settled.
      const settled = (await world.stats()).requests;
      await new Promise((r) => setTimeout(r, 700));
      expect((await world.stats()).requests).to.equal(settled);
      expect(recorder.events.map((e) => e.type)).to.deep.equal([]);
      await expectAccessible(el);
      // Export again, nothing retyped: the kept password protects the file.
      await world.latency(0);
      button(el, 'Export').click();
      const file = await downloadedFile(el);
      expect((await openBackup(file, PASSWORD)).manifest.unit.id).to.equal('south-news');
      button(el, 'Make another backup').click();
      await heading(el, 'Export South News');
      expect([input(el, 'password').value, input(el, 'confirm').value], 'a new backup starts empty').to.deep.equal(['', '']);
    } finally {
      recorder.stop();
    }
  });
});
