/**
 * Reading a whole paged list: the first page says how many items there are (`total`), then every other page is
 * requested at once (the client's limiter bounds how many are in flight). A list that changes while it is read is
 * read again, so a backup never holds a list with holes or duplicates from a shifted page.
 */
import { HttpError } from '../errors.js';
import { MAX_PAGE_LIMIT, type Page } from '../schemas.js';

/** Items asked for per page: the most the Dashboard allows. */
export const LIST_PAGE_LIMIT = MAX_PAGE_LIMIT;

/** Reads of a list before giving up because it keeps changing. */
export const LIST_READ_ATTEMPTS = 3;

/** Fetches one page; must reject with an `HttpError` ABORTED when `signal` aborts. */
export type ReadPage<T> = (offset: number, limit: number, signal: AbortSignal) => Promise<Page<T>>;

/** True when the pages fit together: same total everywhere, offsets as asked, every item present. */
function isConsistent<T>(pages: Page<T>[], offsets: number[], total: number): boolean {
  const count = pages.reduce((sum, page) => sum + page.items.length, 0);
  return count === total && pages.every((page, i) => page.total === total && page.offset === offsets[i]);
}

/**
 * Reads every item of a list, in order.
 * @param describe method and path for the error when the list keeps changing.
 * @throws HttpError CONFLICT when the pages still disagree after {@link LIST_READ_ATTEMPTS} reads; any error of
 *   `readPage` (the first one; the other pages in flight are then cancelled).
 */
export async function readAllPages<T>(
  readPage: ReadPage<T>,
  describe: { method: string; path: string },
  signal?: AbortSignal,
): Promise<T[]> {
  for (let attempt = 1; ; attempt++) {
    // Cancels the sibling pages as soon as one fails, so they stop holding the client's slots.
    const siblings = new AbortController();
    const linked = signal ? AbortSignal.any([signal, siblings.signal]) : siblings.signal;
    try {
      const first = await readPage(0, LIST_PAGE_LIMIT, linked);
      const total = first.total;
      // The Dashboard may return fewer items per page than asked; step by what it actually returns.
      const step = first.items.length;
      const offsets = [0];
      if (step > 0) for (let offset = step; offset < total; offset += step) offsets.push(offset);
      const rest = await Promise.all(offsets.slice(1).map((offset) => readPage(offset, LIST_PAGE_LIMIT, linked)));
      const pages = [first, ...rest];
      if (isConsistent(pages, offsets, total)) return pages.flatMap((page) => page.items);
    } catch (error) {
      siblings.abort();
      throw error;
    }
    if (attempt >= LIST_READ_ATTEMPTS) {
      const { method, path } = describe;
      throw new HttpError(
        'CONFLICT',
        `The list at ${method} ${path} kept changing while it was being read (${attempt} attempts). Try again when nobody is editing the unit.`,
        { method, path, status: 200 },
      );
    }
  }
}
