// Selective restore: only what was chosen (and the dependencies the plan lists) changes; every other entity is read
// back byte for byte as it was (same id, same fields, same relative order), and the run verifies against the
// target (the unit with the chosen entities restored).
import { expect } from '@open-wc/testing';
import { findUnfinishedImport, planSelectiveRestore, runSelectiveRestore } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, rejectionOf, withToken } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, normalizeState, uniqueDatabase } from './helpers.js';
import { expectUntouched, plugin, selectiveWorld, workspace } from './selective-helpers.js';

const opts = () => ({ iterations: TEST_ITERATIONS, reload: false as const, stepRetries: 0, database: uniqueDatabase() });

describe('selective restore (engine)', () => {
  it('brings back one deleted workspace at the end of the list; nothing else changes', async () => {
    const { world, backup } = await selectiveWorld();
    const client = world.client();
    const front = (await client.listWorkspaces(UNIT)).find((w) => w.name === 'Front page')!;
    await client.deleteWorkspace(UNIT, front.id);
    // Good work done since the backup: kept.
    await client.createWorkspace(UNIT, workspace('Later', 'com.example.provider'));
    await client.putKey(UNIT, { key: 'api.url', value: 'https://new.example', secret: false });
    const before = await world.state();
    const plan = await planSelectiveRestore(client, backup, { workspaces: [{ name: 'Front page', owner: 'admin' }] });
    expect(plan.chosen.map((c) => [c.label, c.state])).to.deep.equal([['Front page (admin)', 'missing']]);
    expect(plan.dependencies).to.deep.equal([]);
    expect(plan.sections.workspaces.create.map((i) => i.label)).to.deep.equal(['Front page (admin)']);
    expect(plan.sections.workspaces.delete).to.deep.equal([]);
    expect(plan.sections.keys.create).to.deep.equal([]);
    await world.clearLog();
    const result = await runSelectiveRestore(client, backup, { workspaces: [{ name: 'Front page', owner: 'admin' }] }, PASSWORD, { ...opts(), expectedPlan: plan });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    expect(result.mode).to.equal('selective');
    expect(result.restored.workspaces).to.deep.equal(['Front page (admin)']);
    expect((await world.mutations()).map((m) => `${m.method} ${m.path}`)).to.deep.equal([`POST /units/${UNIT}/workspaces`]);
    const after = await world.state();
    expectUntouched(before, after, []);
    expect(after.workspaces.at(-1)!.name).to.equal('Front page');
    expect(after.workspaces.at(-1)!.applications[0]!.config).to.deep.equal({ title: 'Front page app' });
    await world.drop();
  });

  it('replaces a changed workspace; the profiles listing it are recreated, linked to it, and listed first', async () => {
    const { world, backup } = await selectiveWorld();
    const client = world.client();
    // "Desk" is listed by Editors and Admins: a colleague deleted them to change it, then recreated them.
    const ws = await client.listWorkspaces(UNIT);
    const profiles = await client.listProfiles(UNIT);
    const desk = ws.find((w) => w.name === 'Desk')!;
    for (const p of profiles.filter((p) => p.workspaces.includes(desk.id))) await client.deleteProfile(UNIT, p.id);
    await client.deleteWorkspace(UNIT, desk.id);
    const broken = await client.createWorkspace(UNIT, workspace('Desk', 'com.example.consumer', 'broken'));
    const wire = ws.find((w) => w.name === 'Wire')!;
    await client.createProfile(UNIT, { name: 'Editors', roles: ['user'], workspaces: [wire.id, broken.id] });
    const before = await world.state();
    const plan = await planSelectiveRestore(client, backup, { workspaces: [{ name: 'Desk', owner: 'admin' }] });
    expect(plan.chosen.map((c) => c.state)).to.deep.equal(['changed']);
    expect(plan.dependencies.map((d) => [d.section, d.label, d.action])).to.deep.equal([['profiles', 'Editors', 'recreate']]);
    const result = await runSelectiveRestore(client, backup, { workspaces: [{ name: 'Desk', owner: 'admin' }] }, PASSWORD, { ...opts(), expectedPlan: plan });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    const after = await world.state();
    expectUntouched(before, after, ['workspaces:Desk', 'profiles:Editors']);
    const newDesk = after.workspaces.find((w) => w.name === 'Desk')!;
    expect(newDesk.id).to.not.equal(broken.id);
    expect(newDesk.applications[0]!.config).to.deep.equal({ title: 'Desk app' });
    expect(after.profiles.find((p) => p.name === 'Editors')!.workspaces).to.deep.equal([wire.id, newDesk.id]);
    expect(after.profiles.some((p) => p.name === 'Admins')).to.equal(false, 'a profile not chosen is not brought back');
    await world.drop();
  });

  it('restores a renamed workspace under its old name and keeps the renamed one (only here)', async () => {
    const { world, backup } = await selectiveWorld();
    const client = world.client();
    const front = (await client.listWorkspaces(UNIT)).find((w) => w.name === 'Front page')!;
    await client.deleteWorkspace(UNIT, front.id);
    await client.createWorkspace(UNIT, { ...workspace('Front page', 'com.example.provider'), name: 'Front page (old)' });
    const before = await world.state();
    const plan = await planSelectiveRestore(client, backup, { workspaces: [{ name: 'Front page', owner: 'admin' }] });
    expect(plan.chosen.map((c) => c.state)).to.deep.equal(['missing']);
    const result = await runSelectiveRestore(client, backup, { workspaces: [{ name: 'Front page', owner: 'admin' }] }, PASSWORD, opts());
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    const after = await world.state();
    expectUntouched(before, after, []);
    expect(after.workspaces.map((w) => w.name).slice(-2)).to.deep.equal(['Front page (old)', 'Front page']);
    await world.drop();
  });

  it('pulls in the missing provider of a plugin’s mappings (listed), or refuses without sending anything', async () => {
    const { world, backup } = await selectiveWorld();
    const client = world.client();
    const plugins = await client.listPlugins(UNIT);
    await client.deletePlugin(UNIT, plugins.find((p) => p.bundle === 'com.example.mapped')!.id);
    await client.deletePlugin(UNIT, plugins.find((p) => p.bundle === 'com.example.extra-provider')!.id);
    await client.createPlugin(UNIT, plugin('com.example.newer'));
    const before = await world.state();
    await world.clearLog();
    const refused = await rejectionOf(
      runSelectiveRestore(client, backup, { plugins: ['com.example.mapped'] }, PASSWORD, { ...opts(), dependencies: 'refuse' }),
    );
    expect(refused.code).to.equal('DANGLING_REFERENCE');
    expect(refused.message).to.contain('choose them too');
    expect(await world.mutations()).to.deep.equal([]);
    const plan = await planSelectiveRestore(client, backup, { plugins: ['com.example.mapped'] });
    expect(plan.dependencies.map((d) => [d.label, d.action])).to.deep.equal([['com.example.extra-provider', 'create']]);
    expect(plan.dependencies[0]!.reason).to.contain('com.example.mapped');
    const result = await runSelectiveRestore(client, backup, { plugins: ['com.example.mapped'] }, PASSWORD, { ...opts(), expectedPlan: plan });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    const after = await world.state();
    expectUntouched(before, after, []);
    expect(after.plugins.map((p) => p.bundle).slice(-3)).to.deep.equal(['com.example.newer', 'com.example.extra-provider', 'com.example.mapped']);
    expect(after.plugins.at(-1)!.requirementMappings.actions).to.deep.equal({ fetch: 'com.example.extra-provider' });
    await world.drop();
  });

  it('restores a profile whose workspaces are partly missing: the missing one is created, the other linked by its live id', async () => {
    const { world, backup } = await selectiveWorld();
    const client = world.client();
    const night = (await client.listProfiles(UNIT)).find((p) => p.name === 'Night')!;
    await client.deleteProfile(UNIT, night.id);
    const nightDesk = (await client.listWorkspaces(UNIT)).find((w) => w.name === 'Night desk')!;
    await client.deleteWorkspace(UNIT, nightDesk.id);
    const before = await world.state();
    const plan = await planSelectiveRestore(client, backup, { profiles: ['Night'] });
    expect(plan.dependencies.map((d) => [d.section, d.label, d.action])).to.deep.equal([['workspaces', 'Night desk (admin)', 'create']]);
    const result = await runSelectiveRestore(client, backup, { profiles: ['Night'] }, PASSWORD, { ...opts(), expectedPlan: plan });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    const after = await world.state();
    expectUntouched(before, after, []);
    const wire = before.workspaces.find((w) => w.name === 'Wire')!;
    const created = after.workspaces.find((w) => w.name === 'Night desk')!;
    expect(after.profiles.at(-1)).to.include({ name: 'Night' });
    expect(after.profiles.at(-1)!.workspaces).to.deep.equal([wire.id, created.id]);
    await world.drop();
  });

  it('keys only: changed and deleted keys come back, a key added since stays, nothing else is sent', async () => {
    const { world, backup } = await selectiveWorld();
    const client = world.client();
    await client.putKey(UNIT, { key: 'api.url', value: 'https://wrong.example', secret: false });
    await client.deleteKey(UNIT, 'smtp.password');
    await client.putKey(UNIT, { key: 'added.since', value: 'keep me', secret: false });
    const before = await world.state();
    await world.clearLog();
    const result = await runSelectiveRestore(client, backup, { sections: ['keys'] }, PASSWORD, opts());
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    expect(result.restored.keys.sort()).to.deep.equal(['api.url', 'smtp.password']);
    expect((await world.mutations()).map((m) => m.method).sort()).to.deep.equal(['PUT', 'PUT']);
    const after = await world.state();
    expectUntouched(before, after, ['keys:api.url']);
    const keys = Object.fromEntries(after.keys.map((k) => [k.key, k.value]));
    expect(keys['api.url']).to.equal('https://wire.example');
    expect(keys['added.since']).to.equal('keep me');
    const keysOf = (x: unknown) => (x as { keys: unknown }).keys;
    expect(keysOf(normalizeState(after))).to.deep.equal(
      keysOf(normalizeState({ ...backup.payload.unit, keys: [...backup.payload.unit.keys, { key: 'added.since', value: 'keep me', secret: false }] })),
    );
    expect(await findUnfinishedImport({ database: opts().database })).to.equal(undefined);
    await world.drop();
  });

  it('replaces a changed plugin; the plugin mapping to it is recreated (listed), with its mappings', async () => {
    const { world, backup } = await selectiveWorld();
    const client = world.client();
    const plugins = await client.listPlugins(UNIT);
    await client.deletePlugin(UNIT, plugins.find((p) => p.bundle === 'com.example.mapped')!.id);
    await client.deletePlugin(UNIT, plugins.find((p) => p.bundle === 'com.example.extra-provider')!.id);
    await client.createPlugin(UNIT, { ...plugin('com.example.extra-provider'), configuration: { level: 99 } });
    await client.createPlugin(UNIT, plugin('com.example.mapped', 'com.example.extra-provider'));
    const before = await world.state();
    const plan = await planSelectiveRestore(client, backup, { plugins: ['com.example.extra-provider'] });
    expect(plan.chosen.map((c) => c.state)).to.deep.equal(['changed']);
    expect(plan.dependencies.map((d) => [d.section, d.label, d.action])).to.deep.equal([['plugins', 'com.example.mapped', 'recreate']]);
    const result = await runSelectiveRestore(client, backup, { plugins: ['com.example.extra-provider'] }, PASSWORD, { ...opts(), expectedPlan: plan });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    const after = await world.state();
    expectUntouched(before, after, ['plugins:com.example.extra-provider', 'plugins:com.example.mapped']);
    expect(after.plugins.find((p) => p.bundle === 'com.example.extra-provider')!.configuration).to.deep.equal({ level: 1 });
    expect(after.plugins.find((p) => p.bundle === 'com.example.mapped')!.requirementMappings.actions).to.deep.equal({ fetch: 'com.example.extra-provider' });
    await world.drop();
  });

  it('matches twin workspaces (one name and owner) by position: the unchanged twin stays, the changed one is replaced', async () => {
    const { world } = await selectiveWorld();
    const client = world.client();
    await client.createWorkspace(UNIT, workspace('Twin', 'com.example.provider', 'first'));
    await client.createWorkspace(UNIT, workspace('Twin', 'com.example.provider', 'second'));
    const { exportUnit, openBackup } = await import('../../src/backup/index.js');
    const backup = await openBackup((await exportUnit(client, PASSWORD, { iterations: TEST_ITERATIONS })).blob, PASSWORD);
    const second = (await client.listWorkspaces(UNIT)).filter((w) => w.name === 'Twin')[1]!;
    await client.deleteWorkspace(UNIT, second.id);
    await client.createWorkspace(UNIT, workspace('Twin', 'com.example.provider', 'broken'));
    const before = await world.state();
    const plan = await planSelectiveRestore(client, backup, { workspaces: [{ name: 'Twin', owner: 'admin' }] });
    expect(plan.chosen.map((c) => c.state)).to.deep.equal(['same', 'changed']);
    const result = await runSelectiveRestore(client, backup, { workspaces: [{ name: 'Twin', owner: 'admin' }] }, PASSWORD, { ...opts(), expectedPlan: plan });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    const after = await world.state();
    const brokenId = before.workspaces.at(-1)!.id;
    expectUntouched({ ...before, workspaces: before.workspaces.filter((w) => w.id !== brokenId) }, after, []);
    expect(after.workspaces.filter((w) => w.name === 'Twin').map((w) => w.applications[0]!.config)).to.deep.equal([{ title: 'first' }, { title: 'second' }]);
    await world.drop();
  });

  it('refuses an unknown name, an empty choice, a non-admin and a changed unit before anything is sent', async () => {
    const { world, backup } = await selectiveWorld();
    await world.clearLog();
    const unknown = await rejectionOf(runSelectiveRestore(world.client(), backup, { profiles: ['Nobody'] }, PASSWORD, opts()));
    expect(unknown.code).to.equal('INVALID_OPTIONS');
    expect(unknown.message).to.contain('Nobody');
    const empty = await rejectionOf(runSelectiveRestore(world.client(), backup, {}, PASSWORD, opts()));
    expect(empty.code).to.equal('INVALID_OPTIONS');
    const editor = await rejectionOf(runSelectiveRestore(world.client(withToken('editor-token')), backup, { sections: ['keys'] }, PASSWORD, opts()));
    expect(editor.code).to.equal('NOT_ADMIN');
    // The unit changed after the preview: refused with the new preview to review, nothing sent.
    const client = world.client();
    const front = (await client.listWorkspaces(UNIT)).find((w) => w.name === 'Front page')!;
    await client.deleteWorkspace(UNIT, front.id);
    const plan = await planSelectiveRestore(client, backup, { workspaces: [{ name: 'Front page', owner: 'admin' }], keys: ['api.url'] });
    await client.putKey(UNIT, { key: 'api.url', value: 'https://changed.example', secret: false });
    await world.clearLog();
    const changed = await rejectionOf(
      runSelectiveRestore(client, backup, { workspaces: [{ name: 'Front page', owner: 'admin' }], keys: ['api.url'] }, PASSWORD, { ...opts(), expectedPlan: plan }),
    );
    expect(changed.code).to.equal('PLAN_CHANGED');
    expect(await world.mutations()).to.deep.equal([]);
    await world.drop();
  });
});
