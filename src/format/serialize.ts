/**
 * Incremental JSON serialisation: yields the exact text `JSON.stringify(value)` would return, in pieces, so a
 * 50 MB payload can be serialised between yields to the event loop instead of in one long task. The top levels
 * of the tree are walked here; subtrees below {@link SPLIT_DEPTH} are small and go to the native JSON.stringify.
 */

/** Depth below which subtrees are handed whole to JSON.stringify (root = 0; unit → plugins → plugin = 3). */
export const SPLIT_DEPTH = 3;

type Json = unknown;

function applyToJson(holderKey: string, value: Json): Json {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return toJSON.call(value, holderKey);
  }
  return value;
}

function isSkipped(value: Json): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isContainer(value: Json): value is object {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Number || value instanceof String || value instanceof Boolean)
  );
}

function* generateValue(value: Json, depth: number, ancestors: object[]): Generator<string, void, undefined> {
  if (!isContainer(value) || depth >= SPLIT_DEPTH) {
    // Also throws JSON.stringify's own TypeError for BigInt and for cycles inside the subtree.
    yield JSON.stringify(value) as string;
    return;
  }
  if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
  ancestors.push(value);
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item = applyToJson(String(i), value[i]);
      if (isSkipped(item)) yield 'null';
      else yield* generateValue(item, depth + 1, ancestors);
    }
    yield ']';
  } else {
    yield '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const item = applyToJson(key, (value as Record<string, Json>)[key]);
      if (isSkipped(item)) continue;
      yield first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`;
      first = false;
      yield* generateValue(item, depth + 1, ancestors);
    }
    yield '}';
  }
  ancestors.pop();
}

/**
 * Yields the JSON text of `value` in pieces; joined, they equal `JSON.stringify(value)`. Yields nothing when
 * JSON.stringify would return `undefined` (undefined, a function, a symbol).
 * @throws TypeError as JSON.stringify does (cycles, BigInt).
 */
export function* generateJsonPieces(value: unknown): Generator<string, void, undefined> {
  const root = applyToJson('', value);
  if (isSkipped(root)) return;
  yield* generateValue(root, 0, []);
}
