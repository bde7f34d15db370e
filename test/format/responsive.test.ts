/**
 * The page stays responsive: encryption and decryption of a large payload yield to the event loop between small
 * steps. Asserted as behaviour (other tasks get to run throughout); the longest-task figure on a 50 MB payload is
 * measured by bench/format.bench.ts, not asserted here, because timing on shared CI machines is noise.
 */
import { expect } from '@open-wc/testing';
import { describe, it } from '../mocha.js';
import { decryptBackupBlob, encryptBackupToBlob } from '../../src/format/index.js';
import { FAST } from './helpers.js';

function makeLargePayload(): unknown {
  const items = Array.from({ length: 40_000 }, (_, i) => ({
    id: `id-${i}`,
    name: `Plugin ${i} — ñ`,
    config: { a: i, b: `value ${i * 31}`, list: [i, i + 1, `x${i % 97}`] },
  }));
  return { manifest: { unit: 'south-news' }, unit: { plugins: items, keys: items.map((p) => ({ key: p.id, value: p.name })) } };
}

/** Runs `work` while a timer counts how often the event loop got a turn. */
async function countTurns<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => turns++, 0);
  try {
    const result = await work();
    return { result, turns };
  } finally {
    clearInterval(timer);
  }
}

describe('format: responsiveness', () => {
  it('lets other tasks run throughout encryption and decryption (several MB, timers keep firing)', async () => {
    const payload = makeLargePayload();
    const encrypted = await countTurns(() => encryptBackupToBlob(payload, 'pw', FAST));
    expect(encrypted.result.size).to.be.greaterThan(100_000);
    expect(encrypted.turns, 'timer turns during encryption').to.be.greaterThan(3);
    const decrypted = await countTurns(() => decryptBackupBlob(encrypted.result, 'pw'));
    expect(decrypted.turns, 'timer turns during decryption').to.be.greaterThan(3);
    expect(decrypted.result).to.deep.equal(payload);
  });
});
