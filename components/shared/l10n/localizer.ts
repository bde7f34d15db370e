/**
 * Catalogs by language, the host's additions, and the {@link Localizer} the templates use: the catalog of a
 * language plus Intl formatting of numbers, counts (plurals), sizes and dates in that language.
 */
import type { Catalog, CatalogOverrides, Plural } from './catalog.js';
import { en } from './en.js';

/**
 * The built-in catalogs other than English, each fetched (a chunk of its own in the standalone build) only when an
 * element resolves to its language: a page in English never downloads Swedish. English is built in, the fallback
 * while another language loads and if it cannot be loaded.
 */
const LAZY: Readonly<Record<string, () => Promise<Catalog>>> = {
  sv: () => import('./sv.js').then((m) => m.sv),
};
const BUILT_IN: Record<string, Catalog> = { en };
const loading = new Map<string, Promise<void>>();
const registered = new Map<string, CatalogOverrides>();
const listeners = new Set<() => void>();

/**
 * Loads the built-in catalog of `lang`'s primary subtag if it is not in yet; elements re-render when it arrives.
 * Resolves once it is in (at once for English, a language with no built-in catalog, or one already loaded). A
 * catalog that cannot be fetched leaves English (and the host's registered sentences) in place and is tried again
 * on the next call: no error for the admin, who still reads every sentence.
 */
export function loadCatalog(lang: string): Promise<void> {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const load = LAZY[primary];
  if (!load || BUILT_IN[primary]) return Promise.resolve();
  let pending = loading.get(primary);
  if (!pending) {
    pending = load().then(
      (catalog) => {
        BUILT_IN[primary] = catalog;
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        loading.delete(primary);
        console.warn(`dashboard-backup: the "${primary}" catalog could not be loaded; showing English`, error);
      },
    );
    loading.set(primary, pending);
  }
  return pending;
}

/**
 * Adds a language, or overrides sentences of one (built-in or not). Keys left out fall back to the built-in
 * catalog of that language, then to English. Elements on the page re-render at once.
 * @param lang a BCP 47 language tag or its primary subtag (`de`, `sv`, `pt-BR`); matched case-insensitively.
 * @example registerCatalog('sv', { heading: 'Säkerhetskopiering' })
 */
export function registerCatalog(lang: string, overrides: CatalogOverrides): void {
  const key = lang.toLowerCase();
  registered.set(key, { ...registered.get(key), ...overrides });
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a catalog is registered; returns the function that stops it. */
export function onCatalogChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function merge(base: Catalog, extra: CatalogOverrides | undefined): Catalog {
  if (!extra) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    const isGroup = current && typeof current === 'object' && !('other' in current);
    out[key] = isGroup ? { ...current, ...(value as object) } : value;
  }
  return out as Catalog;
}

/** The catalog for a language tag: `sv-SE` → registered `sv-se`, else `sv`, over the built-in `sv`, over English. */
export function catalogFor(lang: string): Catalog {
  const tag = lang.toLowerCase();
  const primary = tag.split('-')[0] ?? '';
  let catalog = merge(en, registered.get('en'));
  catalog = merge(catalog, BUILT_IN[primary]);
  catalog = merge(catalog, registered.get(primary));
  return tag === primary ? catalog : merge(catalog, registered.get(tag));
}

/** The catalog of one language, with Intl formatting in that language. */
export interface Localizer {
  /** The language tag in use (`en` when the page says nothing). */
  readonly lang: string;
  /** The sentences. */
  readonly t: Catalog;
  /** "3 plugins" / "3 insticksprogram": the plural form Intl.PluralRules picks, `#` replaced by the number. */
  count(n: number, forms: Plural): string;
  /** A number in the language's digits and grouping. */
  number(n: number): string;
  /** A size: "12.4 KB". */
  bytes(n: number): string;
  /** A date and time, or the input unchanged when it is not a date. */
  date(iso: string): string;
}

const cache = new Map<string, Localizer>();

/** The {@link Localizer} of a language tag (cached until a catalog is registered). */
export function localizer(lang: string): Localizer {
  const known = cache.get(lang);
  if (known) return known;
  let locale: string;
  try {
    locale = Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    locale = 'en'; // a malformed lang attribute: English rather than a thrown RangeError in render
  }
  const numbers = new Intl.NumberFormat(locale);
  const decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const plurals = new Intl.PluralRules(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const t = catalogFor(locale);
  void loadCatalog(locale); // a language not in yet: English now, a re-render when it arrives
  const value: Localizer = {
    lang: locale,
    t,
    number: (n) => numbers.format(n),
    count: (n, forms) => (forms[plurals.select(n)] ?? forms.other).replace('#', numbers.format(n)),
    bytes: (n) => {
      let size = n;
      let unit = 0;
      while (size >= 1024 && unit < t.sizeUnits.length - 1) {
        size /= 1024;
        unit++;
      }
      return `${unit === 0 ? numbers.format(size) : decimals.format(size)} ${t.sizeUnits[unit]}`;
    },
    date: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dates.format(date);
    },
  };
  cache.set(lang, value);
  return value;
}

onCatalogChange(() => cache.clear());
