/**
 * The inspector stays responsive on a backup of the `large` seed's size (issue 6): validation, the search index and
 * the diff run in slices, yielding to the page. Asserted as behaviour, never as a duration: a 0 ms timer gets turns
 * *while each phase is partly done* (the busy form's status line names the phase, its progress bar sits strictly
 * between 0 and 1), which a phase run as one synchronous call could never give — the timer would only ever see it
 * not started or finished. The wall time and the longest task are measured by bench/inspector.bench.ts.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { BackupInspector } from '../../components/backup-inspector/backup-inspector.js';
import { en } from '../../components/shared/l10n/en.js';
import { describe, it } from '../mocha.js';
import {
  PASSWORD,
  deepText,
  getOpener,
  getTree,
  makeBackupFile,
  mountInspector,
  openThroughForm,
  settle,
  shadow,
  submitOpener,
} from './helpers.js';
import { makePayload } from './make-payload.js';

/** The status lines of the busy form, in English (the test page's language). */
const PHASE_LABELS = en.inspector.phases;

/** The `large` seed's size. */
const LARGE = { plugins: 300, workspaces: 2000, profiles: 500, keys: 5000 };

/**
 * Runs `work` while a 0 ms interval timer records, at each of its turns, the status line and the progress of the
 * busy `which` form: per status, the progress values the timer saw.
 */
async function sampleOpener(el: BackupInspector, which: 'open' | 'compare', work: () => Promise<unknown>) {
  const seen: Record<string, number[]> = {};
  const timer = setInterval(() => {
    const root = shadow(el).querySelector(`backup-inspector-opener.${which}`)?.shadowRoot;
    const status = root?.querySelector('.status span')?.textContent?.trim();
    const progress = root?.querySelector('progress');
    if (status && progress) (seen[status] ??= []).push(progress.value);
  }, 0);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return seen;
}

/** The timer had a turn while the phase was partly done. */
function expectTurnInside(seen: Record<string, number[]>, label: string) {
  const inside = (seen[label] ?? []).filter((v) => v > 0 && v < 1);
  expect(inside.length, `timer turns inside "${label}" (saw ${JSON.stringify(seen)})`).to.be.greaterThan(0);
}

describe('<backup-inspector> responsiveness on a large backup', () => {
  it('lets timers run inside validation, indexing and the diff, and shows the same results', async () => {
    const before = makePayload(LARGE);
    const after = makePayload(LARGE, 1); // plugin-1's version, desk 2's application config; other ids
    after.unit.keys.pop();
    const el = await mountInspector();

    const opened = oneEvent(el, 'inspector-open');
    const openFile = await makeBackupFile(before);
    const seenOpen = await sampleOpener(el, 'open', async () => {
      await submitOpener(getOpener(el), openFile, PASSWORD);
      await opened;
    });
    expectTurnInside(seenOpen, PHASE_LABELS.validate);
    expectTurnInside(seenOpen, PHASE_LABELS.index);
    expect((await opened).detail).to.deep.include({ counts: LARGE, issues: 0 });
    await settle(el);
    const tree = getTree(el);
    const keys = () => deepText(shadow(tree).querySelector('section[data-section=keys]')!);
    expect(keys()).to.contain('Showing 1–50 of 5,000');
    tree.search('service.4321.token');
    await settle(el);
    expect(keys()).to.contain('1 of 5,000 match');

    const compared = oneEvent(el, 'inspector-compare');
    const otherFile = await makeBackupFile(after);
    const seenCompare = await sampleOpener(el, 'compare', async () => {
      await submitOpener(getOpener(el, 'compare'), otherFile, PASSWORD);
      await compared;
    });
    expectTurnInside(seenCompare, PHASE_LABELS.validate);
    expectTurnInside(seenCompare, PHASE_LABELS.compare);
    const { detail } = await compared;
    expect(detail.identical).to.equal(false);
    expect(detail.differences).to.deep.equal({ plugins: 1, workspaces: 1, profiles: 0, keys: 1 });
    await settle(el);
    const diff = shadow(el).querySelector('backup-inspector-diff')!;
    const keyDiff = deepText(shadow(diff).querySelector('section[data-section=keys]')!);
    expect(keyDiff).to.contain('0 added, 1 removed, 0 changed, 4,999 unchanged');
  });

  it('cancels inside the sliced phases: indexing an open, comparing two backups', async () => {
    const el = await mountInspector();
    const file = await makeBackupFile(makePayload(LARGE));
    for (const [which, phase] of [['open', PHASE_LABELS.index], ['compare', PHASE_LABELS.compare]] as const) {
      // Whichever comes first: the cancellation, or (if the phase ignored it) the result.
      const outcome = Promise.race([
        oneEvent(el, 'inspector-error').then((e) => e.detail),
        oneEvent(el, `inspector-${which}`).then(() => `${which} finished despite the cancel`),
      ]);
      await submitOpener(getOpener(el, which), file, PASSWORD);
      await cancelDuring(el, which, phase);
      expect(await outcome).to.deep.include({ step: which, code: 'ABORTED' });
      await settle(el);
      if (which === 'open') {
        expect(deepText(el)).to.contain('Opening was cancelled.');
        await openThroughForm(el, file); // for the compare round
      } else {
        expect(shadow(el).querySelector('backup-inspector-diff')).to.equal(null);
      }
    }
  });
});

/** Presses the busy form's Cancel button at the first timer turn that finds `phase` running. */
function cancelDuring(el: BackupInspector, which: 'open' | 'compare', phase: string): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const root = shadow(el).querySelector(`backup-inspector-opener.${which}`)?.shadowRoot;
      if (root?.querySelector('.status span')?.textContent?.trim() !== phase) return;
      clearInterval(timer);
      [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!.click();
      resolve();
    }, 0);
  });
}
