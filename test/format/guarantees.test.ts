// Format guarantees, each pinned by a test that fails when the guarantee goes (the format itself is not changed
// here): a stream that inflates to even one byte more than its authenticated header declares is refused; a file
// written with default options carries the default iteration count and the default chunk size, cut at exactly that
// size, and its reader reports progress at least once per chunk; the writer refuses every count and chunk size the
// reader would refuse.
import { expect } from '@open-wc/testing';
import { deflateSync } from 'fflate';
import {
  CHUNK_BYTES,
  decryptBackup,
  DEFAULT_ITERATIONS,
  encryptBackup,
  encryptBackupToBlob,
  MAX_CHUNK_BYTES,
  MAX_ITERATIONS,
  MIN_CHUNK_BYTES,
  MIN_ITERATIONS,
} from '../../src/format/index.js';
import { describe, it } from '../mocha.js';
import { craftFile, expectCode, FAST, randomText } from './helpers.js';
import { readV2PerSpec } from './spec-reader.js';

/**
 * The iteration count of a version 2 file's password slot, read per docs/format.md (not with src/format): the
 * header's slots start at byte 66, each a type byte, a big-endian uint16 length and the body; a password slot
 * (type 1) starts with its big-endian uint32 iteration count.
 */
function passwordIterations(file: Uint8Array): number {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  expect(view.getUint16(8), 'format version').to.equal(2);
  let at = 66;
  for (let i = 0; i < file[13]!; i++) {
    const length = view.getUint16(at + 1);
    if (file[at] === 1) return view.getUint32(at + 3);
    at += 3 + length;
  }
  throw new Error('no password slot');
}

const PASSWORD = 'guarantees ✓';

describe('format guarantees', () => {
  it('refuses a stream that inflates to one byte more than declared, and opens the exact one', async () => {
    const text = new TextEncoder().encode('{"a":"some text"}');
    const exact = await craftFile({ compressed: deflateSync(text), plaintextBytes: text.length, password: PASSWORD });
    expect(await decryptBackup(exact, PASSWORD)).to.deep.equal({ a: 'some text' });
    const oneMore = await craftFile({ compressed: deflateSync(text), plaintextBytes: text.length - 1, password: PASSWORD });
    const error = await expectCode(decryptBackup(oneMore, PASSWORD), 'CORRUPT_FILE');
    expect(error.message).to.match(/more than its declared size/);
  });

  it('writes the default iteration count with default options', async () => {
    expect(DEFAULT_ITERATIONS).to.equal(600_000); // docs/format.md, "Keys"
    const bytes = await encryptBackup({ a: 1 }, PASSWORD);
    expect(passwordIterations(bytes)).to.equal(DEFAULT_ITERATIONS);
    const explicit = await encryptBackup({ a: 1 }, PASSWORD, {});
    expect(passwordIterations(explicit)).to.equal(DEFAULT_ITERATIONS);
  });

  it('writes 256 KiB chunks with default options, cut at exactly that size, and reads them with progress per chunk', async () => {
    // 256 KiB: measured against 1 MiB with the format Worker, the same speed with smaller steps (docs/format.md, section 10).
    expect(CHUNK_BYTES).to.equal(262_144);
    const payload = { text: randomText(1_000_000) }; // ≈ 0.77 MB compressed: two full chunks and a partial one
    const bytes = new Uint8Array(await (await encryptBackupToBlob(payload, PASSWORD, FAST)).arrayBuffer());
    // Per docs/format.md, not with src/format: S at byte 14, C at byte 26, the header length H at byte 10.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const chunkBytes = view.getUint32(14);
    const compressedBytes = Number(view.getBigUint64(26));
    expect(chunkBytes, 'chunk size S').to.equal(CHUNK_BYTES);
    expect(compressedBytes, 'more than two chunks of data').to.be.greaterThan(2 * CHUNK_BYTES);
    expect(bytes.length).to.equal(view.getUint16(10) + compressedBytes + 16 * Math.ceil(compressedBytes / chunkBytes));
    // The independent reader slices the chunks at S: every chunk opening proves the writer cut exactly there.
    expect((await readV2PerSpec(bytes, { password: PASSWORD })).text).to.equal(JSON.stringify(payload));
    // Progress bars move at least once per chunk.
    const done: number[] = [];
    expect(await decryptBackup(bytes, PASSWORD, { onProgress: (p) => done.push(p.done) })).to.deep.equal(payload);
    expect(done.length, 'progress reports').to.be.at.least(Math.ceil(compressedBytes / chunkBytes));
    expect(done.every((d, i) => i === 0 || d > done[i - 1]!), 'strictly increasing').to.equal(true);
    expect(done.at(-1), 'the plaintext size P (byte 18)').to.equal(Number(view.getBigUint64(18)));
  });

  it('refuses to write any chunk size the reader would refuse', async () => {
    for (const chunkBytes of [MIN_CHUNK_BYTES - 1, MAX_CHUNK_BYTES + 1, 0, -1, MIN_CHUNK_BYTES + 0.5, Number.NaN]) {
      await expectCode(encryptBackup({}, PASSWORD, { ...FAST, chunkBytes }), 'INVALID_OPTIONS');
    }
  });

  it('refuses to write any iteration count the reader would refuse, and writes the lowest it accepts', async () => {
    for (const iterations of [MIN_ITERATIONS - 1, MAX_ITERATIONS + 1, 0, -1, MIN_ITERATIONS + 0.5, Number.NaN]) {
      await expectCode(encryptBackup({}, PASSWORD, { iterations }), 'KDF_OUT_OF_RANGE');
    }
    const lowest = await encryptBackup({ a: 1 }, PASSWORD, { iterations: MIN_ITERATIONS });
    expect(passwordIterations(lowest)).to.equal(MIN_ITERATIONS);
    expect(await decryptBackup(lowest, PASSWORD)).to.deep.equal({ a: 1 });
  });
});
