/**
 * Script of the offline inspector page (inspect.html). The page works with no server behind it, and its
 * Content-Security-Policy forbids every connection and any eval.
 *
 * Language: `?lang=sv` in the address, else the browser's first language the inspector speaks, else English — set
 * as `<html lang>`, which `<backup-inspector>` follows (live, like `<dashboard-backup>`). The page's own title,
 * heading and introduction come from the same catalog; the HTML holds their English for a browser without script.
 */
import { html, render } from 'lit';
import '../components/backup-inspector/backup-inspector.js';
import { loadCatalog, localizer, onCatalogChange } from '../components/shared/l10n/localizer.js';

/** Languages with a built-in catalog (a host page can register more; this page has no host). */
const SPOKEN = ['en', 'sv'];

function pickLanguage(): string {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked) return asked;
  const known = navigator.languages.find((tag) => SPOKEN.includes(tag.toLowerCase().split('-')[0] ?? ''));
  return known ?? document.documentElement.lang ?? 'en';
}

let introReplaced = false;

/** Writes the page's texts in the language of `<html lang>`. */
function renderPage(): void {
  const lang = document.documentElement.lang || 'en';
  void loadCatalog(lang); // a language other than English arrives in a chunk of its own; renderPage runs again then
  const { t } = localizer(lang);
  document.title = t.inspector.pageTitle;
  const heading = document.querySelector('main > h1');
  const intro = document.querySelector('main > p.intro');
  if (heading) heading.textContent = t.inspector.pageTitle;
  if (intro && !introReplaced) {
    intro.textContent = ''; // the English fallback; Lit renders next to what is there, it does not clear it
    introReplaced = true;
  }
  if (intro) render(t.inspector.pageIntro(html`<code>.dashboard-backup</code>`), intro as HTMLElement);
}

document.documentElement.lang = pickLanguage();
renderPage();
onCatalogChange(renderPage);
new MutationObserver(renderPage).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
