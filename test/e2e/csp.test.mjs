// The Content-Security-Policy `npm start` sends with each page, checked against a policy written out in the test
// (test/e2e/server.mjs, STRICT_CSP), not against the code that sends it: loosening scripts/csp.mjs fails here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP, startDemoServer } from './server.mjs';

describe('the demo’s Content-Security-Policy', () => {
  let server;
  before(async () => {
    server = await startDemoServer();
  });
  after(async () => {
    await server?.stop();
  });

  for (const path of ['/', '/inspect.html']) {
    it(`serves ${path} with exactly the written-out policy`, async () => {
      const response = await fetch(`${server.origin}${path}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-security-policy'), STRICT_CSP);
      // The literal itself is strict: no inline script or style, no eval, nothing from elsewhere.
      assert.doesNotMatch(STRICT_CSP, /unsafe-|\*|https?:/);
      await response.arrayBuffer();
    });
  }
});
