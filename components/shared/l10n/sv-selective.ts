/** Svenska: selektiv återställning (the `selective` group of the catalog; English in en-selective.ts). */
import { html } from 'lit';
import type { Catalog, Part } from './catalog.js';

export const svSelective: Catalog['selective'] = {
  states: { same: 'samma', changed: 'ändrad', missing: 'saknas här', 'only-here': 'bara här' },
  intro: (unit: Part) =>
    html`Bara det du väljer återställs i ${unit}: objekt som saknas skapas, ändrade ersätts av säkerhetskopians version. Inget annat tas bort. Objekt som bara finns i ${unit} rörs aldrig.`,
  searchLabel: 'Sök i säkerhetskopian',
  all: (section, n) => `Alla ${section} (${n})`,
  nothingMatches: 'Inget matchar sökningen.',
  review: { one: 'Granska # valt objekt', other: 'Granska # valda objekt' },
  backToAll: 'Tillbaka till att importera allt',
  reviewHeading: 'Granska innan du återställer',
  chosen: 'Valt',
  alsoRestored: 'Återställs också, eftersom det du valt behöver det',
  snapshotFirst: (unit: Part) =>
    html`En säkerhetsögonblicksbild av ${unit} tas först; en avbruten återställning kan återupptas eller rullas tillbaka.`,
  restore: 'Återställ de valda objekten',
  changeChoice: 'Ändra valet',
  comparing: (unit: Part) => html`Jämför med ${unit}`,
  reading: (unit: Part) => html`Läser ${unit}…`,
  running: (unit: Part) => html`Återställer de valda objekten i ${unit}`,
  keepOpen: 'Håll sidan öppen. Om den stängs kan du återuppta eller rulla tillbaka när du kommer tillbaka.',
  progress: 'Återställningens förlopp',
};
