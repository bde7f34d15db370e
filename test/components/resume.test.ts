import { beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { ERROR_MESSAGES } from '../../components/shared/messages.js';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepActiveElement,
  deepQuery,
  expectAccessible,
  expectFocusOn,
  heading,
  mountBackup,
  recordEvents,
  type,
  type TestWorld,
} from './helpers.js';
import { alertWith, backupOfSouthNews, continueToTabs, input, normalizeState, submitValidate } from './flow.js';
import { leavingIsGuarded } from './drag.js';
import { DEFAULT_JOURNAL_DATABASE } from '../../src/backup/index.js';
import { createRestClient } from '../../src/api/index.js';

const PASSWORD = 'quiet-harbour-77';

/** Exports south-news, then imports it into north-news with every mutating request failing from the 4th on. */
async function interruptedImport(world: TestWorld) {
  const file = await backupOfSouthNews(world, PASSWORD);
  const before = await world.state('north-news');
  const el = await mountBackup(world, { unit: 'north-news' });
  await continueToTabs(el);
  await submitValidate(el, file, PASSWORD);
  await heading(el, 'Review before importing');
  type(input(el, 'confirm-unit'), 'North News');
  await world.dev('POST', 'faults', { rules: [{ kind: '500', when: 'before', nth: 4, times: 100000 }] });
  await waitUntil(() => !button(el, 'Import').disabled, 'Import enabled');
  button(el, 'Import').click();
  return { el, before, source: await world.state('south-news') };
}

describe('<dashboard-backup> unfinished import', () => {
  beforeEach(clearIndexedDb);

  it('offers Resume right after an import fails half-way, and resumes it to completion', async () => {
    const world = await createWorld();
    const recorder = recordEvents();
    try {
      const { el, source } = await interruptedImport(world);
      const h = await heading(el, 'An import into North News did not finish', 60000);
      expectFocusOn(h);
      // The journal keeps what is needed to resume: nothing holds the page any more.
      expect([el.busy, el.operation, leavingIsGuarded()]).to.deep.equal([false, null, false]);
      const errors = recorder.events.filter((e) => e.type === 'backup-error');
      expect(errors.map((e) => (e.detail as { step: string }).step)).to.deep.equal(['import']);
      await waitUntil(() => deepQuery(el, 'a[download]'), 'snapshot link');
      expect(deepQuery<HTMLAnchorElement>(el, 'a[download]')!.textContent).to.equal('Download the safety snapshot');
      await expectAccessible(el);

      await world.dev('DELETE', 'faults');
      type(input(el, 'password'), 'wrong-password');
      button(el, 'Resume').click();
      await alertWith(el, ERROR_MESSAGES.WRONG_PASSWORD);
      await waitUntil(() => deepActiveElement() === input(el, 'password'), 'focus on the password to retype');
      expect(input(el, 'password').value).to.equal('');
      type(input(el, 'password'), PASSWORD);
      await world.latency(150);
      button(el, 'Resume').click();
      await heading(el, 'Resuming the import');
      expect(deepQuery(el, 'progress')!.getAttribute('aria-label')).to.equal('Resume progress');
      expect([el.busy, el.getAttribute('busy'), el.operation]).to.deep.equal([true, '', 'resume']);
      expect(leavingIsGuarded(), 'leaving the page during a resume asks first').to.equal(true);
      await expectAccessible(el);
      await world.latency(0);
      await heading(el, 'Import resumed and complete', 60000);
      expect([el.busy, leavingIsGuarded()]).to.deep.equal([false, false]);
      expect(normalizeState(await world.state('north-news'))).to.deep.equal(normalizeState(source));
      const done = recorder.events.find((e) => e.type === 'backup-import-done');
      expect(done?.detail).to.deep.include({ unit: 'north-news', mode: 'resume' });
      expect(JSON.stringify(recorder.events)).to.not.contain(PASSWORD);
      await expectAccessible(el);
    } finally {
      recorder.stop();
    }
  });

  it('finds the unfinished import at load and rolls it back to the safety snapshot', async () => {
    const world = await createWorld();
    const { el, before } = await interruptedImport(world);
    await heading(el, 'An import into North News did not finish', 60000);
    el.remove();
    await world.dev('DELETE', 'faults');

    // While "another tab" holds the unit's lock (as a tab resuming it does), this one offers nothing but to look again.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const locked = new Promise<void>((acquired) => {
      // The lock is per journal: Dashboard identity (the client's API base) and unit.
      const key = `${createRestClient({ baseUrl: world.baseUrl }).identity}\nnorth-news`;
      void navigator.locks.request(`dashboard-backup:${DEFAULT_JOURNAL_DATABASE}:${key}`, () => (acquired(), held));
    });
    await locked;
    const elsewhere = await mountBackup(world, { unit: 'north-news' });
    await heading(elsewhere, 'North News is being restored in another tab');
    expect(deepQuery(elsewhere, 'form'), 'no Resume or Roll back offered').to.equal(null);
    await expectAccessible(elsewhere);
    release();
    button(elsewhere, 'Check again').click();
    expectFocusOn(await heading(elsewhere, 'An import into North News did not finish'));
    elsewhere.remove();

    const reloaded = await mountBackup(world, { unit: 'north-news' });
    await heading(reloaded, 'An import into North News did not finish');
    await waitUntil(() => deepQuery(reloaded, 'a[download]'), 'snapshot link');
    type(input(reloaded, 'password'), PASSWORD);
    await world.latency(150);
    button(reloaded, 'Roll back').click();
    await heading(reloaded, 'Rolling back');
    expect([reloaded.busy, reloaded.operation, leavingIsGuarded()]).to.deep.equal([true, 'rollback', true]);
    await world.latency(0);
    await heading(reloaded, 'Rollback complete', 60000);
    expect([reloaded.busy, leavingIsGuarded()]).to.deep.equal([false, false]);
    expect(normalizeState(await world.state('north-news'))).to.deep.equal(normalizeState(before));

    const again = await mountBackup(world, { unit: 'north-news' });
    await heading(again, 'Before you start');
  });
});
