// What the Dashboard would refuse is refused before the wipe: each case below passes Validate, is named in the
// plan (section, entity, reason), and the import fails with UNWRITABLE_BACKUP having sent nothing mutating (the
// server's request log). A `small` world is the target, so a wipe would have had plenty to delete.
import { expect } from '@open-wc/testing';
import { exportUnit, openBackup, planImport, runImport, type OpenedBackup } from '../../src/backup/index.js';
import { computePlan } from '../../src/backup/plan.js';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../src/json.js';
import type { UnitState } from '../../src/schemas.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, buildTinyUnit, uniqueDatabase } from './helpers.js';
import { nested } from './nested.js';

const opts = { iterations: TEST_ITERATIONS, confirmOtherUnit: true } as const;


/** The tiny unit's backup (validated), to change one entity of. */
async function tinyBackup(): Promise<OpenedBackup> {
  const source = await createWorld('empty');
  await buildTinyUnit(source.client());
  const backup = await openBackup((await exportUnit(source.client(), PASSWORD, opts)).blob, PASSWORD);
  await source.drop();
  return backup;
}

/** `backup` with its unit changed by `edit` (a fresh object: the engine validates it again). */
function edited(backup: OpenedBackup, edit: (unit: UnitState) => void): OpenedBackup {
  const payload = JSON.parse(JSON.stringify(backup.payload)) as OpenedBackup['payload'];
  edit(payload.unit);
  return { ...backup, payload };
}

const CASES: { name: string; edit: (u: UnitState) => void; section: string; label: string; reason: RegExp }[] = [
  { name: 'a key named "."', edit: (u) => void (u.keys[0]!.key = '.'), section: 'keys', label: '.', reason: /URL path segment/ },
  { name: 'a key named ".."', edit: (u) => void (u.keys[0]!.key = '..'), section: 'keys', label: '..', reason: /URL path segment/ },
  {
    name: 'a key name with a lone surrogate',
    edit: (u) => void (u.keys[0]!.key = 'half\uD83D.key'),
    section: 'keys',
    label: 'half\uD83D.key',
    reason: /lone UTF-16 surrogate/,
  },
  {
    name: 'a lone surrogate in a configuration',
    edit: (u) => void (u.plugins[0]!.configuration = { text: 'x\uDC00' }),
    section: 'plugins',
    label: 'com.example.provider',
    reason: /lone UTF-16 surrogate/,
  },
  {
    name: 'a workspace whose create body is over the size limit',
    edit: (u) => {
      const big = 'x'.repeat(MAX_BODY_BYTES / 4);
      const app = u.workspaces[0]!.applications[0]!;
      u.workspaces[0]!.applications = [0, 1, 2, 3, 4].map((i) => ({ ...app, position: i, config: { big } }));
    },
    section: 'workspaces',
    label: 'Desk (admin)',
    reason: /request would be 10\.0 MiB; the Dashboard accepts 8\.0 MiB/,
  },
  {
    name: 'a configuration one level deeper than the contract allows',
    // The plugin's body is one level, its configuration the rest.
    edit: (u) => void (u.plugins[1]!.configuration = nested(MAX_JSON_DEPTH) as UnitState["plugins"][number]["configuration"]),
    section: 'plugins',
    label: 'com.example.consumer',
    reason: new RegExp(`nests ${(MAX_JSON_DEPTH + 1).toLocaleString('en')} levels .* accepts ${MAX_JSON_DEPTH.toLocaleString('en')}`),
  },
];

describe('refuse before the wipe what cannot be written', () => {
  for (const c of CASES) {
    it(`${c.name}: named in the plan, refused by the import, nothing mutating sent`, async () => {
      const backup = edited(await tinyBackup(), c.edit);
      const world = await createWorld('small');
      const client = world.client();
      const plan = await planImport(client, backup);
      expect(plan.unwritable.map((p) => [p.section, p.label])).to.deep.equal([[c.section, c.label]]);
      expect(plan.unwritable[0]!.reason).to.match(c.reason);
      await world.clearLog();
      const error = await rejectionOf(runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false }));
      expect(error.code, error.message).to.equal('UNWRITABLE_BACKUP');
      expect((error.issues as { path: unknown[] }[])[0]!.path.slice(0, 2)).to.deep.equal(['unit', c.section]);
      expect(await world.mutations()).to.deep.equal([]);
      await world.drop();
    });
  }

  it('names entities of the target unit the wipe could not address (ids and key names no URL can carry)', async () => {
    const backup = await tinyBackup();
    const current = JSON.parse(JSON.stringify(backup.payload.unit)) as UnitState;
    current.plugins[0]!.id = '..';
    current.profiles[1]!.id = 'pr\uDC00';
    current.keys.push({ key: '.', value: 'v', secret: false }, { key: 'half\uD800', value: 'v', secret: false });
    const plan = await computePlan(current, backup.payload, { id: 'south-news', name: 'South News' }, location.origin);
    expect(plan.unwritable.map((p) => [p.in, p.section, p.label])).to.deep.equal([
      ['unit', 'plugins', 'com.example.provider'],
      ['unit', 'profiles', current.profiles[1]!.name],
      ['unit', 'keys', '.'],
      ['unit', 'keys', 'half\uD800'],
    ]);
    expect(plan.unwritable[0]!.reason).to.match(/its id cannot be a URL path segment .* cannot be deleted/);
    // A key the backup writes anyway is replaced, not deleted: only the backup's side checks its name.
    current.keys.splice(-2, 2);
    expect((await computePlan(current, backup.payload, { id: 'south-news', name: 'South News' }, location.origin)).unwritable).to.have.length(2);
  });
});
