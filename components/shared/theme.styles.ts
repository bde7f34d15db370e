/**
 * The element's theme: public `--dashboard-backup-*` custom properties resolved into private `--db-*` ones on the
 * outer host, in a light and a dark variant. Custom properties inherit through shadow roots, so the inner panels
 * read `--db-*` without redeclaring them.
 */
import { css } from 'lit';

const lightTokens = css`
  --db-bg: var(--dashboard-backup-background, #ffffff);
  --db-surface: var(--dashboard-backup-surface, #f4f5f7);
  --db-color: var(--dashboard-backup-color, #1b1d21);
  --db-muted: var(--dashboard-backup-muted-color, #545b68);
  --db-border: var(--dashboard-backup-border-color, #c9ced6);
  --db-accent: var(--dashboard-backup-accent-color, #1d5bbf);
  --db-accent-contrast: var(--dashboard-backup-accent-contrast-color, #ffffff);
  --db-danger: var(--dashboard-backup-danger-color, #b3261e);
  --db-danger-bg: var(--dashboard-backup-danger-background, #fdecea);
  --db-warning-bg: var(--dashboard-backup-warning-background, #fff4d4);
  --db-warning-border: var(--dashboard-backup-warning-border-color, #c99a06);
  --db-success: var(--dashboard-backup-success-color, #1b7136);
  --db-success-bg: var(--dashboard-backup-success-background, #e5f4ea);
  --db-focus: var(--dashboard-backup-focus-ring-color, #1d5bbf);
  color-scheme: light;
`;

const darkTokens = css`
  --db-bg: var(--dashboard-backup-background, #1d1f23);
  --db-surface: var(--dashboard-backup-surface, #272a30);
  --db-color: var(--dashboard-backup-color, #e9ebee);
  --db-muted: var(--dashboard-backup-muted-color, #aab1bd);
  --db-border: var(--dashboard-backup-border-color, #4a505b);
  --db-accent: var(--dashboard-backup-accent-color, #86b4ff);
  --db-accent-contrast: var(--dashboard-backup-accent-contrast-color, #0b1a33);
  --db-danger: var(--dashboard-backup-danger-color, #ff9b91);
  --db-danger-bg: var(--dashboard-backup-danger-background, #3d2220);
  --db-warning-bg: var(--dashboard-backup-warning-background, #3a321c);
  --db-warning-border: var(--dashboard-backup-warning-border-color, #b8921f);
  --db-success: var(--dashboard-backup-success-color, #84d89c);
  --db-success-bg: var(--dashboard-backup-success-background, #1c3324);
  --db-focus: var(--dashboard-backup-focus-ring-color, #86b4ff);
  color-scheme: dark;
`;

/** Theme tokens for the outer element: light by default, dark with `theme="dark"` or the OS preference. */
export const themeStyles = css`
  :host {
    ${lightTokens}
    --db-radius: var(--dashboard-backup-radius, 8px);
    --db-space: var(--dashboard-backup-spacing, 1rem);
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
`;
