// src/json.ts and src/fields.ts: walks over free-form JSON that keep every own key (`__proto__` too), never touch a
// prototype and never recurse, so any depth works; and the "other fields" the views show.
import { expect } from '@open-wc/testing';
import { otherFields } from '../src/fields.js';
import { canonicalJson, findLoneSurrogate, hasLoneSurrogate, isJsonValue, jsonDepth, utf8Length } from '../src/json.js';
import { JsonObject } from '../src/schemas.js';
import { describe, it } from './mocha.js';

const deep = (depth: number): unknown => {
  let v: unknown = [];
  for (let i = 1; i < depth; i++) v = i % 2 ? { k: v } : [v];
  return v;
};

describe('src/json.ts', () => {
  it('writes canonical JSON equal to JSON.stringify with sorted keys, keeping "__proto__" and skipping undefined', () => {
    const value = JSON.parse('{"b":[1,"x",null,{"z":true,"a":-0.5}],"__proto__":{"q":1},"":"e","a":"\\u00e9\\ud83d\\ude00"}');
    expect(canonicalJson(value)).to.equal('{"":"e","__proto__":{"q":1},"a":"é😀","b":[1,"x",null,{"a":-0.5,"z":true}]}');
    expect(canonicalJson({ a: undefined, b: [undefined] })).to.equal('{"b":[null]}');
    expect(JSON.parse(canonicalJson(value))).to.deep.equal(value);
    expect(({} as Record<string, unknown>).q).to.equal(undefined);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    const v = deep(100_000);
    expect(jsonDepth(v)).to.equal(100_000);
    expect(isJsonValue(v)).to.equal(true);
    expect(canonicalJson(v).length).to.equal(2 * 100_000 + 4 * 50_000);
    expect(findLoneSurrogate(v)).to.equal(false);
  });

  it('tells JSON from what is not', () => {
    for (const ok of [null, 1, 'x', true, [], {}, Object.create(null), JSON.parse('{"__proto__":[1]}')]) expect(isJsonValue(ok)).to.equal(true);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const bad of [undefined, Number.NaN, Infinity, new Date(), new Map(), () => 1, cycle, [1n]]) expect(isJsonValue(bad)).to.equal(false);
    expect(JsonObject.safeParse([]).success).to.equal(false);
    const parsed = JsonObject.safeParse(JSON.parse('{"__proto__":{"x":1},"constructor":2}'));
    expect(parsed.success && Object.hasOwn(parsed.data, '__proto__')).to.equal(true);
  });

  it('finds lone surrogates in keys and values, not in pairs', () => {
    expect(hasLoneSurrogate('ok 😀')).to.equal(false);
    for (const s of ['\uD800', 'a\uDC00', '\uDBFFx', '😀\uD83D']) expect(hasLoneSurrogate(s), JSON.stringify(s)).to.equal(true);
    expect(findLoneSurrogate({ list: [{ ['k\uDC00']: 1 }] })).to.equal(true);
    expect(findLoneSurrogate({ list: [{ k: 'v\uD800' }] })).to.equal(true);
  });

  it('counts UTF-8 bytes as TextEncoder does', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'mixed é€😀 text']) expect(utf8Length(s)).to.equal(new TextEncoder().encode(s).length);
  });
});

describe('src/fields.ts', () => {
  it('finds the fields no schema names, at the top and in objects that have a schema', () => {
    const workspace = JSON.parse(`{ "id": "w", "name": "n", "owner": "o", "shared": true, "layout": "l",
      "icon": { "text": "t", "color": "c", "glyph": "★" }, "theme": null, "__proto__": 1,
      "applications": [{ "id": "a", "plugin": "p.x", "column": 0, "position": 0, "config": { "free": 1 }, "pinned": true }] }`);
    expect(otherFields('workspaces', workspace)).to.deep.equal(
      JSON.parse('{ "theme": null, "__proto__": 1, "icon.glyph": "★", "applications.0.pinned": true }'),
    );
    const plugin = { bundle: 'a.b', permissions: [{ id: 'p', label: 'l', description: '', scope: 'all' }], requirementMappings: { actions: {}, portals: {}, widgets: {} } };
    expect(otherFields('plugins', plugin)).to.deep.equal({ 'permissions.0.scope': 'all', 'requirementMappings.widgets': {} });
    expect(otherFields('keys', { key: 'k', value: 'v', secret: false })).to.equal(undefined);
  });
});
