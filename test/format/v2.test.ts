/**
 * Format v2: a random file key in key slots (password, recovery key), told-apart errors, slot bounds and
 * tampering, unknown slot types, re-keying with the chunks untouched, v1 → v2 upgrade.
 */
import { expect } from '@open-wc/testing';
import { describe, it, before } from '../mocha.js';
import {
  decryptBackup,
  decryptBackupBlob,
  describeKeySlots,
  encryptBackup,
  formatRecoveryKey,
  generateRecoveryKey,
  rekeyBackup,
} from '../../src/format/index.js';
import { computeCrc32 } from '../../src/format/bytes.js';
import { parseV2Header, assembleV2Header, encodeV2MacInput } from '../../src/format/header-v2.js';
import {
  concatBytes,
  createRecordingBlob,
  encryptV1,
  expectCode,
  FAST,
  flipByte,
  makePayloadCompressingTo,
  recordSubtleCalls,
  SMALL_CHUNK,
} from './helpers.js';

const PASSWORD = 'v2 pässword 🔐';
const payload = { unit: { name: 'Nörth', items: ['a', 'b', 'c'] } };

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** The same header with a recomputed CRC: what a deliberate tamperer writes. */
function fixCrc(file: Uint8Array, headerBytes: number): Uint8Array {
  const copy = file.slice();
  new DataView(copy.buffer).setUint32(headerBytes - 4, computeCrc32(copy.subarray(0, headerBytes - 4)));
  return copy;
}

