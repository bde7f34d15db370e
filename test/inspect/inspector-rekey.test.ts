/**
 * The inspector and recovery keys: opening with the recovery key (a typo caught before decrypting), and re-keying
 * the open file offline — new password, recovery key added — with the encrypted content copied byte for byte.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { decryptBackup, encryptBackupToBlob, formatRecoveryKey, generateRecoveryKey } from '../../src/format/index.js';
import { parseV2Header } from '../../src/format/header-v2.js';
import type { BackupRecoveryKey } from '../../components/shared/backup-recovery-key.js';
import type { BackupInspectorRekey } from '../../components/backup-inspector/backup-inspector-rekey.js';
import { PASSWORD, deepText, findAxeViolations, getOpener, mountInspector, openThroughForm, queryDeep, settle, shadow, submitOpener } from './helpers.js';
import { makePayload } from './make-payload.js';
import { installNetworkGuard } from './network-guard.js';
import { expectCode } from '../format/helpers.js';

const COUNTS = { plugins: 2, workspaces: 2, profiles: 1, keys: 2 };

async function makeFile(recoveryKey?: string): Promise<File> {
  const blob = await encryptBackupToBlob(makePayload(COUNTS), PASSWORD, { iterations: 100_000, ...(recoveryKey ? { recoveryKey } : {}) });
  return new File([blob], 'south.dashboard-backup');
}

/** Records the Blobs handed to URL.createObjectURL (downloads) without any request. */
function captureDownloads(): { blobs: Blob[]; stop(): void } {
  const blobs: Blob[] = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    if (obj instanceof Blob) blobs.push(obj);
    return original.call(URL, obj);
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {}; // no real download in the test browser
  return {
    blobs,
    stop: () => {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

function rekeyOf(el: Element): BackupInspectorRekey {
  return queryDeep<BackupInspectorRekey>(el, 'backup-inspector-rekey')[0]!;
}

function field(rekey: BackupInspectorRekey, id: string): HTMLInputElement {
  return shadow(rekey).querySelector<HTMLInputElement>(`#${id}`)!;
}

describe('<backup-inspector> and recovery keys', () => {
  it('opens a file with its recovery key alone, typed in lower case with spaces', async () => {
    const key = formatRecoveryKey(generateRecoveryKey());
    const el = await mountInspector();
    await openThroughForm(el, await makeFile(key), key.toLowerCase().replaceAll('-', ' '));
    expect(deepText(el)).to.contain('Backup of South News');
  });

  it('catches a typo in one group of the recovery key before decrypting, naming the group', async () => {
    const key = formatRecoveryKey(generateRecoveryKey());
    const typo = key.replace(/-(.)/, (_, c: string) => `-${c === '0' ? '1' : '0'}`); // first character of group 2
    const el = await mountInspector();
    const opener = getOpener(el);
    await submitOpener(opener, await makeFile(key), typo);
    await settle(el);
    expect(deepText(opener)).to.contain('Group 2 of this recovery key has a typo');
    expect(opener.busy).to.equal(false);
  });

  it('re-keys the open file offline: a new password and a new recovery key open it, the old password does not', async () => {
    const file = await makeFile();
    const original = new Uint8Array(await file.arrayBuffer());
    const el = await mountInspector();
    await openThroughForm(el, file);
    const rekey = rekeyOf(el);
    shadow(rekey).querySelector('details')!.open = true;
    await rekey.updateComplete;
    expect(await findAxeViolations(rekey)).to.deep.equal([]);

    const downloads = captureDownloads();
    const guard = installNetworkGuard();
    let newKey: string;
    try {
      field(rekey, 'rekey-current').value = PASSWORD;
      field(rekey, 'rekey-password').value = 'a brand new password';
      field(rekey, 'rekey-confirm').value = 'a brand new password';
      const add = [...shadow(rekey).querySelectorAll<HTMLInputElement>('input[name=recovery]')][1]!;
      add.click();
      await rekey.updateComplete;
      const keyElement = shadow(rekey).querySelector<BackupRecoveryKey>('backup-recovery-key')!;
      await keyElement.updateComplete;
      // Not yet confirmed saved: refused, nothing written.
      shadow(rekey).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => deepText(rekey).includes('tick the box'), 'asks to confirm the key was saved');
      expect(downloads.blobs).to.have.length(0);
      shadow(keyElement).querySelector<HTMLInputElement>('#saved')!.click();
      await keyElement.updateComplete;
      newKey = shadow(keyElement).querySelector('[part=recovery-key]')!.textContent!.trim().split(/\s+/).join('-');
      const done = oneEvent(el, 'inspector-rekey');
      shadow(rekey).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      const event = (await done) as CustomEvent;
      expect(event.detail).to.include({ password: true, recoveryKey: true, filename: 'south.dashboard-backup' });
      expect(JSON.stringify(event.detail)).not.to.contain('brand new');
    } finally {
      const { attempts, resources } = guard.dispose();
      downloads.stop();
      expect(attempts, 'request attempts').to.deep.equal([]);
      expect(resources, 'resources loaded').to.deep.equal([]);
    }
    const rekeyed = new Uint8Array(await downloads.blobs[0]!.arrayBuffer());
    const [before, after] = [parseV2Header(original), parseV2Header(rekeyed)];
    expect([...rekeyed.subarray(after.headerBytes)]).to.deep.equal([...original.subarray(before.headerBytes)]);
    const expected = await decryptBackup(original, PASSWORD);
    expect(await decryptBackup(rekeyed, 'a brand new password')).to.deep.equal(expected);
    expect(await decryptBackup(rekeyed, newKey!)).to.deep.equal(expected);
    await expectCode(decryptBackup(rekeyed, PASSWORD), 'WRONG_PASSWORD');
    expect(deepText(rekey)).to.contain('it opens with its password or its recovery key');
    // The form forgot what was typed.
    expect(field(rekey, 'rekey-current').value).to.equal('');
  });

  it('says when the current password is wrong, and writes nothing', async () => {
    const el = await mountInspector();
    await openThroughForm(el, await makeFile());
    const rekey = rekeyOf(el);
    const downloads = captureDownloads();
    try {
      field(rekey, 'rekey-current').value = 'not it';
      field(rekey, 'rekey-password').value = 'another one';
      field(rekey, 'rekey-confirm').value = 'another one';
      shadow(rekey).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => deepText(rekey).includes('Wrong password'), 'wrong password said');
    } finally {
      downloads.stop();
    }
    expect(downloads.blobs).to.have.length(0);
  });
});
