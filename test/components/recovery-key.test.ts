/**
 * The element and recovery keys: Export adds one (shown in groups, kit printable and savable, confirmed saved
 * before the backup is made), warns about weak passwords; Import takes the recovery key alone (a typo caught on the
 * field, before anything is decrypted); and no recovery key or password reaches an event, IndexedDB or Web Storage.
 */
import { beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { openBackup } from '../../src/backup/index.js';
import { formatRecoveryKey, generateRecoveryKey } from '../../src/format/index.js';
import type { BackupRecoveryKey } from '../../components/shared/backup-recovery-key.js';
import { WEAK_PASSWORD_WARNING } from '../../components/dashboard-backup/export-recovery.js';
import { dumpIndexedDb, dumpWebStorage } from '../backup/capture.js';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepQuery,
  expectAccessible,
  heading,
  mountBackup,
  recordEvents,
  type,
} from './helpers.js';
import { alertWith, continueToTabs, downloadedFile, input, normalizeState, submitExport, submitValidate } from './flow.js';
import { ERROR_MESSAGES } from '../../components/shared/messages.js';

const PASSWORD = 'correct horse battery staple';

/** Records what the panels hand to URL.createObjectURL (the downloads), as Blobs. */
function captureBlobs(): { blobs: Blob[]; stop(): void } {
  const blobs: Blob[] = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    if (obj instanceof Blob) blobs.push(obj);
    return original.call(URL, obj);
  };
  return { blobs, stop: () => (URL.createObjectURL = original) };
}

/** Makes window.open return a same-origin frame's window, so the kit page can be read (a test cannot see popups). */
function captureKitWindow(): { frame: HTMLIFrameElement; stop(): void } {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const original = window.open;
  window.open = () => frame.contentWindow;
  return {
    frame,
    stop: () => {
      window.open = original;
      frame.remove();
    },
  };
}

function keyElement(el: Element): BackupRecoveryKey {
  return deepQuery<BackupRecoveryKey>(el, 'backup-recovery-key')!;
}

