/**
 * Reading a whole paged list consistently. The first page says how many items there are (`total`) and how many
 * the Dashboard serves per page (its `limit`, which may be lower than asked); every other page is then requested
 * at once (the client's limiter bounds how many are in flight). Pages read at different moments can disagree when
 * someone edits the list in between — a shifted page repeats or skips an item — so a list of more than one page is
 * read twice and kept only when both reads agree item for item. A list that keeps changing is refused with
 * UNIT_CHANGED_DURING_READ: a backup never holds a list with holes or duplicates.
 */
import { HttpError } from '../errors.js';
import { createTaskBudget } from '../format/schedule.js';
import { MAX_PAGE_LIMIT, type Page } from '../schemas.js';

/** Items asked for per page: the most the contract allows (a Dashboard may serve fewer). */
export const LIST_PAGE_LIMIT = MAX_PAGE_LIMIT;

/** Reads of a list (each one every page) before giving up because it keeps changing. */
export const LIST_READ_ATTEMPTS = 4;

/** Fetches one page; must reject with an `HttpError` ABORTED when `signal` aborts. */
export type ReadPage<T> = (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>;

/** One read of every page: the items, or `undefined` when the pages do not fit together. */
interface Pass<T> {
  items: T[] | undefined;
  pages: number;
}

/**
 * Reads every page once. The pages fit together when each reports the first page's total, the offset asked for and
 * exactly as many items as its place in the list holds, and no item (by `identify`) appears twice.
 */
async function readPass<T>(readPage: ReadPage<T>, identify: (item: T) => string, signal: AbortSignal): Promise<Pass<T>> {
  const first = await readPage(0, LIST_PAGE_LIMIT, signal);
  const total = first.total;
  // Step by the page size the Dashboard says it served (never more than was asked); by what it actually served when
  // that is less (a Dashboard whose `limit` is not the one it applied).
  const served = first.items.length;
  const step = served > 0 && served < Math.min(first.limit, total) ? served : Math.min(first.limit, LIST_PAGE_LIMIT);
  const offsets: number[] = [];
  for (let offset = step; offset < total; offset += step) offsets.push(offset);
  const rest = await Promise.all(offsets.map((offset) => readPage(offset, step, signal)));
  const pages = [first, ...rest];
  const fits = pages.every((page, i) => {
    const offset = i * step;
    return page.total === total && page.offset === offset && page.items.length === Math.min(step, total - offset);
  });
  const items = pages.flatMap((page) => page.items);
  const unique = new Set(items.map(identify)).size === items.length;
  return { items: fits && unique ? items : undefined, pages: pages.length };
}

/**
 * Two reads of a list agree when they hold the same items (compared as JSON) in the same order. Item by item under
 * the task budget: the same answer as comparing the two lists' JSON (an item's JSON is one balanced object), but
 * 2,000 workspaces stringified twice in one go were a long main-thread task.
 */
async function sameList<T>(a: T[], b: T[]): Promise<boolean> {
  if (a.length !== b.length) return false;
  const budget = createTaskBudget(undefined);
  for (let i = 0; i < a.length; i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
    await budget.pause();
  }
  return true;
}

/**
 * Reads every item of a list, in the Dashboard's order. A list of one page is one request (a single response
 * cannot be torn); a longer one is read until two reads in a row agree.
 * @param describe method and path for the error when the list keeps changing.
 * @param identify an item's identity (its id, a key's name), to find an item served twice.
 * @throws HttpError UNIT_CHANGED_DURING_READ when no two reads in a row agree within {@link LIST_READ_ATTEMPTS};
 *   any error of `readPage` (the first one; the other pages in flight are then cancelled).
 */
export async function readAllPages<T>(
  readPage: ReadPage<T>,
  describe: { method: string; path: string },
  identify: (item: T) => string,
  signal?: AbortSignal,
): Promise<T[]> {
  let previous: T[] | undefined;
  for (let attempt = 1; attempt <= LIST_READ_ATTEMPTS; attempt++) {
    // Cancels the sibling pages as soon as one fails, so they stop holding the client's slots.
    const siblings = new AbortController();
    const linked = signal ? AbortSignal.any([signal, siblings.signal]) : siblings.signal;
    let pass: Pass<T>;
    try {
      pass = await readPass(readPage, identify, linked);
    } catch (error) {
      siblings.abort();
      throw error;
    }
    if (pass.items && (pass.pages === 1 || (previous && (await sameList(previous, pass.items))))) return pass.items;
    previous = pass.items;
  }
  const { method, path } = describe;
  throw new HttpError(
    'UNIT_CHANGED_DURING_READ',
    `The list at ${method} ${path} changed while it was being read, ${LIST_READ_ATTEMPTS} times in a row (items added, removed or edited between two page reads), so it could not be read consistently. Nothing was written. Try again when nobody is editing the unit.`,
    { method, path, status: 200 },
  );
}
