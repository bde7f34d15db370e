/** Styles of the inspector's sub-elements (tree, opener, pager, diff); the theme tokens are in backup-inspector.styles.ts. */
import { css } from 'lit';

/** The tree of sections and entities. */
export const treeStyles = css`
  :host {
    display: block;
  }
  /* Names from the Dashboard: isolated for bidi (an override character cannot reorder what is around it), and
     breakable anywhere (a long name without spaces wraps). */
  bdi {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  ul.rows {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  ul.rows > li {
    border-top: 1px solid var(--_border);
    padding: 0.3rem 0.6rem;
  }
  ul.rows > li:first-child {
    border-top: none;
  }
  summary {
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_muted);
    margin-left: 0.5rem;
  }
  .body {
    padding: 0.3rem 0 0.5rem 1.2rem;
  }
  ul.json,
  ul.plain {
    margin: 0.2rem 0;
    padding-left: 1.2rem;
    overflow-wrap: anywhere;
  }
  .json-key {
    unicode-bidi: isolate;
    color: var(--_muted);
  }
  .key-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 0.8rem;
    align-items: baseline;
  }
  .key-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .key-value {
    font-family: var(--backup-inspector-mono-font, ui-monospace, monospace);
    overflow-wrap: anywhere;
    flex: 1 1 12rem;
  }
  .badge {
    font-size: 0.8rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5rem;
    color: var(--_muted);
  }
  .search {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
    margin: 0.5rem 0;
  }
  .search input {
    flex: 1 1 16rem;
  }
`;

/** The opener form (file picker, drop zone, password). */
export const openerStyles = css`
  /* Names from the Dashboard (and file names): isolated for bidi, breakable anywhere. */
  bdi {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 0.6rem;
    max-width: 36rem;
  }
  .drop {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    display: grid;
    gap: 0.4rem;
  }
  .drop.over {
    border-color: var(--_accent);
    background: var(--_surface);
  }
  label {
    font-weight: 600;
  }
  .row {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .status {
    display: grid;
    gap: 0.2rem;
  }
  progress {
    width: 100%;
  }
`;

/** Pagination controls. */
export const pagerStyles = css`
  :host {
    display: block;
  }
  nav {
    display: flex;
    gap: 0.6rem;
    align-items: center;
    margin: 0.4rem 0;
  }
`;

/** The diff view. */
export const diffStyles = css`
  bdi {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  :host {
    display: block;
  }
  table {
    border-collapse: collapse;
    margin: 0.4rem 0;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.2rem 0.6rem;
    text-align: left;
    overflow-wrap: anywhere;
  }
  ul.entries {
    list-style: none;
    padding: 0;
    margin: 0.3rem 0;
  }
  ul.entries li {
    padding: 0.15rem 0;
    overflow-wrap: anywhere;
  }
  .kind {
    display: inline-block;
    min-width: 5.5rem;
    font-weight: 600;
  }
`;
