// The import preview says which entities the Dashboard would refuse, and why, and offers no Import; and it shows
// the fields this version does not model, read-only, as compact JSON.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup } from '../../src/backup/index.js';
import { encryptBackup } from '../../src/format/index.js';
import { describe, it } from '../mocha.js';
import { continueToTabs, submitValidate } from './flow.js';
import { button, createWorld, deepQuery, deepQueryAll, expectAccessible, heading, mountBackup } from './helpers.js';

const PASSWORD = 'preview fidelity ✓';
const ITERATIONS = 100_000;

/** South News's backup with `edit` applied to its payload, as a file. */
async function editedBackup(edit: (unit: Record<string, any>, manifest: Record<string, any>) => void): Promise<File> {
  const world = await createWorld('small');
  const client = world.client();
  const backup = await openBackup((await exportUnit(client, PASSWORD, { iterations: ITERATIONS })).blob, PASSWORD);
  await world.drop();
  const payload = JSON.parse(JSON.stringify(backup.payload)) as { unit: Record<string, any>; manifest: Record<string, any> };
  edit(payload.unit, payload.manifest);
  return new File([(await encryptBackup(payload, PASSWORD, { iterations: ITERATIONS })) as BlobPart], 'edited.dashboard-backup');
}

describe('import preview: fidelity', () => {
  it('names what the Dashboard would refuse, with the reason, and offers no Import', async () => {
    const file = await editedBackup((u) => {
      u.keys[3].key = '..';
      u.plugins[0].configuration = { text: 'lone \uD800 surrogate' };
    });
    const world = await createWorld('small');
    const el = await mountBackup(world);
    await continueToTabs(el);
    await submitValidate(el, file, PASSWORD);
    await heading(el, 'Review before importing');
    const notice = deepQuery(el, '[data-problem="unwritable"]');
    expect(notice, 'the problem notice').to.not.equal(null);
    const items = deepQueryAll(el, '[data-problem="unwritable"] li').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(2);
    expect(items[0]).to.match(/^Plugin “[^”]+”: a text in it holds a lone UTF-16 surrogate/);
    expect(items[1]).to.match(/^Config in key store “\.\.”: its name cannot be a URL path segment/);
    expect(() => button(el, 'Import')).to.throw(/no visible button/);
    expect(await world.mutations()).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('shows other fields read-only, hiding those of a secret key', async () => {
    const file = await editedBackup((u) => {
      u.plugins[1].vendor = { tier: 'gold', __note: null };
      const secret = u.keys.find((k: { secret: boolean }) => k.secret);
      secret.rotation = 'SECRET-ROTATION-VALUE';
    });
    const world = await createWorld('small');
    const el = await mountBackup(world);
    await continueToTabs(el);
    await submitValidate(el, file, PASSWORD);
    await heading(el, 'Review before importing');
    const details = deepQuery(el, 'details.other-fields');
    expect(details?.querySelector('summary')?.textContent).to.equal('Other fields (2 items)');
    const text = details?.textContent ?? '';
    expect(text).to.contain('{"vendor":{"__note":null,"tier":"gold"}}');
    expect(text).to.contain('rotation (values hidden: secret key)');
    expect(text).to.not.contain('SECRET-ROTATION-VALUE');
    expect(() => button(el, 'Import')).to.not.throw();
    details!.setAttribute('open', '');
    await expectAccessible(el);
  });

  it('counts what the backup holds from its content, not from its manifest', async () => {
    let real: number[] = [];
    const file = await editedBackup((u, m) => {
      u.workspaces.pop();
      real = [u.plugins.length, u.workspaces.length, u.profiles.length, u.keys.length];
      m.counts = { plugins: 999, workspaces: 999, profiles: 999, keys: 999 };
    });
    const world = await createWorld('small');
    const el = await mountBackup(world);
    const validated: { counts: Record<string, number> }[] = [];
    el.addEventListener('backup-validated', (e) => validated.push((e as CustomEvent).detail));
    await continueToTabs(el);
    await submitValidate(el, file, PASSWORD);
    await heading(el, 'Review before importing');
    const shown = deepQueryAll(el, '[part="counts"] .count').map((c) => Number(c.textContent!.replace(/\D/g, '')));
    expect(shown).to.deep.equal(real);
    expect(Object.values(validated[0]!.counts)).to.deep.equal(real);
  });
});
