/**
 * The message catalog: every sentence the elements show comes from a {@link Catalog}. English (`en.ts`) is the
 * source and the fallback; Swedish (`sv.ts`) is complete. A host adds a language or overrides sentences with
 * {@link registerCatalog}; the elements follow the `lang` of the page (see `langOf`).
 *
 * A small typed catalog rather than `@lit/localize`: no new dependency, no build step, and the compiler refuses a
 * catalog that misses a key (see the README, "Language").
 */
import type { en } from './en.js';

/** A sentence that depends on a count: one form per plural category (Intl.PluralRules); `#` is the number. */
export interface Plural {
  one: string;
  other: string;
  zero?: string;
  two?: string;
  few?: string;
  many?: string;
}

type Widen<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => R extends string ? string : R
  : T extends Plural
    ? Plural
    : T extends string
      ? string
      : T extends readonly string[]
        ? readonly string[]
        : { readonly [K in keyof T]: Widen<T[K]> };

/** Every key of the English catalog, with its kind (sentence, sentence with arguments, plural, or a group). */
export type Catalog = { readonly [K in keyof typeof en]: Widen<(typeof en)[K]> };

/** What a host may give: any subset of the keys (groups, such as `errors`, may be partial too). */
export type CatalogOverrides = { readonly [K in keyof Catalog]?: Catalog[K] extends string | Function | Plural ? Catalog[K] : Partial<Catalog[K]> };

/** What a sentence function receives for a name: plain text, or a template (a `<bdi>`, a `<strong>`). */
export type Part = unknown;
