// planImport against the reference Dashboard: per section what the import deletes, creates and finds identical,
// the other-unit and other-origin flags — computed with reads only.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, planImport, type ImportPlan } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { OTHER_UNIT, UNIT, createWorld } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit } from './helpers.js';

/** A section of a plan as sorted labels, and the ids of what it deletes. */
function labels(plan: ImportPlan) {
  const sorted = (items: { label: string }[]) => items.map((i) => i.label).sort();
  return Object.fromEntries(
    Object.entries(plan.sections).map(([name, s]) => [name, { delete: sorted(s.delete), create: sorted(s.create), identical: sorted(s.identical) }]),
  );
}

describe('plan', () => {
  it('lists per section what is deleted, created and identical, with the ids of what goes; sends only reads', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    await buildTinyUnit(client);
    const backup = await openBackup((await exportUnit(client, PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
    // Change the unit in every section.
    const before = await world.state();
    const admins = before.profiles.find((p) => p.name === 'Admins')!;
    const { id: _id, ...provider } = before.plugins.find((p) => p.bundle === 'com.example.provider')!;
    await client.deleteProfile(UNIT, admins.id);
    const added = await client.createPlugin(UNIT, { ...provider, bundle: 'org.added.plugin' });
    const ws = await client.createWorkspace(UNIT, {
      name: 'Added',
      owner: 'admin',
      shared: false,
      layout: 'columns-2',
      icon: { text: 'A', color: '#000' },
      applications: [{ plugin: 'org.added.plugin', column: 0, position: 0, config: {} }],
    });
    const night = await client.createProfile(UNIT, { name: 'Night', roles: ['user'], workspaces: [ws.id] });
    await client.putKey(UNIT, { key: 'api.url', value: 'https://changed.example', secret: false });
    await client.putKey(UNIT, { key: 'extra', value: 'x', secret: false });
    await world.clearLog();

    const plan = await planImport(client, backup);
    expect(await world.mutations(), 'a plan sends no write').to.deep.equal([]);
    expect(labels(plan)).to.deep.equal({
      plugins: { delete: ['org.added.plugin'], create: [], identical: ['com.example.consumer', 'com.example.provider'] },
      workspaces: { delete: ['Added (admin)'], create: [], identical: ['Desk (admin)', 'Wire (admin)'] },
      profiles: { delete: ['Night'], create: ['Admins'], identical: ['Editors'] },
      keys: { delete: ['api.url', 'extra'], create: ['api.url'], identical: ['api.token', 'smtp.password'] },
    });
    expect(plan.sections.plugins.delete.map((i) => i.id)).to.deep.equal([added.id]);
    expect(plan.sections.workspaces.delete.map((i) => i.id)).to.deep.equal([ws.id]);
    expect(plan.sections.profiles.delete.map((i) => i.id)).to.deep.equal([night.id]);
    expect(plan.current).to.deep.equal({ plugins: 3, workspaces: 3, profiles: 2, keys: 4 });
    expect(plan).to.deep.include({ sameUnit: true, sameOrigin: true, dangling: [] });
    expect(plan.target).to.deep.equal({ id: UNIT, name: 'South News' });

    // Made on another origin, or planned into another unit: flagged.
    expect((await planImport(client, backup, { origin: 'https://elsewhere.example' })).sameOrigin).to.equal(false);
    const other = await planImport(client, backup, { unit: OTHER_UNIT });
    expect(other).to.deep.include({ sameUnit: false, sameOrigin: true });
    expect(other.target.id).to.equal(OTHER_UNIT);
    expect(labels(other).plugins!.create.length).to.equal(2);
    expect(await world.mutations()).to.deep.equal([]);
    await world.drop();
  });
});
