/**
 * The engines' facts (src/backup/facts.ts) in the reader's language: each fact's sentence from the catalog's
 * `facts` group, names from the Dashboard in `<bdi>`, numbers and lists by Intl.
 */
import type { TemplateResult } from 'lit';
import type { ValidationIssue } from '../../src/errors.js';
import type { DependencyReason, DriftItem, UnitDifference, WriteReason } from '../../src/backup/facts.js';
import type { Localizer } from './l10n/localizer.js';
import { bdi } from './text.js';

/** A field path (`applications.0.config`) with the fields this version knows named in the reader's language. */
export function sayFieldPath(l: Localizer, path: string): string {
  const names = l.t.facts.fieldNames as Record<string, string>;
  return path
    .split('.')
    .map((part) => (Object.hasOwn(names, part) ? names[part] : part))
    .join('.');
}

/** Field paths as a list ("“layout” and “roles”"). */
function fieldList(l: Localizer, fields: string[]): string {
  return new Intl.ListFormat(l.lang, { type: 'conjunction' }).format(fields.map((f) => `“${sayFieldPath(l, f)}”`));
}

/** One verification difference. */
export function sayDifference(l: Localizer, d: UnitDifference): TemplateResult {
  const f = l.t.facts;
  switch (d.code) {
    case 'changed':
      return f.changed(d.section, bdi(d.label), fieldList(l, d.fields), d.fields.length);
    case 'missing':
      return f.missing(d.section, bdi(d.label));
    case 'extra':
      return f.extra(d.section, bdi(d.label));
    case 'order':
      return f.order(d.section, l.number(d.position), bdi(d.found), bdi(d.expected));
  }
}

/** One item of someone else's work. */
export function sayDrift(l: Localizer, d: DriftItem): TemplateResult {
  return l.t.facts.drift(d.section, bdi(d.name), d.owner === undefined ? undefined : bdi(d.owner));
}

/** Why an item cannot be written. */
export function sayWriteReason(l: Localizer, r: WriteReason): string {
  const w = l.t.facts.write;
  switch (r.code) {
    case 'too-deep':
      return w['too-deep'](l.number(r.depth), l.number(r.max));
    case 'too-large':
      return w['too-large'](l.bytes(r.bytes), l.bytes(r.max));
    case 'undeletable-unaddressable':
    case 'undeletable-lone-surrogate':
      return w[r.code](r.what);
    default:
      return w[r.code];
  }
}

/** Why a selective restore brings an item along. */
export function sayDependency(l: Localizer, r: DependencyReason): TemplateResult {
  return l.t.facts.dependency[r.code](bdi(r.by));
}

/** A dangling reference, from where it is (consistency.ts paths: `unit`, section, index, field…). */
export function sayDangling(l: Localizer, issue: ValidationIssue): string {
  const [, section, index, field] = issue.path;
  const n = typeof index === 'number' ? l.number(index + 1) : '';
  const d = l.t.facts.dangling;
  if (section === 'plugins' && field === 'requirementMappings') return d.provider(n);
  if (section === 'workspaces' && field === 'applications') return d.plugin(n);
  if (section === 'profiles' && field === 'workspaces') return d.workspace(n);
  return d.other;
}
