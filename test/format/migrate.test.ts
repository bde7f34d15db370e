import { expect } from '@open-wc/testing';
import { describe, it, afterEach } from '../mocha.js';
import {
  decryptBackup,
  decryptBackupBlob,
  FORMAT_VERSION,
  listReadableVersions,
  MAGIC,
  registerFormatReader,
  registerPayloadMigration,
  type FormatReader,
} from '../../src/format/index.js';
import { migratePayload } from '../../src/format/migrate.js';
import { concatBytes, expectCode } from './helpers.js';

/** A fake "v0" file: magic, u16 version 0, then the payload as clear JSON in an old shape. For tests only. */
function makeV0File(old: { unitName: string; items: string[] }): Uint8Array {
  return concatBytes([MAGIC, Uint8Array.of(0, 0), new TextEncoder().encode(JSON.stringify(old))]);
}

const readV0: FormatReader = async (source) => JSON.parse(new TextDecoder().decode(await source.read(10, source.size)));

const migrateV0: (p: unknown) => unknown = (payload) => {
  const old = payload as { unitName: string; items: string[] };
  return { unit: { name: old.unitName, plugins: old.items.map((id) => ({ id })) } };
};

describe('format: versions and migrations', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  const v0 = makeV0File({ unitName: 'Nörth 🧭', items: ['a', 'b'] });

  it('refuses v0 while no reader is registered, naming the readable versions', async () => {
    expect(listReadableVersions()).to.deep.equal([1, FORMAT_VERSION]);
    const error = await expectCode(decryptBackup(v0, 'x'), 'UNSUPPORTED_VERSION');
    expect(error.message).to.contain('version 0').and.to.contain('reads format version(s) 1, 2');
  });

  it('still refuses v0 when a reader exists but no migration path to the current version', async () => {
    cleanups.push(registerFormatReader(0, readV0));
    expect(listReadableVersions()).to.deep.equal([1, 2]);
    await expectCode(decryptBackup(v0, 'x'), 'UNSUPPORTED_VERSION');
  });

  it('opens a v0 file through its reader, the 0 → 1 payload migration and the built-in 1 → 2, on both paths', async () => {
    cleanups.push(registerFormatReader(0, readV0), registerPayloadMigration(0, migrateV0));
    expect(listReadableVersions()).to.deep.equal([0, 1, 2]);
    const expected = { unit: { name: 'Nörth 🧭', plugins: [{ id: 'a' }, { id: 'b' }] } };
    expect(await decryptBackup(v0, 'x')).to.deep.equal(expected);
    expect(await decryptBackupBlob(new Blob([v0 as BlobPart]), 'x')).to.deep.equal(expected);
    const newer = concatBytes([MAGIC, Uint8Array.of(0, 9)]);
    const error = await expectCode(decryptBackup(newer, 'x'), 'UNSUPPORTED_VERSION');
    expect(error.message).to.contain('reads format version(s) 0, 1, 2').and.to.contain('newer version');
  });

  it('chains migrations in order and leaves current-version payloads alone', async () => {
    const current = { a: 1 };
    expect(await migratePayload(current, FORMAT_VERSION)).to.equal(current);
    cleanups.push(
      registerPayloadMigration(-1, (p) => ({ from: p, step: 'minus1→0' })),
      registerPayloadMigration(0, (p) => ({ from: p, step: '0→1' })),
    );
    // The built-in 1 → 2 is the identity: v2 changed the container, not the payload.
    expect(await migratePayload('x', -1)).to.deep.equal({ from: { from: 'x', step: 'minus1→0' }, step: '0→1' });
  });

  it('unregistering restores the previous behaviour', async () => {
    const remove = registerFormatReader(0, readV0);
    const removeMigration = registerPayloadMigration(0, migrateV0);
    remove();
    removeMigration();
    expect(listReadableVersions()).to.deep.equal([1, 2]);
    await expectCode(decryptBackup(v0, 'x'), 'UNSUPPORTED_VERSION');
  });
});
