// The import the admin confirms with the preview's plan reuses the preview's read where nothing can have changed
// (a workspace listed again unchanged), and reads again, holding the restore lock, what can (lists, plugins): so
// the safety snapshot is exactly the unit the wipe destroys, even when another admin edited it after the preview.
import { expect } from '@open-wc/testing';
import { planImport, rollbackImport, runImport } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, rejectionOf, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, tinyBackupAndSmallWorld, normalizeState, uniqueDatabase } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS, confirmOtherUnit: true, reload: false } as const;

/** Reads before the import's first change: `GET …/workspaces/{id}` and `GET …/plugins/{id}` counted apart. */
async function preflightReads(world: World): Promise<{ workspaceDetails: number; pluginDetails: number; lists: number }> {
  const log = await world.log();
  const first = log.findIndex((e) => e.mutating);
  const reads = log.slice(0, first < 0 ? log.length : first).filter((e) => e.method === 'GET');
  const detail = (kind: string) => reads.filter((e) => new RegExp(`^/units/[^/]+/${kind}/[^/]+$`).test(e.path)).length;
  const lists = reads.filter((e) => /^\/units\/[^/]+\/(plugins|workspaces|profiles|keys)$/.test(e.path)).length;
  return { workspaceDetails: detail('workspaces'), pluginDetails: detail('plugins'), lists };
}

describe('the preview read, reused by the import it confirms', () => {
  it('reads no workspace in detail again, but every list and plugin; the import verifies', async () => {
    const { backup, world } = await tinyBackupAndSmallWorld();
    const client = world.client();
    const plan = await planImport(client, backup);
    const state = await world.state();
    await world.clearLog();
    const result = await runImport(client, backup, PASSWORD, { ...opts, database: uniqueDatabase(), expectedPlan: plan });
    expect(result.verified).to.equal(true);
    const reads = await preflightReads(world);
    expect(reads.workspaceDetails, 'workspace details read again').to.equal(0);
    expect(reads.pluginDetails, 'plugins read again (their mappings change in place)').to.equal(state.plugins.length);
    expect(reads.lists).to.be.at.least(4);
    await world.drop();
  });

  it('an edit by another admin after the preview is in the safety snapshot: a rollback returns to the edited unit exactly', async () => {
    const { backup, world } = await tinyBackupAndSmallWorld();
    const client = world.client();
    const plan = await planImport(client, backup);
    // Another admin, after the preview: a plugin's mappings changed in place (same id, same summary in the list),
    // and a key's value. Neither changes what the plan deletes or creates, so the import goes on.
    const other = world.client();
    const plugin = (await world.state()).plugins[0]!;
    await other.setPluginMappings(UNIT, plugin.id, { actions: { selfCheck: plugin.bundle }, portals: {} });
    const key = (await world.state()).keys[0]!;
    await other.putKey(UNIT, { ...key, value: `${key.value} (edited after the preview)` });
    const edited = normalizeState(await world.state());
    const database = uniqueDatabase();
    // The import stops part-way (the third change fails for good), the unit half-wiped.
    await world.faults({ kind: '500', when: 'before', nth: 3, times: 1000 });
    const stopped = await rejectionOf(runImport(client, backup, PASSWORD, { ...opts, database, expectedPlan: plan, stepRetries: 0 }));
    expect(stopped.code).to.equal('IMPORT_INCOMPLETE');
    await world.clearFaults();
    // The rollback restores the unit as the wipe found it, the other admin's edits included.
    const back = await rollbackImport(client, PASSWORD, { ...opts, database, unit: UNIT });
    expect(back.verified).to.equal(true);
    expect(normalizeState(await world.state())).to.deep.equal(edited);
    await world.drop();
  });
});
