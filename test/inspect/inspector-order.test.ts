// The inspector's comparison notices order and unknown fields, as the engine's verification does.
import { expect, oneEvent } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { deepText, makeBackupFile, mountInspector, openThroughForm, settle, shadow, submitOpener, getOpener } from './helpers.js';
import { makePayload } from './make-payload.js';

const COUNTS = { plugins: 3, workspaces: 4, profiles: 2, keys: 3 };

describe('<backup-inspector> compare: order and other fields', () => {
  it('reports a section listed in another order, and a changed unknown field, by name', async () => {
    const before = makePayload(COUNTS);
    const after = makePayload(COUNTS);
    after.unit.workspaces.reverse();
    after.unit.keys.reverse(); // the key store's order is not state
    (after.unit.plugins[1] as Record<string, unknown>).vendorTier = 'gold';
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(before));
    const compared = oneEvent(el, 'inspector-compare');
    await submitOpener(getOpener(el, 'compare'), await makeBackupFile(after, 'another password'), 'another password');
    const { detail } = await compared;
    expect(detail.identical).to.equal(false);
    expect(detail.reordered).to.deep.equal(['workspaces']);
    expect(detail.differences).to.deep.equal({ plugins: 1, workspaces: 0, profiles: 0, keys: 0 });
    await settle(el);
    const diffEl = shadow(el).querySelector('backup-inspector-diff')!;
    const section = (name: string) => deepText(shadow(diffEl).querySelector(`section[data-section=${name}]`)!);
    expect(section('workspaces')).to.match(/Order differs: position 1 holds “[^”]+” here, “[^”]+” in the other\s+backup\./);
    expect(section('keys')).to.not.contain('Order differs');
    expect(section('plugins')).to.contain('— vendorTier');
  });

  it('shows a key’s other fields, only by name while its value is hidden', async () => {
    const payload = makePayload(COUNTS);
    const secret = payload.unit.keys.find((k) => k.secret)!;
    const plain = payload.unit.keys.find((k) => !k.secret)!;
    (secret as Record<string, unknown>).rotation = 'ROTATION-VALUE';
    (plain as Record<string, unknown>).labels = ['a'];
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(payload));
    await settle(el);
    const rows = [...shadow(el).querySelectorAll('backup-inspector-tree')].flatMap((t) => [...shadow(t).querySelectorAll('.key-row')]);
    const text = rows.map((r) => r.textContent!.replace(/\s+/g, ' ')).join('\n');
    expect(text).to.contain('other fields: {"labels":["a"]}');
    expect(text).to.contain('other fields: rotation (hidden)');
    expect(text).to.not.contain('ROTATION-VALUE');
  });
});
