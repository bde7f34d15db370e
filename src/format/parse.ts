/**
 * Time-sliced JSON parsing: the same result as `JSON.parse(text)`, but the top levels of the tree are walked here
 * and each value below {@link SPLIT_DEPTH} is handed to the native JSON.parse on its own, with `pause()` between
 * them — so a 50 MB payload is parsed without one long main-thread task. The text arrives as segments (about a
 * megabyte each) and is read through a sliding window, because flattening one 50 MB string is itself a long task.
 * Finding where a deep value ends needs a scan that skips strings (indexOf, not a backtracking regex, so a long
 * string cannot overflow the regex stack).
 */
import { SPLIT_DEPTH } from './serialize.js';

const WHITESPACE = /[ \t\n\r]*/y;
const STRUCTURAL = /[{}[\]"]/g;
const SCALAR_END = /[,\]}\s]/g;
/** Returned by the scanners when the value runs past the end of the window. */
const INCOMPLETE = -1;

/** Index just past the closing quote of the string whose opening quote is at `start`, or INCOMPLETE. */
function skipString(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return INCOMPLETE;
    let backslashes = 0;
    for (let i = quote - 1; text.charCodeAt(i) === 92; i--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** Index just past the value starting at `start` (a non-whitespace character), or INCOMPLETE. */
function skipValue(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return skipString(text, start);
  if (first !== '{' && first !== '[') {
    SCALAR_END.lastIndex = start;
    const match = SCALAR_END.exec(text);
    return match ? match.index : INCOMPLETE; // a scalar may continue in the next segment
  }
  let depth = 0;
  STRUCTURAL.lastIndex = start;
  for (;;) {
    const match = STRUCTURAL.exec(text);
    if (!match) return INCOMPLETE;
    const char = match[0];
    if (char === '"') {
      const end = skipString(text, match.index);
      if (end === INCOMPLETE) return INCOMPLETE;
      STRUCTURAL.lastIndex = end;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (--depth === 0) {
      return match.index + 1;
    }
  }
}

/** A sliding window over the text segments; `at` indexes `text`. */
interface Cursor {
  text: string;
  at: number;
  /** The next segment, or undefined at the end of the text. */
  more: () => Promise<string | undefined> | string | undefined;
  pause: () => Promise<void>;
}

/** Drops the consumed text and appends segments until the unread part at least doubles. False at the end. */
async function growWindow(cursor: Cursor): Promise<boolean> {
  let rest = cursor.text.slice(cursor.at);
  const target = Math.max(rest.length * 2, 1);
  let grew = false;
  while (rest.length < target) {
    const segment = await cursor.more();
    if (segment === undefined) break;
    rest += segment;
    grew = true;
  }
  if (!grew) return false;
  cursor.text = rest;
  cursor.at = 0;
  return true;
}

/** Moves past whitespace within the window; true when the next character is inside it. */
function skipWhitespaceHere(cursor: Cursor): boolean {
  WHITESPACE.lastIndex = cursor.at;
  WHITESPACE.exec(cursor.text);
  cursor.at = WHITESPACE.lastIndex;
  return cursor.at < cursor.text.length;
}

/** Moves past whitespace; the next character (if any) is then inside the window. */
async function skipWhitespace(cursor: Cursor): Promise<void> {
  // The window is large and values are small: the await (a microtask) is paid only at its end.
  while (!skipWhitespaceHere(cursor)) if (!(await growWindow(cursor))) return;
}

/** Reads the value at the cursor as text (growing the window as needed) and moves past it. */
async function takeValueText(cursor: Cursor): Promise<string> {
  for (;;) {
    const end = skipValue(cursor.text, cursor.at);
    if (end !== INCOMPLETE) {
      const text = cursor.text.slice(cursor.at, end);
      cursor.at = end;
      return text;
    }
    if (!(await growWindow(cursor))) {
      const text = cursor.text.slice(cursor.at); // JSON.parse reports what is wrong with it
      cursor.at = cursor.text.length;
      return text;
    }
  }
}

async function expectChar(cursor: Cursor, char: string): Promise<void> {
  if (!skipWhitespaceHere(cursor)) await skipWhitespace(cursor);
  if (cursor.text[cursor.at] !== char) throw new SyntaxError(`Expected '${char}' in JSON`);
  cursor.at++;
}

/** Sets a member the way JSON.parse does: an own data property, even for "__proto__". */
function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

async function parseValue(cursor: Cursor, depth: number): Promise<unknown> {
  if (!skipWhitespaceHere(cursor)) await skipWhitespace(cursor);
  const first = cursor.text[cursor.at];
  if (depth >= SPLIT_DEPTH || (first !== '{' && first !== '[')) {
    const value: unknown = JSON.parse(await takeValueText(cursor));
    await cursor.pause();
    return value;
  }
  const close = first === '{' ? '}' : ']';
  const isArray = first === '[';
  const container: unknown[] | Record<string, unknown> = isArray ? [] : {};
  cursor.at++;
  if (!skipWhitespaceHere(cursor)) await skipWhitespace(cursor);
  if (cursor.text[cursor.at] === close) {
    cursor.at++;
    return container;
  }
  for (;;) {
    if (isArray) {
      (container as unknown[]).push(await parseValue(cursor, depth + 1));
    } else {
      if (!skipWhitespaceHere(cursor)) await skipWhitespace(cursor);
      if (cursor.text[cursor.at] !== '"') throw new SyntaxError('Expected a property name in JSON');
      const key = JSON.parse(await takeValueText(cursor)) as string;
      await expectChar(cursor, ':');
      setMember(container as Record<string, unknown>, key, await parseValue(cursor, depth + 1));
    }
    if (!skipWhitespaceHere(cursor)) await skipWhitespace(cursor);
    if (cursor.text[cursor.at] === ',') {
      cursor.at++;
      continue;
    }
    await expectChar(cursor, close);
    return container;
  }
}

/**
 * Parses JSON text, given whole, as consecutive segments, or as a function that returns the next segment (a
 * promise of it, or undefined at the end: the text can then be parsed while it is still being decrypted), like
 * `JSON.parse` of the joined text, calling `pause` between values so the caller can yield to the event loop.
 * @throws SyntaxError on invalid JSON (including trailing non-whitespace); whatever `text()` throws.
 */
export async function parseJsonIncrementally(
  text: string | readonly string[] | (() => Promise<string | undefined>),
  pause: () => Promise<void>,
): Promise<unknown> {
  let more: Cursor['more'];
  if (typeof text === 'function') more = text;
  else {
    const segments = typeof text === 'string' ? [text] : text;
    let next = 0;
    more = () => segments[next++];
  }
  const cursor: Cursor = { text: '', at: 0, more, pause };
  const value = await parseValue(cursor, 0);
  await skipWhitespace(cursor);
  if (cursor.at !== cursor.text.length) throw new SyntaxError('Unexpected data after JSON value');
  return value;
}
