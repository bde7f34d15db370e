import { expect } from '@open-wc/testing';
import { PAGE_SIZE, buildSearchIndex, filterIndex, parseQuery, slicePage, type SearchIndex } from '../../src/inspect/search.js';
import { suggestJsonFilename, serializeBackupJson } from '../../src/inspect/export-json.js';
import { before, describe, it } from '../mocha.js';
import { makePayload, secretValue } from './make-payload.js';

describe('search helpers', () => {
  const payload = makePayload({ plugins: 3, workspaces: 4, profiles: 2, keys: 4 });
  let index: SearchIndex;
  before(async () => {
    index = await buildSearchIndex(payload);
  });

  it('matches every term, case-insensitively, inside nested configuration', () => {
    expect(filterIndex(index.plugins, parseQuery('FEED-2'))).to.deep.equal([2]);
    expect(filterIndex(index.plugins, parseQuery('example  feed-1'))).to.deep.equal([1]);
    expect(filterIndex(index.workspaces, parseQuery('"app of desk 3" columns'))).to.deep.equal([3]);
    expect(filterIndex(index.plugins, parseQuery(''))).to.deep.equal([0, 1, 2]);
    expect(parseQuery(' a "b  c" "" D')).to.deep.equal(['a', 'b  c', 'd']);
  });

  it('finds profiles by the names of their workspaces', () => {
    expect(filterIndex(index.profiles, parseQuery('desk 2'))).to.deep.equal([0, 1]);
  });

  it('never indexes secret values', () => {
    expect(filterIndex(index.keys, parseQuery(secretValue(1)))).to.deep.equal([]);
    expect(filterIndex(index.keys, parseQuery('service.1.token'))).to.deep.equal([1]);
    expect(filterIndex(index.keys, parseQuery('svc-2'))).to.deep.equal([2]);
  });

  it('slices pages and clamps out-of-range pages', () => {
    const items = Array.from({ length: 2000 }, (_, i) => i);
    const first = slicePage(items, 0);
    expect(first.items).to.have.length(PAGE_SIZE);
    expect(first.pageCount).to.equal(40);
    const last = slicePage(items, 99);
    expect(last.page).to.equal(39);
    expect(last.start).to.equal(1950);
    expect(slicePage([], 3)).to.include({ page: 0, pageCount: 1, total: 0 });
  });

  it('names the JSON file as unencrypted and keeps it safe for file systems', () => {
    const name = suggestJsonFilename({ ...payload.manifest, unit: { id: '../x y', name: 'n' } });
    expect(name).to.equal('-x-y-2026-11-28T10-00-00Z.UNENCRYPTED.json');
    expect(JSON.parse(serializeBackupJson(payload))).to.deep.equal(payload);
  });
});
