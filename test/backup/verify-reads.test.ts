// What verification reads back: every list and every plugin (a plugin's mappings change in place), but not the
// workspaces this page created (their create's answer is what stands: no route changes a workspace in place). A
// workspace someone else put in place of one of them has another id, so it is read, and a one-field difference in
// it is still reported.
import { expect } from '@open-wc/testing';
import { runImport } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, type LogEntry, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, gatedClient, tinyBackupAndSmallWorld, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, confirmOtherUnit: true, reload: false } as const;

/** Reads after the import's last change, detail reads counted per kind. */
function verifyReads(log: LogEntry[]): { workspaces: number; plugins: number } {
  const last = log.findLastIndex((e) => e.mutating);
  const reads = log.slice(last + 1).filter((e) => e.method === 'GET');
  const detail = (kind: string) => reads.filter((e) => new RegExp(`^/units/[^/]+/${kind}/[^/]+$`).test(e.path)).length;
  return { workspaces: detail('workspaces'), plugins: detail('plugins') };
}


/** Another admin replaces workspace `name` by a look-alike whose `layout` differs (profiles re-pointed to it). */
async function replaceWorkspace(world: World, name: string): Promise<void> {
  const other = world.client();
  const state = await world.state();
  const old = state.workspaces.find((w) => w.name === name)!;
  for (const p of state.profiles) await other.deleteProfile(UNIT, p.id);
  await other.deleteWorkspace(UNIT, old.id);
  const { id: _id, applications, ...rest } = old;
  const twin = await other.createWorkspace(UNIT, {
    ...rest,
    layout: `${String(old.layout)}-changed`,
    applications: applications.map(({ id: _a, ...a }) => a),
  });
  for (const { id: _p, ...p } of state.profiles) {
    await other.createProfile(UNIT, { ...p, workspaces: p.workspaces.map((id) => (id === old.id ? twin.id : id)) });
  }
}

describe('verification reads', () => {
  it('reads every plugin but no workspace this page created, and verifies', async () => {
    const { backup, world } = await tinyBackupAndSmallWorld();
    await world.clearLog();
    const result = await runImport(world.client(), backup, PASSWORD, { ...opts, database: uniqueDatabase() });
    expect(result.verified).to.equal(true);
    expect(verifyReads(await world.log())).to.deep.equal({ workspaces: 0, plugins: backup.counts.plugins });
    await world.drop();
  });

  it('still reports a one-field difference in a workspace another admin put in place of a created one', async () => {
    const { backup, world } = await tinyBackupAndSmallWorld();
    let tamper: Promise<unknown> | undefined;
    const client = gatedClient(world.client(), () => tamper);
    const result = await runImport(client, backup, PASSWORD, {
      ...opts,
      database: uniqueDatabase(),
      onProgress: (p) => {
        if (p.phase === 'verify' && p.done === 0) tamper ??= replaceWorkspace(world, 'Wire');
      },
    });
    expect(tamper).to.not.equal(undefined);
    expect(result.verified).to.equal(false);
    expect(result.differences.some((d) => d.includes('Wire') && d.includes('layout')), result.differences.join('; ')).to.equal(true);
    await world.drop();
  });
});
