// A list page is checked item by item under the task budget (Transport.page), so a page of large items is not one
// long task. It must keep what one check of the whole page gave: the value as served (unknown fields kept) and,
// for a bad page, the same BAD_RESPONSE with every issue's path. Fixed pages served from test/fixtures/.
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { rejectionOf, FAST_RETRY } from '../world.js';
import { createRestClient, type HttpValidationError } from '../../src/api/index.js';

const clientFor = (file: string) =>
  createRestClient({ baseUrl: '/test', routes: { keys: () => `/fixtures/${file}` }, retry: FAST_RETRY });

describe('list pages checked item by item', () => {
  it('returns every item as served, unknown fields kept', async () => {
    const served = (await (await fetch('/test/fixtures/keys-page.json')).json()) as { items: unknown[] };
    const keys = await clientFor('keys-page.json').listKeys('u1');
    expect(keys).to.deep.equal(served.items);
    expect(keys[3]).to.have.property('note', 'an unknown field, kept');
  });

  it('refuses a page whose later items are bad with every issue of the page, as one whole-page check did', async () => {
    const error = await rejectionOf(clientFor('keys-page-bad.json').listKeys('u1'));
    expect([error.code, error.status]).to.deep.equal(['BAD_RESPONSE', 200]);
    const paths = (error as unknown as HttpValidationError).issues.map((i) => i.path.join('.'));
    expect(paths).to.deep.equal(['items.57.secret', 'items.80.value']);
  });
});
