/**
 * Text from the Dashboard inside our sentences: isolated for bidi (a right-to-left name, or one with an override
 * character, cannot reorder the words around it) and allowed to break anywhere (a 500-character name without
 * spaces wraps instead of widening the dialog; see `bdi` in shared.styles.ts).
 */
import { html, type TemplateResult } from 'lit';
import type { Counts } from '../../src/schemas.js';
import type { Localizer } from './l10n/localizer.js';

/** A name or value from the Dashboard, in a `<bdi>`. */
export function bdi(value: string): TemplateResult {
  return html`<bdi part="value">${value}</bdi>`;
}

/** "3 plugins, 2 workspaces, 1 profile and 4 configs in key store", in the localizer's language. */
export function countsSentence(l: Localizer, c: Counts): string {
  const parts = [
    l.count(c.plugins, l.t.plugins),
    l.count(c.workspaces, l.t.workspaces),
    l.count(c.profiles, l.t.profiles),
    l.count(c.keys, l.t.keyStoreConfigs),
  ];
  return new Intl.ListFormat(l.lang, { type: 'conjunction' }).format(parts);
}
