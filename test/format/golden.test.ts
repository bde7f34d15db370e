/**
 * Golden vectors: bytes written once by format v1 (and v2) and committed under test/fixtures. This build — and every later
 * one — must open them. Never regenerate them; add new vectors instead.
 */
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { inflateSync } from 'fflate';
import { decryptBackup, decryptBackupBlob } from '../../src/format/index.js';
import { openBackup } from '../../src/backup/index.js';
import { expectCode } from './helpers.js';
import { readV2PerSpec } from './spec-reader.js';

interface GoldenVector {
  file: string;
  password: string;
  /** v2: the recovery key that opens it too, in its human form. */
  recoveryKey?: string;
  /** v2: the v1 vector this one was re-keyed from. */
  rekeyedFrom?: string;
  bytes: number;
  /** The exact plaintext, inline or (for larger vectors) in a file beside the vector. */
  plaintext: string;
}

interface GoldenIndexEntry extends Omit<GoldenVector, 'plaintext'> {
  plaintext?: string;
  plaintextFile?: string;
}

async function fetchFixture(name: string): Promise<Response> {
  const response = await fetch(`/test/fixtures/${name}`);
  expect(response.ok, name).to.equal(true);
  return response;
}

async function loadVectors(indexFile = 'golden-v1.json'): Promise<{ vector: GoldenVector; bytes: Uint8Array }[]> {
  const index = (await (await fetchFixture(indexFile)).json()) as { vectors: GoldenIndexEntry[] };
  return Promise.all(
    index.vectors.map(async ({ plaintextFile, ...entry }) => {
      const plaintext = plaintextFile ? await (await fetchFixture(plaintextFile)).text() : entry.plaintext!;
      const bytes = new Uint8Array(await (await fetchFixture(entry.file)).arrayBuffer());
      return { vector: { ...entry, plaintext }, bytes };
    }),
  );
}

/**
 * A second, independent v1 reader written from docs/format.md alone (raw WebCrypto + fflate, nothing from
 * src/format), proving the spec is complete enough to build a compatible decryptor.
 */
async function readPerSpec(file: Uint8Array, password: string): Promise<string> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  expect(new TextDecoder().decode(file.subarray(0, 8))).to.equal('DASHBKUP');
  expect(view.getUint16(8)).to.equal(1);
  expect(view.getUint16(10)).to.equal(88);
  const iterations = view.getUint32(12);
  const salt = file.slice(16, 32);
  const chunkBytes = view.getUint32(32);
  const plaintextBytes = Number(view.getBigUint64(36));
  const compressedBytes = Number(view.getBigUint64(44));
  const subtle = crypto.subtle;
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const pw = await subtle.importKey('raw', utf8(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const ikm = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, pw, 256);
  const hkdf = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  const expand = (info: string) =>
    subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(info) }, hkdf, 256);
  const macKey = await subtle.importKey(
    'raw',
    await expand('dashboard-backup v1 header-mac'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await subtle.sign('HMAC', macKey, file.slice(0, 52)));
  expect([...mac]).to.deep.equal([...file.subarray(52, 84)]);
  const aesKey = await subtle.importKey('raw', await expand('dashboard-backup v1 payload'), 'AES-GCM', false, [
    'decrypt',
  ]);
  const chunks = Math.max(1, Math.ceil(compressedBytes / chunkBytes));
  const compressed = new Uint8Array(compressedBytes);
  let offset = 88;
  for (let i = 0; i < chunks; i++) {
    const length = Math.min(chunkBytes, compressedBytes - i * chunkBytes);
    const iv = new Uint8Array(12);
    new DataView(iv.buffer).setBigUint64(3, BigInt(i)); // bytes 0..10 = counter, big-endian
    iv[11] = i === chunks - 1 ? 1 : 0;
    const plain = await subtle.decrypt({ name: 'AES-GCM', iv }, aesKey, file.slice(offset, offset + length + 16));
    compressed.set(new Uint8Array(plain), i * chunkBytes);
    offset += length + 16;
  }
  expect(offset).to.equal(file.length);
  const json = inflateSync(compressed); // raw DEFLATE
  expect(json.length).to.equal(plaintextBytes);
  return new TextDecoder('utf-8', { fatal: true }).decode(json);
}

