import { expect } from '@open-wc/testing';
import { describe, it, before } from '../mocha.js';
import { deflateSync } from 'fflate';
import { decryptBackup, decryptBackupBlob, DEFAULT_MAX_PLAINTEXT_BYTES, MAX_ITERATIONS, MIN_ITERATIONS } from '../../src/format/index.js';
import {
  FAST,
  craftFile,
  createRecordingBlob,
  encryptV1,
  encryptV1ToBlob,
  expectCode,
  listChunkRanges,
  readsPastHeader,
  recordSubtleCalls,
  rewriteHeader,
} from './helpers.js';

const PASSWORD = 'pässwörd';

describe('format (v1 files): refusing bad input', () => {
  let file: Uint8Array;
  before(async () => {
    file = await encryptV1({ unit: 'south-news', secret: 'do not leak' }, PASSWORD, FAST);
  });

  it('reports a wrong password as WRONG_PASSWORD, without data in the message', async () => {
    const error = await expectCode(decryptBackup(file, 'passwörd'), 'WRONG_PASSWORD');
    expect(error.message).to.match(/password/i);
    expect(error.message).not.to.contain('pässwörd');
    expect(error.message).not.to.contain('do not leak');
  });

  it('refuses something that is not a backup with NOT_A_BACKUP', async () => {
    await expectCode(decryptBackup(new Uint8Array(0), PASSWORD), 'NOT_A_BACKUP');
    await expectCode(decryptBackup(new TextEncoder().encode('{"json": true}'), PASSWORD), 'NOT_A_BACKUP');
    await expectCode(decryptBackupBlob(new Blob(['PK\u0003\u0004 a zip']), PASSWORD), 'NOT_A_BACKUP');
  });

  it('refuses an unknown version with UNSUPPORTED_VERSION naming the versions it reads', async () => {
    for (const version of [0, 3, 0xffff]) {
      const bytes = file.slice();
      new DataView(bytes.buffer).setUint16(8, version);
      const error = await expectCode(decryptBackup(bytes, PASSWORD), 'UNSUPPORTED_VERSION');
      expect(error.message).to.contain(`version ${version}`);
      expect(error.message).to.match(/reads format version\(s\) 1, 2\b/);
    }
  });

  // "Before any work" is shown, not timed: no WebCrypto call at all and no read past the 88-byte header, so the
  // refusal costs two small reads and a CRC (far under the 50 ms; timings belong in `npm run bench`).
  for (const iterations of [MIN_ITERATIONS - 1, 0, MAX_ITERATIONS + 1, 0xffffffff]) {
    it(`refuses ${iterations} iterations with KDF_OUT_OF_RANGE before any key derivation or payload read`, async () => {
      const { blob, reads } = createRecordingBlob(rewriteHeader(file, { iterations }));
      const calls = await recordSubtleCalls(async () => {
        const error = await expectCode(decryptBackupBlob(blob, PASSWORD), 'KDF_OUT_OF_RANGE');
        expect(error.message).to.contain(String(iterations)).and.to.contain(`${MIN_ITERATIONS}–${MAX_ITERATIONS}`);
      });
      expect(calls, 'WebCrypto calls').to.deep.equal([]);
      expect(reads.length).to.be.greaterThan(0);
      expect(readsPastHeader(reads), 'reads past the header').to.deep.equal([]);
    });
  }

  it('the instruments above see the work of an accepted file (so an empty record means no work)', async () => {
    const { blob, reads } = createRecordingBlob(file);
    const calls = await recordSubtleCalls(() => decryptBackupBlob(blob, PASSWORD));
    expect(calls).to.include.members(['importKey', 'deriveBits', 'deriveKey', 'verify', 'decrypt']);
    expect(readsPastHeader(reads).length).to.be.greaterThan(0);
  });

  it('lets the range bounds themselves through the iteration check (and checks the range before the length)', async () => {
    // A truncated copy fails at the file-length check, which comes after the range check and before the KDF.
    for (const iterations of [MIN_ITERATIONS, MAX_ITERATIONS]) {
      const cut = rewriteHeader(file, { iterations }).subarray(0, file.length - 1);
      const calls = await recordSubtleCalls(async () => {
        const error = await expectCode(decryptBackup(cut, PASSWORD), 'CORRUPT_FILE');
        expect(error.message, `${iterations}`).to.match(/cut short/);
      });
      expect(calls).to.deep.equal([]);
    }
    const outOfRange = rewriteHeader(file, { iterations: MAX_ITERATIONS + 1 }).subarray(0, file.length - 1);
    await expectCode(decryptBackup(outOfRange, PASSWORD), 'KDF_OUT_OF_RANGE');
  });

  it('refuses to write with iterations out of range, or a bad chunk size or payload', async () => {
    await expectCode(encryptV1({}, PASSWORD, { iterations: MIN_ITERATIONS - 1 }), 'KDF_OUT_OF_RANGE');
    await expectCode(encryptV1({}, PASSWORD, { iterations: 1.5e6 + 0.5 }), 'KDF_OUT_OF_RANGE');
    await expectCode(encryptV1({}, PASSWORD, { ...FAST, chunkBytes: 10 }), 'INVALID_OPTIONS');
    await expectCode(encryptV1(undefined, PASSWORD, FAST), 'INVALID_OPTIONS');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = { again: { and: { again: cyclic } } };
    await expectCode(encryptV1(cyclic, PASSWORD, FAST), 'INVALID_OPTIONS');
    await expectCode(encryptV1({ n: 1n }, PASSWORD, FAST), 'INVALID_OPTIONS');
    await expectCode(encryptV1({}, '', FAST), 'PASSWORD_TOO_SHORT');
  });

  it('stops deriving the keys when the payload is refused: no WebCrypto work outlives the call', async () => {
    // PBKDF2 starts before the payload is serialised (it runs meanwhile); the refusal must not leave the HKDF
    // steps to run after the caller was told no.
    let refused: unknown;
    const calls = await recordSubtleCalls(
      () => encryptV1({ n: 1n }, PASSWORD, FAST).catch((error: unknown) => (refused = error)),
      { untilQuiet: true },
    );
    expect((refused as { code?: string }).code).to.equal('INVALID_OPTIONS');
    expect(calls).to.deep.equal(['importKey', 'deriveBits']);
    // The same instrument sees the whole derivation of an accepted payload.
    const accepted = await recordSubtleCalls(() => encryptV1({ n: 1 }, PASSWORD, FAST), { untilQuiet: true });
    expect(accepted.slice(0, 5)).to.deep.equal(['importKey', 'deriveBits', 'importKey', 'deriveKey', 'deriveKey']);
  });

  it('refuses a declared size over the cap with TOO_LARGE before deriving a key', async () => {
    const { blob, reads } = createRecordingBlob(file);
    const calls = await recordSubtleCalls(() => expectCode(decryptBackupBlob(blob, PASSWORD, { maxPlaintextBytes: 10 }), 'TOO_LARGE'));
    expect(calls, 'WebCrypto calls').to.deep.equal([]);
    expect(readsPastHeader(reads)).to.deep.equal([]);
    await expectCode(decryptBackup(file, PASSWORD, { maxPlaintextBytes: -1 }), 'INVALID_OPTIONS');
    await expectCode(decryptBackup(file, PASSWORD, { maxPlaintextBytes: 1.5 }), 'INVALID_OPTIONS');
  });

  /** 200 MB of zeros, raw-deflated once (≈ 200 KB) and shared by the bomb tests. */
  let bombStream: Uint8Array | undefined;
  const BOMB_BYTES = 200 * 1024 * 1024;
  const makeBombStream = () => (bombStream ??= deflateSync(new Uint8Array(BOMB_BYTES), { level: 6 }));

  it('refuses an honest 200 MB bomb under a 16 MiB cap with TOO_LARGE, before any work', async () => {
    const compressed = makeBombStream();
    expect(compressed.length).to.be.below(1024 * 1024);
    const bomb = await craftFile({ compressed, plaintextBytes: BOMB_BYTES, password: PASSWORD });
    const { blob, reads } = createRecordingBlob(bomb);
    const calls = await recordSubtleCalls(async () => {
      const error = await expectCode(decryptBackupBlob(blob, PASSWORD, { maxPlaintextBytes: 16 * 1024 * 1024 }), 'TOO_LARGE');
      expect(error.message).to.contain('200.0 MiB').and.to.contain('16.0 MiB');
    });
    expect(calls, 'WebCrypto calls').to.deep.equal([]);
    expect(readsPastHeader(reads)).to.deep.equal([]);
  });

  it('applies a 512 MiB cap by default, and a larger one when configured', async () => {
    const text = new TextEncoder().encode('{"a":1}');
    const declared = DEFAULT_MAX_PLAINTEXT_BYTES + 1;
    const big = await craftFile({ compressed: deflateSync(text), plaintextBytes: declared, password: PASSWORD });
    const error = await expectCode(decryptBackup(big, PASSWORD), 'TOO_LARGE');
    expect(error.message).to.contain('512.0 MiB');
    // Past a larger cap the reader goes on (derives the key, inflates) and finds the stream shorter than declared.
    const opened = await expectCode(decryptBackup(big, PASSWORD, { maxPlaintextBytes: 2 * declared }), 'CORRUPT_FILE');
    expect(opened.message).to.match(/less than its declared size/);
    const exact = await craftFile({ compressed: deflateSync(text), plaintextBytes: text.length, password: PASSWORD });
    expect(await decryptBackup(exact, PASSWORD, { maxPlaintextBytes: text.length })).to.deep.equal({ a: 1 });
    await expectCode(decryptBackup(exact, PASSWORD, { maxPlaintextBytes: text.length - 1 }), 'TOO_LARGE');
  });

  it('stops a bomb whose authenticated header lies about its size with CORRUPT_FILE, in its first chunk', async () => {
    const bomb = await craftFile({ compressed: makeBombStream(), plaintextBytes: 1000, password: PASSWORD });
    const { blob, reads } = createRecordingBlob(bomb);
    const error = await expectCode(decryptBackupBlob(blob, PASSWORD), 'CORRUPT_FILE');
    expect(error.message).to.match(/more than its declared size/);
    // The stream spans several 64 KiB chunks; the reader gave up inside the first one instead of inflating them all.
    expect(listChunkRanges(bomb).length).to.be.greaterThan(2);
    expect(readsPastHeader(reads).length, 'chunks read').to.equal(1);
  });

  it('refuses a stream that inflates to less than declared, or to invalid JSON or UTF-8', async () => {
    const text = new TextEncoder().encode('{"a":1}');
    const short = await craftFile({ compressed: deflateSync(text), plaintextBytes: 100, password: PASSWORD });
    await expectCode(decryptBackup(short, PASSWORD), 'CORRUPT_FILE');
    const notJson = new TextEncoder().encode('{"a":');
    const bad = await craftFile({ compressed: deflateSync(notJson), plaintextBytes: notJson.length, password: PASSWORD });
    await expectCode(decryptBackup(bad, PASSWORD), 'CORRUPT_FILE');
    const notUtf8 = Uint8Array.of(0x22, 0xff, 0x22);
    const bad8 = await craftFile({ compressed: deflateSync(notUtf8), plaintextBytes: 3, password: PASSWORD });
    expect((await expectCode(decryptBackup(bad8, PASSWORD), 'CORRUPT_FILE')).message).to.match(/UTF-8/);
    const notDeflate = await craftFile({ compressed: Uint8Array.of(0xff, 0xff), plaintextBytes: 1, password: PASSWORD });
    await expectCode(decryptBackup(notDeflate, PASSWORD), 'CORRUPT_FILE');
  });

  it('rejects with ABORTED when the signal aborts, before or during the work', async () => {
    await expectCode(encryptV1({}, PASSWORD, { ...FAST, signal: AbortSignal.abort() }), 'ABORTED');
    await expectCode(decryptBackup(file, PASSWORD, { signal: AbortSignal.abort() }), 'ABORTED');
    const big = { text: 'x'.repeat(4_000_000), list: Array.from({ length: 50_000 }, (_, i) => ({ i })) };
    const writing = new AbortController();
    const encrypting = encryptV1ToBlob(big, PASSWORD, {
      ...FAST,
      signal: writing.signal,
      onProgress: () => writing.abort(),
    });
    await expectCode(encrypting, 'ABORTED');
    const blob = await encryptV1ToBlob(big, PASSWORD, { ...FAST, chunkBytes: 1024 });
    const reading = new AbortController();
    const decrypting = decryptBackupBlob(blob, PASSWORD, { signal: reading.signal, onProgress: () => reading.abort() });
    await expectCode(decrypting, 'ABORTED');
  });

  it('reports bytes the browser cannot read as FILE_UNREADABLE, whichever part was being read', async () => {
    // As Chromium does for a chosen File changed on disk since: the read itself rejects with NotReadableError.
    const failingFrom = (from: number): Blob => {
      class FailingBlob extends Blob {
        override slice(start = 0, end = this.size, type?: string): Blob {
          if (end <= from) return super.slice(start, end, type);
          const failing = super.slice(start, end, type);
          failing.arrayBuffer = () => Promise.reject(new DOMException('changed on disk', 'NotReadableError'));
          return failing;
        }
      }
      return new FailingBlob([file as BlobPart]);
    };
    for (const from of [0, 88]) {
      const error = await expectCode(decryptBackupBlob(failingFrom(from), PASSWORD), 'FILE_UNREADABLE');
      expect(error.message).to.match(/could not be read/);
      expect((error.cause as DOMException).name).to.equal('NotReadableError');
    }
  });
});
