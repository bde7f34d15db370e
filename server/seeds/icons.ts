/** Tiny SVG icons as data: URLs, as a Dashboard stores plugin icons. */

/** An SVG data URL: a rounded square of `color` with up to two letters. */
export function svgIcon(letters: string, color: string): string {
  const safe = letters.replace(/[^A-Za-z0-9]/g, '').slice(0, 2);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${color}"/>` +
    `<text x="16" y="21" font-family="sans-serif" font-size="13" text-anchor="middle" fill="#fff">${safe}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
