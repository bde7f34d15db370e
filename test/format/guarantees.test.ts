// Format guarantees, each pinned by a test that fails when the guarantee goes (the format itself is not changed
// here): a stream that inflates to even one byte more than its authenticated header declares is refused; a file
// written with default options carries the default iteration count; the writer refuses every count the reader
// would refuse.
import { expect } from '@open-wc/testing';
import { deflateSync } from 'fflate';
import { decryptBackup, DEFAULT_ITERATIONS, encryptBackup, MAX_ITERATIONS, MIN_ITERATIONS } from '../../src/format/index.js';
import { describe, it } from '../mocha.js';
import { craftFile, expectCode } from './helpers.js';

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

  it('refuses to write any iteration count the reader would refuse, and writes the lowest it accepts', async () => {
    for (const iterations of [MIN_ITERATIONS - 1, MAX_ITERATIONS + 1, 0, -1, MIN_ITERATIONS + 0.5, Number.NaN]) {
      await expectCode(encryptBackup({}, PASSWORD, { iterations }), 'KDF_OUT_OF_RANGE');
    }
    const lowest = await encryptBackup({ a: 1 }, PASSWORD, { iterations: MIN_ITERATIONS });
    expect(passwordIterations(lowest)).to.equal(MIN_ITERATIONS);
    expect(await decryptBackup(lowest, PASSWORD)).to.deep.equal({ a: 1 });
  });
});
