// An interrupted selective restore is named as one in the resume panel ("A selective restore into … did not
// finish"), in English and Swedish: the journal records that it was selective.
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { findUnfinishedImport, runSelectiveRestore } from '../../src/backup/index.js';
import { loadCatalog } from '../../components/shared/l10n/localizer.js';
import { UNIT, rejectionOf } from '../world.js';
import { PASSWORD, TEST_ITERATIONS } from '../backup/helpers.js';
import { selectiveWorld } from '../backup/selective-helpers.js';
import { clearIndexedDb, heading, mountBackup } from './helpers.js';
import { visibleText } from './l10n-helpers.js';

describe('<dashboard-backup> interrupted selective restore', () => {
  beforeEach(clearIndexedDb);
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('is called a selective restore in the resume panel, in English and Swedish', async () => {
    const { world, backup } = await selectiveWorld();
    const client = world.client();
    await client.putKey(UNIT, { key: 'api.url', value: 'https://wrong.example', secret: false });
    await world.faults({ kind: '500', when: 'before', nth: 1, times: 100000 });
    const stopped = await rejectionOf(
      runSelectiveRestore(client, backup, { keys: ['api.url'] }, PASSWORD, { iterations: TEST_ITERATIONS, reload: false, stepRetries: 0 }),
    );
    expect(stopped.code).to.equal('IMPORT_INCOMPLETE');
    expect((await findUnfinishedImport({ unit: UNIT, client }))?.selective).to.equal(true);
    await world.clearFaults();

    const el = await mountBackup(world, { unit: UNIT });
    await heading(el, /^A selective restore into .+ did not finish$/, 30000);
    expect(visibleText(el)).to.include('A selective restore of the backup of');
    expect(visibleText(el)).not.to.include('An import');
    el.remove();

    await loadCatalog('sv');
    document.documentElement.lang = 'sv';
    const sv = await mountBackup(world, { unit: UNIT });
    await heading(sv, /^En selektiv återställning till .+ blev inte klar$/, 30000);
    await waitUntil(() => visibleText(sv).includes('En selektiv återställning av säkerhetskopian av'), 'Swedish summary');
  });
});
