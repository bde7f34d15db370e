import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createWorld, mutations, rejectionOf, UNIT, FAST_RETRY } from '../world.js';
import { pluginInput, profileInput, workspaceInput } from './builders.js';
import { createRestClient, HttpValidationError } from '../../src/api/index.js';
import { HttpError, isBackupError } from '../../src/errors.js';
import type { KeyEntry, ProfileInput } from '../../src/schemas.js';

describe('errors', () => {
  it('UNAUTHENTICATED (401) without a token or cookie', async () => {
    const world = await createWorld('small');
    const error = await rejectionOf(world.client({ token: () => undefined }).getSession());
    expect(error).to.be.instanceOf(HttpError);
    expect([error.code, error.status, error.method, error.path]).to.deep.equal(['UNAUTHENTICATED', 401, 'GET', '/session']);
    expect(error.message).to.contain('sign in');
  });

  it('NOT_ADMIN (403) for the editor on key-store reads, plugin details and every change; nothing changes', async () => {
    const world = await createWorld('small');
    const editor = world.client({ token: () => 'editor-token' });
    const [plugin] = await editor.listPlugins(UNIT);
    const [workspace] = await editor.listWorkspaces(UNIT);
    const [profile] = await editor.listProfiles(UNIT);
    const before = await world.state();
    await world.clearLog();
    const calls = [
      editor.listKeys(UNIT),
      editor.getPlugin(UNIT, plugin!.id),
      editor.createPlugin(UNIT, pluginInput('com.example.sneaky')),
      editor.setPluginMappings(UNIT, plugin!.id, { actions: {}, portals: {} }),
      editor.deletePlugin(UNIT, plugin!.id),
      editor.createWorkspace(UNIT, workspaceInput('Sneaky')),
      editor.deleteWorkspace(UNIT, workspace!.id),
      editor.createProfile(UNIT, profileInput('Sneaky')),
      // a 403 is no "already gone": deletes must not count it as done
      editor.deleteProfile(UNIT, profile!.id),
      editor.putKey(UNIT, { key: 'k', value: 'v', secret: false }),
      editor.deleteKey(UNIT, 'db.password'),
    ];
    for (const error of await Promise.all(calls.map(rejectionOf))) {
      expect([error.code, error.status]).to.deep.equal(['NOT_ADMIN', 403]);
      expect(error.message).to.contain('only admins');
    }
    const listError = await rejectionOf(editor.listKeys(UNIT));
    expect(listError.path, 'no query in the path').to.equal(`/units/${UNIT}/keys`);
    const sent = mutations(await world.log());
    expect(sent.map((e) => e.status)).to.deep.equal(Array(9).fill(403));
    expect(await world.state()).to.deep.equal(before);
  });

  it('NOT_FOUND (404) for a plugin or workspace that does not exist', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const error = await rejectionOf(client.getPlugin(UNIT, 'missing'));
    expect([error.code, error.path]).to.deep.equal(['NOT_FOUND', `/units/${UNIT}/plugins/missing`]);
    expect((await rejectionOf(client.getWorkspace(UNIT, 'missing'))).code).to.equal('NOT_FOUND');
  });

  it('CONFLICT (409) for a duplicate bundle, a reused idempotency key, deleting a plugin in use or a listed workspace', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const plugin = await client.createPlugin(UNIT, pluginInput('com.example.wire'));
    expect((await rejectionOf(client.createPlugin(UNIT, pluginInput('com.example.wire')))).code).to.equal('CONFLICT');
    await client.createProfile(UNIT, profileInput('A'), { idempotencyKey: 'k1' });
    expect((await rejectionOf(client.createProfile(UNIT, profileInput('B'), { idempotencyKey: 'k1' }))).code).to.equal('CONFLICT');
    const desk = await client.createWorkspace(UNIT, workspaceInput('Desk', ['com.example.wire']));
    const inUse = await rejectionOf(client.deletePlugin(UNIT, plugin.id));
    expect([inUse.code, inUse.status, inUse.method]).to.deep.equal(['CONFLICT', 409, 'DELETE']);
    await client.createProfile(UNIT, profileInput('Desk people', [desk.id]));
    const listed = await rejectionOf(client.deleteWorkspace(UNIT, desk.id));
    expect([listed.code, listed.status, listed.path]).to.deep.equal(['CONFLICT', 409, `/units/${UNIT}/workspaces/${desk.id}`]);
  });

  it('INVALID (422) for a dangling reference, on every create and on PUT mappings', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const error = await rejectionOf(client.createProfile(UNIT, profileInput('P', ['no-such-workspace'])));
    expect([error.code, error.status]).to.deep.equal(['INVALID', 422]);
    expect(error).to.be.instanceOf(HttpValidationError);
    const unmapped = await rejectionOf(
      client.createPlugin(UNIT, pluginInput('com.example.a', { requirementMappings: { actions: { open: 'com.example.none' }, portals: {} } })),
    );
    expect([unmapped.code, unmapped.status]).to.deep.equal(['INVALID', 422]);
    expect(unmapped.message).to.contain('plugin bundle or workspace that is not in the unit');
    const remap = await rejectionOf(client.setPluginMappings(UNIT, (await client.createPlugin(UNIT, pluginInput('com.example.b'))).id, {
      actions: {},
      portals: { side: 'com.example.none' },
    }));
    expect([remap.code, remap.status, remap.method]).to.deep.equal(['INVALID', 422, 'PUT']);
    const workspace = await rejectionOf(client.createWorkspace(UNIT, workspaceInput('W', ['com.example.none'])));
    expect([workspace.code, workspace.status]).to.deep.equal(['INVALID', 422]);
  });

  it('INVALID (400) for a malformed body, listing issue paths but never the values', async () => {
    const world = await createWorld('empty');
    const bad = { name: 'P', roles: ['secret-role-value'], workspaces: [] } as unknown as ProfileInput;
    const error = await rejectionOf(world.client().createProfile(UNIT, bad));
    expect([error.code, error.status]).to.deep.equal(['INVALID', 400]);
    const issues = (error as unknown as HttpValidationError).issues;
    expect(issues.map((i) => i.path)).to.deep.include(['roles', 0]);
    expect(error.message).to.contain('roles.0').and.not.to.contain('secret-role-value');
  });

  it('names the method and path in every error, never the body', async () => {
    const world = await createWorld('empty');
    const secret = 'nrt_secret_value_4f1c9a';
    const path = `/units/${UNIT}/keys/api.token`;
    const put = (client = world.client()) => rejectionOf(client.putKey(UNIT, { key: 'api.token', value: secret, secret: true }));
    const errors = [await put(world.client({ token: () => 'editor-token' }))];
    for (const kind of ['500', '503', '429', 'drop'] as const) {
      await world.faults({ kind, when: 'before', rate: 1, retryAfter: 0 });
      errors.push(await put());
    }
    await world.clearFaults();
    errors.push(await rejectionOf(world.client().putKey(UNIT, { key: 'api.token', value: `${secret}${'x'.repeat(1_000_000)}`, secret: true })));
    expect(errors.map((e) => e.code)).to.deep.equal(['NOT_ADMIN', 'SERVER', 'SERVER', 'RATE_LIMITED', 'NETWORK', 'INVALID']);
    for (const error of errors) {
      expect([error.method, error.path], error.code).to.deep.equal(['PUT', path]);
      expect(error.message).to.contain(`PUT ${path}`);
      const everything = [error.message, String(error.cause ?? ''), JSON.stringify(error), JSON.stringify(error.issues ?? [])].join(' ');
      expect(everything, error.code).not.to.contain(secret);
    }
  });

  it('BAD_RESPONSE when a route points at a resource of another shape; secrets stay out of the message', async () => {
    const world = await createWorld('small');
    const client = world.client({ routes: { session: () => `/units/${UNIT}/keys?offset=0&limit=100` } });
    const error = await rejectionOf(client.getSession());
    expect([error.code, error.status, error.path]).to.deep.equal(['BAD_RESPONSE', 200, `/units/${UNIT}/keys`]);
    const paths = (error as unknown as HttpValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).to.include.members(['user', 'role', 'unit', 'units']);
    const keys: KeyEntry[] = await world.client().listKeys(UNIT);
    for (const k of keys.filter((k) => k.secret && k.value.length > 3)) expect(error.message).not.to.contain(k.value);

    const swapped = world.client({ routes: { profiles: (unit) => `/units/${unit}/keys` } });
    const listError = await rejectionOf(swapped.listProfiles(UNIT));
    expect(listError.code).to.equal('BAD_RESPONSE');
    expect(listError.message).to.match(/items\.0\.(id|name|roles|workspaces)/);
  });

  it('BAD_RESPONSE when the base URL answers something that is not JSON', async () => {
    const client = createRestClient({ baseUrl: '/test', routes: { session: () => '/mocha.ts' }, retry: FAST_RETRY });
    const error = await rejectionOf(client.getSession());
    expect(error.code).to.equal('BAD_RESPONSE');
    expect(error.message).to.contain('is not JSON');
  });

  it('NETWORK with the base URL named when nothing listens there', async () => {
    const client = createRestClient({ baseUrl: 'http://127.0.0.1:1/api', retry: FAST_RETRY });
    const error = await rejectionOf(client.getSession());
    expect([error.code, error.status, error.path]).to.deep.equal(['NETWORK', 0, '/session']);
    expect(error.message).to.contain('Could not reach the Dashboard at http://127.0.0.1:1/api');
  });

  it('refuses ids and key names no URL path can carry, without sending anything', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    for (const name of ['', '.', '..']) {
      const error = await rejectionOf(client.deleteKey(UNIT, name));
      expect([error.code, error.status]).to.deep.equal(['INVALID', 0]);
    }
    expect((await rejectionOf(client.getPlugin(UNIT, '..'))).code).to.equal('INVALID');
    expect(await world.log()).to.deep.equal([]);
  });

  it('rejects invalid options with INVALID_OPTIONS', () => {
    for (const options of [{ concurrency: 0 }, { retry: { retries: -1 } }]) {
      expect(() => createRestClient(options)).to.throw().that.satisfies((e: unknown) => isBackupError(e, 'INVALID_OPTIONS'));
    }
  });
});
