// An import whose read-back differs (a colleague added a key while it ran) is not reported as verified and does not
// reload: the element lists the differences and offers Re-check, Keep as it is and Roll back.
import { beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import type { DashboardClient } from '../../src/api/index.js';
import { findUnfinishedImport } from '../../src/backup/index.js';
import { button, clearIndexedDb, createWorld, deepQuery, expectAccessible, heading, mountBackup, type, type TestWorld } from './helpers.js';
import { backupOfSouthNews, continueToTabs, input, normalizeState, submitValidate } from './flow.js';

const PASSWORD = 'quiet-harbour-77';
const COLLEAGUE_KEY = 'colleague.note';

/** `client`, except that its first profile create also makes a colleague's key edit land in the unit. */
function withColleague(client: DashboardClient, colleague: DashboardClient): DashboardClient {
  let done = false;
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'createProfile' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (!done) {
          done = true;
          await colleague.putKey('north-news', { key: COLLEAGUE_KEY, value: 'added meanwhile', secret: false });
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Imports south-news's backup into north-news through the element while a colleague adds a key. */
async function unverifiedImport(world: TestWorld) {
  const file = await backupOfSouthNews(world, PASSWORD);
  const before = await world.state('north-news');
  const reloads: number[] = [];
  const el = await mountBackup(world, { unit: 'north-news', reload: () => reloads.push(1) });
  const client = world.client();
  el.client = withColleague(client, world.client());
  await waitUntil(() => deepQuery(el, 'h2, h3'), 'reloaded with the new client');
  await continueToTabs(el);
  await submitValidate(el, file, PASSWORD);
  await heading(el, 'Review before importing');
  type(input(el, 'confirm-unit'), 'North News');
  await waitUntil(() => !button(el, 'Import').disabled, 'Import enabled');
  button(el, 'Import').click();
  await heading(el, 'The import finished, but was not verified', 60000);
  return { el, before, reloads, client, source: await world.state('south-news') };
}

describe('<dashboard-backup> unverified outcome', () => {
  beforeEach(clearIndexedDb);

  it('shows the differences, does not reload, re-checks until the unit matches, then completes', async () => {
    const world = await createWorld();
    const { el, reloads, client } = await unverifiedImport(world);
    expect(el.shadowRoot!.textContent ?? '').to.not.match(/and was verified/);
    const text = deepQuery(el, 'backup-resume-panel')!.shadowRoot!.textContent ?? '';
    expect(text).to.contain(COLLEAGUE_KEY);
    for (const b of ['Re-check', 'Keep as it is', 'Roll back']) expect(button(el, b), b).to.not.equal(undefined);
    await waitUntil(() => deepQuery(el, 'a[download]'), 'snapshot link');
    await expectAccessible(el);
    expect(reloads, 'no reload').to.deep.equal([]);
    expect((await findUnfinishedImport({ client, unit: 'north-news' }))?.status).to.equal('unverified');

    await world.clearLog();
    type(input(el, 'password'), PASSWORD);
    button(el, 'Re-check').click();
    await heading(el, 'Re-checked: the unit still differs', 60000);
    expect(await world.mutations(), 're-check changes nothing').to.deep.equal([]);
    expect(reloads).to.deep.equal([]);

    await client.deleteKey('north-news', COLLEAGUE_KEY);
    button(el, 'Re-check').click();
    await heading(el, 'Import checked: it matches the backup', 60000);
    await waitUntil(() => reloads.length === 1, 'reloads once verified');
    expect(await findUnfinishedImport({ client, unit: 'north-news' })).to.equal(undefined);
  });

  it('keeps the unit as it is (also on a later visit): the journal ends, the snapshot stays downloadable, no reload', async () => {
    const world = await createWorld();
    const first = await unverifiedImport(world);
    first.el.remove();
    // A later visit: the journal says "unverified": the same three choices, not "did not finish" and Resume.
    const reloads: number[] = [];
    const el = await mountBackup(world, { unit: 'north-news', reload: () => reloads.push(1) });
    await heading(el, 'An import into North News finished, but was not verified');
    for (const b of ['Re-check', 'Keep as it is', 'Roll back']) expect(button(el, b), b).to.not.equal(undefined);
    expect(() => button(el, 'Resume')).to.throw();
    const client = first.client;
    await waitUntil(() => deepQuery(el, 'a[download]'), 'snapshot link');
    const stateThen = await world.state('north-news');
    await world.clearLog();
    button(el, 'Keep as it is').click();
    await heading(el, 'North News kept as it is');
    expect(await findUnfinishedImport({ client, unit: 'north-news' })).to.equal(undefined);
    expect(deepQuery<HTMLAnchorElement>(el, 'a[download]')?.textContent).to.equal('Download the safety snapshot');
    expect(await world.mutations()).to.deep.equal([]);
    expect(await world.state('north-news')).to.deep.equal(stateThen);
    expect(reloads).to.deep.equal([]);
    await expectAccessible(el);
    button(el, 'Continue').click();
    await heading(el, 'Before you start');
  });

  it('rolls back from the unverified outcome after showing the colleague’s work it deletes', async () => {
    const world = await createWorld();
    const { el, before } = await unverifiedImport(world);
    type(input(el, 'password'), PASSWORD);
    await world.clearLog();
    button(el, 'Roll back').click();
    // The colleague's key would be deleted: shown first, with the plan; nothing sent until confirmed.
    await heading(el, 'Review before rolling back', 60000);
    expect(deepQuery(el, 'backup-resume-panel')!.shadowRoot!.querySelector('.drift')?.textContent).to.contain(COLLEAGUE_KEY);
    expect(await world.mutations()).to.deep.equal([]);
    await expectAccessible(el);
    button(el, 'Roll back with these changes').click();
    await heading(el, 'Rollback complete', 60000);
    expect(normalizeState(await world.state('north-news'))).to.deep.equal(normalizeState(before));
  });
});
