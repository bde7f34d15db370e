/**
 * The page stays responsive: encryption and decryption of a large payload yield to the event loop between small
 * steps. Asserted as behaviour, phase by phase — a timer gets turns *inside* serialisation, compression, inflation
 * and parsing, which a pipeline that ran any of them as one task could not give — never as a duration. The
 * longest-task figure on a 50 MB payload is measured by bench/format.bench.ts, because timing on a shared 2-core
 * machine is noise.
 */
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { decryptBackupBlob, encryptBackupToBlob } from '../../src/format/index.js';
import { parseJsonIncrementally } from '../../src/format/parse.js';
import { FAST } from './helpers.js';

/**
 * A chunk size that cuts the ~6 MB payload below (about 0.9 MB compressed) into several chunks, whatever the
 * writers' default.
 */
const SEVERAL_CHUNKS = 256 * 1024;

/** About 6 MB of JSON in 80 000 small records; every record counts how often it has been serialised. */
function makeLargePayload(): { payload: unknown; records: number; serialised: () => number } {
  let serialised = 0;
  const count = (record: Record<string, unknown>, key: string) => {
    const value = record[key];
    Object.defineProperty(record, key, {
      enumerable: true,
      get: () => {
        serialised++;
        return value;
      },
    });
    return record;
  };
  const items = Array.from({ length: 40_000 }, (_, i) => ({
    id: `id-${i}`,
    name: `Plugin ${i} — ñ`,
    config: { a: i, b: `value ${i * 31}`, list: [i, i + 1, `x${i % 97}`] },
  }));
  const keys = items.map((p) => count({ key: p.id, value: p.name }, 'key'));
  const plugins = items.map((p) => count(p, 'id'));
  const payload = { manifest: { unit: 'south-news' }, unit: { plugins, keys } };
  return { payload, records: plugins.length + keys.length, serialised: () => serialised };
}

/** Runs `work` while a 0 ms interval timer counts its turns by the phase `phase()` names at each turn. */
async function countTurnsByPhase<T>(work: () => Promise<T>, phase: () => string): Promise<{ result: T; turns: Record<string, number> }> {
  const turns: Record<string, number> = {};
  const timer = setInterval(() => {
    const name = phase();
    turns[name] = (turns[name] ?? 0) + 1;
  }, 0);
  try {
    return { result: await work(), turns };
  } finally {
    clearInterval(timer);
  }
}

describe('format: responsiveness', () => {
  it('lets timers run inside every phase of encryption and decryption (about 6 MB)', async () => {
    const { payload, records, serialised } = makeLargePayload();

    let progress: { done: number; total: number } | undefined;
    // Decryption reports progress once per chunk, so "inside inflation" is only observable between chunks: the
    // file is written in 256 KiB chunks. The reader inflates
    // any chunk in 16 KiB steps whatever its size, so this is the same code path a default-sized chunk takes.
    const encrypted = await countTurnsByPhase(
      () => encryptBackupToBlob(payload, 'pw', { ...FAST, chunkBytes: SEVERAL_CHUNKS, onProgress: (p) => (progress = p) }),
      () => {
        if (!progress) return serialised() > 0 && serialised() < records ? 'serialising' : 'other';
        return progress.done < progress.total ? 'compressing' : 'other';
      },
    );
    expect(serialised()).to.equal(records);
    expect(encrypted.result.size).to.be.greaterThan(SEVERAL_CHUNKS * 2); // several chunks
    expect(encrypted.turns.serialising ?? 0, 'timer turns while serialising').to.be.greaterThan(0);
    expect(encrypted.turns.compressing ?? 0, 'timer turns while compressing and sealing').to.be.greaterThan(0);

    progress = undefined;
    const decrypted = await countTurnsByPhase(
      () => decryptBackupBlob(encrypted.result, 'pw', { onProgress: (p) => (progress = p) }),
      () => {
        if (!progress) return 'other'; // key derivation (inside WebCrypto) and the first chunk
        return progress.done < progress.total ? 'inflating' : 'parsing';
      },
    );
    expect(decrypted.turns.inflating ?? 0, 'timer turns while opening and inflating chunks').to.be.greaterThan(0);
    expect(decrypted.turns.parsing ?? 0, 'timer turns while parsing').to.be.greaterThan(0);
    expect(decrypted.result).to.deep.equal(payload);
  });

  it('the time-sliced parser offers to yield after every value below the top levels', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ i, deep: { deeper: [i] } }));
    let pauses = 0;
    const parsed = await parseJsonIncrementally(JSON.stringify({ unit: { items } }), async () => {
      pauses++;
    });
    expect(parsed).to.deep.equal({ unit: { items } });
    expect(pauses).to.be.at.least(items.length);
  });
});
