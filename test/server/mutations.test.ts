import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { Plugin, Workspace } from '../../src/schemas.js';
import { afterEach, beforeEach, describe, it, call, createWorld, dropWorld, EDITOR, pluginBody, profileBody, readState, workspaceBody, type TestWorld } from './helpers.js';

const U = '/units/south-news';

describe('reference server: changes, integrity and roles', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createWorld('empty');
  });
  afterEach(async () => {
    await dropWorld(world);
  });

  it('creates plugins, workspaces and profiles with new server-assigned ids (201)', async () => {
    const plugin = await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.alpha') });
    expect(plugin.status).to.equal(201);
    expect(z.strictObject(Plugin.shape).safeParse(plugin.body).success).to.equal(true);
    expect(plugin.body.id).to.match(/^pl_/);
    const workspace = await call(world, 'POST', `${U}/workspaces`, { body: workspaceBody('Desk', ['com.test.alpha', 'com.test.alpha']) });
    expect(workspace.status).to.equal(201);
    expect(z.strictObject(Workspace.shape).safeParse(workspace.body).success).to.equal(true);
    expect(workspace.body.id).to.match(/^ws_/);
    const appIds = workspace.body.applications.map((a: { id: string }) => a.id);
    expect(appIds.every((id: string) => id.startsWith('app_'))).to.equal(true);
    expect(new Set(appIds).size).to.equal(2);
    const profile = await call(world, 'POST', `${U}/profiles`, { body: profileBody('Desk people', [workspace.body.id]) });
    expect(profile.status).to.equal(201);
    expect(profile.body).to.deep.equal({ id: profile.body.id, ...profileBody('Desk people', [workspace.body.id]) });
    expect(profile.body.id).to.match(/^pr_/);
    const state = await readState(world);
    expect(state.plugins).to.deep.equal([plugin.body]);
    expect(state.workspaces).to.deep.equal([workspace.body]);
    expect(state.profiles).to.deep.equal([profile.body]);
  });

  it('never reuses an id, not even after delete or reset', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const r = await call(world, 'POST', `${U}/profiles`, { body: profileBody(`P${i}`) });
      expect(seen.has(r.body.id)).to.equal(false);
      seen.add(r.body.id);
      expect((await call(world, 'DELETE', `${U}/profiles/${r.body.id}`)).status).to.equal(204);
      await call(world, 'POST', '/__dev/reset', { token: null, body: { seed: 'empty' } });
    }
  });

  it('answers 400 with zod issues for malformed bodies, and stores nothing', async () => {
    const bad = await call(world, 'POST', `${U}/plugins`, { body: { ...pluginBody('com.test.alpha'), bundle: 'not a bundle', enabled: 'yes' } });
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.equal('INVALID');
    const paths = bad.body.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).to.include.members(['bundle', 'enabled']);
    expect((await call(world, 'POST', `${U}/workspaces`, { body: { name: '' } })).status).to.equal(400);
    expect((await call(world, 'POST', `${U}/profiles`, { body: { name: 'x', roles: ['boss'], workspaces: [] } })).status).to.equal(400);
    expect((await call(world, 'PUT', `${U}/keys/a`, { body: { value: 1, secret: false } })).status).to.equal(400);
    expect((await call(world, 'POST', `${U}/profiles`, { raw: '{"name":', headers: { 'content-type': 'application/json' } })).status).to.equal(400);
    expect((await readState(world)).keys).to.deep.equal([]);
  });

  it('answers 409 for a second plugin with the same bundle', async () => {
    await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.alpha') });
    const dup = await call(world, 'POST', `${U}/plugins`, { body: { ...pluginBody('com.test.alpha'), name: 'Other' } });
    expect(dup.status).to.equal(409);
    expect(dup.body.error).to.equal('CONFLICT');
    // the same bundle in the other unit is fine
    expect((await call(world, 'POST', '/units/north-news/plugins', { body: pluginBody('com.test.alpha') })).status).to.equal(201);
  });

  it('answers 422 for references to things that are not there', async () => {
    const mapping = await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.alpha', { actions: { open: 'com.test.missing' } }) });
    expect(mapping.status).to.equal(422);
    expect(mapping.body.error).to.equal('INVALID_REFERENCE');
    expect((await call(world, 'POST', `${U}/workspaces`, { body: workspaceBody('W', ['com.test.missing']) })).status).to.equal(422);
    expect((await call(world, 'POST', `${U}/profiles`, { body: profileBody('P', ['ws_missing']) })).status).to.equal(422);
    const portal = await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.beta', { portals: { side: 'com.test.missing' } }) });
    expect([portal.status, portal.body.error]).to.deep.equal([422, 'INVALID_REFERENCE']);
    const state = await readState(world);
    expect([state.plugins.length, state.workspaces.length, state.profiles.length]).to.deep.equal([0, 0, 0]);
  });

  it('builds a mapping cycle with PUT mappings (200), and refuses uninstalled providers (422)', async () => {
    const a = (await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.a', { actions: { self: 'com.test.a' } }) })).body;
    const b = (await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.b', { portals: { side: 'com.test.a' } }) })).body;
    const put = await call(world, 'PUT', `${U}/plugins/${a.id}/mappings`, { body: { actions: { open: 'com.test.b' }, portals: {} } });
    expect(put.status).to.equal(200);
    expect(put.body.requirementMappings).to.deep.equal({ actions: { open: 'com.test.b' }, portals: {} });
    expect((await call(world, 'GET', `${U}/plugins/${a.id}`)).body).to.deep.equal(put.body);
    for (const mappings of [{ actions: { x: 'com.test.none' }, portals: {} }, { actions: {}, portals: { y: 'com.test.none' } }]) {
      const refused = await call(world, 'PUT', `${U}/plugins/${a.id}/mappings`, { body: mappings });
      expect([refused.status, refused.body.error]).to.deep.equal([422, 'INVALID_REFERENCE']);
    }
    // a refused PUT leaves the mappings as they were
    expect((await readState(world)).plugins.find((p) => p.id === a.id)?.requirementMappings).to.deep.equal(put.body.requirementMappings);
    expect((await call(world, 'PUT', `${U}/plugins/${a.id}/mappings`, { body: { actions: {} } })).status).to.equal(400);
    expect((await call(world, 'PUT', `${U}/plugins/pl_missing/mappings`, { body: { actions: {}, portals: {} } })).status).to.equal(404);
    // each is named by the other's mapping: neither can go
    expect((await call(world, 'DELETE', `${U}/plugins/${a.id}`)).status).to.equal(409);
    expect((await call(world, 'DELETE', `${U}/plugins/${b.id}`)).status).to.equal(409);
  });

  it('refuses to delete a plugin in use or a listed workspace (409), then deletes (204) and 404s when gone', async () => {
    const plugin = (await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.alpha') })).body;
    const ws = (await call(world, 'POST', `${U}/workspaces`, { body: workspaceBody('W', ['com.test.alpha']) })).body;
    const profile = (await call(world, 'POST', `${U}/profiles`, { body: profileBody('P', [ws.id]) })).body;
    expect((await call(world, 'DELETE', `${U}/plugins/${plugin.id}`)).status).to.equal(409);
    expect((await call(world, 'DELETE', `${U}/workspaces/${ws.id}`)).status).to.equal(409);
    expect((await call(world, 'DELETE', `${U}/profiles/${profile.id}`)).status).to.equal(204);
    expect((await call(world, 'DELETE', `${U}/workspaces/${ws.id}`)).status).to.equal(204);
    const del = await call(world, 'DELETE', `${U}/plugins/${plugin.id}`);
    expect(del.status).to.equal(204);
    expect(del.body).to.equal(undefined);
    for (const path of [`plugins/${plugin.id}`, `workspaces/${ws.id}`, `profiles/${profile.id}`]) {
      expect((await call(world, 'DELETE', `${U}/${path}`)).status).to.equal(404);
    }
  });

  it('upserts and deletes keys whose names need URL encoding', async () => {
    const name = 'paths/with slashes?&=#é';
    const put = await call(world, 'PUT', `${U}/keys/${encodeURIComponent(name)}`, { body: { value: 's3cr3t', secret: true } });
    expect(put.status).to.equal(200);
    expect(put.body).to.deep.equal({ key: name, value: 's3cr3t', secret: true });
    expect((await readState(world)).keys).to.deep.equal([put.body]);
    expect((await call(world, 'DELETE', `${U}/keys/${encodeURIComponent(name)}`)).status).to.equal(204);
    const gone = await call(world, 'DELETE', `${U}/keys/${encodeURIComponent(name)}`);
    expect(gone.status).to.equal(404);
    expect(gone.body.message).not.to.contain('slashes');
  });

  it('answers 403 to editor for every change, and changes nothing', async () => {
    await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.alpha') });
    const before = await readState(world);
    const attempts: [string, string, unknown][] = [
      ['POST', `${U}/plugins`, pluginBody('com.test.beta')],
      ['POST', `${U}/workspaces`, workspaceBody('W')],
      ['POST', `${U}/profiles`, profileBody('P')],
      ['PUT', `${U}/plugins/${before.plugins[0]!.id}/mappings`, { actions: {}, portals: {} }],
      ['DELETE', `${U}/plugins/${before.plugins[0]!.id}`, undefined],
      ['PUT', `${U}/keys/k`, { value: 'v', secret: false }],
      ['DELETE', `${U}/keys/k`, undefined],
      ['DELETE', `${U}/profiles/pr_x`, undefined],
      ['DELETE', `${U}/workspaces/ws_x`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const r = await call(world, method, path, { token: EDITOR, body });
      expect(r.status, `${method} ${path}`).to.equal(403);
      expect(r.body.error).to.equal('NOT_ADMIN');
    }
    expect(await readState(world)).to.deep.equal(before);
  });

  it('checks in order: 401, unknown unit 404, 403, 400, unknown entity 404, integrity', async () => {
    expect((await call(world, 'POST', '/units/nowhere/profiles', { token: null, body: {} })).status).to.equal(401);
    expect((await call(world, 'POST', '/units/nowhere/profiles', { token: EDITOR, body: {} })).status).to.equal(404);
    expect((await call(world, 'POST', `${U}/profiles`, { token: EDITOR, body: {} })).status).to.equal(403);
    expect((await call(world, 'PUT', `${U}/plugins/pl_missing/mappings`, { body: {} })).status).to.equal(400);
    expect((await call(world, 'PUT', `${U}/plugins/pl_missing/mappings`, { body: { actions: {}, portals: {} } })).status).to.equal(404);
    // the body is read before anything else: one that is not JSON is a 400 even without a session
    expect((await call(world, 'POST', '/units/nowhere/profiles', { token: null, raw: '{nope' })).status).to.equal(400);
  });

  it('answers 413 for bodies over 8 MiB', async () => {
    const r = await call(world, 'PUT', `${U}/keys/big`, { body: { value: 'x'.repeat(9 * 1024 * 1024), secret: false } });
    expect(r.status).to.equal(413);
    expect(r.body.error).to.equal('TOO_LARGE');
    expect((await readState(world)).keys).to.deep.equal([]);
  });

  it('answers 405 with Allow for methods a path does not have', async () => {
    const cases: [string, string, string][] = [
      ['PUT', `${U}/plugins`, 'GET, POST'],
      ['POST', `${U}/keys`, 'GET'],
      ['GET', `${U}/keys/a`, 'PUT, DELETE'],
      ['GET', `${U}/profiles/pr_x`, 'DELETE'],
      ['POST', `${U}/plugins/pl_x/mappings`, 'PUT'],
    ];
    for (const [method, path, allow] of cases) {
      const r = await call(world, method, path);
      expect(r.status, `${method} ${path}`).to.equal(405);
      expect(r.headers.get('allow')).to.equal(allow);
    }
    expect((await call(world, 'GET', `${U}/plugins/pl_x/other`)).status).to.equal(404);
  });
});

describe('reference server: Idempotency-Key', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createWorld('empty');
  });
  afterEach(async () => {
    await dropWorld(world);
  });

  it('replays the first response for the same key and body, creating nothing', async () => {
    const headers = { 'idempotency-key': 'key-1' };
    const first = await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.alpha'), headers });
    const second = await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.alpha'), headers });
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(201);
    expect(second.body).to.deep.equal(first.body);
    expect([first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')]).to.deep.equal([null, 'true']);
    expect((await readState(world)).plugins.length).to.equal(1);
    // same body in another key order still counts as the same body
    const reordered = Object.fromEntries(Object.entries(pluginBody('com.test.alpha')).reverse());
    expect((await call(world, 'POST', `${U}/plugins`, { body: reordered, headers })).body.id).to.equal(first.body.id);
  });

  it('answers 409 for the same key with another body', async () => {
    const headers = { 'idempotency-key': 'key-2' };
    await call(world, 'POST', `${U}/profiles`, { body: profileBody('A'), headers });
    const reuse = await call(world, 'POST', `${U}/profiles`, { body: profileBody('B'), headers });
    expect(reuse.status).to.equal(409);
    expect(reuse.body.error).to.equal('CONFLICT');
    expect((await readState(world)).profiles.map((p) => p.name)).to.deep.equal(['A']);
  });

  it('keeps keys per unit and collection, and does not record failures', async () => {
    const headers = { 'idempotency-key': 'shared' };
    expect((await call(world, 'POST', `${U}/profiles`, { body: profileBody('P'), headers })).status).to.equal(201);
    expect((await call(world, 'POST', '/units/north-news/profiles', { body: profileBody('P'), headers })).status).to.equal(201);
    expect((await call(world, 'POST', `${U}/workspaces`, { body: workspaceBody('W'), headers })).status).to.equal(201);
    const failed = await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.a', { actions: { x: 'com.test.b' } }), headers });
    expect(failed.status).to.equal(422);
    const retried = await call(world, 'POST', `${U}/plugins`, { body: pluginBody('com.test.b'), headers });
    expect(retried.status).to.equal(201);
    expect((await readState(world, 'north-news')).profiles.length).to.equal(1);
  });

  it('forgets its records on reset: the same key and body then create again', async () => {
    const headers = { 'idempotency-key': 'before-reset' };
    const first = await call(world, 'POST', `${U}/profiles`, { body: profileBody('P'), headers });
    await call(world, 'POST', '/__dev/reset', { token: null, body: { seed: 'empty' } });
    const again = await call(world, 'POST', `${U}/profiles`, { body: profileBody('P'), headers });
    expect([again.status, again.headers.get('idempotent-replayed')]).to.deep.equal([201, null]);
    expect(again.body.id).not.to.equal(first.body.id);
    expect((await readState(world)).profiles).to.deep.equal([again.body]);
  });

  it('creates again without a key', async () => {
    await call(world, 'POST', `${U}/profiles`, { body: profileBody('P') });
    await call(world, 'POST', `${U}/profiles`, { body: profileBody('P') });
    expect((await readState(world)).profiles.length).to.equal(2);
  });
});
