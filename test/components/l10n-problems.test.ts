// Schema problems ("Problems, by path" in <backup-inspector>) are worded from the catalog by the issue's code and
// parameters: in Swedish no English is left; in English the sentences are zod's own, as admins read them before.
import { afterEach, describe, it } from '../mocha.js';
import { expect, waitUntil } from '@open-wc/testing';
import * as z from 'zod/mini';
import { loadCatalog, localizer } from '../../components/shared/l10n/localizer.js';
import { sayProblem } from '../../components/shared/problems.js';
import { toValidationIssues, type ValidationIssue } from '../../src/errors.js';
import { PARSE } from '../../src/zod.js';
import { sv } from '../../components/shared/l10n/sv.js';
import { formatIssuePath } from '../../src/inspect/messages.js';
import { parseBackupPayload } from '../../src/inspect/open.js';
import { cloneJson, makeBackupFile, mountInspector, openThroughForm, settle, shadow } from '../inspect/helpers.js';
import { makePayload } from '../inspect/make-payload.js';
import { ENGLISH, visibleText } from './l10n-helpers.js';

/** A backup whose plaintext has one problem of each kind the schemas raise. */
function brokenPayload(): unknown {
  const p = cloneJson(makePayload({ plugins: 3, workspaces: 2, profiles: 2, keys: 2 })) as unknown as {
    manifest: Record<string, unknown> & { unit: Record<string, unknown> };
    unit: Record<string, Record<string, unknown>[]>;
  };
  p.unit.plugins![1]!.enabled = 'yes'; // wrong type
  delete p.unit.workspaces![0]!.layout; // missing field
  p.unit.plugins![2]!.name = ''; // too small
  p.unit.profiles![0]!.roles = ['editor']; // unknown enum value
  (p.unit.workspaces![1]!.applications as Record<string, unknown>[])[0]!.column = 500; // too big
  // an unrecognized key where strict: the payload calls it a section of a newer version (its own sentence)
  p.manifest.unit.region = 'north';
  return p;
}

const KINDS = ['invalid_type', 'too_small', 'too_big', 'invalid_value'];

async function openBroken(): Promise<HTMLElement> {
  const el = await mountInspector();
  await openThroughForm(el, await makeBackupFile(brokenPayload()));
  const details = shadow(el).querySelector<HTMLDetailsElement>('.issues details');
  expect(details, 'the problems are listed').to.exist;
  details!.open = true;
  await settle(el);
  return el;
}

/** Issues of a strict object with unknown keys (the payload reports those as sections; API bodies do not). */
function strictIssues(): ValidationIssue[] {
  const parsed = z.strictObject({ id: z.string() }).safeParse({ id: 'x', region: 'north', zone: 2 }, PARSE);
  return toValidationIssues(parsed.error!);
}

describe('schema problems in the reader’s language', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('the backup has every kind of problem, each with its code and parameters', async () => {
    const { issues } = await parseBackupPayload(brokenPayload());
    expect([...new Set(issues.filter((i) => i.problem).map((i) => i.problem!.code))]).to.have.members(KINDS);
    expect(issues.filter((i) => !i.problem).map((i) => i.path.join('.'))).to.deep.equal(['manifest.unit.region']);
    const missing = issues.find((i) => i.path.join('.') === 'unit.workspaces.0.layout');
    expect(missing?.problem).to.deep.equal({ code: 'invalid_type', expected: 'string', received: 'undefined' });
  });

  it('unrecognized keys of a strict object: zod’s English, and Swedish', async () => {
    await loadCatalog('sv');
    const [issue] = strictIssues();
    expect(issue!.problem).to.deep.equal({ code: 'unrecognized_keys', keys: ['region', 'zone'] });
    expect(sayProblem(localizer('en'), issue!)).to.equal(issue!.message);
    expect(sayProblem(localizer('sv'), issue!)).to.equal('Okända fält: "region", "zone"');
  });

  it('in English, each problem reads as zod words it', async () => {
    const { issues } = await parseBackupPayload(brokenPayload());
    const el = await openBroken();
    const text = visibleText(el);
    for (const issue of issues) expect(text).to.include(issue.message);
  });

  it('in Swedish, the problems show no English', async () => {
    await loadCatalog('sv');
    document.documentElement.lang = 'sv';
    const el = await openBroken();
    await waitUntil(() => visibleText(el).includes(sv.inspector.problemsByPath), 'Swedish shown');
    const text = visibleText(el);
    const p = sv.schemaProblems;
    expect(text).to.include(p.invalidType(p.types.boolean, p.types.string));
    expect(text).to.include(p.invalidType(p.types.string, p.types.undefined));
    expect(text).to.include(p.tooSmallSize(p.types.string, '>=1', p.units.string));
    expect(text).to.include(p.tooBig(p.types.number, '<=100'));
    expect(text).to.include(p.invalidOption('"admin"|"power-user"|"user"|"readonly"'));
    expect(text).to.include(`manifest.unit.region: ${sv.inspector.unknownSection}`);
    expect(text).not.to.match(/Invalid|expected|received|Unrecognized|Too (small|big)/);
    // The paths are the file's own field names (`unit.workspaces[0].layout`), shown as they are in any language.
    const { issues } = await parseBackupPayload(brokenPayload());
    const prose = issues.reduce((rest, i) => rest.replaceAll(formatIssuePath(i.path), ''), text);
    expect(prose).to.include(sv.inspector.problemsByPath);
    expect(ENGLISH.filter((s) => prose.includes(s.replace(/\s+/g, ' '))), 'English left').to.deep.equal([]);
  });
});
