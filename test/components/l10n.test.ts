// Localization: the catalogs have the same keys; in Swedish, no English sentence of the catalog is left in any state
// of the element (warning, export, import, preview, result, resume, errors); the element follows `lang` (its own,
// the page's) as it changes; a host adds a language or overrides a sentence with registerCatalog.
import { afterEach, beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import { en } from '../../components/shared/l10n/en.js';
import { sv } from '../../components/shared/l10n/sv.js';
import { registerCatalog } from '../../components/shared/l10n/localizer.js';
import type { DashboardBackup } from '../../components/dashboard-backup/dashboard-backup.js';
import { button, chooseFile, clearIndexedDb, createWorld, deepQuery, deepQueryAll, heading, mountBackup, tab, type, type TestWorld } from './helpers.js';
import { alertWith, backupOfSouthNews, input } from './flow.js';
import { ENGLISH, expectNoEnglish, shape, visibleText } from './l10n-helpers.js';

const PASSWORD = 'river-lamp-orbit-42';

describe('localization', () => {
  beforeEach(clearIndexedDb);
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('English and Swedish catalogs have exactly the same keys, of the same kinds', () => {
    expect(shape(sv)).to.deep.equal(shape(en));
    expect(Object.keys(sv.errors).sort()).to.deep.equal(Object.keys(en.errors).sort());
    expect(ENGLISH.length).to.be.greaterThan(150); // the check below has something to find
  });

  it('in Swedish, every state of the element is free of English: warning, export, import, preview, result, errors', async () => {
    const world = await createWorld();
    const file = await backupOfSouthNews(world, PASSWORD);
    document.documentElement.lang = 'sv-SE';
    const el = await mountBackup(world);
    await heading(el, sv.warningHeading);
    expectNoEnglish(el, 'warning');
    button(el, sv.continue).click();
    await heading(el, /^Exportera /);
    expectNoEnglish(el, 'export form');
    type(input(el, 'password'), 'ab');
    button(el, sv.exportButton).click();
    await waitUntil(() => deepQuery(el, '#password-error')?.textContent === sv.errors.PASSWORD_TOO_SHORT);
    type(input(el, 'password'), PASSWORD);
    type(input(el, 'confirm'), PASSWORD);
    button(el, sv.exportButton).click();
    await heading(el, sv.backupReady, 30000);
    expectNoEnglish(el, 'export done');
    expect(visibleText(el)).to.match(/insticksprogram/).and.match(/konfigurationer i nyckelarkivet/);

    tab(el, sv.tabs.import).click();
    await heading(el, /^Importera en säkerhetskopia till /);
    expectNoEnglish(el, 'import form');
    chooseFile(input(el, 'file'), file);
    type(input(el, 'password'), 'not-the-password');
    button(el, sv.validate).click();
    await alertWith(el, sv.errors.WRONG_PASSWORD, 30000);
    expectNoEnglish(el, 'wrong password');
    type(input(el, 'password'), PASSWORD);
    button(el, sv.validate).click();
    await heading(el, sv.reviewHeading, 30000);
    expectNoEnglish(el, 'preview');
    button(el, sv.importButton).click();
    await heading(el, sv.importComplete, 60000);
    expectNoEnglish(el, 'import result');
  });

  it('in Swedish, the unfinished-import step and its resume are free of English', async () => {
    const world = await createWorld();
    const file = await backupOfSouthNews(world, PASSWORD);
    document.documentElement.lang = 'sv';
    const el = await mountBackup(world, { unit: 'north-news' });
    await heading(el, sv.warningHeading);
    button(el, sv.continue).click();
    await heading(el, /^Exportera /);
    tab(el, sv.tabs.import).click();
    await heading(el, /^Importera en säkerhetskopia till /);
    chooseFile(input(el, 'file'), file);
    type(input(el, 'password'), PASSWORD);
    button(el, sv.validate).click();
    await heading(el, sv.reviewHeading, 30000);
    expectNoEnglish(el, 'preview of another unit');
    type(input(el, 'confirm-unit'), 'North News');
    await world.dev('POST', 'faults', { rules: [{ kind: '500', when: 'before', nth: 4, times: 100000 }] });
    await waitUntil(() => !button(el, sv.importButton).disabled, 'Import enabled');
    button(el, sv.importButton).click();
    await heading(el, /^En import till North News blev inte klar$/, 60000);
    expectNoEnglish(el, 'unfinished import');
    await world.dev('DELETE', 'faults');
    type(input(el, 'password'), PASSWORD);
    button(el, sv.resume).click();
    await heading(el, sv.doneTitle.resumedImport, 60000);
    expectNoEnglish(el, 'resumed import');
  });

  it('follows lang as it changes (its own attribute over the page), and Intl formats in that language', async () => {
    const world: TestWorld = await createWorld();
    document.documentElement.lang = 'sv';
    const el: DashboardBackup = await mountBackup(world);
    await heading(el, sv.warningHeading);
    el.setAttribute('lang', 'en-GB');
    await heading(el, en.warningHeading);
    el.removeAttribute('lang');
    await heading(el, sv.warningHeading);
    document.documentElement.lang = 'en';
    await heading(el, en.warningHeading);
  });

  it('a host adds a language (falling back to English per key) or overrides a sentence with registerCatalog', async () => {
    const world = await createWorld();
    document.documentElement.lang = 'de-AT';
    const el = await mountBackup(world);
    await heading(el, en.warningHeading); // no German yet: English
    registerCatalog('de', { warningHeading: 'Bevor Sie beginnen', errors: { NETWORK: 'Keine Verbindung.' } });
    await heading(el, 'Bevor Sie beginnen');
    expect(button(el, en.continue)).to.exist;
    registerCatalog('sv', { warningHeading: 'Läs detta först' });
    document.documentElement.lang = 'sv';
    await heading(el, 'Läs detta först');
    expect(button(el, sv.continue)).to.exist;
    registerCatalog('sv', { warningHeading: sv.warningHeading });
  });
});

describe('text from the Dashboard', () => {
  beforeEach(clearIndexedDb);

  it('a 500-character name without spaces, with a right-to-left override, stays inside a 680 px element, isolated', async () => {
    const world = await createWorld();
    const long = `\u202E${'ابجد'.repeat(25)}${'x'.repeat(399)}`; // 500 characters, the contract's most
    const client = world.client();
    const ws = (await world.state('south-news')).workspaces[0]!;
    await client.createProfile('south-news', { name: long, roles: ['user'], workspaces: [ws.id] });
    const file = await backupOfSouthNews(world, PASSWORD);
    const el = await mountBackup(world);
    el.style.display = 'block';
    el.style.width = '680px';
    button(el, en.continue).click();
    await heading(el, /^Export /);
    tab(el, en.tabs.import).click();
    await heading(el, /^Import a backup into /);
    chooseFile(input(el, 'file'), file);
    type(input(el, 'password'), PASSWORD);
    button(el, en.validate).click();
    await heading(el, en.reviewHeading, 30000);
    for (const details of deepQueryAll<HTMLDetailsElement>(el, 'details')) details.open = true;
    await new Promise(requestAnimationFrame);
    const box = el.getBoundingClientRect();
    expect(box.width).to.equal(680);
    const names = deepQueryAll(el, 'bdi').filter((b) => b.textContent?.includes('xxxx'));
    expect(names.length, 'the long name is shown').to.be.greaterThan(0);
    for (const name of names) {
      const r = name.getBoundingClientRect();
      expect(r.right, 'the name ends inside the element').to.be.at.most(box.right + 0.5);
      expect(getComputedStyle(name).unicodeBidi).to.equal('isolate');
    }
    const panel = deepQuery(el, 'backup-import-panel')!;
    expect(panel.scrollWidth, 'nothing overflows the panel').to.be.at.most(panel.clientWidth + 1);
  });
});
