// Everything that must fail before the unit is touched: zero mutating requests, proved by the server's log.
import { expect } from '@open-wc/testing';
import { encryptBackup } from '../../src/format/index.js';
import { exportUnit, findUnfinishedImport, openBackup, planImport, runImport } from '../../src/backup/index.js';
import type { OpenedBackup } from '../../src/backup/index.js';
import { describe, it } from '../mocha.js';
import { createWorld, rejectionOf, withToken, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, uniqueDatabase, unlikeItsUnit } from './helpers.js';

const opts = { iterations: TEST_ITERATIONS } as const;

async function exported(world: World) {
  return exportUnit(world.client(), PASSWORD, opts);
}

/** Expects `attempt` to fail with `code` and the world to have seen no mutating request. */
async function expectUntouched(world: World, attempt: Promise<unknown>, code: string) {
  const error = await rejectionOf(attempt);
  expect(error.code, error.message).to.equal(code);
  expect(await world.mutations()).to.deep.equal([]);
  return error;
}

describe('refusals leave the unit untouched', () => {
  it('export: a short password and a non-admin are refused before any unit data is read', async () => {
    const world = await createWorld('small');
    await expectUntouched(world, exportUnit(world.client(), 'abc', opts), 'PASSWORD_TOO_SHORT');
    expect(await world.log()).to.deep.equal([]);
    await expectUntouched(world, exportUnit(world.client(withToken('editor-token')), PASSWORD, opts), 'NOT_ADMIN');
    const log = await world.log();
    expect(log.map((e) => `${e.method} ${e.path}`)).to.deep.equal(['GET /session']);
  });

  it('a wrong password and a damaged file are told apart; neither sends anything', async () => {
    const world = await createWorld('small');
    const { blob } = await exported(world);
    await world.clearLog();
    await expectUntouched(world, openBackup(blob, 'wrong password'), 'WRONG_PASSWORD');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    bytes[bytes.length - 40]! ^= 0x01;
    await expectUntouched(world, openBackup(new Blob([bytes]), PASSWORD), 'CORRUPT_FILE');
    await expectUntouched(world, openBackup(new Blob([new TextEncoder().encode('{"not":"a backup"}')]), PASSWORD), 'NOT_A_BACKUP');
    expect(await world.log()).to.deep.equal([]);
  });

  it('an invalid payload (a valid encryption of bad content) is reported with every path', async () => {
    const world = await createWorld('small');
    const good = await openBackup((await exported(world)).blob, PASSWORD);
    const bad = structuredClone(good.payload) as unknown as Record<string, any>;
    bad.manifest.payloadVersion = 7;
    bad.unit.plugins[0].bundle = 'not a bundle';
    delete bad.unit.keys[0].value;
    const file = new Blob([(await encryptBackup(bad, PASSWORD, opts)) as BlobPart]);
    await world.clearLog();
    const error = await expectUntouched(world, openBackup(file, PASSWORD), 'INVALID_BACKUP');
    const paths = (error.issues as { path: unknown[] }[]).map((i) => i.path.join('.'));
    expect(paths).to.include.members(['manifest.payloadVersion', 'unit.plugins.0.bundle', 'unit.keys.0.value']);
    // A broken envelope (a section missing) does not hide the problems of the other sections.
    const broken = structuredClone(bad);
    delete broken.unit.keys;
    broken.unit.workspaces[0].applications = 'none';
    const brokenFile = new Blob([(await encryptBackup(broken, PASSWORD, opts)) as BlobPart]);
    const brokenError = await expectUntouched(world, openBackup(brokenFile, PASSWORD), 'INVALID_BACKUP');
    expect((brokenError.issues as { path: unknown[] }[]).map((i) => i.path.join('.'))).to.have.members([
      'unit.keys',
      'manifest.payloadVersion',
      'unit.plugins.0.bundle',
      'unit.workspaces.0.applications',
    ]);
    // Handed straight to the engine, the same content is refused as well.
    const forged = { ...good, payload: bad } as unknown as OpenedBackup;
    await expectUntouched(world, runImport(world.client(), forged, PASSWORD, { ...opts, database: uniqueDatabase(), reload: false }), 'INVALID_BACKUP');
    // Duplicates are invalid too.
    const dup = structuredClone(good.payload);
    dup.unit.keys.push(dup.unit.keys[0]!);
    const dupFile = new Blob([(await encryptBackup(dup, PASSWORD, opts)) as BlobPart]);
    await expectUntouched(world, openBackup(dupFile, PASSWORD), 'INVALID_BACKUP');
  });

  it('dangling references are listed by the plan and refused by the import', async () => {
    const world = await createWorld('small');
    const good = await openBackup((await exported(world)).blob, PASSWORD);
    const payload = structuredClone(good.payload);
    const withApps = payload.unit.workspaces.findIndex((w) => w.applications.length > 0);
    payload.unit.workspaces[withApps]!.applications[0]!.plugin = 'org.missing.plugin';
    payload.unit.profiles[0]!.workspaces.push('no-such-workspace');
    payload.unit.plugins[0]!.requirementMappings.portals['ghost'] = 'org.missing.provider';
    const backup = await openBackup(new Blob([(await encryptBackup(payload, PASSWORD, opts)) as BlobPart]), PASSWORD);
    const expected = [
      ['unit', 'plugins', 0, 'requirementMappings', 'portals', 'ghost'],
      ['unit', 'workspaces', withApps, 'applications', 0, 'plugin'],
      ['unit', 'profiles', 0, 'workspaces', payload.unit.profiles[0]!.workspaces.length - 1],
    ];
    expect(backup.dangling.map((i) => i.path)).to.deep.equal(expected);
    const plan = await planImport(world.client(), backup);
    expect(plan.dangling.map((i) => i.path)).to.deep.equal(expected);
    const database = uniqueDatabase();
    const error = await expectUntouched(world, runImport(world.client(), backup, PASSWORD, { ...opts, database, reload: false }), 'DANGLING_REFERENCE');
    expect((error.issues as unknown[]).length).to.equal(3);
    expect(await findUnfinishedImport({ database })).to.equal(undefined);
  });

  it('a non-admin, a short password, another unit unconfirmed, an unfinished journal: nothing sent', async () => {
    const world = await createWorld('small');
    // Changed everywhere, so the import has changes to make (an import keeps what stands as the backup wants it).
    const backup = unlikeItsUnit(await openBackup((await exported(world)).blob, PASSWORD));
    await world.clearLog();
    const database = uniqueDatabase();
    const run = (token: string, o: object = {}, password = PASSWORD) =>
      runImport(world.client(withToken(token)), backup, password, { ...opts, database, reload: false, ...o });
    await expectUntouched(world, run('editor-token'), 'NOT_ADMIN');
    await expectUntouched(world, run('admin-token', {}, 'abc'), 'PASSWORD_TOO_SHORT');
    await expectUntouched(world, run('admin-token', { unit: 'north-news' }), 'UNIT_MISMATCH');
    await expectUntouched(world, run('admin-token', { unit: 'north-news', confirmOtherUnit: 'yes' }), 'UNIT_MISMATCH');
    await expectUntouched(world, planImport(world.client(withToken('editor-token')), backup), 'NOT_ADMIN');
    // An import stopped by a failure leaves a journal; a new import is refused until it is resolved.
    await world.faults({ kind: '500', when: 'before', nth: 3 });
    const stopped = await rejectionOf(run('admin-token', { stepRetries: 0 }));
    expect(stopped.code).to.equal('IMPORT_INCOMPLETE');
    await world.clearFaults();
    await world.clearLog();
    await expectUntouched(world, run('admin-token'), 'IMPORT_INCOMPLETE');
  });
});
