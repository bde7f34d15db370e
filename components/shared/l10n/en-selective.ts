/** English: the selective restore — the chooser, its review and its run (the `selective` group of the catalog, en.ts). */
import { html } from 'lit';
import type { Part } from './catalog.js';

export const enSelective = {
  states: { same: 'same', changed: 'changed', missing: 'missing here', 'only-here': 'only here' },
  intro: (unit: Part) =>
    html`Only what you choose is restored into ${unit}: missing items are created, changed ones replaced by the backup’s version. Nothing else is deleted. Items only in ${unit} are never touched.`,
  searchLabel: 'Search the backup',
  all: (section: string, n: string) => `All ${section} (${n})`,
  nothingMatches: 'Nothing matches the search.',
  review: { one: 'Review # chosen item', other: 'Review # chosen items' },
  backToAll: 'Back to import everything',
  reviewHeading: 'Review before restoring',
  chosen: 'Chosen',
  alsoRestored: 'Also restored, because what you chose needs it',
  snapshotFirst: (unit: Part) =>
    html`A safety snapshot of ${unit} is taken first; an interrupted restore can be resumed or rolled back.`,
  restore: 'Restore the chosen items',
  changeChoice: 'Change the choice',
  comparing: (unit: Part) => html`Comparing with ${unit}`,
  reading: (unit: Part) => html`Reading ${unit}…`,
  running: (unit: Part) => html`Restoring the chosen items into ${unit}`,
  keepOpen: 'Keep this page open. If it closes, you can resume or roll back when you come back.',
  progress: 'Restore progress',
} as const;
