/**
 * The checks of the localization tests: the shape of a catalog (keys and kinds), the fixed English text of the
 * English catalog that Swedish does not share, and "no such English is seen or heard" in an element.
 */
import { expect } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { en } from '../../components/shared/l10n/en.js';
import { sv } from '../../components/shared/l10n/sv.js';

/** Every key path of a catalog, with the kind of its value (a function's arity too). */
export function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}:fn${value.length}`];
  if (typeof value === 'string') return [`${path}:string`];
  if (Array.isArray(value)) return [`${path}:list`];
  return Object.entries(value as object).flatMap(([k, v]) => shape(v, `${path}.${k}`));
}

/** The fixed text of a catalog: its strings, plural forms and the literal parts of its sentence functions. */
export function texts(value: unknown): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') out.push(...v.split(/[#§]/));
    else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object' && 'strings' in v) {
      const t = v as TemplateResult;
      t.strings.forEach(add);
      t.values.forEach(add);
    } else if (typeof v === 'function') {
      for (const flag of [true, false]) {
        try {
          add(v(flag, '§', '§', '§'));
        } catch {
          // a sentence that needs a real argument (a section name, a record): its other literals are checked anyway
        }
      }
    } else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(value);
  return out.map((s) => s.replace(/<[^>]*>/g, ' ').trim()).filter((s) => s.length >= 8 && /[a-z]{3}/i.test(s));
}

/** English fixed text that does not also occur in Swedish (names such as "Dashboard Backup" are the same). */
const svTexts = new Set(texts(sv));
export const ENGLISH = [...new Set(texts(en))].filter((s) => !svTexts.has(s));

/** All text a person sees or hears in the element: text of every shadow root, labels and the live regions. */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (root: Element | ShadowRoot) => {
    parts.push(root.textContent ?? '');
    for (const e of root.querySelectorAll('*')) {
      for (const attr of ['aria-label', 'aria-valuetext', 'title', 'placeholder']) {
        const v = e.getAttribute(attr);
        if (v) parts.push(v);
      }
      if (e.shadowRoot) walk(e.shadowRoot);
    }
  };
  walk(el.shadowRoot!);
  return parts.join('\n').replace(/\s+/g, ' ');
}

export function expectNoEnglish(el: Element, state: string): void {
  const text = visibleText(el);
  const left = ENGLISH.filter((s) => text.includes(s.replace(/\s+/g, ' ')));
  expect(left, `English left in the ${state} state`).to.deep.equal([]);
}