describe('<dashboard-backup> recovery key', () => {
  beforeEach(clearIndexedDb);

  it('warns about a weak password and suggests the recovery key', async () => {
    const el = await mountBackup(await createWorld());
    await continueToTabs(el);
    type(input(el, 'password'), 'abcd');
    await waitUntil(() => deepQuery(el, '#weak-warning'), 'weak warning');
    expect(deepQuery(el, '#weak-warning')!.textContent).to.equal(WEAK_PASSWORD_WARNING);
    expect(WEAK_PASSWORD_WARNING).to.contain('recovery key');
    type(input(el, 'password'), 'Tr0ub4dor&3-horse-battery');
    await waitUntil(() => !deepQuery(el, '#weak-warning'), 'no warning for a strong password');
  });

  it('exports with a new recovery key: kit printed and saved, confirmed, then the backup opens with the key alone', async () => {
    const world = await createWorld();
    const recorder = recordEvents();
    const blobs = captureBlobs();
    const kitWindow = captureKitWindow();
    try {
      const el = await mountBackup(world);
      await continueToTabs(el);
      deepQuery<HTMLInputElement>(el, '#add-recovery-key')!.click();
      await waitUntil(() => keyElement(el)?.shadowRoot?.querySelector('[part=recovery-key]'), 'the key shows');
      const shown = keyElement(el).shadowRoot!.querySelector('[part=recovery-key]')!;
      const groups = [...shown.querySelectorAll('span')].map((s) => s.textContent!);
      expect(groups).to.have.length(13);
      for (const g of groups) expect(g).to.match(/^[0-9A-HJKMNP-TV-Z]{5}$/);
      const key = groups.join('-');
      await expectAccessible(el);

      // Not confirmed saved yet: the backup is not made.
      submitExport(el, PASSWORD);
      await waitUntil(() => keyElement(el).shadowRoot!.querySelector('[role=alert]'), 'asks to save the key first');
      expect(deepQuery(el, 'h3')!.textContent).to.match(/^Export South News/);
      expect(blobs.blobs).to.have.length(0);

      button(keyElement(el), 'Save the kit as a text file').click();
      const text = await blobs.blobs[0]!.text();
      expect(text).to.contain(key).and.to.contain('South News (south-news)').and.to.contain('opens the backups');
      expect(text).not.to.contain(PASSWORD);

      button(keyElement(el), 'Print the emergency kit').click();
      const kit = kitWindow.frame.contentDocument!;
      expect(kit.body.textContent).to.contain('South News').and.not.to.contain(PASSWORD);
      expect([...kit.querySelectorAll('.key span')].map((s) => s.textContent)).to.deep.equal(groups);
      expect(kit.adoptedStyleSheets, 'styled by a constructed sheet').to.have.length(1);
      expect(kit.querySelectorAll('script, style, [style], [onclick]'), 'nothing the strict CSP forbids').to.have.length(0);
      expect([...kit.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal(['Print']);

      keyElement(el).shadowRoot!.querySelector<HTMLInputElement>('#saved')!.click();
      button(el, 'Export').click();
      const file = await downloadedFile(el);
      expect(deepQuery(el, 'backup-export-panel')!.shadowRoot!.textContent).to.contain('recovery key');
      expect((await openBackup(file, key.toLowerCase())).manifest.unit.id).to.equal('south-news');
      expect((await openBackup(file, PASSWORD)).manifest.unit.id).to.equal('south-news');

      // Nothing kept it: not the events, not IndexedDB, not Web Storage; and the form forgot it.
      const forms = [key, groups.join(''), groups.join(' '), PASSWORD];
      const events = JSON.stringify(recorder.events);
      const stored = [(await dumpIndexedDb()).text, dumpWebStorage()].join('\n');
      for (const form of forms) {
        expect(events.includes(form), 'in an event').to.equal(false);
        expect(stored.includes(form), 'in storage').to.equal(false);
      }
      button(el, 'Make another backup').click();
      await heading(el, 'Export South News');
      expect(deepQuery<HTMLInputElement>(el, '#add-recovery-key')!.checked).to.equal(false);
      expect(keyElement(el)).to.equal(null);
    } finally {
      recorder.stop();
      blobs.stop();
      kitWindow.stop();
    }
  });

  it('reuses a recovery key the admin already has, refusing one with a typo', async () => {
    const world = await createWorld();
    const el = await mountBackup(world);
    await continueToTabs(el);
    deepQuery<HTMLInputElement>(el, '#add-recovery-key')!.click();
    await waitUntil(() => keyElement(el)?.shadowRoot?.querySelector('input[type=radio]'), 'choice');
    const root = keyElement(el).shadowRoot!;
    root.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]!.click();
    await keyElement(el).updateComplete;
    const own = formatRecoveryKey(generateRecoveryKey()); // from an earlier kit
    const typo = `${own.slice(0, 6)}${own[6] === '0' ? '1' : '0'}${own.slice(7)}`;
    type(root.querySelector<HTMLInputElement>('#existing')!, typo);
    await keyElement(el).updateComplete;
    expect(root.querySelector('#existing-hint')!.textContent).to.contain('Group 2');
    type(root.querySelector<HTMLInputElement>('#existing')!, own.toLowerCase());
    await keyElement(el).updateComplete;
    expect(root.querySelector('#existing-hint')!.textContent).to.contain('Recovery key recognised');
    submitExport(el, PASSWORD);
    const file = await downloadedFile(el);
    expect((await openBackup(file, own)).manifest.unit.id).to.equal('south-news');
  });

  it('imports with the recovery key alone; a typo in a group is caught on the field before decrypting', async () => {
    const world = await createWorld();
    const el = await mountBackup(world);
    await continueToTabs(el);
    deepQuery<HTMLInputElement>(el, '#add-recovery-key')!.click();
    await waitUntil(() => keyElement(el)?.shadowRoot?.querySelector('#saved'), 'the key shows');
    const key = [...keyElement(el).shadowRoot!.querySelectorAll('[part=recovery-key] span')].map((s) => s.textContent).join('-');
    keyElement(el).shadowRoot!.querySelector<HTMLInputElement>('#saved')!.click();
    submitExport(el, PASSWORD);
    const file = await downloadedFile(el);

    const groups = key.split('-');
    groups[4] = `${groups[4]![0] === 'A' ? 'B' : 'A'}${groups[4]!.slice(1)}`;
    await submitValidate(el, file, groups.join('-'));
    await waitUntil(() => deepQuery(el, '#password-error'), 'field error');
    expect(deepQuery(el, '#password-error')!.textContent).to.contain('Group 5');
    await heading(el, /^Import a backup into /); // still the form: nothing was opened

    type(input(el, 'password'), key.toLowerCase().replaceAll('-', ' '));
    await waitUntil(() => deepQuery(el, '#password-kind')?.textContent?.includes('Recovery key recognised'), 'recognised');
    button(el, 'Validate').click();
    await heading(el, 'Review before importing');
    button(el, 'Import').click();
    await heading(el, 'Import complete');
    await expectAccessible(el);
  });

  it('resumes an interrupted import with the recovery key alone (a wrong key says so)', async () => {
    const world = await createWorld();
    const exporter = await mountBackup(world);
    await continueToTabs(exporter);
    deepQuery<HTMLInputElement>(exporter, '#add-recovery-key')!.click();
    await waitUntil(() => keyElement(exporter)?.shadowRoot?.querySelector('#saved'), 'the key shows');
    const key = [...keyElement(exporter).shadowRoot!.querySelectorAll('[part=recovery-key] span')].map((s) => s.textContent).join('-');
    keyElement(exporter).shadowRoot!.querySelector<HTMLInputElement>('#saved')!.click();
    submitExport(exporter, PASSWORD);
    const file = await downloadedFile(exporter);
    exporter.remove();

    const el = await mountBackup(world, { unit: 'north-news' });
    await continueToTabs(el);
    await submitValidate(el, file, key);
    await heading(el, 'Review before importing');
    type(input(el, 'confirm-unit'), 'North News');
    await world.dev('POST', 'faults', { rules: [{ kind: '500', when: 'before', nth: 4, times: 100000 }] });
    await waitUntil(() => !button(el, 'Import').disabled, 'Import enabled');
    button(el, 'Import').click();
    await heading(el, 'An import into North News did not finish', 60000);
    await world.dev('DELETE', 'faults');
    type(input(el, 'password'), formatRecoveryKey(generateRecoveryKey()));
    button(el, 'Resume').click();
    await alertWith(el, ERROR_MESSAGES.WRONG_RECOVERY_KEY);
    expect(input(el, 'password').value, 'the wrong key is emptied').to.equal('');
    type(input(el, 'password'), key);
    button(el, 'Resume').click();
    await heading(el, 'Import resumed and complete', 60000);
    expect(normalizeState(await world.state('north-news'))).to.deep.equal(normalizeState(await world.state('south-news')));
  });
});
