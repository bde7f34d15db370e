// Pure parts of the engines: cycle detection, step ordering, file names, consistency checks, comparison.
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import type { Plugin, UnitState } from '../../src/schemas.js';
import { findDifferences, diffSections } from '../../src/backup/compare.js';
import { findDanglingReferences, findDuplicates } from '../../src/backup/consistency.js';
import { findCyclicPlugins, providerIndices } from '../../src/backup/graph.js';
import { backupFilename, slugify } from '../../src/backup/manifest.js';
import { buildSteps, type Step } from '../../src/backup/steps.js';

const plugin = (id: string, bundle: string, maps: string[] = []): Plugin => ({
  id,
  bundle,
  name: bundle,
  version: '1',
  author: 'a',
  manifestUrl: 'https://x/m.json',
  enabled: true,
  configuration: {},
  permissions: [],
  permissionMappings: {},
  requirementMappings: { actions: Object.fromEntries(maps.map((m, i) => [`a${i}`, m])), portals: {} },
});
const ws = (id: string, name: string, bundles: string[]) => ({
  id,
  name,
  owner: 'admin',
  shared: false,
  layout: 'l',
  icon: { text: 'x', color: 'red' },
  applications: bundles.map((plugin, i) => ({ id: `${id}-a${i}`, plugin, column: 0, position: i, config: {} })),
});

/** A unit with a chain c→b→a, a cycle x↔y and a self-mapped z, workspaces and profiles using them. */
function sampleUnit(): UnitState {
  return {
    plugins: [
      plugin('p1', 'com.a'),
      plugin('p2', 'com.b', ['com.a']),
      plugin('p3', 'com.c', ['com.b']),
      plugin('p4', 'com.x', ['com.y']),
      plugin('p5', 'com.y', ['com.x']),
      plugin('p6', 'com.z', ['com.z']),
    ],
    workspaces: [ws('w1', 'One', ['com.a', 'com.c']), ws('w2', 'Two', ['com.x'])],
    profiles: [{ id: 'r1', name: 'R', roles: ['user'], workspaces: ['w2', 'w1'] }],
    keys: [
      { key: 'k1', value: 'v', secret: false },
      { key: 'k2', value: 's', secret: true },
    ],
  };
}

/** Replays steps in list order obeying `after`, and checks each step's dependencies ran before it. */
function topoCheck(steps: Step[]): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  let pending = [...steps];
  while (pending.length > 0) {
    const ready = pending.filter((s) => s.after.every((d) => done.has(d)));
    expect(ready.length, 'no step can run: cycle in the plan').to.be.greaterThan(0);
    for (const s of ready) {
      done.add(s.id);
      order.push(s.id);
    }
    pending = pending.filter((s) => !done.has(s.id));
  }
  return order;
}

