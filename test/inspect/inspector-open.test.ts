import { expect, oneEvent } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import {
  PASSWORD,
  deepText,
  dumpDom,
  findAxeViolations,
  getOpener,
  getTree,
  makeBackupFile,
  mountInspector,
  openThroughForm,
  queryDeep,
  settle,
  shadow,
  submitOpener,
} from './helpers.js';
import { HOSTILE, makePayload } from './make-payload.js';
import { installNetworkGuard } from './network-guard.js';

const COUNTS = { plugins: 3, workspaces: 4, profiles: 2, keys: 4 };

describe('<backup-inspector> opening a file', () => {
  it('opens a backup with every network API blocked and nothing requested, then shows manifest, counts and tree', async () => {
    const payload = makePayload(COUNTS);
    const file = await makeBackupFile(payload);
    const el = await mountInspector();
    const guard = installNetworkGuard();
    try {
      await openThroughForm(el, file);
    } finally {
      const { attempts, resources } = guard.dispose();
      expect(attempts, 'request attempts').to.deep.equal([]);
      expect(resources, 'resources loaded').to.deep.equal([]);
    }
    const text = deepText(el);
    expect(text).to.contain('Backup of South News');
    expect(text).to.contain('https://dashboard.example.com');
    expect(text).to.contain('Ada Admin (admin)');
    expect(text).to.contain('0.1.0');
    for (const c of ['3 plugins', '4 workspaces', '2 profiles', '4 configs in key store']) expect(text).to.contain(c);
    const tree = getTree(el);
    for (const name of ['Plugin 1', 'com.example.plugin-2', 'Desk 3', 'Profile 1', 'service.2.url']) {
      expect(deepText(tree)).to.contain(name);
    }
  });

  it('shows markup from the backup as text, never as elements', async () => {
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(makePayload(COUNTS)));
    // Expand everything so the nested configurations render too.
    for (const d of queryDeep<HTMLDetailsElement>(el, 'details')) d.open = true;
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(queryDeep(el, 'img')).to.have.length(0);
    expect(deepText(el)).to.contain(HOSTILE);
    expect(deepText(el)).to.contain('label: "<img src=x onerror=alert(1)>"');
  });

  it('says clearly when the password is wrong, and keeps the form', async () => {
    const el = await mountInspector();
    const file = await makeBackupFile(makePayload(COUNTS));
    const failed = oneEvent(el, 'inspector-error');
    await submitOpener(getOpener(el), file, 'not the password');
    const { detail } = await failed;
    expect(detail).to.include({ step: 'open', code: 'WRONG_PASSWORD' });
    await settle(el);
    const alert = queryDeep(el, '[role=alert]')[0]!;
    expect(alert.textContent).to.contain('Wrong password');
    const opener = getOpener(el);
    expect(shadow(opener).activeElement, 'focus back in the password field').to.equal(
      shadow(opener).querySelector('input[type=password]'),
    );
    expect(dumpDom(el)).not.to.contain('not the password');
    // A second try with the right password works.
    await openThroughForm(el, file, PASSWORD);
    expect(deepText(el)).to.contain('Backup of South News');
  });

  it('says so when the file is not a backup, or decrypts to something that is not a backup', async () => {
    const el = await mountInspector();
    let failed = oneEvent(el, 'inspector-error');
    await submitOpener(getOpener(el), new File(['hello'], 'notes.txt'), PASSWORD);
    expect((await failed).detail.code).to.equal('NOT_A_BACKUP');
    failed = oneEvent(el, 'inspector-error');
    await submitOpener(getOpener(el), await makeBackupFile({ manifest: { hello: 1 } }), PASSWORD);
    expect((await failed).detail.code).to.equal('INVALID_BACKUP');
    await settle(el);
    expect(deepText(el)).to.contain('not a Dashboard backup');
  });

  it('opens a file dropped on the form', async () => {
    const el = await mountInspector();
    const opener = getOpener(el);
    const zone = shadow(opener).querySelector('.drop')!;
    const dt = new DataTransfer();
    dt.items.add(await makeBackupFile(makePayload(COUNTS), PASSWORD, 'dropped.dashboard-backup'));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await opener.updateComplete;
    expect(deepText(opener)).to.contain('Chosen: dropped.dashboard-backup');
    const opened = oneEvent(el, 'inspector-open');
    shadow(opener).querySelector<HTMLInputElement>('input[type=password]')!.value = PASSWORD;
    shadow(opener).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect((await opened).detail.counts).to.deep.equal(COUNTS);
  });

  it('cancels a running open and says so', async () => {
    const el = await mountInspector();
    const file = await makeBackupFile(makePayload({ plugins: 300, workspaces: 2000, profiles: 500, keys: 5000 }));
    const failed = oneEvent(el, 'inspector-error');
    const opener = getOpener(el);
    await submitOpener(opener, file, PASSWORD);
    await opener.updateComplete;
    const cancel = [...shadow(opener).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!;
    expect(shadow(opener).querySelector('progress')).to.exist;
    cancel.click();
    expect((await failed).detail).to.include({ step: 'open', code: 'ABORTED' });
    await settle(el);
    expect(deepText(el)).to.contain('Opening was cancelled.');
  });

  it('asks for a file before opening', async () => {
    const el = await mountInspector();
    const opener = getOpener(el);
    shadow(opener).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await opener.updateComplete;
    expect(shadow(opener).querySelector('[role=alert]')!.textContent).to.contain('Choose a backup file first');
  });

  it('is axe-clean closed, opened with rows expanded, and after an error', async () => {
    const el = await mountInspector();
    expect(await findAxeViolations(el)).to.deep.equal([]);
    const failed = oneEvent(el, 'inspector-error');
    await submitOpener(getOpener(el), await makeBackupFile(makePayload(COUNTS)), 'wrong');
    await failed;
    await settle(el);
    expect(await findAxeViolations(el)).to.deep.equal([]);
    await openThroughForm(el, await makeBackupFile(makePayload(COUNTS)));
    for (const d of queryDeep<HTMLDetailsElement>(el, 'details').slice(0, 6)) d.open = true;
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(await findAxeViolations(el)).to.deep.equal([]);
  });
});
