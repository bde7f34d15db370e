import { expect } from '@open-wc/testing';
import { describe, it, before } from '../mocha.js';
import type { BackupErrorCode } from '../../src/errors.js';
import { decryptBackup, decryptBackupBlob, encryptBackup } from '../../src/format/index.js';
import {
  concatBytes,
  expectCode,
  FAST,
  flipByte,
  listChunkRanges,
  makePayloadCompressingTo,
  remacHeader,
  SMALL_CHUNK,
} from './helpers.js';

const PASSWORD = 'tamper-proof ✓';

/** The code a flip at `index` must give: magic → NOT_A_BACKUP, version → UNSUPPORTED_VERSION, else CORRUPT_FILE. */
function expectedCodeAt(index: number): BackupErrorCode {
  if (index < 8) return 'NOT_A_BACKUP';
  if (index < 10) return 'UNSUPPORTED_VERSION';
  return 'CORRUPT_FILE';
}

describe('format: tampering and damage', () => {
  let payload: { text: string };
  let file: Uint8Array;
  let chunks: { start: number; end: number }[];

  before(async () => {
    payload = makePayloadCompressingTo(3 * SMALL_CHUNK + 500);
    file = await encryptBackup(payload, PASSWORD, { ...FAST, chunkBytes: SMALL_CHUNK });
    chunks = listChunkRanges(file);
  });

  it('the fixture has four chunks and opens', async () => {
    expect(chunks.length).to.equal(4);
    expect(chunks.at(-1)!.end).to.equal(file.length);
    expect(await decryptBackup(file, PASSWORD)).to.deep.equal(payload);
  });

  it('rejects a flipped bit in every header byte with the right code (damage is not "wrong password")', async () => {
    for (let i = 0; i < 88; i++) {
      for (const mask of [0x01, 0x80]) await expectCode(decryptBackup(flipByte(file, i, mask), PASSWORD), expectedCodeAt(i));
    }
  });

  it("rejects a flipped byte in every chunk's body and tag with CORRUPT_FILE", async () => {
    for (const { start, end } of chunks) {
      const bodyEnd = end - 16;
      const positions = [start, start + 1, Math.floor((start + bodyEnd) / 2), bodyEnd - 1, bodyEnd, end - 8, end - 1];
      for (const i of positions) await expectCode(decryptBackup(flipByte(file, i, 0x40), PASSWORD), 'CORRUPT_FILE');
    }
  });

  it('rejects truncation at every chunk boundary and in the middle of each chunk', async () => {
    const cuts = [0, 4, 9, 50, 87, 88];
    for (const { start, end } of chunks) cuts.push(start + 1, Math.floor((start + end) / 2), end - 16, end - 1);
    for (const { end } of chunks.slice(0, -1)) cuts.push(end);
    for (const cut of cuts) {
      await expectCode(decryptBackup(file.subarray(0, cut), PASSWORD), cut < 8 ? 'NOT_A_BACKUP' : 'CORRUPT_FILE');
    }
  });

  it('rejects appended bytes, even a whole duplicated final chunk', async () => {
    await expectCode(decryptBackup(concatBytes([file, Uint8Array.of(0)]), PASSWORD), 'CORRUPT_FILE');
    const last = chunks.at(-1)!;
    await expectCode(decryptBackup(concatBytes([file, file.subarray(last.start, last.end)]), PASSWORD), 'CORRUPT_FILE');
    await expectCode(decryptBackupBlob(new Blob([file as BlobPart, 'trailing']), PASSWORD), 'CORRUPT_FILE');
  });

  it('rejects swapped and duplicated chunks', async () => {
    const part = (i: number) => file.subarray(chunks[i]!.start, chunks[i]!.end);
    const head = file.subarray(0, 88);
    const swapped = concatBytes([head, part(1), part(0), part(2), part(3)]);
    await expectCode(decryptBackup(swapped, PASSWORD), 'CORRUPT_FILE');
    const duplicated = concatBytes([head, part(0), part(0), part(2), part(3)]);
    await expectCode(decryptBackup(duplicated, PASSWORD), 'CORRUPT_FILE');
    const twiceSecond = concatBytes([head, part(0), part(1), part(1), part(3)]);
    await expectCode(decryptBackup(twiceSecond, PASSWORD), 'CORRUPT_FILE');
  });

  it('catches a cut stream even when the header is re-authenticated to match it (STREAM final flag)', async () => {
    // Drop the final chunk and re-MAC a header that declares exactly the remaining three full chunks.
    const cut = await remacHeader(file.subarray(0, chunks[2]!.end), PASSWORD, { compressedBytes: 3 * SMALL_CHUNK });
    const error = await expectCode(decryptBackup(cut, PASSWORD), 'CORRUPT_FILE');
    expect(error.message).to.match(/part 3 of 3/);
    // A final chunk moved into the middle fails too: its nonce flag says "final".
    const last = file.subarray(chunks[3]!.start, chunks[3]!.end);
    const moved = await remacHeader(
      concatBytes([file.subarray(0, 88), last, file.subarray(chunks[0]!.start, chunks[2]!.end)]),
      PASSWORD,
      { compressedBytes: 3 * SMALL_CHUNK + 500 },
    );
    await expectCode(decryptBackup(moved, PASSWORD), 'CORRUPT_FILE');
  });

  it('tells a wrong password (WRONG_PASSWORD) from a damaged file (CORRUPT_FILE)', async () => {
    await expectCode(decryptBackup(file, 'tamper-proof ✗'), 'WRONG_PASSWORD');
    await expectCode(decryptBackup(flipByte(file, 20), PASSWORD), 'CORRUPT_FILE');
    await expectCode(decryptBackup(flipByte(file, 20), 'tamper-proof ✗'), 'CORRUPT_FILE');
    await expectCode(decryptBackup(flipByte(file, 200), PASSWORD), 'CORRUPT_FILE');
  });
});
