import { expect } from '@open-wc/testing';
import { Session } from '../../src/schemas.js';
import { afterEach, beforeEach, describe, it, call, createWorld, dropWorld, EDITOR, type TestWorld } from './helpers.js';

describe('reference server: sessions', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createWorld('small');
  });
  afterEach(async () => {
    await call(world, 'POST', '/logout', { token: null });
    await dropWorld(world);
  });

  it('answers GET /session for a bearer token, in south-news', async () => {
    const admin = await call(world, 'GET', '/session');
    expect(admin.status).to.equal(200);
    expect(Session.safeParse(admin.body).success).to.equal(true);
    expect(admin.body.role).to.equal('admin');
    expect(admin.body.unit).to.deep.equal({ id: 'south-news', name: 'South News' });
    expect(admin.body.units.map((u: { id: string }) => u.id)).to.deep.equal(['south-news', 'north-news']);
    const editor = await call(world, 'GET', '/session', { token: EDITOR });
    expect(editor.body.role).to.equal('user');
    expect(editor.body.user.id).to.equal('editor');
  });

  it('answers 401 with the error body without a session or with an unknown token', async () => {
    for (const token of [null, 'nope']) {
      const r = await call(world, 'GET', '/session', { token });
      expect(r.status).to.equal(401);
      expect(r.body.error).to.equal('UNAUTHENTICATED');
      expect(r.body.message).to.be.a('string');
    }
    expect((await call(world, 'GET', '/units/south-news/plugins', { token: null })).status).to.equal(401);
    expect((await call(world, 'POST', '/units/south-news/profiles', { token: null, body: {} })).status).to.equal(401);
  });

  it('logs in with a cookie, switches unit and logs out', async () => {
    const login = await call(world, 'POST', '/login', { token: null, body: { user: 'editor', unit: 'north-news' } });
    expect(login.status).to.equal(200);
    expect(login.body.user.id).to.equal('editor');
    expect(login.body.unit.id).to.equal('north-news');
    // the cookie is HttpOnly: invisible to scripts, sent by the browser
    expect(document.cookie).not.to.contain('dashboard_session');
    const session = await call(world, 'GET', '/session', { token: null });
    expect(session.status).to.equal(200);
    expect(session.body.unit.id).to.equal('north-news');

    const switched = await call(world, 'POST', '/session/unit', { token: null, body: { unit: 'south-news' } });
    expect(switched.status).to.equal(200);
    expect(switched.body.unit).to.deep.equal({ id: 'south-news', name: 'South News' });
    expect((await call(world, 'GET', '/session', { token: null })).body.unit.id).to.equal('south-news');

    expect((await call(world, 'POST', '/session/unit', { token: null, body: { unit: 'nowhere' } })).status).to.equal(404);
    expect((await call(world, 'POST', '/session/unit', { token: null, body: {} })).status).to.equal(400);

    const logout = await call(world, 'POST', '/logout', { token: null });
    expect(logout.status).to.equal(204);
    expect((await call(world, 'GET', '/session', { token: null })).status).to.equal(401);
  });

  it('defaults the cookie session to south-news and gives the role per user', async () => {
    const login = await call(world, 'POST', '/login', { token: null, body: { user: 'admin' } });
    expect(login.body.unit.id).to.equal('south-news');
    expect(login.body.role).to.equal('admin');
    expect((await call(world, 'GET', '/units/south-news/keys?limit=1', { token: null })).status).to.equal(200);
  });

  it('refuses unknown users (401), unknown units (404) and malformed login bodies (400)', async () => {
    expect((await call(world, 'POST', '/login', { token: null, body: { user: 'mallory' } })).status).to.equal(401);
    expect((await call(world, 'POST', '/login', { token: null, body: { user: 'admin', unit: 'nowhere' } })).status).to.equal(404);
    const bad = await call(world, 'POST', '/login', { token: null, body: { name: 'admin' } });
    expect(bad.status).to.equal(400);
    expect(bad.body.issues[0].path).to.deep.equal(['user']);
    expect((await call(world, 'POST', '/login', { token: null, raw: '{nope' })).status).to.equal(400);
  });

  it('does not let a bearer session switch units', async () => {
    const r = await call(world, 'POST', '/session/unit', { body: { unit: 'north-news' } });
    expect(r.status).to.equal(400);
  });

  it('keeps cookie sessions per world', async () => {
    const other = await createWorld('empty');
    try {
      await call(world, 'POST', '/login', { token: null, body: { user: 'admin' } });
      expect((await call(world, 'GET', '/session', { token: null })).status).to.equal(200);
      expect((await call(other, 'GET', '/session', { token: null })).status).to.equal(401);
      await call(other, 'POST', '/login', { token: null, body: { user: 'editor' } });
      // logging into the other world did not replace this world's session
      expect((await call(world, 'GET', '/session', { token: null })).body.user.id).to.equal('admin');
      expect((await call(other, 'GET', '/session', { token: null })).body.user.id).to.equal('editor');
      await call(other, 'POST', '/logout', { token: null });
    } finally {
      await dropWorld(other);
    }
  });

  it('answers 405 for a wrong method and 404 for an unknown route', async () => {
    const r = await call(world, 'GET', '/login');
    expect(r.status).to.equal(405);
    expect(r.headers.get('allow')).to.equal('POST');
    expect(r.body.error).to.equal('METHOD_NOT_ALLOWED');
    expect((await call(world, 'GET', '/nothing-here')).status).to.equal(404);
    expect((await call(world, 'GET', '/units')).status).to.equal(404);
  });
});