describe('backup logic', () => {
  it('finds plugins on cycles of mappings, including self-mappings', () => {
    const unit = sampleUnit();
    const cyclic = findCyclicPlugins(providerIndices(unit.plugins));
    expect([...cyclic].sort()).to.deep.equal([3, 4, 5]);
    // a long chain does not overflow the stack
    const chain = Array.from({ length: 5000 }, (_, i) => plugin(`c${i}`, `com.n${i}`, i > 0 ? [`com.n${i - 1}`] : []));
    expect(findCyclicPlugins(providerIndices(chain)).size).to.equal(0);
  });

  it('orders steps so that every integrity rule holds and ids are stable', () => {
    const unit = sampleUnit();
    const steps = buildSteps(unit, unit);
    const order = topoCheck(steps);
    const pos = (id: string) => order.indexOf(id);
    // wipe: profiles before workspaces before the plugins they use; dependents before providers
    expect(pos('wipe-profile-0')).to.be.lessThan(pos('wipe-workspace-0'));
    expect(pos('wipe-workspace-0')).to.be.lessThan(pos('wipe-plugin-0'));
    expect(pos('wipe-plugin-2')).to.be.lessThan(pos('wipe-plugin-1'));
    expect(pos('wipe-plugin-1')).to.be.lessThan(pos('wipe-plugin-0'));
    expect(pos('unmap-plugin-3')).to.be.lessThan(pos('wipe-plugin-4'));
    expect(pos('unmap-plugin-5')).to.be.lessThan(pos('wipe-plugin-5'));
    // keys that the backup writes again are not deleted; the key store is written before plugins
    expect(steps.some((s) => s.kind === 'deleteKey')).to.equal(false);
    expect(pos('put-key-1')).to.be.lessThan(pos('create-plugin-0'));
    // in the backup's order; a plugin whose provider comes later (cycles too) created without mappings, then mapped
    expect(pos('create-plugin-0')).to.be.lessThan(pos('create-plugin-1'));
    expect(pos('create-plugin-1')).to.be.lessThan(pos('create-plugin-2'));
    expect(steps.find((s) => s.id === 'create-plugin-3')!.withMappings).to.equal(false);
    expect(steps.find((s) => s.id === 'create-plugin-2')!.withMappings).to.equal(true);
    expect(pos('create-plugin-4')).to.be.lessThan(pos('map-plugin-3'));
    expect(pos('create-workspace-0')).to.be.greaterThan(pos('create-plugin-2'));
    expect(pos('create-profile-0')).to.be.greaterThan(pos('create-workspace-1'));
    expect(buildSteps(unit, unit).map((s) => s.id)).to.deep.equal(steps.map((s) => s.id));
    // step ids carry no names or values
    for (const s of steps) expect(s.id).to.match(/^[a-z]+(-[a-z]+)*(-\d+)?$/);
  });

  it('creates each collection in the backup order, mapping a plugin after a provider that comes later', () => {
    const unit = sampleUnit();
    // the consumer before its provider: c, b, a (each maps to the next one)
    const source: UnitState = { ...unit, plugins: [unit.plugins[2]!, unit.plugins[1]!, unit.plugins[0]!] };
    const steps = buildSteps(unit, source);
    const step = (id: string) => steps.find((s) => s.id === id)!;
    for (const kind of ['plugin', 'workspace', 'profile'] as const) {
      const count = { plugin: 3, workspace: 2, profile: 1 }[kind];
      for (let i = 1; i < count; i++) expect(step(`create-${kind}-${i}`).after).to.include(`create-${kind}-${i - 1}`);
    }
    expect([0, 1, 2].map((i) => step(`create-plugin-${i}`).withMappings)).to.deep.equal([false, false, true]);
    expect(step('map-plugin-0').after).to.include.members(['create-plugin-0', 'create-plugin-1']);
    expect(step('map-plugin-1').after).to.include.members(['create-plugin-1', 'create-plugin-2']);
    expect(steps.some((s) => s.id === 'map-plugin-2')).to.equal(false);
    // keys are not chained: the key store's order is not part of the state
    expect(step('put-key-1').after).to.deep.equal(['gate-wiped']);
    topoCheck(steps);
  });

  it('deletes keys the backup does not have, after the entities', () => {
    const unit = sampleUnit();
    const source = { ...unit, keys: [unit.keys[0]!] };
    const steps = buildSteps(unit, source);
    const del = steps.filter((s) => s.kind === 'deleteKey');
    expect(del.map((s) => s.index)).to.deep.equal([1]);
    expect(del[0]!.after).to.deep.equal(['gate-entities-wiped']);
  });

  it('reports dangling references and duplicates with their paths', () => {
    const unit = sampleUnit();
    unit.plugins[1]!.requirementMappings.portals = { p: 'com.missing' };
    unit.workspaces[0]!.applications[0]!.plugin = 'com.gone';
    unit.profiles[0]!.workspaces.push('w9');
    const paths = findDanglingReferences(unit).map((i) => i.path);
    expect(paths).to.deep.equal([
      ['unit', 'plugins', 1, 'requirementMappings', 'portals', 'p'],
      ['unit', 'workspaces', 0, 'applications', 0, 'plugin'],
      ['unit', 'profiles', 0, 'workspaces', 2],
    ]);
    const dup = sampleUnit();
    dup.keys.push({ key: 'k1', value: 'other', secret: false });
    dup.plugins.push(plugin('p9', 'com.a'));
    expect(findDuplicates(dup).map((i) => i.path)).to.deep.equal([
      ['unit', 'plugins', 6, 'bundle'],
      ['unit', 'keys', 2, 'key'],
    ]);
    expect(findDanglingReferences(sampleUnit())).to.deep.equal([]);
  });

  it('compares units ignoring server ids, references by natural key', async () => {
    const a = sampleUnit();
    const b = structuredClone(a);
    // new ids everywhere, references remapped: still the same unit
    b.workspaces.forEach((w, i) => {
      w.id = `new-w${i}`;
      w.applications.forEach((app, j) => (app.id = `new-a${i}${j}`));
    });
    b.plugins.forEach((p, i) => (p.id = `new-p${i}`));
    b.profiles = [{ id: 'new-r', name: 'R', roles: ['user'], workspaces: ['new-w1', 'new-w0'] }];
    expect(await findDifferences(b, a)).to.deep.equal([]);
    // profile order of workspaces matters
    b.profiles[0]!.workspaces.reverse();
    expect(await findDifferences(b, a)).to.deep.equal(['Profile "R" differs from the backup in field "workspaces (order)".']);
    b.keys.pop();
    b.keys.push({ key: 'extra', value: 'x', secret: false });
    expect(await findDifferences(b, a)).to.include.members(['Key "k2" is missing.', 'Key "extra" is not in the backup.']);
    const sections = await diffSections(b, a);
    expect(sections.keys.identical.map((i) => i.label)).to.deep.equal(['k1']);
    expect(sections.keys.delete.map((i) => i.label)).to.deep.equal(['extra']);
    expect(sections.keys.create.map((i) => i.label)).to.deep.equal(['k2']);
    expect(sections.plugins.identical.length).to.equal(6);
  });

  it('tells apart links to two workspaces that share a name and owner, and only for those', async () => {
    const expected = sampleUnit();
    // Two "Two (admin)" workspaces with different applications; the profile links to the second one.
    expected.workspaces.push({ ...ws('w3', 'Two', ['com.a']) });
    expected.profiles = [{ id: 'r1', name: 'R', roles: ['user'], workspaces: ['w3'] }];
    const actual = structuredClone(expected);
    actual.profiles[0]!.workspaces = ['w2'];
    expect(await findDifferences(actual, expected), 'linked to the wrong one').to.deep.equal([
      'Profile "R" differs from the backup in field "workspaces".',
    ]);
    expect((await diffSections(actual, expected)).profiles.identical).to.deep.equal([]);
    // New ids, same links: equal.
    const renumbered = structuredClone(expected);
    renumbered.workspaces.forEach((w) => (w.id = `new-${w.id}`));
    renumbered.profiles[0]!.workspaces = ['new-w3'];
    expect(await findDifferences(renumbered, expected)).to.deep.equal([]);
    // The ambiguity on one side is enough: the other side's single "Two (admin)" is the one linked, so equal.
    const single = structuredClone(expected);
    single.workspaces = single.workspaces.filter((w) => w.id !== 'w2');
    expect(await findDifferences(single, expected)).to.deep.equal(['Workspace "Two (admin)" is missing.']);
    // Two identical workspaces are interchangeable: a link to either is the same.
    const twins = sampleUnit();
    twins.workspaces.push(ws('w3', 'Two', ['com.x']));
    twins.profiles = [{ id: 'r1', name: 'R', roles: ['user'], workspaces: ['w3'] }];
    const otherTwin = structuredClone(twins);
    otherTwin.profiles[0]!.workspaces = ['w2'];
    expect(await findDifferences(otherTwin, twins)).to.deep.equal([]);
    // A unique workspace whose content changed is reported once, not again through every profile linked to it.
    const a = sampleUnit();
    const b = structuredClone(a);
    b.workspaces[1]!.layout = 'other';
    expect(await findDifferences(b, a)).to.deep.equal(['Workspace "Two (admin)" differs from the backup in field "layout".']);
  });

  it('names files after the unit and the local time', () => {
    const date = new Date(2026, 10, 28, 9, 5);
    expect(backupFilename('Südnachrichten & Co', date)).to.equal('sudnachrichten-co-2026-11-28-0905.dashboard-backup');
    expect(backupFilename('<script>', date, 'before-import')).to.equal('script-before-import-2026-11-28-0905.dashboard-backup');
    expect(slugify('日本語')).to.equal('unit');
  });
});
