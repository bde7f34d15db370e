import { css } from 'lit';

/** Styles of `<backup-import-panel>`: drop zone, counts, plan table, phase list. */
export const importPanelStyles = css`
  .dropzone {
    border: 2px dashed var(--db-border);
    border-radius: var(--db-radius);
    padding: calc(var(--db-space) * 1.1);
    text-align: center;
    background: var(--db-surface);
    margin-block-end: var(--db-space);
    transition: border-color 0.15s;
  }
  /* A file is dragged over the Import tab: the zone shows where it goes (the whole tab takes it). */
  .dropzone.dragging {
    border-style: solid;
    border-color: var(--db-accent);
    background: var(--db-bg);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--db-accent) 30%, transparent);
  }
  .dropzone p {
    margin-block-end: 0.5rem;
  }
  .dropzone .file-name {
    font-weight: 600;
    overflow-wrap: anywhere;
    margin: 0.6rem 0 0;
  }
  input[type='file']:focus-visible + label {
    outline: 3px solid var(--db-focus);
    outline-offset: 2px;
  }
  ul.counts {
    list-style: none;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(7rem, 1fr));
    gap: 0.5rem;
    margin: 0 0 var(--db-space);
  }
  ul.counts li {
    background: var(--db-surface);
    border: 1px solid var(--db-border);
    border-radius: var(--db-radius);
    padding: 0.5rem 0.75rem;
  }
  ul.counts .count {
    display: block;
    font-size: 1.4em;
    font-weight: 700;
  }
  table.plan {
    border-collapse: collapse;
    inline-size: 100%;
    margin-block-end: 0.5rem;
  }
  table.plan th,
  table.plan td {
    text-align: start;
    padding: 0.35rem 0.6rem;
    border-block-end: 1px solid var(--db-border);
  }
  table.plan td {
    font-variant-numeric: tabular-nums;
  }
  .plan-details,
  .other-fields {
    margin-block-end: var(--db-space);
  }
  .plan-details summary,
  .other-fields summary {
    cursor: pointer;
    color: var(--db-accent);
    font-weight: 600;
  }
  .plan-details h5 {
    margin: 0.6rem 0 0.2rem;
    font-size: 1em;
  }
  /* Other fields: compact JSON, read-only; long unbroken values wrap instead of widening the panel. */
  .other-fields dd {
    margin: 0 0 0.4rem;
  }
  .other-fields code {
    overflow-wrap: anywhere;
    font-size: 0.9em;
  }
  .item-kind {
    margin: 0.2rem 0 0;
    color: var(--db-muted);
  }
  ol.phases {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--db-space);
    display: grid;
    gap: 0.3rem;
  }
  ol.phases li::before {
    display: inline-block;
    inline-size: 1.4em;
    content: '○';
    color: var(--db-muted);
  }
  ol.phases li[data-state='current'] {
    font-weight: 700;
  }
  ol.phases li[data-state='current']::before {
    content: '●';
    color: var(--db-accent);
  }
  ol.phases li[data-state='done']::before {
    content: '✓';
    color: var(--db-success);
  }
`;
