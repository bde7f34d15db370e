import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import fc from 'fast-check';
import { generateJsonPieces } from '../../src/format/serialize.js';

const join = (value: unknown) => [...generateJsonPieces(value)].join('');

describe('format: incremental JSON serialisation', () => {
  it('equals JSON.stringify for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(join(value)).to.equal(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('equals JSON.stringify for any object, including undefined, functions, dates and nested arrays (property)', () => {
    const anything = fc.anything({
      withDate: true,
      withNullPrototype: true,
      withObjectString: true,
      withBoxedValues: true,
      withSparseArray: true,
      maxDepth: 6,
    });
    fc.assert(
      fc.property(anything, (value) => {
        let expected: string | undefined;
        try {
          expected = JSON.stringify(value);
        } catch {
          return; // BigInt and friends: covered by the cycle/BigInt test below
        }
        expect(join(value)).to.equal(expected ?? '');
      }),
      { numRuns: 300 },
    );
  });

  it('applies toJSON, skips undefined members and writes null for undefined items, like JSON.stringify', () => {
    const value = {
      when: new Date(0),
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, Symbol('s'), { deep: { deeper: { deepest: [undefined, new Date(1)] } } }],
      custom: { toJSON: (key: string) => `key=${key}` },
    };
    expect(join(value)).to.equal(JSON.stringify(value));
    expect([...generateJsonPieces(undefined)]).to.deep.equal([]);
  });

  it('throws TypeError for cycles at any depth and for BigInt, like JSON.stringify', () => {
    const shallow: Record<string, unknown> = {};
    shallow.self = shallow;
    const deep: Record<string, unknown> = {};
    deep.a = { b: { c: { d: { e: deep } } } };
    expect(() => join(shallow)).to.throw(TypeError);
    expect(() => join(deep)).to.throw(TypeError);
    expect(() => join({ n: 1n })).to.throw(TypeError);
  });
});
