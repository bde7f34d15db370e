/** Error and information notices shared by the panels. */
import { html, nothing, type TemplateResult } from 'lit';
import type { DescribedError } from './messages.js';

/** An error sentence in an alert (announced at once by screen readers), or nothing. */
export function renderAlert(error: DescribedError | undefined): TemplateResult | typeof nothing {
  return error
    ? html`<div class="notice error" part="notice" role="alert" data-code=${error.code}><p>${error.message}</p></div>`
    : nothing;
}

/** A neutral notice (e.g. "Export cancelled"), or nothing when empty. */
export function renderNotice(text: string): TemplateResult | typeof nothing {
  return text ? html`<p class="notice" part="notice">${text}</p>` : nothing;
}