describe('format v2: key slots', () => {
  let recoveryKey: Uint8Array;
  let recoveryText: string;
  let both: Uint8Array;

  before(async () => {
    recoveryKey = generateRecoveryKey();
    recoveryText = formatRecoveryKey(recoveryKey);
    both = await encryptBackup(payload, PASSWORD, { ...FAST, recoveryKey: recoveryText });
  });

  it('writes version 2 with a password slot and, on request, a recovery-key slot', async () => {
    const header = parseV2Header(both);
    expect(new DataView(both.buffer).getUint16(8)).to.equal(2);
    expect(header.slots.map((slot) => slot.type)).to.deep.equal([1, 2]);
    expect(await describeKeySlots(both)).to.deep.equal({ version: 2, password: true, recoveryKey: true });
    const only = await encryptBackup(payload, PASSWORD, FAST);
    expect(parseV2Header(only).slots.map((slot) => slot.type)).to.deep.equal([1]);
    expect(await decryptBackup(only, PASSWORD)).to.deep.equal(payload);
  });

  it('round-trips with the password, with the recovery key (text, bytes, lower case with spaces) and on both paths', async () => {
    expect(await decryptBackup(both, PASSWORD)).to.deep.equal(payload);
    expect(await decryptBackup(both, recoveryText)).to.deep.equal(payload);
    expect(await decryptBackup(both, { recoveryKey })).to.deep.equal(payload);
    expect(await decryptBackup(both, recoveryText.toLowerCase().replaceAll('-', ' '))).to.deep.equal(payload);
    expect(await decryptBackupBlob(new Blob([both as BlobPart]), recoveryText)).to.deep.equal(payload);
  });

  it('two files with the same password share no payload key: same payload, different chunks', async () => {
    const a = parseV2Header(both);
    const other = await encryptBackup(payload, PASSWORD, { ...FAST, recoveryKey: recoveryText });
    const b = parseV2Header(other);
    expect([...a.fileSalt]).to.not.deep.equal([...b.fileSalt]);
    expect([...both.subarray(a.headerBytes)]).to.not.deep.equal([...other.subarray(b.headerBytes)]);
  });

  it('tells a wrong password, a wrong recovery key, a missing slot and a damaged file apart', async () => {
    await expectCode(decryptBackup(both, `${PASSWORD}!`), 'WRONG_PASSWORD');
    await expectCode(decryptBackup(both, formatRecoveryKey(generateRecoveryKey())), 'WRONG_RECOVERY_KEY');
    const passwordOnly = await encryptBackup(payload, PASSWORD, FAST);
    await expectCode(decryptBackup(passwordOnly, recoveryText), 'NO_USABLE_KEY_SLOT');
    const keyOnly = await encryptBackup(payload, { recoveryKey }, FAST);
    await expectCode(decryptBackup(keyOnly, PASSWORD), 'NO_USABLE_KEY_SLOT');
    expect(await decryptBackup(keyOnly, recoveryText)).to.deep.equal(payload);
    await expectCode(decryptBackup(flipByte(both, 40), PASSWORD), 'CORRUPT_FILE');
    await expectCode(decryptBackup(flipByte(both, both.length - 3), recoveryText), 'CORRUPT_FILE');
  });

  it('catches a typo in one recovery-key group before any decryption', async () => {
    const groups = recoveryText.split('-');
    const typo = groups.map((group, i) => (i === 3 ? (group[0] === 'A' ? 'B' : 'A') + group.slice(1) : group)).join('-');
    let error: Error | undefined;
    const calls = await recordSubtleCalls(async () => {
      error = await expectCode(decryptBackup(both, typo), 'INVALID_RECOVERY_KEY');
    });
    expect(calls).to.deep.equal([]);
    expect(error!.message).to.contain('Group 4');
  });

  it('reports damage to any header byte as damage, never as a wrong secret (the CRC is checked before any KDF)', async () => {
    const { headerBytes } = parseV2Header(both);
    for (let i = 0; i < headerBytes; i++) {
      const expected = i < 8 ? 'NOT_A_BACKUP' : i < 10 ? 'UNSUPPORTED_VERSION' : 'CORRUPT_FILE';
      const calls = await recordSubtleCalls(() => expectCode(decryptBackup(flipByte(both, i, 0x10), PASSWORD), expected));
      expect(calls, `byte ${i}`).to.deep.equal([]);
    }
  });

  it('refuses a tampered byte anywhere in the slots, even with the CRC fixed', async () => {
    const header = parseV2Header(both);
    for (let i = 66; i < header.headerBytes - 36; i++) {
      const edited = fixCrc(flipByte(both, i, 0x04), header.headerBytes);
      for (const secret of [PASSWORD, recoveryText]) {
        await expectCode(
          decryptBackup(edited, secret),
          'WRONG_PASSWORD',
          'WRONG_RECOVERY_KEY',
          'CORRUPT_FILE',
          'KDF_OUT_OF_RANGE',
          'NO_USABLE_KEY_SLOT',
        );
      }
    }
  });

  it('refuses an edited fixed field behind a fixed CRC as damage once the slot has proved the secret', async () => {
    const header = parseV2Header(both);
    const edited = fixCrc(flipByte(both, 40), header.headerBytes); // the file salt: the MAC no longer verifies
    await expectCode(decryptBackup(edited, PASSWORD), 'CORRUPT_FILE');
  });

  it('skips an unknown slot type, and says so when no slot is usable', async () => {
    const header = parseV2Header(both);
    const unknown = { type: 0x7f, body: Uint8Array.of(1, 2, 3) };
    // Re-encode with an extra slot (its MAC is wrong, so only the slot walk is checked here)…
    const withUnknown = concatBytes([
      assembleV2Header(encodeV2MacInput({ ...header, slots: [unknown, ...header.slots] }), header.mac),
      both.subarray(header.headerBytes),
    ]);
    expect(parseV2Header(withUnknown).slots.map((slot) => slot.type)).to.deep.equal([0x7f, 1, 2]);
    await expectCode(decryptBackup(withUnknown, PASSWORD), 'CORRUPT_FILE'); // slot opens, MAC refuses the edit
    const onlyUnknown = concatBytes([
      assembleV2Header(encodeV2MacInput({ ...header, slots: [unknown] }), header.mac),
      both.subarray(header.headerBytes),
    ]);
    await expectCode(decryptBackup(onlyUnknown, PASSWORD), 'NO_USABLE_KEY_SLOT');
    await expectCode(decryptBackup(onlyUnknown, recoveryText), 'NO_USABLE_KEY_SLOT');
  });

  it('bounds slots before any key derivation: count, sizes, header length, iterations', async () => {
    const header = parseV2Header(both);
    const iterationsAt = 66 + 3; // first slot is the password slot: type, length, then iterations
    const cases: [Uint8Array, string][] = [
      [fixCrc(Object.assign(both.slice(), { [13]: 0 }), header.headerBytes), 'CORRUPT_FILE'], // no slots
      [fixCrc(Object.assign(both.slice(), { [13]: 9 }), header.headerBytes), 'CORRUPT_FILE'], // too many slots
      [fixCrc(Object.assign(both.slice(), { [67]: 0xff }), header.headerBytes), 'CORRUPT_FILE'], // slot too long
      [fixCrc(Object.assign(both.slice(), { [iterationsAt]: 0xff }), header.headerBytes), 'KDF_OUT_OF_RANGE'],
      [Object.assign(both.slice(), { [10]: 0xff }), 'CORRUPT_FILE'], // header length over the cap
    ];
    for (const [file, code] of cases) {
      const { blob, reads } = createRecordingBlob(file);
      const calls = await recordSubtleCalls(() => expectCode(decryptBackupBlob(blob, PASSWORD), code as 'CORRUPT_FILE'));
      expect(calls, code).to.deep.equal([]);
      expect(reads.filter(({ end }) => end > header.headerBytes), 'no read past the header').to.deep.equal([]);
    }
  });
});

