// Localization of the selective restore ("Choose what to restore"): in Swedish, the chooser, its review with a
// dependency pulled in, the run and its result carry no English; the dependency list names what comes along and
// why, in English and in Swedish (a profile chosen whose workspace this unit lacks brings that workspace).
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { en } from '../../components/shared/l10n/en.js';
import { sv } from '../../components/shared/l10n/sv.js';
import '../../components/dashboard-backup/backup-selective-restore.js';
import type { BackupSelectiveRestore } from '../../components/dashboard-backup/backup-selective-restore.js';
import { exportUnit, openBackup } from '../../src/backup/index.js';
import { UNIT, createWorld, type World } from '../world.js';
import { PASSWORD, TEST_ITERATIONS } from '../backup/helpers.js';
import { buildSelectiveUnit } from '../backup/selective-helpers.js';
import { button, chooseFile, clearIndexedDb, deepQuery, heading, mountBackup, tab, type } from './helpers.js';
import { input } from './flow.js';
import { expectNoEnglish, visibleText } from './l10n-helpers.js';

/** A unit that lacks profile "Night" and its workspace "Night desk", and its backup that holds both. */
async function unitMissingNight(): Promise<{ world: World; file: File }> {
  const world = await createWorld('empty');
  const client = world.client();
  await buildSelectiveUnit(client);
  const { blob } = await exportUnit(client, PASSWORD, { iterations: TEST_ITERATIONS });
  const night = (await client.listProfiles(UNIT)).find((p) => p.name === 'Night')!;
  await client.deleteProfile(UNIT, night.id);
  const desk = (await client.listWorkspaces(UNIT)).find((w) => w.name === 'Night desk')!;
  await client.deleteWorkspace(UNIT, desk.id);
  return { world, file: new File([blob], 'south-news.dashboard-backup') };
}

/** Ticks profile "Night" in the chooser at `root` (its shadow root) and asks for the review. */
async function chooseNight(chooser: Element, review: string): Promise<void> {
  const root = chooser.shadowRoot!;
  await waitUntil(() => root.querySelector('fieldset[data-section=profiles]'), 'the chooser', { timeout: 30000 });
  const night = [...root.querySelectorAll('fieldset[data-section=profiles] .entity label')].find((l) => l.textContent?.trim() === 'Night');
  night!.querySelector('input')!.click();
  await (chooser as BackupSelectiveRestore).updateComplete;
  const go = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === review)!;
  go.click();
  await waitUntil(() => root.querySelector('.dependencies li'), 'the review with its dependencies', { timeout: 30000 });
}

describe('selective restore localization', () => {
  beforeEach(clearIndexedDb);
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  for (const [lang, t, reason] of [
    ['en', en, 'Night desk (admin) (created from the backup): Profile “Night” lists it and this unit does not have it.'],
    ['sv', sv, 'Night desk (admin) (skapas från säkerhetskopian): Profilen ”Night” listar den och den här enheten har den inte.'],
  ] as const) {
    it(`lists the workspace a chosen profile needs, with its reason, in ${lang === 'en' ? 'English' : 'Swedish'}`, async () => {
      const { world, file } = await unitMissingNight();
      const backup = await openBackup(file, PASSWORD);
      await world.clearLog();
      const chooser = await fixture<BackupSelectiveRestore>(html`<backup-selective-restore
        lang=${lang}
        .client=${world.client()}
        unit=${UNIT}
        unit-name="South News"
        .backup=${backup}
        .password=${PASSWORD}
      ></backup-selective-restore>`);
      await chooseNight(chooser, t.selective.review.one.replace('#', '1'));
      const items = [...chooser.shadowRoot!.querySelectorAll('.dependencies li')];
      expect(items.map((li) => [li.getAttribute('data-section'), li.getAttribute('data-action')])).to.deep.equal([['workspaces', 'create']]);
      expect(items[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(reason);
      expect(await world.mutations()).to.deep.equal([]);
      await world.drop();
    });
  }

  it('in Swedish, the chooser, its review with a dependency, the run and the result are free of English', async () => {
    const { world, file } = await unitMissingNight();
    document.documentElement.lang = 'sv';
    const el = await mountBackup(world);
    await heading(el, sv.warningHeading);
    button(el, sv.continue).click();
    await heading(el, /^Exportera /);
    tab(el, sv.tabs.import).click();
    await heading(el, /^Importera en säkerhetskopia till /);
    chooseFile(input(el, 'file'), file);
    type(input(el, 'password'), PASSWORD);
    button(el, sv.validate).click();
    await heading(el, sv.reviewHeading, 30000);
    button(el, sv.chooseWhatToRestore).click();
    await heading(el, sv.chooseWhatToRestore, 30000);
    const chooser = deepQuery<BackupSelectiveRestore>(el, 'backup-selective-restore')!;
    await waitUntil(() => chooser.shadowRoot!.querySelector('fieldset[data-section=profiles]'), 'the chooser', { timeout: 30000 });
    expectNoEnglish(el, 'chooser');
    await chooseNight(chooser, 'Granska 1 valt objekt');
    expectNoEnglish(el, 'review with a dependency');
    expect(visibleText(el)).to.contain(sv.selective.alsoRestored);
    button(el, sv.selective.restore).click();
    await heading(el, sv.selectiveComplete, 60000);
    expectNoEnglish(el, 'selective restore done');
    await world.drop();
  });
});
