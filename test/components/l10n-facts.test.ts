// The engines' facts (src/backup/facts.ts) said by the element: every code of every kind has a sentence in both
// catalogs; in Swedish none carries English; in English each says what the engine's own English sentence says
// (describe.ts), names isolated in <bdi>.
import { describe, it } from '../mocha.js';
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { DependencyReason, DriftItem, UnitDifference, WriteReason } from '../../src/backup/facts.js';
import { describeDependency, describeDifference, describeDrift } from '../../src/backup/describe.js';
import { sayDangling, sayDependency, sayDifference, sayDrift, sayWriteReason } from '../../components/shared/facts.js';
import { loadCatalog, localizer } from '../../components/shared/l10n/localizer.js';
import { ENGLISH } from './l10n-helpers.js';

const DIFFERENCES: UnitDifference[] = [
  { code: 'changed', section: 'workspaces', label: 'Desk (admin)', fields: ['layout', 'applications.0.config'] },
  { code: 'missing', section: 'keys', label: 'smtp.host' },
  { code: 'extra', section: 'profiles', label: 'Night' },
  { code: 'order', section: 'plugins', position: 2, found: 'com.example.a', expected: 'com.example.b' },
];
const DRIFT: DriftItem[] = [
  { section: 'workspaces', name: 'Their desk', owner: 'admin' },
  { section: 'keys', name: 'theirs' },
];
const WRITE: WriteReason[] = [
  { code: 'too-deep', depth: 300, max: 256 },
  { code: 'too-large', bytes: 9 * 1024 * 1024, max: 8 * 1024 * 1024 },
  { code: 'lone-surrogate' },
  { code: 'name-unaddressable' },
  { code: 'name-lone-surrogate' },
  { code: 'undeletable-unaddressable', what: 'id' },
  { code: 'undeletable-lone-surrogate', what: 'name' },
];
const DEPENDENCIES: DependencyReason[] = (
  ['profile-lists', 'workspace-uses', 'plugin-maps', 'maps-replaced', 'uses-replaced', 'lists-replaced'] as const
).map((code) => ({ code, by: 'Night' }));
const DANGLING = [
  ['unit', 'plugins', 0, 'requirementMappings', 'actions', 'open'],
  ['unit', 'workspaces', 1, 'applications', 0, 'plugin'],
  ['unit', 'profiles', 2, 'workspaces', 0],
].map((path) => ({ path, message: '' }));

/** Every fact rendered by `lang`'s localizer, as the text a reader gets, and the container (for its <bdi>s). */
function sayAll(lang: string): { texts: string[]; root: HTMLElement } {
  const l = localizer(lang);
  const parts: (TemplateResult | string)[] = [
    ...DIFFERENCES.map((d) => sayDifference(l, d)),
    ...DRIFT.map((d) => sayDrift(l, d)),
    ...WRITE.map((r) => sayWriteReason(l, r)),
    ...DEPENDENCIES.map((r) => sayDependency(l, r)),
    ...DANGLING.map((i) => sayDangling(l, i)),
  ];
  const root = document.createElement('div');
  return {
    texts: parts.map((p) => {
      const one = document.createElement('p');
      render(p, one);
      root.append(one);
      return (one.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
    root,
  };
}

describe('the engines’ facts in the catalog', () => {
  it('in Swedish, every fact of every kind is said without English', async () => {
    await loadCatalog('sv'); // fetched on demand, as on a Swedish page
    const { texts } = sayAll('sv');
    for (const text of texts) {
      expect(text, 'a sentence').to.have.length.greaterThan(3);
      expect(ENGLISH.filter((s) => text.includes(s)), text).to.deep.equal([]);
    }
  });

  it('in English, a difference, a drift item and a dependency say what the engine’s English says; names in <bdi>', () => {
    const { texts, root } = sayAll('en');
    expect(texts.slice(1, 3)).to.deep.equal(['Config in key store “smtp.host” is missing.', 'Profile “Night” is not in the backup.']);
    expect(describeDifference(DIFFERENCES[1]!)).to.equal('Key "smtp.host" is missing.');
    expect(texts[0]).to.equal('Workspace “Desk (admin)” differs from the backup in fields “layout” and “applications.0.config”.');
    expect(texts[DIFFERENCES.length]).to.equal('Workspace “Their desk” (owner admin)');
    expect(describeDrift(DRIFT[0]!)).to.equal('workspace "Their desk" (admin)');
    const first = DIFFERENCES.length + DRIFT.length + WRITE.length;
    expect(texts[first]).to.equal(describeDependency(DEPENDENCIES[0]!).replaceAll('"', (q, i: number, s: string) => (s.indexOf('"') === i ? '“' : '”')));
    expect([...root.querySelectorAll('bdi')].map((b) => b.textContent)).to.include.members(['Desk (admin)', 'smtp.host', 'Their desk', 'Night']);
  });
});
