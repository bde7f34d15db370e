/**
 * Walks over free-form JSON without recursion and without prototype pitfalls. Configurations may nest as deep as
 * the contract allows ({@link MAX_JSON_DEPTH}, 2,000 levels) and may use any key, `__proto__` and `constructor`
 * included: a recursive walk would overflow the JS stack long before the contract's limit on some engines, and
 * `obj[k] = v` on a plain object turns a `__proto__` key into a prototype change instead of a field. Every walk here
 * keeps an explicit stack, and reads keys with `Object.keys` (own, enumerable) only.
 */

/** Any JSON value (what `JSON.parse` can return). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Deepest nesting of objects and arrays a request or response body may have, the body itself counting as level 1
 * (docs/dashboard-api.md, "Limits"). The reference server refuses deeper bodies with 400; an import refuses a
 * backup holding one before it changes anything.
 */
export const MAX_JSON_DEPTH = 2000;

/** Largest request body the contract accepts, in bytes of UTF-8 (docs/dashboard-api.md, "Limits"). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

const isPlainRecord = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Children of a container, as a list (own enumerable keys of an object). */
const childrenOf = (v: object): unknown[] =>
  Array.isArray(v) ? v : Object.keys(v).map((k) => (v as Record<string, unknown>)[k]);

/**
 * True when `value` is JSON data: strings, finite numbers, booleans, null, arrays and plain (or null-prototype)
 * objects of those, at any depth. Iterative; a cycle is not JSON.
 */
export function isJsonValue(value: unknown): value is JsonValue {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (!Array.isArray(v) && !isPlainRecord(v)) return false;
    if (seen.has(v)) return false;
    seen.add(v);
    for (const child of childrenOf(v)) stack.push(child);
  }
  return true;
}

/** Nesting depth of a JSON value: 0 for a scalar, 1 for `{}` or `[]`, 2 for `{"a":[]}`… Iterative. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    for (const child of childrenOf(v)) stack.push([child, depth]);
  }
  return max;
}

/** True when `s` holds a UTF-16 surrogate without its pair (no UTF-8 form; a URL or a body cannot carry it). */
// (String.prototype.isWellFormed is ES2024, past this project's lib.)
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasLoneSurrogate = (s: string): boolean => LONE_SURROGATE.test(s);

/** True when any string of `value` (object keys included) holds a lone surrogate. Iterative. */
export function findLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (hasLoneSurrogate(v)) return true;
    } else if (typeof v === 'object' && v !== null) {
      if (!Array.isArray(v)) for (const k of Object.keys(v)) if (hasLoneSurrogate(k)) return true;
      for (const child of childrenOf(v)) stack.push(child);
    }
  }
  return false;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON text of `value` with object keys sorted at every level, so equal values give equal strings whatever their
 * key order: how verification and the inspector's diff compare content. Iterative (any depth), keeps every own key
 * (`__proto__` too), skips `undefined` members as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  // A frame either writes a literal piece or serialises one value.
  const stack: ({ text: string } | { value: unknown })[] = [{ value }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if ('text' in frame) {
      out.push(frame.text);
      continue;
    }
    const v = frame.value;
    if (typeof v !== 'object' || v === null) {
      out.push(v === undefined ? 'null' : (JSON.stringify(v) ?? 'null'));
      continue;
    }
    const pieces: ({ text: string } | { value: unknown })[] = [];
    if (Array.isArray(v)) {
      pieces.push({ text: '[' });
      v.forEach((item: unknown, i) => {
        if (i > 0) pieces.push({ text: ',' });
        pieces.push({ value: item });
      });
      pieces.push({ text: ']' });
    } else {
      pieces.push({ text: '{' });
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort(byCodeUnit);
      keys.forEach((k, i) => {
        pieces.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` }, { value: record[k] });
      });
      pieces.push({ text: '}' });
    }
    for (let i = pieces.length - 1; i >= 0; i--) stack.push(pieces[i]!);
  }
  return out.join('');
}

/** UTF-8 length of a string, without allocating its bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