describe('format v2: writing', () => {
  it('stops making the key slots when the payload is refused: no slot is sealed after the call', async () => {
    let refused: unknown;
    const calls = await recordSubtleCalls(
      () => encryptBackup({ n: 1n }, PASSWORD, FAST).catch((error: unknown) => (refused = error)),
      { untilQuiet: true },
    );
    expect((refused as { code?: string }).code).to.equal('INVALID_OPTIONS');
    expect(calls, 'no file key wrapped, no chunk sealed').to.not.include('encrypt');
    const accepted = await recordSubtleCalls(() => encryptBackup({ n: 1 }, PASSWORD, FAST), { untilQuiet: true });
    expect(accepted.filter((c) => c === 'encrypt')).to.have.length(2); // the slot's wrap and the one chunk
  });

  it('refuses an empty password and a mistyped recovery key before any work', async () => {
    const key = formatRecoveryKey(generateRecoveryKey());
    const typo = `${key[0] === '0' ? '1' : '0'}${key.slice(1)}`;
    const calls = await recordSubtleCalls(async () => {
      await expectCode(encryptBackup(payload, '', FAST), 'PASSWORD_TOO_SHORT');
      await expectCode(encryptBackup(payload, PASSWORD, { ...FAST, recoveryKey: typo }), 'INVALID_RECOVERY_KEY');
      await expectCode(encryptBackup(payload, { recoveryKey: typo }, FAST), 'INVALID_RECOVERY_KEY');
    });
    expect(calls).to.deep.equal([]);
  });
});

describe('format v2: re-keying', () => {
  it('changes the password, adds and removes a recovery key, leaving every chunk byte-for-byte the same', async () => {
    const original = await encryptBackup(makePayloadCompressingTo(3 * SMALL_CHUNK), PASSWORD, { ...FAST, chunkBytes: SMALL_CHUNK });
    const expected = await decryptBackup(original, PASSWORD);
    const chunks = original.subarray(parseV2Header(original).headerBytes);
    const key = formatRecoveryKey(generateRecoveryKey());

    const renamed = await bytesOf(await rekeyBackup(original, PASSWORD, { password: 'new one', iterations: FAST.iterations }));
    await expectCode(decryptBackup(renamed, PASSWORD), 'WRONG_PASSWORD');
    expect(await decryptBackup(renamed, 'new one')).to.deep.equal(expected);
    expect([...renamed.subarray(parseV2Header(renamed).headerBytes)]).to.deep.equal([...chunks]);

    const withKey = await bytesOf(await rekeyBackup(new Blob([renamed as BlobPart]), 'new one', { recoveryKey: key }));
    expect(await decryptBackup(withKey, key)).to.deep.equal(expected);
    expect(await decryptBackup(withKey, 'new one')).to.deep.equal(expected);
    expect([...withKey.subarray(parseV2Header(withKey).headerBytes)]).to.deep.equal([...chunks]);

    const keyOnly = await bytesOf(await rekeyBackup(withKey, key, { password: null }));
    await expectCode(decryptBackup(keyOnly, 'new one'), 'NO_USABLE_KEY_SLOT');
    expect(await decryptBackup(keyOnly, key)).to.deep.equal(expected);

    const passwordAgain = await bytesOf(
      await rekeyBackup(keyOnly, key, { password: 'third', recoveryKey: null, iterations: FAST.iterations }),
    );
    await expectCode(decryptBackup(passwordAgain, key), 'NO_USABLE_KEY_SLOT');
    expect(await decryptBackup(passwordAgain, 'third')).to.deep.equal(expected);
    expect([...passwordAgain.subarray(parseV2Header(passwordAgain).headerBytes)]).to.deep.equal([...chunks]);
    await expectCode(rekeyBackup(passwordAgain, 'third', { password: null }), 'INVALID_OPTIONS');
    await expectCode(rekeyBackup(passwordAgain, 'wrong', { password: 'x' }), 'WRONG_PASSWORD');
  });

  it('upgrades a v1 file to v2, chunks unchanged, opening with the new password and the recovery key', async () => {
    const v1 = await encryptV1(makePayloadCompressingTo(2 * SMALL_CHUNK + 10), PASSWORD, { ...FAST, chunkBytes: SMALL_CHUNK });
    const expected = await decryptBackup(v1, PASSWORD);
    const key = generateRecoveryKey();
    const upgraded = await bytesOf(
      await rekeyBackup(v1, PASSWORD, { password: 'upgraded', recoveryKey: key, iterations: FAST.iterations }),
    );
    const header = parseV2Header(upgraded);
    expect(header.keySchedule).to.equal(1);
    expect([...upgraded.subarray(header.headerBytes)]).to.deep.equal([...v1.subarray(88)]);
    expect(await decryptBackup(upgraded, 'upgraded')).to.deep.equal(expected);
    expect(await decryptBackup(upgraded, { recoveryKey: key })).to.deep.equal(expected);
    await expectCode(decryptBackup(upgraded, PASSWORD), 'WRONG_PASSWORD');
    // Left out, the password stays the same one.
    const same = await bytesOf(await rekeyBackup(v1, PASSWORD, { iterations: FAST.iterations }));
    expect(await decryptBackup(same, PASSWORD)).to.deep.equal(expected);
  });
});
