import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import fc from 'fast-check';
import { parseJsonIncrementally } from '../../src/format/parse.js';

const noPause = async () => undefined;

async function parseBoth(text: string): Promise<{ native: unknown; ours: unknown }> {
  let native: unknown;
  let ours: unknown;
  try {
    native = { value: JSON.parse(text) };
  } catch (error) {
    native = { error: (error as Error).name };
  }
  try {
    ours = { value: await parseJsonIncrementally(text, noPause) };
  } catch (error) {
    ours = { error: (error as Error).name };
  }
  return { native, ours };
}

describe('format: time-sliced JSON parsing', () => {
  it('equals JSON.parse on any JSON text, pretty-printed or not (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 1, '\t', ' \n '), async (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(await parseJsonIncrementally(text, noPause)).to.deep.equal(JSON.parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('rejects exactly what JSON.parse rejects on mangled JSON (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 5 }),
        fc.nat(),
        fc.constantFrom('', '"', '\\', '{', '}', '[', ']', ',', ':', 'x', ' ', '1'),
        async (value, at, insert) => {
          const text = JSON.stringify(value);
          const cut = at % (text.length + 1);
          const mangled = text.slice(0, cut) + insert + text.slice(cut + (insert ? 0 : 1));
          const { native, ours } = await parseBoth(mangled);
          expect(ours).to.deep.equal(native);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('gives the same result however the text is cut into segments (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom(undefined, 2),
        async (value, cuts, indent) => {
          const text = JSON.stringify(value, null, indent);
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const segments = [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length));
          expect(segments.join('')).to.equal(text);
          expect(await parseJsonIncrementally(segments, noPause)).to.deep.equal(JSON.parse(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('rejects mangled JSON however it is segmented', async () => {
    for (const bad of ['[1,', '{"a":', '"abc', '[1 2]', '{"a":1}}', 'tru']) {
      for (let cut = 0; cut <= bad.length; cut++) {
        const segments = [bad.slice(0, cut), bad.slice(cut)];
        let name = 'none';
        try {
          await parseJsonIncrementally(segments, noPause);
        } catch (error) {
          name = (error as Error).name;
        }
        expect(name, `${bad} cut at ${cut}`).to.equal('SyntaxError');
      }
    }
  });

  it('handles escapes, "__proto__" keys, duplicate keys and trailing data like JSON.parse', async () => {
    for (const text of [
      '{"a":{"b":{"c":{"d":"q\\\\\\"[{"}}}}',
      '{"__proto__":{"polluted":true},"x":[1,{"__proto__":2}]}',
      '{"a":1,"a":2}',
      ' [ 1 , [ 2 , [ 3 , [ 4 ] ] ] ] ',
      '"\\u00e9\\ud83d\\ude00"',
      '-0.5e+10',
    ]) {
      const { native, ours } = await parseBoth(text);
      expect(ours, text).to.deep.equal(native);
    }
    const parsed = (await parseJsonIncrementally('{"__proto__":{"polluted":true}}', noPause)) as object;
    expect(Object.getPrototypeOf(parsed)).to.equal(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).to.equal(undefined);
    for (const bad of ['', '[1,]', '{"a":1}x', '{"a" 1}', '[1 2]', '{"a":"unterminated}']) {
      expect((await parseBoth(bad)).ours, bad).to.deep.equal({ error: 'SyntaxError' });
    }
  });
});
