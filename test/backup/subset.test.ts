// A selection saved offline as a smaller backup: the chosen entities and what they refer to, nothing else, in the
// backup's order; same format, opened with the new password (or the recovery key given), no dangling reference;
// a selective restore and a full import then use it. Nothing is sent while it is made.
import { expect } from '@open-wc/testing';
import { createSubsetBackup, openBackup, planImport, runSelectiveRestore, subsetUnit } from '../../src/backup/index.js';
import { formatRecoveryKey, generateRecoveryKey } from '../../src/format/index.js';
import { describe, it } from '../mocha.js';
import { UNIT, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS, uniqueDatabase } from './helpers.js';
import { selectiveWorld } from './selective-helpers.js';

describe('subset backup (offline)', () => {
  it('holds the chosen profile, its workspaces, their plugins and providers; opens with the new password or key', async () => {
    const { world, backup } = await selectiveWorld();
    const unit = subsetUnit(backup.payload.unit, { profiles: ['Night'], keys: ['api.url'] });
    expect(unit.profiles.map((p) => p.name)).to.deep.equal(['Night']);
    expect(unit.workspaces.map((w) => w.name)).to.deep.equal(['Wire', 'Night desk']);
    expect(unit.plugins.map((p) => p.bundle)).to.deep.equal(['com.example.provider']);
    expect(unit.keys.map((k) => k.key)).to.deep.equal(['api.url']);
    const consumer = subsetUnit(backup.payload.unit, { workspaces: [{ name: 'Desk', owner: 'admin' }] });
    expect(consumer.plugins.map((p) => p.bundle)).to.deep.equal(['com.example.provider', 'com.example.consumer']);

    await world.clearLog();
    const recoveryKey = formatRecoveryKey(generateRecoveryKey());
    const blob = await createSubsetBackup(backup.payload, { profiles: ['Night'] }, 'a new password', { iterations: TEST_ITERATIONS, recoveryKey });
    expect(await world.log()).to.deep.equal([], 'nothing sent');
    const subset = await openBackup(blob, 'a new password');
    expect(subset.dangling).to.deep.equal([]);
    expect(subset.counts).to.deep.equal({ plugins: 1, workspaces: 2, profiles: 1, keys: 0 });
    expect(subset.manifest.unit).to.deep.equal(backup.manifest.unit);
    expect((await openBackup(blob, recoveryKey)).counts).to.deep.equal(subset.counts);
    expect((await rejectionOf(openBackup(blob, PASSWORD))).code).to.equal('WRONG_PASSWORD');

    // Used by a selective restore into the unit it came from, where "Night" was deleted.
    const client = world.client();
    const night = (await client.listProfiles(UNIT)).find((p) => p.name === 'Night')!;
    await client.deleteProfile(UNIT, night.id);
    const result = await runSelectiveRestore(client, subset, { sections: ['profiles'] }, 'a new password', {
      iterations: TEST_ITERATIONS, reload: false, database: uniqueDatabase(),
    });
    expect(result.verified, result.differences.join(' ')).to.equal(true);
    expect((await world.state()).profiles.at(-1)!.name).to.equal('Night');
    // And a full import of it would leave exactly the subset.
    const plan = await planImport(client, subset);
    expect(plan.dangling).to.deep.equal([]);
    await world.drop();
  });

  it('refuses an empty choice, an unknown name and a short password', async () => {
    const { world, backup } = await selectiveWorld();
    expect((await rejectionOf(createSubsetBackup(backup.payload, {}, PASSWORD))).code).to.equal('INVALID_OPTIONS');
    expect((await rejectionOf(createSubsetBackup(backup.payload, { plugins: ['nope'] }, PASSWORD))).code).to.equal('INVALID_OPTIONS');
    expect((await rejectionOf(createSubsetBackup(backup.payload, { keys: ['api.url'] }, 'abc'))).code).to.equal('PASSWORD_TOO_SHORT');
    await world.drop();
  });
});
