import { before, beforeEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import {
  button,
  clearIndexedDb,
  createWorld,
  deepQuery,
  expectAccessible,
  heading,
  mountBackup,
  tab,
  type TestWorld,
} from './helpers.js';
import { backupOfSouthNews, continueToTabs, input, submitValidate } from './flow.js';
import { dropOn, fileTransfer, fireDrag } from './drag.js';
import type { DashboardBackup } from '../../components/dashboard-backup/dashboard-backup.js';
import type { BackupImportPanel } from '../../components/dashboard-backup/backup-import-panel.js';

const PASSWORD = 'meadow-copper-lantern-5';

/** The element on its Import tab's form. */
async function onImportTab(world: TestWorld): Promise<DashboardBackup> {
  const el = await mountBackup(world);
  await continueToTabs(el);
  tab(el, 'Import').click();
  await heading(el, /^Import a backup into /);
  return el;
}

const panelOf = (el: DashboardBackup) => deepQuery<BackupImportPanel>(el, 'backup-import-panel')!;
const inPanel = (el: DashboardBackup, selector: string) => panelOf(el).shadowRoot!.querySelector<HTMLElement>(selector)!;
const fileName = (el: DashboardBackup) => deepQuery(el, '#file-name')!.textContent!.trim();
const highlighted = (el: DashboardBackup) => inPanel(el, '.dropzone').classList.contains('dragging');

describe('<dashboard-backup> file drops', () => {
  beforeEach(clearIndexedDb);

  it('takes a file dropped anywhere on the Import tab, not only on the drop zone', async () => {
    const el = await onImportTab(await createWorld());
    const targets = ['h3', 'p', 'label[for="password"]', '#password', 'button[type="submit"]', '.dropzone'];
    for (const selector of targets) {
      const name = `dropped-on-${selector.replace(/\W+/g, '-')}.dashboard-backup`;
      const transfer = fileTransfer(new File(['x'], name));
      fireDrag(inPanel(el, selector), 'dragenter', transfer);
      const over = fireDrag(inPanel(el, selector), 'dragover', transfer);
      expect(over.defaultPrevented, `dragover on ${selector} is taken`).to.equal(true);
      await panelOf(el).updateComplete;
      expect(highlighted(el), `the drop zone shows where a file dragged over ${selector} goes`).to.equal(true);
      if (selector === 'h3') await expectAccessible(el);
      const drop = fireDrag(inPanel(el, selector), 'drop', transfer);
      expect(drop.defaultPrevented, `the browser does not open a file dropped on ${selector}`).to.equal(true);
      await waitUntil(() => fileName(el) === name, `the file dropped on ${selector} is chosen`);
      expect(highlighted(el)).to.equal(false);
    }
  });

  it('refuses a file dropped elsewhere on the element, and leaves other drags to the browser', async () => {
    const el = await onImportTab(await createWorld());
    const transfer = () => fileTransfer(new File(['x'], 'stray.dashboard-backup'));
    const outside = [el.shadowRoot!.querySelector('h2')!, tab(el, 'Export'), el.shadowRoot!.querySelector('.base')!];
    for (const target of outside) {
      const { over, drop } = dropOn(target, transfer());
      expect(over.defaultPrevented, `dragover on ${target.tagName} is cancelled`).to.equal(true);
      expect(drop.defaultPrevented, `the browser does not open a file dropped on ${target.tagName}`).to.equal(true);
    }
    expect(fileName(el)).to.equal('No file chosen');
    // Dragged text is no file: the browser may put it into a field as usual.
    const text = new DataTransfer();
    text.setData('text/plain', 'some words');
    expect(dropOn(el.shadowRoot!.querySelector('h2')!, text).over.defaultPrevented).to.equal(false);

    // The Export tab takes no file either.
    tab(el, 'Export').click();
    await heading(el, /^Export /);
    const exportPassword = input(el, 'password');
    const { over, drop } = dropOn(exportPassword, transfer());
    expect([over.defaultPrevented, drop.defaultPrevented]).to.deep.equal([true, true]);
    tab(el, 'Import').click();
    await heading(el, /^Import a backup into /);
    expect(fileName(el)).to.equal('No file chosen');
  });

  it('keeps the drop zone highlighted while the pointer crosses its children, until it leaves the tab', async () => {
    const el = await onImportTab(await createWorld());
    const zone = inPanel(el, '.dropzone');
    const states: boolean[] = [];
    const observer = new MutationObserver(() => {
      if (states.at(-1) !== zone.classList.contains('dragging')) states.push(zone.classList.contains('dragging'));
    });
    observer.observe(zone, { attributes: true, attributeFilter: ['class'] });
    const transfer = fileTransfer(new File(['x'], 'moving.dashboard-backup'));
    // What the browser fires as the pointer moves from `from` to `to`: dragenter on the new element first, then
    // dragleave on the old one, then dragover; each is its own task, so the element renders in between.
    const move = async (from: Element | null, to: Element) => {
      fireDrag(to, 'dragenter', transfer);
      await panelOf(el).updateComplete;
      if (from) fireDrag(from, 'dragleave', transfer);
      await panelOf(el).updateComplete;
      fireDrag(to, 'dragover', transfer);
      await panelOf(el).updateComplete;
    };
    const path = [zone, zone.querySelector('p')!, zone.querySelector('label')!, zone, inPanel(el, '#file-name'), inPanel(el, 'h3')];
    let from: Element | null = null;
    for (const to of path) {
      await move(from, to);
      expect(highlighted(el), `over ${to.tagName}`).to.equal(true);
      from = to;
    }
    // Out of the panel, onto the tab list: the highlight goes.
    await move(from, tab(el, 'Export'));
    expect(highlighted(el)).to.equal(false);
    observer.disconnect();
    expect(states, 'switched on once and off once').to.deep.equal([true, false]);
  });

  describe('once the form has gone', () => {
    let file: File;
    before(async () => {
      file = await backupOfSouthNews(await createWorld(), PASSWORD);
    });

    it('refuses a file dropped on the Import tab while the backup is checked', async () => {
      const world = await createWorld();
      await world.latency(400);
      const el = await mountBackup(world);
      await continueToTabs(el);
      await submitValidate(el, file, PASSWORD);
      await heading(el, 'Checking the backup');
      const { over, drop } = dropOn(inPanel(el, 'h3'), fileTransfer(new File(['x'], 'late.dashboard-backup')));
      expect([over.defaultPrevented, drop.defaultPrevented]).to.deep.equal([true, true]);
      await world.latency(0);
      await heading(el, 'Review before importing');
      button(el, 'Choose another file').click();
      await heading(el, /^Import a backup into /);
      expect(fileName(el), 'the chosen file is still the one validated').to.equal(file.name);
    });
  });
});
