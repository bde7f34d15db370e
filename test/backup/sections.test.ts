// A payload, manifest or unit section this version does not know was written by a newer version: refused with
// NEWER_BACKUP naming each section, never dropped without a word. (Unknown fields of entities are kept instead:
// test/backup/lossless.test.ts.)
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup } from '../../src/backup/index.js';
import { parsePayload } from '../../src/backup/open.js';
import { encryptBackup } from '../../src/format/index.js';
import { parseBackupPayload } from '../../src/inspect/open.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS } as const;

async function tinyPayload(): Promise<Record<string, unknown>> {
  const world = await createWorld('empty');
  await buildTinyUnit(world.client());
  const backup = await openBackup((await exportUnit(world.client(), PASSWORD, opts)).blob, PASSWORD);
  await world.drop();
  return JSON.parse(JSON.stringify(backup.payload)) as Record<string, unknown>;
}

describe('sections a newer version wrote', () => {
  const cases: [string, (p: Record<string, any>) => void, string][] = [
    ['a top-level section', (p) => void (p.signatures = []), 'signatures'],
    ['a manifest field', (p) => void (p.manifest.compression = 'zstd'), 'manifest.compression'],
    ['a field of the manifest’s unit', (p) => void (p.manifest.unit.region = 'eu'), 'manifest.unit.region'],
    ['a manifest count', (p) => void (p.manifest.counts.dashboards = 0), 'manifest.counts.dashboards'],
    ['a unit section', (p) => void (p.unit.layouts = [{ id: 'l' }]), 'unit.layouts'],
    ['a "__proto__" unit section', (p) => Object.defineProperty(p.unit, '__proto__', { value: [], enumerable: true }), 'unit.__proto__'],
  ];
  for (const [name, edit, path] of cases) {
    it(`refuses ${name} with NEWER_BACKUP naming it`, async () => {
      const payload = await tinyPayload();
      edit(payload);
      const error = await rejectionOf(parsePayload(payload));
      expect(error.code, error.message).to.equal('NEWER_BACKUP');
      expect((error.issues as { path: string[] }[]).map((i) => i.path.join('.'))).to.deep.equal([path]);
      // The inspector opens it anyway (read-only) and lists the section as a problem.
      const inspected = await parseBackupPayload(payload);
      expect(inspected.issues.map((i) => i.path.join('.'))).to.include(path);
    });
  }

  it('refuses it when opening the file, too', async () => {
    const payload = await tinyPayload();
    (payload.unit as Record<string, unknown>).dashboards = [];
    const file = new Blob([(await encryptBackup(payload, PASSWORD, opts)) as BlobPart]);
    expect((await rejectionOf(openBackup(file, PASSWORD))).code).to.equal('NEWER_BACKUP');
  });
});
