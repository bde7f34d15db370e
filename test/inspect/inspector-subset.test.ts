/**
 * The inspector saves a selection of the open backup as a smaller backup, offline: the chosen workspace and the
 * plugins it needs, in the same format, opened with the new password; nothing is requested.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { decryptBackup, encryptBackupToBlob } from '../../src/format/index.js';
import type { BackupPayload } from '../../src/schemas.js';
import type { BackupInspectorSubset } from '../../components/backup-inspector/backup-inspector-subset.js';
import { PASSWORD, deepText, findAxeViolations, mountInspector, openThroughForm, queryDeep, shadow } from './helpers.js';
import { makePayload } from './make-payload.js';
import { installNetworkGuard } from './network-guard.js';
import { expectCode } from '../format/helpers.js';

const COUNTS = { plugins: 2, workspaces: 3, profiles: 1, keys: 2 };

describe('<backup-inspector> saves a selection as a smaller backup', () => {
  it('writes the chosen workspace with the plugins it needs, encrypted with the new password, offline', async () => {
    const payload = makePayload(COUNTS);
    const file = new File([await encryptBackupToBlob(payload, PASSWORD, { iterations: 100_000 })], 'south.dashboard-backup');
    const el = await mountInspector();
    await openThroughForm(el, file);
    const subset = queryDeep<BackupInspectorSubset>(el, 'backup-inspector-subset')[0]!;
    await subset.updateComplete;
    expect(await findAxeViolations(subset)).to.deep.equal([]);
    const root = shadow(subset);
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob) blobs.push(obj);
      return original.call(URL, obj);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {};
    const guard = installNetworkGuard();
    const ws = payload.unit.workspaces[1]!; // uses com.example.plugin-1, which maps to plugin-0
    try {
      const box = [...root.querySelectorAll('label')].find((l) => l.textContent!.trim() === `${ws.name} (${ws.owner})`)!.querySelector('input')!;
      box.click();
      root.querySelector<HTMLInputElement>('#subset-password')!.value = 'smaller one';
      root.querySelector<HTMLInputElement>('#subset-confirm')!.value = 'smaller one';
      const done = oneEvent(el, 'inspector-subset');
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      const event = (await done) as CustomEvent;
      expect(event.detail.counts).to.deep.equal({ plugins: 2, workspaces: 1, profiles: 0, keys: 0 });
      expect(JSON.stringify(event.detail)).not.to.contain('smaller one');
    } finally {
      const { attempts } = guard.dispose();
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
      expect(attempts, 'request attempts').to.deep.equal([]);
    }
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    const saved = (await decryptBackup(bytes, 'smaller one')) as BackupPayload;
    expect(saved.unit.workspaces).to.deep.equal([ws]);
    expect(saved.unit.plugins.map((p) => p.bundle)).to.deep.equal(['com.example.plugin-0', 'com.example.plugin-1']);
    expect(saved.manifest.unit).to.deep.equal(payload.manifest.unit);
    await expectCode(decryptBackup(bytes, PASSWORD), 'WRONG_PASSWORD');
    expect(deepText(subset)).to.contain('Saved');
  });
});
