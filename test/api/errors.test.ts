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
    const calls = [
      editor.listKeys(UNIT),
      editor.getPlugin(UNIT, plugin!.id),
      editor.createProfile(UNIT, profileInput('Sneaky')),
      editor.putKey(UNIT, { key: 'k', value: 'v', secret: false }),
      editor.deleteProfile(UNIT, 'anything'),
    ];
    for (const error of await Promise.all(calls.map(rejectionOf))) {
      expect([error.code, error.status]).to.deep.equal(['NOT_ADMIN', 403]);
      expect(error.message).to.contain('only admins');
    }
    const listError = await rejectionOf(editor.listKeys(UNIT));
    expect(listError.path, 'no query in the path').to.equal(`/units/${UNIT}/keys`);
    expect(mutations(await world.log()).every((e) => e.status === 403)).to.equal(true);
  });

  it('NOT_FOUND (404) for a plugin or workspace that does not exist', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const error = await rejectionOf(client.getPlugin(UNIT, 'missing'));
    expect([error.code, error.path]).to.deep.equal(['NOT_FOUND', `/units/${UNIT}/plugins/missing`]);
    expect((await rejectionOf(client.getWorkspace(UNIT, 'missing'))).code).to.equal('NOT_FOUND');
  });

  it('CONFLICT (409) for a duplicate bundle, a reused idempotency key and deleting a plugin in use', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const plugin = await client.createPlugin(UNIT, pluginInput('com.example.wire'));
    expect((await rejectionOf(client.createPlugin(UNIT, pluginInput('com.example.wire')))).code).to.equal('CONFLICT');
    await client.createProfile(UNIT, profileInput('A'), { idempotencyKey: 'k1' });
    expect((await rejectionOf(client.createProfile(UNIT, profileInput('B'), { idempotencyKey: 'k1' }))).code).to.equal('CONFLICT');
    await client.createWorkspace(UNIT, workspaceInput('Desk', ['com.example.wire']));
    const inUse = await rejectionOf(client.deletePlugin(UNIT, plugin.id));
    expect([inUse.code, inUse.status, inUse.method]).to.deep.equal(['CONFLICT', 409, 'DELETE']);
  });

  it('INVALID (422) with the server issues for a dangling reference', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const error = await rejectionOf(client.createProfile(UNIT, profileInput('P', ['no-such-workspace'])));
    expect([error.code, error.status]).to.deep.equal(['INVALID', 422]);
    expect(error).to.be.instanceOf(HttpValidationError);
    const unmapped = await rejectionOf(
      client.createPlugin(UNIT, pluginInput('com.example.a', { requirementMappings: { actions: { open: 'com.example.none' }, portals: {} } })),
    );
    expect([unmapped.code, unmapped.status]).to.deep.equal(['INVALID', 422]);
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
