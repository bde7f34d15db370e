import { expect, fixture, html } from '@open-wc/testing';
import { PAGE_SIZE } from '../../src/inspect/search.js';
import { describe, it } from '../mocha.js';
import {
  deepText,
  dumpDom,
  findAxeViolations,
  getTree,
  makeBackupFile,
  mountInspector,
  openThroughForm,
  queryDeep,
  settle,
  shadow,
} from './helpers.js';
import { makePayload, secretValue } from './make-payload.js';

const COUNTS = { plugins: 3, workspaces: 4, profiles: 2, keys: 6 };
/** The `large` seed's size. */
const LARGE = { plugins: 300, workspaces: 2000, profiles: 500, keys: 5000 };

function sectionOf(el: HTMLElement, name: string): HTMLElement {
  return shadow(getTree(el as never)).querySelector<HTMLElement>(`section[data-section=${name}]`)!;
}

function rowCount(section: HTMLElement): number {
  return section.querySelectorAll('ul.rows > li').length;
}

describe('<backup-inspector> tree', () => {
  it('filters every section as the user types, matching nested configuration', async () => {
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(makePayload(COUNTS)));
    const tree = getTree(el);
    const input = shadow(tree).querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = 'feed-2';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 250)); // the input is debounced
    await settle(el);
    expect(rowCount(sectionOf(el, 'plugins'))).to.equal(1);
    expect(deepText(sectionOf(el, 'plugins'))).to.contain('Plugin 2').and.contain('1 of 3 match');
    expect(deepText(sectionOf(el, 'keys'))).to.contain('Nothing matches the search.');
    tree.search('"desk 3"');
    await settle(el);
    expect(rowCount(sectionOf(el, 'workspaces'))).to.equal(1);
    tree.search('');
    await settle(el);
    expect(rowCount(sectionOf(el, 'keys'))).to.equal(6);
  });

  it('keeps secret values out of the DOM until revealed, one by one', async () => {
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(makePayload(COUNTS)));
    const secrets = [1, 3, 5].map(secretValue);
    for (const s of secrets) expect(dumpDom(el)).not.to.contain(s);
    expect(dumpDom(el)).to.contain('https://svc-0.example.com'); // non-secret values show
    // Searching for a secret value finds nothing (it would otherwise leak by matching).
    getTree(el).search(secrets[0]!);
    await settle(el);
    expect(rowCount(sectionOf(el, 'keys'))).to.equal(0);
    getTree(el).search('');
    await settle(el);

    const reveal = sectionOf(el, 'keys').querySelector<HTMLButtonElement>('button[aria-label="Reveal service.3.token"]')!;
    reveal.click();
    await settle(el);
    expect(dumpDom(el)).to.contain(secrets[1]);
    expect(dumpDom(el)).not.to.contain(secrets[0]);
    expect(dumpDom(el)).not.to.contain(secrets[2]);
    const hide = sectionOf(el, 'keys').querySelector<HTMLButtonElement>('button[aria-label="Hide service.3.token"]')!;
    hide.click();
    await settle(el);
    for (const s of secrets) expect(dumpDom(el)).not.to.contain(s);
  });

  it('renders entity details only when a row is expanded', async () => {
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(makePayload(COUNTS)));
    const plugins = sectionOf(el, 'plugins');
    expect(deepText(plugins)).not.to.contain('Reads the feed');
    const details = plugins.querySelector('details')!;
    details.querySelector('summary')!.click();
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(deepText(plugins)).to.contain('Reads the feed').and.contain('perm.read-0 → admin, user');
    const profile = sectionOf(el, 'profiles').querySelector('details')!;
    profile.open = true;
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(deepText(profile)).to.contain('Roles admin').and.contain('Desk 1').and.contain('Desk 2');
  });

  it('shows a large backup (the large seed’s size) one page of 50 rows per section at a time', async function () {
    this.timeout(120_000);
    const el = await mountInspector();
    await openThroughForm(el, await makeBackupFile(makePayload(LARGE)));
    const rows = queryDeep(el, 'ul.rows > li');
    expect(rows.length).to.equal(4 * PAGE_SIZE);
    expect(queryDeep(el, '*').length, 'elements in the whole tree').to.be.below(3000);
    const workspaces = sectionOf(el, 'workspaces');
    expect(deepText(workspaces)).to.contain('Showing 1–50 of 2,000').and.contain('Page 1 of 40');
    const pager = workspaces.querySelector('backup-inspector-pager')!;
    [...shadow(pager).querySelectorAll('button')].find((b) => b.textContent!.includes('Next'))!.click();
    await settle(el);
    expect(deepText(workspaces)).to.contain('Showing 51–100 of 2,000').and.contain('Desk 50');
    expect(rowCount(workspaces)).to.equal(PAGE_SIZE);
    getTree(el).search('service.4999');
    await settle(el);
    expect(rowCount(sectionOf(el, 'keys'))).to.equal(1);
    expect(await findAxeViolations(sectionOf(el, 'workspaces'))).to.deep.equal([]);
  });

  it('catches accessibility problems (the axe check is live)', async () => {
    const bad = await fixture(html`<div><input type="text" /></div>`);
    expect((await findAxeViolations(bad)).join()).to.contain('label');
  });
});
