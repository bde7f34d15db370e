// HTTP/2 over TLS: `HTTP2=1` makes the demo server (and so the reference Dashboard) speak HTTP/2 with the test-only
// certificate of server/tls/, which this test trusts explicitly (no verification switched off). The API answers as
// over HTTP/1.1, and a `drop` fault resets only the request's stream: the connection, which carries the other
// requests, stays usable. No browser: node's own HTTP/2 client.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:http2';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDevServer } from '@web/dev-server';
import { ROOT, freePort } from './server.mjs';

/** Sends one request on `session`; resolves to its status and JSON body, or rejects with the stream's error. */
function request(session, method, path, body) {
  return new Promise((resolve, reject) => {
    const headers = { ':method': method, ':path': path, authorization: 'Bearer admin-token' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const stream = session.request(headers);
    let status = 0;
    let text = '';
    stream.setEncoding('utf8');
    stream.on('response', (h) => (status = h[':status']));
    stream.on('data', (chunk) => (text += chunk));
    stream.on('end', () => resolve({ status, body: text ? JSON.parse(text) : undefined }));
    stream.on('error', reject);
    stream.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('the reference Dashboard over HTTP/2 (HTTP2=1)', { timeout: 120_000 }, () => {
  let server;
  let session;
  let base;

  before(async () => {
    const port = await freePort();
    process.env.HTTP2 = '1';
    // A fresh module instance (the config reads HTTP2 and builds its Dashboard at import time).
    const { default: config } = await import(`${pathToFileURL(join(ROOT, 'web-dev-server.config.mjs')).href}?h2=${port}`);
    delete process.env.HTTP2;
    server = await startDevServer({
      config: { ...config, rootDir: ROOT, port, hostname: 'localhost' },
      readCliArgs: false,
      readFileConfig: false,
      autoExitProcess: false,
      logStartMessage: false,
    });
    const ca = await readFile(join(ROOT, 'server/tls/test-only-localhost.crt'));
    session = connect(`https://localhost:${port}`, { ca });
    session.on('error', () => undefined);
    const world = await request(session, 'POST', '/api/__dev/worlds', { seed: 'small' });
    assert.equal(world.status, 201);
    base = world.body.baseUrl;
  });

  after(async () => {
    session?.close();
    await server?.stop();
  });

  it('serves the API over h2 with the test-only certificate', async () => {
    assert.equal(session.alpnProtocol, 'h2');
    const answer = await request(session, 'GET', `${base}/session`);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.user.id, 'admin');
    const page = await request(session, 'GET', `${base}/units/south-news/plugins?limit=5`);
    assert.equal(page.status, 200);
    assert.equal(page.body.items.length, 5);
  });

  it('a dropped request resets its stream only; the connection carries on', async () => {
    const fault = await request(session, 'POST', `${base}/__dev/faults`, { rules: [{ kind: 'drop', when: 'before', nth: 1 }] });
    assert.equal(fault.status, 200);
    const key = `${base}/units/south-news/keys/h2-key`;
    const [dropped, read] = await Promise.allSettled([
      request(session, 'PUT', key, { value: 'v', secret: false }),
      request(session, 'GET', `${base}/session`),
    ]);
    assert.equal(dropped.status, 'rejected');
    assert.equal(dropped.reason.code, 'ERR_HTTP2_STREAM_ERROR');
    assert.match(dropped.reason.message, /NGHTTP2_INTERNAL_ERROR/);
    assert.equal(read.status, 'fulfilled');
    assert.equal(read.value.status, 200);
    assert.equal(session.closed || session.destroyed, false);
    // Dropped before it was applied: the key is not there; sent again on the same connection, it is.
    const log = await request(session, 'GET', `${base}/__dev/log`);
    assert.deepEqual(log.body.entries.filter((e) => e.mutating).map((e) => [e.method, e.status, e.fault]), [['PUT', 0, 'drop']]);
    const again = await request(session, 'PUT', key, { value: 'v', secret: false });
    assert.equal(again.status, 200);
  });
});
