/** Styles shared by every panel of the element: text, headings, fields, buttons, notices, progress. */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    display: block;
    /* No fallback on purpose: unset, the var() is invalid at computed-value time and font-family, an inherited
       property, takes the page's font. (A fallback of \`inherit\` would not work: a custom property set to
       \`inherit\` inherits the parent's custom property, not its font.) */
    font-family: var(--dashboard-backup-font-family);
    font-size: var(--dashboard-backup-font-size, 0.95rem);
    line-height: 1.5;
    color: var(--db-color);
    text-align: start;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* Names and values from the Dashboard (shared/text.ts): isolated for bidi, so a right-to-left name or an override
     character cannot reorder the sentence around it, and breakable anywhere, so a long name without spaces wraps
     inside the dialog instead of widening it. */
  bdi {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  p,
  li,
  dd,
  td,
  th,
  h3,
  h4,
  h5,
  label,
  summary {
    overflow-wrap: anywhere;
    min-width: 0;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 calc(var(--db-space) * 0.5);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.3em;
  }
  h3 {
    font-size: 1.12em;
  }
  h4 {
    font-size: 1em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  p {
    margin: 0 0 calc(var(--db-space) * 0.75);
  }
  ul {
    margin: 0 0 calc(var(--db-space) * 0.75);
    padding-inline-start: 1.25em;
  }
  a {
    color: var(--db-accent);
  }
  /* Two classes: .hint (below) zeroes the margins of every hint. */
  .hint.snapshot {
    margin-block-start: var(--db-space);
  }
  .muted {
    color: var(--db-muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: calc(var(--db-space) * 0.9);
  }
  label {
    font-weight: 600;
  }
  input[type='password'],
  input[type='text'] {
    font: inherit;
    color: var(--db-color);
    background: var(--db-bg);
    border: 1px solid var(--db-border);
    border-radius: calc(var(--db-radius) * 0.75);
    padding: 0.5rem 0.65rem;
    inline-size: 100%;
    max-inline-size: 24rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--db-danger);
  }
  input:focus-visible,
  button:focus-visible,
  a:focus-visible,
  [role='tab']:focus-visible {
    outline: 3px solid var(--db-focus);
    outline-offset: 2px;
  }
  .hint {
    font-size: 0.9em;
    color: var(--db-muted);
    margin: 0;
  }
  .field-error {
    font-size: 0.9em;
    color: var(--db-danger);
    font-weight: 600;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: center;
    margin-block-start: calc(var(--db-space) * 0.5);
  }
  .button {
    font: inherit;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.5rem 1.1rem;
    border-radius: calc(var(--db-radius) * 0.75);
    border: 1px solid var(--db-border);
    background: var(--db-surface);
    color: var(--db-color);
    cursor: pointer;
    text-decoration: none;
  }
  .button:hover {
    border-color: var(--db-accent);
  }
  .button.primary {
    background: var(--db-accent);
    border-color: var(--db-accent);
    color: var(--db-accent-contrast);
  }
  .button.danger {
    background: var(--db-danger);
    border-color: var(--db-danger);
    color: var(--db-bg);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .notice {
    border-radius: var(--db-radius);
    padding: 0.7rem 0.9rem;
    margin-block-end: var(--db-space);
    border: 1px solid var(--db-border);
    background: var(--db-surface);
  }
  .notice > :last-child {
    margin-block-end: 0;
  }
  .notice.warning {
    background: var(--db-warning-bg);
    border-color: var(--db-warning-border);
  }
  .notice.error {
    background: var(--db-danger-bg);
    border-color: var(--db-danger);
  }
  .notice.success {
    background: var(--db-success-bg);
    border-color: var(--db-success);
  }
  .progress {
    margin-block: calc(var(--db-space) * 0.75);
  }
  progress {
    display: block;
    inline-size: 100%;
    block-size: 0.6rem;
    appearance: none;
    border: 1px solid var(--db-border);
    border-radius: 999px;
    background: var(--db-surface);
    overflow: hidden;
  }
  progress::-webkit-progress-bar {
    background: var(--db-surface);
  }
  progress::-webkit-progress-value {
    background: var(--db-accent);
    transition: inline-size 0.2s ease-out;
  }
  progress::-moz-progress-bar {
    background: var(--db-accent);
  }
  .progress-text {
    margin-block-start: 0.35rem;
    font-size: 0.9em;
    color: var(--db-muted);
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2rem 1rem;
    margin: 0 0 var(--db-space);
  }
  dl.facts dt {
    color: var(--db-muted);
  }
  dl.facts dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  @media (prefers-reduced-motion: reduce) {
    progress::-webkit-progress-value {
      transition: none;
    }
  }
`;
