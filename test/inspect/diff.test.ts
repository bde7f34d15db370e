import { expect } from '@open-wc/testing';
import { diffBackups, stringifyStable } from '../../src/inspect/diff.js';
import { describe, it } from '../mocha.js';
import { makePayload, secretValue } from './make-payload.js';

const COUNTS = { plugins: 4, workspaces: 5, profiles: 3, keys: 6 };

describe('diffBackups', () => {
  it('finds nothing between a backup and itself, even with other ids and key order', async () => {
    const a = makePayload(COUNTS);
    const b = structuredClone(a);
    b.unit.plugins.forEach((p, i) => (p.id = `other-${i}`));
    b.unit.workspaces.forEach((w, i) => (w.id = `ws-${i}`));
    // Profiles point at the renumbered workspaces: same meaning, other ids.
    b.unit.profiles.forEach((p) => (p.workspaces = p.workspaces.map((id) => `ws-${Number(id.slice(1))}`)));
    b.unit.plugins[0]!.configuration = Object.fromEntries(Object.entries(a.unit.plugins[0]!.configuration).reverse());
    const diff = await diffBackups(a, b);
    expect(diff.identical).to.equal(true);
    expect(diff.sections.plugins.unchanged).to.equal(4);
    expect(diff.sections.workspaces.unchanged).to.equal(5);
    expect(diff.sections.profiles.unchanged).to.equal(3);
    expect(diff.sections.keys.unchanged).to.equal(6);
  });

  it('reports added, removed and changed entities by natural key, section by section', async () => {
    const a = makePayload(COUNTS);
    const b = makePayload(COUNTS, 1); // plugin-1 version, desk 2's app config; ids all differ
    b.unit.plugins.pop(); // removes com.example.plugin-3
    b.unit.workspaces.push({ ...b.unit.workspaces[1]!, id: 'new', name: 'Brand new desk' });
    b.unit.profiles[0]!.roles = ['readonly'];
    b.unit.keys[1]!.value = 'rotated';
    b.unit.keys.push({ key: 'extra.key', value: 'x', secret: false });
    const diff = await diffBackups(a, b);
    expect(diff.identical).to.equal(false);
    expect(diff.sections.plugins.removed.map((e) => e.key)).to.deep.equal(['com.example.plugin-3']);
    expect(diff.sections.plugins.changed).to.deep.equal([
      { key: 'com.example.plugin-1', label: 'com.example.plugin-1', fields: ['version'] },
    ]);
    expect(diff.sections.workspaces.added.map((e) => e.label)).to.deep.equal(['Brand new desk (user-1)']);
    expect(diff.sections.workspaces.changed.map((e) => [e.label, e.fields])).to.deep.equal([
      ['Desk 2 (user-2)', ['applications']],
    ]);
    expect(diff.sections.profiles.changed.map((e) => [e.key, e.fields])).to.deep.equal([['Profile 0', ['roles']]]);
    expect(diff.sections.keys.changed.map((e) => [e.key, e.fields])).to.deep.equal([['service.1.token', ['value']]]);
    expect(diff.sections.keys.added.map((e) => e.key)).to.deep.equal(['extra.key']);
    expect(diff.manifest.map((m) => m.field)).to.deep.equal(['createdAt']);
  });

  it('names changed fields but never carries a value (secrets stay out of the diff)', async () => {
    const a = makePayload(COUNTS);
    const b = structuredClone(a);
    b.unit.keys[1]!.value = 'new-secret';
    const text = JSON.stringify(await diffBackups(a, b));
    expect(text).not.to.contain(secretValue(1));
    expect(text).not.to.contain('new-secret');
  });

  it('tells duplicate natural keys apart by order', async () => {
    const a = makePayload({ plugins: 1, workspaces: 2, profiles: 0, keys: 0 });
    a.unit.workspaces[1]!.name = a.unit.workspaces[0]!.name;
    a.unit.workspaces[1]!.owner = a.unit.workspaces[0]!.owner;
    const b = structuredClone(a);
    b.unit.workspaces.pop();
    const diff = await diffBackups(a, b);
    expect(diff.sections.workspaces.removed).to.have.length(1);
    expect(diff.sections.workspaces.removed[0]!.label).to.match(/#2$/);
    expect(diff.sections.workspaces.unchanged).to.equal(1);
  });

  it('shows a profile linked to the other of two same-named workspaces as changed', async () => {
    const a = makePayload({ plugins: 1, workspaces: 2, profiles: 1, keys: 0 });
    a.unit.workspaces[1]!.name = a.unit.workspaces[0]!.name;
    a.unit.workspaces[1]!.owner = a.unit.workspaces[0]!.owner;
    a.unit.profiles[0]!.workspaces = [a.unit.workspaces[0]!.id];
    const b = structuredClone(a);
    b.unit.profiles[0]!.workspaces = [b.unit.workspaces[1]!.id];
    const diff = await diffBackups(a, b);
    expect(diff.sections.profiles.changed.map((e) => [e.key, e.fields])).to.deep.equal([['Profile 0', ['workspaces']]]);
    expect((await diffBackups(a, structuredClone(a))).identical).to.equal(true);
  });

  it('compares object content whatever the key order', () => {
    expect(stringifyStable({ b: 1, a: [{ d: 1, c: 2 }] })).to.equal(stringifyStable({ a: [{ c: 2, d: 1 }], b: 1 }));
  });
});
