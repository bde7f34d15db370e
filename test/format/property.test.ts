import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import fc from 'fast-check';
import { decryptBackup } from '../../src/format/index.js';
import {
  FAST,
  encryptV1,
  expectCode,
  flipByte,
} from './helpers.js';

describe('format (v1 files): properties (fast-check)', () => {
  it('any JSON value round-trips under any password and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 4 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1024, max: 4096 }),
        async (value, password, chunkBytes) => {
          const bytes = await encryptV1(value, password, { ...FAST, chunkBytes });
          expect(await decryptBackup(bytes, password)).to.deep.equal(JSON.parse(JSON.stringify(value)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('any single changed byte anywhere in a multi-chunk file is rejected, never opened', async () => {
    const payload = { text: Array.from({ length: 4000 }, (_, i) => String.fromCodePoint(0x20 + ((i * 7919) % 0x2f00))).join('') };
    const file = await encryptV1(payload, 'pw', { ...FAST, chunkBytes: 1024 });
    expect(file.length).to.be.greaterThan(3 * 1024);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), async (index, mask) => {
        await expectCode(
          decryptBackup(flipByte(file, index, mask), 'pw'),
          'NOT_A_BACKUP',
          'UNSUPPORTED_VERSION',
          'CORRUPT_FILE',
        );
      }),
      { numRuns: 120 },
    );
  });

  it('any truncation or extension is rejected', async () => {
    const file = await encryptV1({ list: Array.from({ length: 300 }, (_, i) => `item ${i} ${i * i}`) }, 'pw', {
      ...FAST,
      chunkBytes: 1024,
    });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: file.length - 1 }), async (cut) => {
        await expectCode(decryptBackup(file.subarray(0, cut), 'pw'), 'NOT_A_BACKUP', 'CORRUPT_FILE');
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (extra) => {
        const longer = new Uint8Array(file.length + extra.length);
        longer.set(file);
        longer.set(extra, file.length);
        await expectCode(decryptBackup(longer, 'pw'), 'CORRUPT_FILE');
      }),
      { numRuns: 50 },
    );
  });
});
