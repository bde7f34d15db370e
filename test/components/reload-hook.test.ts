// An SPA host replaces the reload after an import with its own hook: the element stays on the page, so it must end
// in a clear final state and never call the hook twice (issue 14, item 4).
import { beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { en } from '../../components/shared/l10n/en.js';
import { button, clearIndexedDb, createWorld, deepQueryAll, heading, mountBackup } from './helpers.js';
import { backupOfSouthNews, continueToTabs, submitValidate } from './flow.js';

const PASSWORD = 'river-lamp-orbit-42';

describe('<dashboard-backup> with a host reload hook', () => {
  beforeEach(clearIndexedDb);

  it('calls the hook once, even when "Reload now" is clicked twice, and then says the import is done', async () => {
    const world = await createWorld();
    const file = await backupOfSouthNews(world, PASSWORD);
    const calls: number[] = [];
    const el = await mountBackup(world, { reload: () => calls.push(calls.length) });
    el.reloadDelay = 600_000; // only "Reload now" calls it in this test
    await continueToTabs(el);
    await submitValidate(el, file, PASSWORD);
    await heading(el, en.reviewHeading, 30000);
    button(el, en.importButton).click();
    await heading(el, en.importComplete, 60000);
    const reloadNow = button(el, en.reloadNow);
    reloadNow.click();
    reloadNow.click();
    await waitUntil(() => deepQueryAll(el, 'p').some((p) => p.textContent?.trim() === en.reloadedByHost), 'final state');
    expect(calls).to.deep.equal([0]);
    expect(() => button(el, en.reloadNow), 'no Reload now any more').to.throw();
    await heading(el, en.importComplete); // still the outcome, not a spinner or a blank panel
  });

  it('after its delay, calls the hook once and ends in the same final state', async () => {
    const world = await createWorld();
    const file = await backupOfSouthNews(world, PASSWORD);
    const calls: number[] = [];
    const el = await mountBackup(world, { reload: () => calls.push(calls.length) });
    await continueToTabs(el);
    await submitValidate(el, file, PASSWORD);
    await heading(el, en.reviewHeading, 30000);
    button(el, en.importButton).click();
    await heading(el, en.importComplete, 60000);
    await waitUntil(() => deepQueryAll(el, 'p').some((p) => p.textContent?.trim() === en.reloadedByHost), 'final state');
    expect(calls).to.deep.equal([0]);
    expect(() => button(el, en.reloadNow)).to.throw();
  });
});
