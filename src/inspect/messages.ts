/**
 * Paths of schema problems, as the inspector names them. What the inspector *says* about an error is in the
 * element's catalog (components/shared/l10n, group `inspector.openErrors`), in the reader's language.
 */

/** `unit.plugins[0].author` from a validation issue's path. */
export function formatIssuePath(path: (string | number)[]): string {
  if (!path.length) return '(the whole content)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
