// A selective run that stops at any of its requests (a 500 before the change, a dropped answer after it) keeps an
// exact journal: resumed, it reaches the same unit as a run without faults; rolled back, the unit is exactly as it
// was before the run (every field and the order, findDifferences), and in both cases every entity the run was not
// meant to touch is byte for byte as it was.
import { expect } from '@open-wc/testing';
import type { DashboardClient } from '../../src/api/index.js';
import { findDifferences, findUnfinishedImport, resumeImport, rollbackImport, runSelectiveRestore, type Selection } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, rejectionOf, type FaultRule } from '../world.js';
import { OUTAGE } from './faults.js';
import { PASSWORD, TEST_ITERATIONS, normalizeState, uniqueDatabase } from './helpers.js';
import { expectUntouched, selectiveWorld, workspace } from './selective-helpers.js';

const opts = { iterations: TEST_ITERATIONS, reload: false as const, stepRetries: 0 };
const SELECTION: Selection = { workspaces: [{ name: 'Desk', owner: 'admin' }], keys: ['api.url'] };
const TOUCHED = ['workspaces:Desk', 'profiles:Editors', 'profiles:Admins', 'keys:api.url'];

/** The break: "Desk" changed (so both profiles listing it are recreated), "api.url" changed, a workspace added. */
async function breakUnit(client: DashboardClient): Promise<void> {
  const ws = await client.listWorkspaces(UNIT);
  const desk = ws.find((w) => w.name === 'Desk')!;
  const listing = (await client.listProfiles(UNIT)).filter((p) => p.workspaces.includes(desk.id));
  for (const p of listing) await client.deleteProfile(UNIT, p.id);
  await client.deleteWorkspace(UNIT, desk.id);
  const broken = await client.createWorkspace(UNIT, workspace('Desk', 'com.example.consumer', 'broken'));
  for (const p of listing) {
    await client.createProfile(UNIT, { name: p.name, roles: p.roles, workspaces: p.workspaces.map((id) => (id === desk.id ? broken.id : id)) });
  }
  await client.putKey(UNIT, { key: 'api.url', value: 'https://wrong.example', secret: false });
  await client.createWorkspace(UNIT, workspace('Later', 'com.example.provider'));
}

describe('selective restore: faults, resume and rollback', () => {
  it('stops at every request, then resumes to the fault-free result or rolls back exactly', async function () {
    this.timeout(600000);
    const { world: master, backup } = await selectiveWorld();
    await breakUnit(master.client());
    const broken = await master.state();
    await master.clearLog();
    const clean = await runSelectiveRestore(master.client(), backup, SELECTION, PASSWORD, { ...opts, database: uniqueDatabase() });
    expect(clean.verified, clean.differences.join(' ')).to.equal(true);
    const positions = (await master.mutations()).length;
    const expected = normalizeState(await master.state());
    expectUntouched(broken, await master.state(), TOUCHED);
    await master.drop();
    expect(positions).to.be.greaterThan(4);

    let cases = 0;
    for (const kind of ['500', 'drop'] as const) {
      for (let nth = 1; nth <= positions; nth++) {
        for (const then of ['resume', 'rollback'] as const) {
          const label = `${kind} at ${nth}, ${then}`;
          const { world } = await selectiveWorld();
          await breakUnit(world.client());
          const before = await world.state();
          const database = uniqueDatabase();
          const fault: FaultRule = { kind, when: kind === 'drop' ? 'after' : 'before', nth, times: OUTAGE };
          await world.faults(fault);
          const stopped = await rejectionOf(runSelectiveRestore(world.client(), backup, SELECTION, PASSWORD, { ...opts, database }));
          expect(stopped.code, `${label}: ${stopped.message}`).to.equal('IMPORT_INCOMPLETE');
          expect(await findUnfinishedImport({ database }), label).to.not.equal(undefined);
          await world.clearFaults();
          const result = then === 'resume'
            ? await resumeImport(world.client(), PASSWORD, { ...opts, database })
            : await rollbackImport(world.client(), PASSWORD, { ...opts, database });
          expect(result.verified, `${label}: ${result.differences.join(' ')}`).to.equal(true);
          const after = await world.state();
          if (then === 'resume') {
            expect(normalizeState(after), label).to.deep.equal(expected);
            expectUntouched(before, after, TOUCHED);
          } else {
            expect(await findDifferences(after, before), label).to.deep.equal([]);
            expect(normalizeState(after), label).to.deep.equal(normalizeState(before));
          }
          expect(await findUnfinishedImport({ database }), label).to.equal(undefined);
          await world.drop();
          cases++;
        }
      }
    }
    expect(cases).to.equal(positions * 4);
  });
});
