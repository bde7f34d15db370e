import { expect, oneEvent } from '@open-wc/testing';
import type { BackupInspector } from '../../components/backup-inspector/backup-inspector.js';
import { formatDate } from '../../components/shared/format.js';
import { describe, it } from '../mocha.js';
import {
  PASSWORD,
  deepText,
  findAxeViolations,
  getOpener,
  makeBackupFile,
  mountInspector,
  openThroughForm,
  queryDeep,
  settle,
  shadow,
  submitOpener,
} from './helpers.js';
import { makePayload } from './make-payload.js';
import { installNetworkGuard } from './network-guard.js';

const COUNTS = { plugins: 4, workspaces: 5, profiles: 3, keys: 6 };

function button(el: BackupInspector, text: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

describe('<backup-inspector> compare and save', () => {
  it('compares two backups section by section, with the network blocked', async () => {
    const before = makePayload(COUNTS);
    const after = makePayload(COUNTS, 1); // other ids; plugin-1 version, desk 2's app config
    after.unit.plugins.pop();
    after.unit.keys.push({ key: 'extra.key', value: 'x', secret: false });
    after.unit.keys[1]!.value = 'rotated-secret';
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(before));
    const otherFile = await makeBackupFile(after, 'another password');

    const guard = installNetworkGuard();
    const compared = oneEvent(el, 'inspector-compare');
    await submitOpener(getOpener(el, 'compare'), otherFile, 'another password');
    const { detail } = await compared;
    const { attempts, resources } = guard.dispose();
    expect(attempts).to.deep.equal([]);
    expect(resources).to.deep.equal([]);

    expect(detail.identical).to.equal(false);
    expect(detail.differences).to.deep.equal({ plugins: 2, workspaces: 1, profiles: 0, keys: 2 });
    await settle(el);
    const diffEl = shadow(el).querySelector('backup-inspector-diff')!;
    const section = (name: string) => deepText(shadow(diffEl).querySelector(`section[data-section=${name}]`)!);
    expect(section('plugins')).to.contain('0 added, 1 removed, 1 changed, 2 unchanged');
    expect(section('plugins')).to.contain('Removed com.example.plugin-3').and.contain('Changed com.example.plugin-1 — version');
    expect(section('workspaces')).to.contain('Changed Desk 2 (user-2) — applications');
    expect(section('profiles')).to.contain('0 added, 0 removed, 0 changed, 3 unchanged');
    expect(section('keys')).to.contain('Added extra.key').and.contain('Changed service.1.token — value');
    expect(deepText(diffEl)).not.to.contain('rotated-secret');
    // The Created row formats its dates as the heading does, with the exact time in `datetime`.
    const created = [...shadow(diffEl).querySelectorAll('table tr')].find((r) => r.querySelector('th')?.textContent === 'Created')!;
    const times = [...created.querySelectorAll('time')];
    expect(times.map((t) => t.dateTime)).to.deep.equal([before.manifest.createdAt, after.manifest.createdAt]);
    expect(times.map((t) => t.textContent)).to.deep.equal([formatDate(before.manifest.createdAt), formatDate(after.manifest.createdAt)]);
    const heading = deepText(shadow(el).querySelector('[part=compare] h3')!);
    for (const t of times) expect(heading).to.contain(t.textContent!);
    expect(await findAxeViolations(el)).to.deep.equal([]);
  });

  it('shows the exact creation times when the two format alike (same minute)', async () => {
    const before = makePayload(COUNTS);
    const after = structuredClone(before);
    after.manifest.createdAt = '2026-11-28T10:00:30.000Z';
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(before));
    const compared = oneEvent(el, 'inspector-compare');
    await submitOpener(getOpener(el, 'compare'), await makeBackupFile(after), PASSWORD);
    expect((await compared).detail.identical).to.equal(true);
    await settle(el);
    const diffEl = shadow(el).querySelector('backup-inspector-diff')!;
    const times = [...shadow(diffEl).querySelectorAll('table time')].map((t) => t.textContent);
    expect(times).to.deep.equal([
      `${formatDate(before.manifest.createdAt)} (${before.manifest.createdAt})`,
      `${formatDate(after.manifest.createdAt)} (${after.manifest.createdAt})`,
    ]);
  });

  it('says when two backups hold the same content', async () => {
    const el = await mountInspector();
    const payload = makePayload(COUNTS);
    await openThroughForm(el, await makeBackupFile(payload));
    const compared = oneEvent(el, 'inspector-compare');
    await submitOpener(getOpener(el, 'compare'), await makeBackupFile(payload), PASSWORD);
    expect((await compared).detail.identical).to.equal(true);
    await settle(el);
    expect(deepText(el)).to.contain('The two backups hold the same content.');
  });

  it('reports a wrong password for the other backup in the compare form', async () => {
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(makePayload(COUNTS)));
    const failed = oneEvent(el, 'inspector-error');
    await submitOpener(getOpener(el, 'compare'), await makeBackupFile(makePayload(COUNTS)), 'nope');
    expect((await failed).detail).to.include({ step: 'compare', code: 'WRONG_PASSWORD' });
    await settle(el);
    expect(shadow(getOpener(el, 'compare')).querySelector('[role=alert]')!.textContent).to.contain('Wrong password');
  });

  it('warns that JSON is unencrypted before saving, then saves exactly the decrypted content', async () => {
    const payload = makePayload(COUNTS);
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(payload));
    const blobs: Blob[] = [];
    const originalCreate = URL.createObjectURL;
    const originalClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return originalCreate.call(URL, b);
    };
    HTMLAnchorElement.prototype.click = function () {}; // no real download in the test browser
    try {
      let saves = 0;
      el.addEventListener('inspector-save', () => saves++);
      button(el, 'Save as JSON…').click();
      await settle(el);
      const warning = shadow(el).querySelector('[part=save-warning]')!;
      expect(warning.getAttribute('role')).to.equal('alertdialog');
      expect(deepText(warning)).to.contain('not encrypted');
      expect(saves, 'nothing saved before confirming').to.equal(0);
      expect(blobs).to.have.length(0);
      expect(shadow(el).activeElement?.textContent).to.equal('Cancel');
      expect(await findAxeViolations(el)).to.deep.equal([]);

      button(el, 'Cancel').click();
      await settle(el);
      expect(shadow(el).querySelector('[part=save-warning]')).to.equal(null);
      expect(saves).to.equal(0);

      button(el, 'Save as JSON…').click();
      await settle(el);
      const saved = oneEvent(el, 'inspector-save');
      button(el, 'Save unencrypted JSON').click();
      const { detail } = await saved;
      expect(detail.filename).to.equal('south-news-2026-11-28T10-00-00Z.UNENCRYPTED.json');
      expect(blobs).to.have.length(1);
      expect(detail.bytes).to.equal(blobs[0]!.size);
      expect(JSON.parse(await blobs[0]!.text())).to.deep.equal(payload);
    } finally {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    }
  });

  it('lets the page take over the download by cancelling inspector-save', async () => {
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(makePayload(COUNTS)));
    let created = 0;
    const originalCreate = URL.createObjectURL;
    URL.createObjectURL = () => String(++created);
    try {
      el.addEventListener('inspector-save', (e) => e.preventDefault(), { once: true });
      button(el, 'Save as JSON…').click();
      await settle(el);
      button(el, 'Save unencrypted JSON').click();
      expect(created).to.equal(0);
    } finally {
      URL.createObjectURL = originalCreate;
    }
  });

  it('forgets the backup on Close and shows the file picker again', async () => {
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(makePayload(COUNTS)));
    button(el, 'Close backup').click();
    await settle(el);
    expect(queryDeep(el, 'backup-inspector-tree')).to.have.length(0);
    expect(deepText(el)).to.contain('Open a backup');
  });
});
