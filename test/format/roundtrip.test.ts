import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { deflateSync } from 'fflate';
import { decryptBackup, decryptBackupBlob, HEADER_BYTES, MAGIC } from '../../src/format/index.js';
import {
  FAST,
  SMALL_CHUNK,
  craftFile,
  createRecordingBlob,
  encryptV1,
  encryptV1ToBlob,
  expectCode,
  makePayloadCompressingTo,
  randomText,
  readHeader,
  readsPastHeader,
} from './helpers.js';

const PASSWORD = 'correct horse battery staple — ünïcödé 🔑';

describe('format (v1 files): round trips', () => {
  it('writes the magic, version and declared sizes', async () => {
    const payload = { hello: 'world' };
    const bytes = await encryptV1(payload, PASSWORD, FAST);
    expect([...bytes.subarray(0, 8)]).to.deep.equal([...MAGIC]);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(8)).to.equal(1);
    const header = readHeader(bytes);
    expect(header.plaintextBytes).to.equal(new TextEncoder().encode(JSON.stringify(payload)).length);
    expect(header.iterations).to.equal(FAST.iterations);
    expect(bytes.length).to.equal(HEADER_BYTES + header.compressedBytes + 16);
  });

  for (const [label, payload, jsonBytes] of [
    ['1 B of JSON (a number)', 1, 1],
    ['2 B of JSON (an empty string)', '', 2],
    ['2 B of JSON (an empty object)', {}, 2],
    ['null', null, 4],
    ['unicode everywhere', { 'ключ 🔑': ['日本語', 'emoji 👩‍👩‍👧', 'nul \u0000 and lone \ud800'], 'é': { 'ß': 'ç' } }, undefined],
  ] as const) {
    it(`round-trips ${label}`, async () => {
      const bytes = await encryptV1(payload, PASSWORD, FAST);
      const utf8Bytes = new TextEncoder().encode(JSON.stringify(payload)).length;
      expect(utf8Bytes).to.equal(jsonBytes ?? utf8Bytes);
      expect(readHeader(bytes).plaintextBytes).to.equal(utf8Bytes);
      expect(await decryptBackup(bytes, PASSWORD)).to.deep.equal(JSON.parse(JSON.stringify(payload)));
    });
  }

  it('handles 0 B: an empty final chunk (tag only) opens, and 0 bytes of plaintext is refused as not JSON', async () => {
    // No JSON text is 0 bytes, so the writer cannot make such a file (undefined → INVALID_OPTIONS); a reader given
    // one opens the lone 16-byte chunk and inflates it, then refuses the empty text — not the chunk.
    await expectCode(encryptV1(undefined, PASSWORD, FAST), 'INVALID_OPTIONS');
    for (const compressed of [new Uint8Array(0), deflateSync(new Uint8Array(0))]) {
      const file = await craftFile({ compressed, plaintextBytes: 0, password: PASSWORD });
      expect(file.length).to.equal(HEADER_BYTES + compressed.length + 16);
      const error = await expectCode(decryptBackup(file, PASSWORD), 'CORRUPT_FILE');
      expect(error.message).to.match(/not valid JSON/);
    }
  });

  for (const offset of [-1, 0, 1]) {
    it(`round-trips a compressed stream of chunk ${offset < 0 ? '−' : '+'} ${Math.abs(offset)} bytes`, async () => {
      const target = SMALL_CHUNK + offset;
      const payload = makePayloadCompressingTo(target);
      const bytes = await encryptV1(payload, PASSWORD, { ...FAST, chunkBytes: SMALL_CHUNK });
      const header = readHeader(bytes);
      expect(header.compressedBytes).to.equal(target);
      expect(bytes.length).to.equal(HEADER_BYTES + target + 16 * (offset > 0 ? 2 : 1));
      expect(await decryptBackup(bytes, PASSWORD)).to.deep.equal(payload);
    });
  }

  it('round-trips 2 × chunk exactly (the final chunk is full, no empty chunk follows)', async () => {
    const payload = makePayloadCompressingTo(2 * SMALL_CHUNK);
    const bytes = await encryptV1(payload, PASSWORD, { ...FAST, chunkBytes: SMALL_CHUNK });
    expect(bytes.length).to.equal(HEADER_BYTES + 2 * SMALL_CHUNK + 2 * 16);
    expect(await decryptBackup(bytes, PASSWORD)).to.deep.equal(payload);
  });

  it('round-trips about 10 MB, each path opening what the other wrote', async () => {
    const items = Array.from({ length: 4000 }, (_, i) => ({ id: `item-${i}`, note: randomText(2500), n: i }));
    const payload = { unit: { name: 'Süd 🗞', items } };
    const bytes = await encryptV1(payload, PASSWORD, FAST);
    expect(readHeader(bytes).plaintextBytes).to.be.greaterThan(10_000_000);
    const blob = await encryptV1ToBlob(payload, PASSWORD, FAST);
    expect(await decryptBackup(new Uint8Array(await blob.arrayBuffer()), PASSWORD)).to.deep.equal(payload);
    expect(await decryptBackupBlob(new Blob([bytes as BlobPart]), PASSWORD)).to.deep.equal(payload);
  });

  it('reads a Blob one chunk at a time on the streaming path, never whole', async () => {
    const payload = { text: randomText(200_000) };
    const file = await encryptV1ToBlob(payload, PASSWORD, { ...FAST, chunkBytes: 16 * 1024 });
    const { blob, reads } = createRecordingBlob(file);
    expect(await decryptBackupBlob(blob, PASSWORD)).to.deep.equal(payload);
    const chunkReads = readsPastHeader(reads);
    expect(chunkReads.length).to.be.greaterThan(10);
    expect(Math.max(...chunkReads.map(({ start, end }) => end - start))).to.equal(16 * 1024 + 16);
  });

  it('uses a fresh salt per file: the same input never gives the same bytes', async () => {
    const a = await encryptV1({ a: 1 }, PASSWORD, FAST);
    const b = await encryptV1({ a: 1 }, PASSWORD, FAST);
    expect([...a.subarray(16, 32)]).not.to.deep.equal([...b.subarray(16, 32)]);
  });

  it('treats NFC and NFD spellings of a password as the same password', async () => {
    const bytes = await encryptV1({ ok: true }, 'Ame\u0301lie', FAST);
    expect(await decryptBackup(bytes, 'Am\u00e9lie')).to.deep.equal({ ok: true });
  });

  it('reports progress in plaintext bytes up to the total', async () => {
    const seen: { done: number; total: number }[] = [];
    const payload = { text: randomText(300_000) };
    const bytes = await encryptV1(payload, PASSWORD, { ...FAST, onProgress: (p) => seen.push(p) });
    const total = readHeader(bytes).plaintextBytes;
    expect(seen.at(-1)).to.deep.equal({ done: total, total });
    const opened: { done: number; total: number }[] = [];
    await decryptBackup(bytes, PASSWORD, { onProgress: (p) => opened.push(p) });
    expect(opened.at(-1)).to.deep.equal({ done: total, total });
  });
});
