/**
 * Iteration-count calibration for format v2 (issue 12, "Strength"): what unlocking a password slot costs at the
 * default and at higher counts within the reader bounds, and what a recovery-key slot costs. Figures only; the
 * choice made from them is stated in docs/format.md ("Iteration count").
 */
import type { BenchTable } from './types.js';
import { DEFAULT_ITERATIONS, encryptBackup, MAX_ITERATIONS, formatRecoveryKey, generateRecoveryKey } from '../src/format/index.js';
import { parseV2Header } from '../src/format/header-v2.js';
import { openPasswordSlot, openRecoveryKeySlot } from '../src/format/slots.js';

const PASSWORD = 'bench password ✓';
const COUNTS = [DEFAULT_ITERATIONS, 1_000_000, 2_000_000, 5_000_000, MAX_ITERATIONS];
const RUNS = 3;

const round = (n: number) => Math.round(n * 100) / 100;

async function time(run: () => Promise<unknown>, runs = RUNS): Promise<[number, number]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return [round(Math.min(...times)), round(times.reduce((a, b) => a + b) / times.length)];
}

/** Opening one slot of a real v2 file, per iteration count; then a recovery-key slot. */
export async function measureKdfCalibration(): Promise<BenchTable> {
  const rows: (string | number)[][] = [];
  for (const iterations of COUNTS) {
    const file = await encryptBackup({ bench: true }, PASSWORD, { iterations });
    const slot = parseV2Header(file).slots[0]!;
    rows.push([`password slot, ${iterations.toLocaleString('en')} iterations`, RUNS, ...(await time(() => openPasswordSlot(slot, PASSWORD)))]);
  }
  const key = generateRecoveryKey();
  const file = await encryptBackup({ bench: true }, { recoveryKey: formatRecoveryKey(key) });
  const slot = parseV2Header(file).slots[0]!;
  rows.push(['recovery-key slot (HKDF, no slow KDF)', 20, ...(await time(() => openRecoveryKeySlot(slot, key), 20))]);
  return {
    title: 'Format v2: unlocking one key slot (iteration-count calibration)',
    columns: ['slot', 'runs', 'min ms', 'mean ms'],
    rows,
    notes: [
      'A reader tries at most 2 password slots, so a hostile file costs at most twice the 10 000 000 row.',
      'The writer keeps DEFAULT_ITERATIONS rather than calibrating per device: see docs/format.md, "Iteration count".',
    ],
  };
}
