import { css } from 'lit';

/** Styles of `<backup-export-panel>`: the strength meter. */
export const exportPanelStyles = css`
  .meter {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 4px;
    max-inline-size: 24rem;
    margin-block-start: 0.2rem;
  }
  .meter span {
    block-size: 4px;
    border-radius: 2px;
    background: var(--db-border);
  }
  .meter[data-strength='weak'] span:nth-child(-n + 1),
  .meter[data-strength='fair'] span:nth-child(-n + 2),
  .meter[data-strength='strong'] span {
    background: var(--db-accent);
  }
  .meter[data-strength='weak'] span:nth-child(1) {
    background: var(--db-danger);
  }
`;
