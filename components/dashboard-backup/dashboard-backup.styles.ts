import { css } from 'lit';

/** Styles of `<dashboard-backup>`: the frame, the warning step and the tabs. */
export const dashboardBackupStyles = css`
  .base {
    background: var(--db-bg);
    color: var(--db-color);
    border: 1px solid var(--db-border);
    border-radius: var(--db-radius);
    padding: calc(var(--db-space) * 1.25);
  }
  .title {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-block-end: var(--db-space);
  }
  .title h2 {
    margin: 0;
  }
  .warning-list li + li {
    margin-block-start: 0.35rem;
  }
  [role='tablist'] {
    display: flex;
    gap: 0.25rem;
    border-block-end: 1px solid var(--db-border);
    margin-block-end: var(--db-space);
  }
  [role='tab'] {
    font: inherit;
    font-weight: 600;
    color: var(--db-muted);
    background: none;
    border: none;
    border-block-end: 3px solid transparent;
    padding: 0.5rem 1rem;
    margin-block-end: -1px;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--db-accent);
    border-block-end-color: var(--db-accent);
  }
  [role='tab']:hover:not([aria-disabled='true']) {
    color: var(--db-color);
  }
  /* Locked while an operation runs: still focusable (and described by .tab-lock), visibly not selectable. */
  [role='tab'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .tab-lock {
    margin-block: calc(var(--db-space) * -0.5) var(--db-space);
  }
`;