describe('format: golden vectors (v1)', () => {
  it('opens every committed v1 vector, through both paths, to its expected plaintext', async () => {
    const vectors = await loadVectors();
    expect(vectors.length).to.be.greaterThanOrEqual(3);
    for (const { vector, bytes } of vectors) {
      expect(bytes.length, vector.file).to.equal(vector.bytes);
      const expected = JSON.parse(vector.plaintext);
      expect(await decryptBackup(bytes, vector.password)).to.deep.equal(expected);
      expect(await decryptBackupBlob(new Blob([bytes as BlobPart]), vector.password)).to.deep.equal(expected);
    }
  });

  it('includes a vector at the default iteration count and one spanning several chunks', async () => {
    const vectors = await loadVectors();
    const iterations = vectors.map(({ bytes }) => new DataView(bytes.buffer).getUint32(12));
    expect(iterations).to.include(600_000);
    expect(vectors.some(({ bytes }) => new DataView(bytes.buffer).getUint32(32) < bytes.length - 88 - 32)).to.equal(true);
  });

  it('refuses the vectors with a wrong password', async () => {
    for (const { vector, bytes } of await loadVectors()) {
      await expectCode(decryptBackup(bytes, `${vector.password}!`), 'WRONG_PASSWORD');
    }
  });

  it('is readable by an independent decryptor written from docs/format.md', async () => {
    for (const { vector, bytes } of await loadVectors()) {
      expect(await readPerSpec(bytes, vector.password)).to.equal(vector.plaintext);
    }
  });

  it('restores as a unit: the vector exported from the reference server is a valid backup, every section intact', async () => {
    const { vector, bytes } = (await loadVectors()).find(({ vector }) => vector.file === 'golden-v1-unit.dashboard-backup')!;
    const opened = await openBackup(new Blob([bytes as BlobPart]), vector.password);
    expect(opened.counts).to.deep.equal({ plugins: 12, workspaces: 25, profiles: 8, keys: 120 });
    expect(opened.manifest.unit).to.deep.equal({ id: 'south-news', name: 'South News' });
    expect(opened.dangling).to.deep.equal([]);
    expect(opened.payload).to.deep.equal(JSON.parse(vector.plaintext));
  });
});

describe('format: golden vectors (v2)', () => {
  const load = () => loadVectors('golden-v2.json');

  it('has a password-only vector, a password + recovery key one and one re-keyed from v1', async () => {
    const vectors = await load();
    expect(vectors.map(({ vector }) => vector.file)).to.deep.equal([
      'golden-v2-password.dashboard-backup',
      'golden-v2-recovery.dashboard-backup',
      'golden-v2-rekeyed-v1.dashboard-backup',
    ]);
    for (const { bytes } of vectors) expect(new DataView(bytes.buffer).getUint16(8)).to.equal(2);
  });

  it('opens every v2 vector with its password and with its recovery key, through both paths', async () => {
    for (const { vector, bytes } of await load()) {
      expect(bytes.length, vector.file).to.equal(vector.bytes);
      const expected = JSON.parse(vector.plaintext);
      for (const secret of [vector.password, ...(vector.recoveryKey ? [vector.recoveryKey] : [])]) {
        expect(await decryptBackup(bytes, secret)).to.deep.equal(expected);
        expect(await decryptBackupBlob(new Blob([bytes as BlobPart]), secret)).to.deep.equal(expected);
      }
    }
  });

  it('refuses a wrong password and a wrong recovery key with their own codes', async () => {
    const wrongKey = '00000-00000-00000-00000-00000-00000-00000-00000-00000-00000-00000-00000-00000'
      .split('-')
      .map((group, g) => group.slice(0, 4) + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[(11 * (g + 1)) % 32])
      .join('-');
    for (const { vector, bytes } of await load()) {
      await expectCode(decryptBackup(bytes, `${vector.password}!`), 'WRONG_PASSWORD');
      if (vector.recoveryKey) await expectCode(decryptBackup(bytes, wrongKey), 'WRONG_RECOVERY_KEY');
      else await expectCode(decryptBackup(bytes, wrongKey), 'NO_USABLE_KEY_SLOT');
    }
  });

  it('is readable by an independent decryptor written from docs/format.md, with either secret', async () => {
    for (const { vector, bytes } of await load()) {
      expect((await readV2PerSpec(bytes, { password: vector.password })).text).to.equal(vector.plaintext);
      if (vector.recoveryKey) {
        expect((await readV2PerSpec(bytes, { recoveryKey: vector.recoveryKey })).text).to.equal(vector.plaintext);
      }
    }
  });

  it('the re-keyed vector carries the chunks of its v1 original byte for byte', async () => {
    const { vector, bytes } = (await load()).find(({ vector }) => vector.rekeyedFrom)!;
    const original = new Uint8Array(await (await fetchFixture(vector.rekeyedFrom!)).arrayBuffer());
    const headerBytes = new DataView(bytes.buffer).getUint16(10);
    expect(bytes[12], 'key schedule 1').to.equal(1);
    expect([...bytes.subarray(headerBytes)]).to.deep.equal([...original.subarray(88)]);
  });

  it('restores as a unit: the recovery vector holds the reference export, opened with the recovery key alone', async () => {
    const { vector, bytes } = (await load()).find(({ vector }) => vector.file === 'golden-v2-recovery.dashboard-backup')!;
    const opened = await openBackup(new Blob([bytes as BlobPart]), vector.recoveryKey!);
    expect(opened.counts).to.deep.equal({ plugins: 12, workspaces: 25, profiles: 8, keys: 120 });
    expect(opened.dangling).to.deep.equal([]);
  });
});
