/**
 * Styles of `<backup-inspector>` and its sub-elements. Colours come from CSS custom properties that inherit through
 * the shadow roots, so a page themes every part at once; the defaults follow the user's light/dark preference.
 */
import { css } from 'lit';

/** Theme tokens and base typography, shared by every inspector element. */
export const inspectorTokens = css`
  :host {
    --_bg: var(--backup-inspector-background, #ffffff);
    --_fg: var(--backup-inspector-color, #1b1f24);
    --_muted: var(--backup-inspector-muted-color, #57606a);
    --_border: var(--backup-inspector-border-color, #c9d1d9);
    --_surface: var(--backup-inspector-surface, #f6f8fa);
    --_accent: var(--backup-inspector-accent, #0a58ca);
    --_accent-fg: var(--backup-inspector-accent-contrast, #ffffff);
    --_danger: var(--backup-inspector-danger, #b42318);
    --_warning-bg: var(--backup-inspector-warning-background, #fff4d6);
    --_radius: var(--backup-inspector-radius, 6px);
    color-scheme: light dark;
    font-family: var(--backup-inspector-font, system-ui, sans-serif);
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--backup-inspector-background, #0d1117);
      --_fg: var(--backup-inspector-color, #e6edf3);
      --_muted: var(--backup-inspector-muted-color, #9da7b3);
      --_border: var(--backup-inspector-border-color, #3d444d);
      --_surface: var(--backup-inspector-surface, #161b22);
      --_accent: var(--backup-inspector-accent, #4493f8);
      --_accent-fg: var(--backup-inspector-accent-contrast, #0d1117);
      --_danger: var(--backup-inspector-danger, #ff7b72);
      --_warning-bg: var(--backup-inspector-warning-background, #3b2e05);
    }
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    color: var(--_fg);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.8rem;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
  }
  button.danger {
    background: var(--_danger);
    color: var(--_bg);
    border-color: var(--_danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  input {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.5rem;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .warning {
    background: var(--_warning-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.6rem 0.8rem;
  }
  h2,
  h3,
  h4 {
    margin: 1rem 0 0.5rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.1rem;
  }
  h4 {
    font-size: 1rem;
  }
  dl.fields {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2rem 1rem;
    margin: 0.4rem 0;
  }
  dl.fields dt {
    color: var(--_muted);
  }
  dl.fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** The top-level element. */
export const inspectorStyles = css`
  /* Names from the Dashboard (and file names): isolated for bidi, breakable anywhere. */
  bdi {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  :host {
    display: block;
  }
  .base {
    background: var(--_bg);
    color: var(--_fg);
    padding: var(--backup-inspector-padding, 1rem);
    border-radius: var(--_radius);
  }
  .actions {
    display: flex;
    gap: 0.6rem;
    flex-wrap: wrap;
    margin: 0.6rem 0;
  }
  ul.counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1.2rem;
    list-style: none;
    padding: 0;
    margin: 0.4rem 0;
  }
  section.compare {
    border-top: 1px solid var(--_border);
    margin-top: 1.5rem;
  }
`;
