/**
 * A v2 file's key work prepared before its payload (prepareEncryption: an export derives while it reads): the same
 * bytes whenever the payload arrives, one payload per preparation, and a cancel or an abort during the derivation
 * stops it at its next step (no slot wrapped afterwards) with ABORTED, leaving nothing unhandled.
 */
import { expect } from '@open-wc/testing';
import { concatBytes } from '../../src/format/bytes.js';
import { encryptToParts, prepareEncryption } from '../../src/format/encrypt.js';
import { parseV2Header } from '../../src/format/header-v2.js';
import { decryptBackup, formatRecoveryKey, generateRecoveryKey } from '../../src/format/index.js';
import { describe, it } from '../mocha.js';
import { expectCode, FAST, recordSubtleCalls, SMALL_CHUNK, makePayloadCompressingTo, withFixedRandomness } from './helpers.js';

const PASSWORD = 'prepared pässword';

describe('format: prepared encryption', () => {
  it('writes byte for byte what one call writes, with the payload given only once the key work is done', async () => {
    const payload = makePayloadCompressingTo(3 * SMALL_CHUNK);
    const options = { ...FAST, chunkBytes: SMALL_CHUNK, recoveryKey: formatRecoveryKey(generateRecoveryKey()) };
    const inOneCall = concatBytes(await withFixedRandomness(() => encryptToParts(payload, PASSWORD, options)));
    const prepared = concatBytes(
      await withFixedRandomness(async () => {
        const encryption = prepareEncryption(PASSWORD, options);
        await encryption.ready;
        return encryption.seal(payload);
      }),
    );
    expect(prepared).to.deep.equal(inOneCall);
    expect(parseV2Header(prepared).slots.map((s) => s.type)).to.deep.equal([1, 2]);
    expect(await decryptBackup(prepared, PASSWORD)).to.deep.equal(payload);
    expect(await decryptBackup(prepared, options.recoveryKey)).to.deep.equal(payload);
  });

  it('seals one payload only', async () => {
    const encryption = prepareEncryption(PASSWORD, FAST);
    await encryption.seal({ a: 1 });
    await expectCode(encryption.seal({ a: 2 }), 'INVALID_OPTIONS');
  });

  for (const how of ['cancel()', 'its signal'] as const) {
    it(`stops at the derivation's next step when cancelled by ${how}: ABORTED, no slot wrapped, nothing unhandled`, async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
      addEventListener('unhandledrejection', onUnhandled);
      try {
        const controller = new AbortController();
        let ready: Promise<void> | undefined;
        const calls = await recordSubtleCalls(
          async () => {
            const encryption = prepareEncryption(PASSWORD, { ...FAST, signal: controller.signal });
            ready = encryption.ready;
            if (how === 'cancel()') encryption.cancel();
            else controller.abort();
            await expectCode(encryption.seal({ a: 1 }), 'ABORTED');
          },
          { untilQuiet: true },
        );
        expect(calls, 'PBKDF2 was running').to.include('deriveKey');
        expect(calls, 'no key wrapped, no chunk sealed').to.not.include('encrypt');
        await expectCode(ready!, 'ABORTED');
        expect(unhandled).to.deep.equal([]);
      } finally {
        removeEventListener('unhandledrejection', onUnhandled);
      }
    });
  }

  it('refuses bad options and secrets at once, before any key work', async () => {
    const calls = await recordSubtleCalls(async () => {
      for (const [run, code] of [
        [() => prepareEncryption(PASSWORD, { iterations: 1 }), 'KDF_OUT_OF_RANGE'],
        [() => prepareEncryption(PASSWORD, { ...FAST, chunkBytes: 1 }), 'INVALID_OPTIONS'],
        [() => prepareEncryption('', FAST), 'PASSWORD_TOO_SHORT'],
        [() => prepareEncryption(PASSWORD, { ...FAST, recoveryKey: 'AAAA-BBBB' }), 'INVALID_RECOVERY_KEY'],
      ] as const) {
        expect(run, code).to.throw().with.property('code', code);
      }
    });
    expect(calls).to.deep.equal([]);
  });
});
