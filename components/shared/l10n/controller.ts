/**
 * Which language an element speaks: its own `lang` attribute, else the closest `[lang]` ancestor (crossing shadow
 * roots, so inner parts follow the element that holds them), else `<html lang>`, else English. Follows changes of
 * any `lang` attribute in the document and registrations of catalogs.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localizer, onCatalogChange, type Localizer } from './localizer.js';

/** The language in effect at `node`. */
export function langOf(node: Node): string {
  let current: Node | null = node;
  while (current) {
    const found: Element | null = current instanceof Element ? current.closest('[lang]') : null;
    const lang = found?.getAttribute('lang');
    if (lang) return lang;
    const root = (found ?? current).getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || 'en';
}

const hosts = new Set<() => void>();
let observer: MutationObserver | undefined;

function watch(host: HTMLElement, update: () => void): () => void {
  hosts.add(update);
  if (!observer) {
    // One observer for the whole page: a `lang` change anywhere in the light DOM re-resolves every element.
    observer = new MutationObserver(() => hosts.forEach((h) => h()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  // The element itself too: it may live in a host application's shadow root, which the document-wide watch misses.
  observer.observe(host, { attributes: true, attributeFilter: ['lang'] });
  const stopCatalog = onCatalogChange(update);
  return () => {
    hosts.delete(update);
    stopCatalog();
  };
}

/** Gives a Lit element its {@link Localizer} (`this.l10n.l`) and re-renders it when the language changes. */
export class LocaleController implements ReactiveController {
  l: Localizer = localizer('en');
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
    this.stop = watch(this.host, () => this.refresh());
  }

  hostDisconnected(): void {
    this.stop?.();
  }

  private refresh(): void {
    const next = localizer(langOf(this.host));
    if (next === this.l) return;
    this.l = next;
    this.host.requestUpdate();
  }
}
