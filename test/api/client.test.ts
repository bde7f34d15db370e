import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { createWorld, FAST_RETRY, OTHER_UNIT, rejectionOf, UNIT, type World } from '../world.js';
import { pluginInput, profileInput, workspaceInput } from './builders.js';
import { createRestClient } from '../../src/api/index.js';
import type { UnitState } from '../../src/schemas.js';

const stateOf = async (world: World) => (await world.dev('GET', `state?unit=${UNIT}`)) as UnitState;

describe('REST client against the reference Dashboard', () => {
  it('reads the session of a bearer token', async () => {
    const world = await createWorld('small');
    const session = await world.client().getSession();
    expect(session.role).to.equal('admin');
    expect(session.unit.id).to.equal(UNIT);
    expect(session.units.map((u) => u.id)).to.include.members(['south-news', 'north-news']);
    expect((await world.client({ token: () => 'editor-token' }).getSession()).role).to.equal('user');
  });

  it('uses the session cookie when there is no token', async () => {
    const world = await createWorld('small');
    const login = await fetch(`${world.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'admin', unit: 'north-news' }),
    });
    expect(login.ok).to.equal(true);
    try {
      const session = await createRestClient({ baseUrl: world.baseUrl }).getSession();
      expect([session.role, session.unit.id]).to.deep.equal(['admin', 'north-news']);
    } finally {
      await fetch(`${world.baseUrl}/logout`, { method: 'POST' });
    }
  });

  it('uses /api as the default base URL', async () => {
    // the default world is shared by every test file: only read from it
    const session = await createRestClient({ token: () => 'admin-token' }).getSession();
    expect([session.role, session.unit.id]).to.deep.equal(['admin', UNIT]);
  });

  it('sends the fetch credentials it is given: omit leaves the session cookie behind', async () => {
    const world = await createWorld('small');
    const login = await fetch(`${world.baseUrl}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'admin' }),
    });
    expect(login.ok).to.equal(true);
    try {
      const error = await rejectionOf(createRestClient({ baseUrl: world.baseUrl, credentials: 'omit' }).getSession());
      expect([error.code, error.status]).to.deep.equal(['UNAUTHENTICATED', 401]);
      expect((await createRestClient({ baseUrl: world.baseUrl, credentials: 'include' }).getSession()).role).to.equal('admin');
    } finally {
      await fetch(`${world.baseUrl}/logout`, { method: 'POST' });
    }
  });

  it('sends the extra headers with every request; the token provider has the last word on Authorization', async () => {
    const world = await createWorld('small');
    // the server only answers what the Authorization header allows, so the role shows which header arrived
    const headers = { Authorization: 'Bearer editor-token' };
    expect((await createRestClient({ baseUrl: world.baseUrl, headers }).getSession()).role).to.equal('user');
    const editor = createRestClient({ baseUrl: world.baseUrl, headers, retry: FAST_RETRY });
    expect((await rejectionOf(editor.listKeys(UNIT))).code).to.equal('NOT_ADMIN');
    const tokened = createRestClient({ baseUrl: world.baseUrl, headers, token: () => 'admin-token' });
    expect((await tokened.getSession()).role).to.equal('admin');
  });

  it('asks the token provider before every attempt, so a retry can use a fresh token', async () => {
    const world = await createWorld('empty');
    await world.faults({ kind: '503', when: 'before', nth: 1, retryAfter: 0 });
    const tokens = ['expired-token', 'admin-token'];
    let calls = 0;
    const client = world.client({ token: async () => tokens[calls++] });
    // the first attempt's token is unknown, but the 503 answers first; the retry must carry the fresh one
    await client.putKey(UNIT, { key: 'k', value: 'v', secret: false });
    expect(calls).to.equal(2);
    expect((await world.mutations()).map((e) => e.status)).to.deep.equal([503, 200]);
  });

  it('passes what the token provider throws through unchanged, sending nothing', async () => {
    const world = await createWorld('small');
    const failure = new TypeError('token refresh failed');
    const client = world.client({ token: () => Promise.reject(failure) });
    let caught: unknown;
    await client.getSession().catch((error: unknown) => (caught = error));
    expect(caught).to.equal(failure);
    expect(await world.log()).to.deep.equal([]);
  });

  it('makes a request\'s headers (and asks for its token) only once a slot is free, not when the call is queued', async () => {
    // A backup queues thousands of reads at once: headers built up front for all of them were one long task.
    const world = await createWorld('small');
    await world.latency(100); // the first two requests stay in flight while the queue is looked at
    let asked = 0;
    const client = world.client({ concurrency: 2, token: () => (asked++, 'admin-token') });
    const calls = Array.from({ length: 10 }, () => client.getSession());
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).to.be.at.most(2);
    await Promise.all(calls);
    expect(asked).to.equal(10);
  });

  it('creates, reads, remaps and deletes plugins, workspaces and profiles', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const wire = await client.createPlugin(UNIT, pluginInput('com.example.wire', { icon: 'data:image/png;base64,AAAA' }));
    const editor = await client.createPlugin(
      UNIT,
      pluginInput('com.example.editor', { requirementMappings: { actions: { 'open-story': 'com.example.wire' }, portals: {} } }),
    );
    expect(await client.getPlugin(UNIT, wire.id)).to.deep.equal(wire);
    const remapped = await client.setPluginMappings(UNIT, editor.id, { actions: {}, portals: { side: 'com.example.wire' } });
    expect(remapped.requirementMappings).to.deep.equal({ actions: {}, portals: { side: 'com.example.wire' } });

    const desk = await client.createWorkspace(UNIT, workspaceInput('Desk <script>alert(1)</script> ✓', ['com.example.wire', 'com.example.editor']));
    expect(desk.applications.map((a) => a.plugin)).to.deep.equal(['com.example.wire', 'com.example.editor']);
    expect(await client.getWorkspace(UNIT, desk.id)).to.deep.equal(desk);
    const profile = await client.createProfile(UNIT, profileInput('Night desk', [desk.id]));
    expect(await client.listProfiles(UNIT)).to.deep.equal([profile]);
    expect((await client.listWorkspaces(UNIT)).map((w) => w.id)).to.deep.equal([desk.id]);

    await client.deleteProfile(UNIT, profile.id);
    await client.deleteWorkspace(UNIT, desk.id);
    await client.deletePlugin(UNIT, editor.id);
    await client.deletePlugin(UNIT, wire.id);
    const state = await stateOf(world);
    expect([state.plugins, state.workspaces, state.profiles]).to.deep.equal([[], [], []]);
  });

  it('URL-encodes key names, so any name round-trips', async () => {
    const world = await createWorld('empty');
    const client = world.client();
    const names = ['a/b', 'sp ace', 'q?x=1&y=2#frag', 'ünïcødé ✓ 🔑', '%41', '...', 'a\\b', '<script>'];
    for (const [i, key] of names.entries()) await client.putKey(UNIT, { key, value: `value ${i}`, secret: i % 2 === 0 });
    const listed = await client.listKeys(UNIT);
    expect(listed.map((k) => k.key)).to.deep.equal(names);
    expect(listed[1]).to.deep.equal({ key: 'sp ace', value: 'value 1', secret: false });
    await client.putKey(UNIT, { key: 'a/b', value: 'changed', secret: true });
    expect((await client.listKeys(UNIT))[0]).to.deep.equal({ key: 'a/b', value: 'changed', secret: true });
    for (const key of names) await client.deleteKey(UNIT, key);
    expect((await stateOf(world)).keys).to.deep.equal([]);
  });

  it('accepts a custom route table (arguments URL-encoded) and a base URL with a trailing slash', async () => {
    const world = await createWorld('small');
    const seen: string[] = [];
    const client = createRestClient({
      baseUrl: `${world.baseUrl}/`,
      token: () => 'admin-token',
      // a Dashboard that keeps its key store elsewhere: here, the other unit's, so the answer shows the route was used
      routes: {
        keys: () => `/units/${OTHER_UNIT}/keys`,
        key: (unit, key) => (seen.push(key), `/units/${unit}/keys/${key}`),
      },
    });
    expect((await client.getSession()).unit.id).to.equal(UNIT);
    expect(await client.listKeys(UNIT)).to.deep.equal((await world.state(OTHER_UNIT)).keys);
    await client.putKey(UNIT, { key: 'a/b c', value: 'v', secret: false });
    expect(seen).to.deep.equal(['a%2Fb%20c']);
    expect((await world.state()).keys.at(-1)).to.deep.equal({ key: 'a/b c', value: 'v', secret: false });
    expect([...new Set((await world.log()).map((e) => e.path))]).to.deep.equal(['/session', `/units/${OTHER_UNIT}/keys`, `/units/${UNIT}/keys/a%2Fb%20c`]);
  });
});
