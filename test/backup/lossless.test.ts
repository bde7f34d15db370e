// Nothing the Dashboard returns is dropped: fields no schema knows, free-form JSON with `__proto__`,
// `constructor`, "" and unicode keys, and data as deep as the contract allows all go into the backup as read and
// come back exactly; the reference server keeps what it is given and refuses one level deeper with a 400. Units
// here hold one entity per collection, so a round trip does not depend on the order creates run in.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, runImport } from '../../src/backup/index.js';
import { MAX_JSON_DEPTH, canonicalJson, jsonDepth } from '../../src/json.js';
import type { PluginInput, WorkspaceInput } from '../../src/schemas.js';
import { describe, it } from '../mocha.js';
import { UNIT, createWorld, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, uniqueDatabase } from './helpers.js';
import { nested } from './nested.js';

const opts = { iterations: TEST_ITERATIONS, confirmOtherUnit: true } as const;

/** Free-form JSON with the keys a naive object build loses or turns into a prototype change. */
const TRICKY = `{ "__proto__": { "polluted": "yes" }, "constructor": { "prototype": 1 }, "": "empty",
  "ключ 🔑": [null, 1.5, { "__proto__": [] }], "toString": "x" }`;

function plugin(configuration: unknown): PluginInput {
  return JSON.parse(`{
    "bundle": "com.example.lossless", "name": "L", "version": "1", "author": "", "manifestUrl": "https://l",
    "enabled": true, "configuration": ${JSON.stringify(configuration)}, "permissions": [{ "id": "p", "label": "P", "description": "", "scope": "all" }],
    "permissionMappings": {}, "requirementMappings": { "actions": {}, "portals": {}, "widgets": { "w": 1 } },
    "vendor": { "tags": ["a", null], "nested": { "x": [] } }, "__proto__": { "also": "a field" }, "nothing": null }`) as PluginInput;
}

/** The tricky JSON as an own-property value (JSON.parse keeps `__proto__` a field). */
const tricky = () => JSON.parse(TRICKY) as Record<string, unknown>;

async function fillUnit(world: World, configuration: unknown): Promise<void> {
  const client = world.client();
  await client.createPlugin(UNIT, plugin(configuration));
  const workspace = JSON.parse(`{ "name": "W", "owner": "admin", "shared": false, "layout": "l",
    "icon": { "text": "W", "color": "#000", "glyph": "★" }, "theme": { "dark": true },
    "applications": [{ "plugin": "com.example.lossless", "column": 0, "position": 0, "config": ${TRICKY}, "pinned": [1] }] }`) as WorkspaceInput;
  const ws = await client.createWorkspace(UNIT, workspace);
  await client.createProfile(UNIT, JSON.parse(`{ "name": "P", "roles": ["user"], "workspaces": ["${ws.id}"], "color": "red" }`));
  await client.putKey(UNIT, JSON.parse('{ "key": "k", "value": "v", "secret": true, "expires": null, "labels": ["x"] }'));
}

/** A unit state without server ids, as canonical JSON: what a round trip must keep. */
async function content(world: World): Promise<string> {
  const state = await world.state();
  const strip = (e: Record<string, unknown>) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'id'));
  return canonicalJson({
    plugins: state.plugins.map(strip),
    workspaces: state.workspaces.map((w) => ({ ...strip(w), applications: w.applications.map(strip) })),
    profiles: state.profiles.map((p) => ({ ...strip(p), workspaces: p.workspaces.length })),
    keys: state.keys,
  });
}

describe('nothing the Dashboard returns is dropped', () => {
  it('keeps unknown fields and tricky keys through the server, the backup and a restore, polluting nothing', async () => {
    const source = await createWorld('empty');
    await fillUnit(source, tricky());
    const stored = await source.state();
    expect(Object.hasOwn(stored.plugins[0]!, '__proto__'), 'the server kept a "__proto__" field').to.equal(true);
    expect((stored.plugins[0] as Record<string, unknown>).vendor).to.deep.equal({ tags: ['a', null], nested: { x: [] } });

    const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
    const p = backup.payload.unit.plugins[0]! as Record<string, unknown>;
    expect(canonicalJson(p.configuration)).to.equal(canonicalJson(tricky()));
    expect(Object.getOwnPropertyNames(p.configuration)).to.include('__proto__');
    expect(Object.getPrototypeOf(p.configuration)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(p.nothing).to.equal(null);
    expect((backup.payload.unit.keys[0] as Record<string, unknown>).labels).to.deep.equal(['x']);

    const target = await createWorld('empty');
    const result = await runImport(target.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false });
    expect(result.differences).to.deep.equal([]);
    expect(result.verified).to.equal(true);
    expect(await content(target)).to.equal(await content(source));
    await Promise.all([source.drop(), target.drop()]);
  });

  it(`exports, verifies and restores a configuration at the contract's depth limit (${MAX_JSON_DEPTH})`, async () => {
    const source = await createWorld('empty');
    // The plugin body is level 1: its configuration may nest MAX_JSON_DEPTH - 1 levels.
    await fillUnit(source, nested(MAX_JSON_DEPTH - 1));
    const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
    expect(jsonDepth(backup.payload.unit.plugins[0]!.configuration)).to.equal(MAX_JSON_DEPTH - 1);
    const target = await createWorld('empty');
    const result = await runImport(target.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false });
    expect(result.verified).to.equal(true);
    expect(await content(target)).to.equal(await content(source));
    await Promise.all([source.drop(), target.drop()]);
  });

  it('the reference server refuses a body one level deeper than the limit with a 400, not a 500', async () => {
    const world = await createWorld('empty');
    const error = await rejectionOf(world.client().createPlugin(UNIT, plugin(nested(MAX_JSON_DEPTH))));
    expect(error.code).to.equal('INVALID');
    expect(error.status).to.equal(400);
    expect(await world.state()).to.deep.include({ plugins: [] });
    await world.drop();
  });
});

describe('server-owned fields', () => {
  it('the reference server assigns its own, whatever a body says', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const body = JSON.parse(JSON.stringify(plugin({ a: 1 }))) as Record<string, unknown>;
    Object.assign(body, { id: 'mine', createdAt: 'then', updatedAt: 'now', kept: 1 });
    const created = (await client.createPlugin(UNIT, body as PluginInput)) as Record<string, unknown>;
    expect(created.id).to.not.equal('mine');
    expect([created.createdAt, created.updatedAt, created.kept]).to.deep.equal([undefined, undefined, 1]);
    const ws = JSON.parse(`{ "name": "W", "owner": "admin", "shared": false, "layout": "l", "icon": { "text": "W", "color": "#000" },
      "id": "mine", "applications": [{ "id": "mine-too", "plugin": "com.example.lossless", "column": 0, "position": 0, "config": {} }] }`);
    const workspace = await client.createWorkspace(UNIT, ws as WorkspaceInput);
    expect([workspace.id, workspace.applications[0]!.id]).to.not.include.members(['mine', 'mine-too']);
    await world.drop();
  });
});
