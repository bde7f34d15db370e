import { css } from 'lit';

/**
 * Styles of `<backup-recovery-key>`. It sits in `<dashboard-backup>` and in `<backup-inspector>`, so every colour
 * falls back from the element's tokens to the inspector's, then to a neutral default.
 */
export const recoveryKeyStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--db-border, var(--backup-inspector-border-color, #8a8a8a));
    border-radius: var(--db-radius, var(--backup-inspector-radius, 6px));
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  legend {
    font-weight: 600;
  }
  .choice {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin-block-end: 0.5rem;
  }
  .key {
    font: 600 1.05rem/1.8 ui-monospace, SFMono-Regular, Menlo, monospace;
    letter-spacing: 0.04em;
    display: flex;
    flex-wrap: wrap;
    gap: 0.1rem 0.9rem;
    padding: 0.5rem 0.75rem;
    margin: 0 0 0.5rem;
    background: var(--db-surface, var(--backup-inspector-surface, transparent));
    border-radius: var(--db-radius, var(--backup-inspector-radius, 6px));
    user-select: all;
  }
  .key span {
    white-space: nowrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.9rem;
    border-radius: var(--db-radius, var(--backup-inspector-radius, 6px));
    border: 1px solid var(--db-border, var(--backup-inspector-border-color, #8a8a8a));
    background: var(--db-surface, var(--backup-inspector-surface, transparent));
    color: inherit;
    cursor: pointer;
  }
  input[type='text'] {
    font: 1rem ui-monospace, monospace;
    inline-size: 100%;
    max-inline-size: 44rem;
    padding: 0.35rem 0.5rem;
    color: inherit;
    background: transparent;
    border: 1px solid var(--db-border, var(--backup-inspector-border-color, #8a8a8a));
    border-radius: var(--db-radius, var(--backup-inspector-radius, 6px));
  }
  .hint {
    margin: 0.25rem 0 0;
    color: var(--db-muted, var(--backup-inspector-muted-color, inherit));
  }
  .field-error {
    margin: 0.25rem 0 0;
    color: var(--db-danger, var(--backup-inspector-danger, #b00020));
  }
  label {
    display: inline-flex;
    gap: 0.4rem;
    align-items: baseline;
  }
  label.block {
    display: block;
    margin-block-end: 0.25rem;
  }
`;
