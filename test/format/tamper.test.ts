import { expect } from '@open-wc/testing';
import { describe, it, before } from '../mocha.js';
import type { BackupErrorCode } from '../../src/errors.js';
import { decryptBackup, decryptBackupBlob } from '../../src/format/index.js';
import {
  FAST,
  SMALL_CHUNK,
  concatBytes,
  encryptV1,
  expectCode,
  fixHeaderCrc,
  flipByte,
  listChunkRanges,
  makePayloadCompressingTo,
  readHeader,
  remacHeader,
  rewriteHeader,
} from './helpers.js';

const PASSWORD = 'tamper-proof ✓';

/**
 * The code docs/format.md section 6 prescribes for a file whose header was edited *and its CRC recomputed* (what a
 * deliberate tamperer does): the checks before the MAC run in their order, and whatever passes them is caught by the
 * MAC as WRONG_PASSWORD. Written from the spec, not from src/format.
 */
function expectedCodeOfEdit(bytes: Uint8Array): BackupErrorCode {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== 'DASHBKUP') return 'NOT_A_BACKUP';
  if (view.getUint16(8) !== 1) return 'UNSUPPORTED_VERSION';
  if (view.getUint16(10) !== 88) return 'CORRUPT_FILE';
  const iterations = view.getUint32(12);
  if (iterations < 100_000 || iterations > 10_000_000) return 'KDF_OUT_OF_RANGE';
  const chunkBytes = view.getUint32(32);
  const [plaintextBytes, compressedBytes] = [view.getBigUint64(36), view.getBigUint64(44)];
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  if (chunkBytes < 1024 || chunkBytes > 16 * 1024 * 1024 || plaintextBytes > safe || compressedBytes > safe) {
    return 'CORRUPT_FILE';
  }
  if (plaintextBytes > 512n * 1024n * 1024n) return 'TOO_LARGE';
  const chunks = Math.max(1, Math.ceil(Number(compressedBytes) / chunkBytes));
  if (bytes.length !== 88 + Number(compressedBytes) + 16 * chunks) return 'CORRUPT_FILE';
  return 'WRONG_PASSWORD';
}

/** The code a flip at `index` must give: magic → NOT_A_BACKUP, version → UNSUPPORTED_VERSION, else CORRUPT_FILE. */
function expectedCodeAt(index: number): BackupErrorCode {
  if (index < 8) return 'NOT_A_BACKUP';
  if (index < 10) return 'UNSUPPORTED_VERSION';
  return 'CORRUPT_FILE';
}

describe('format (v1 files): tampering and damage', () => {
  let payload: { text: string };
  let file: Uint8Array;
  let chunks: { start: number; end: number }[];

  before(async () => {
    payload = makePayloadCompressingTo(3 * SMALL_CHUNK + 500);
    file = await encryptV1(payload, PASSWORD, { ...FAST, chunkBytes: SMALL_CHUNK });
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

  it('authenticates every header byte: a deliberate edit with a recomputed CRC never opens', async () => {
    const seen = new Set<BackupErrorCode>();
    for (let i = 0; i < 84; i++) {
      for (const mask of [0x01, 0x80]) {
        const edited = fixHeaderCrc(flipByte(file, i, mask));
        const expected = expectedCodeOfEdit(edited);
        seen.add(expected);
        await expectCode(decryptBackup(edited, PASSWORD), expected);
      }
    }
    // The edits reach every check before the MAC, and the MAC itself.
    expect([...seen].sort()).to.deep.equal(
      ['CORRUPT_FILE', 'KDF_OUT_OF_RANGE', 'NOT_A_BACKUP', 'TOO_LARGE', 'UNSUPPORTED_VERSION', 'WRONG_PASSWORD'].sort(),
    );
  });

  it('reports an edit of any field that only the MAC protects as WRONG_PASSWORD, not as an opened file', async () => {
    const header = readHeader(file);
    const salt = header.salt.slice();
    salt[0] = salt[0]! ^ 0xff;
    const edits = [
      { iterations: header.iterations + 1 },
      { salt },
      { chunkBytes: SMALL_CHUNK + 1 }, // still four chunks, so the file length still matches
      { plaintextBytes: header.plaintextBytes + 1 },
    ];
    for (const edit of edits) await expectCode(decryptBackup(rewriteHeader(file, edit), PASSWORD), 'WRONG_PASSWORD');
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
