// Styles every panel shares; colours and type come from the CSS custom properties set on :root.
import { css } from 'lit';

export const panelStyles = css`
  :host {
    font-family: var(--font);
    color: var(--ink);
    font-size: 13px;
    line-height: 1.45;
  }
  .panel {
    background: var(--panel);
    border: 1px solid var(--rule);
    border-radius: 8px;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.08), 0 6px 18px rgb(0 0 0 / 0.06);
  }
  [lang='en'] {
    color: var(--ink-muted);
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
  }
  h2,
  h3 {
    margin: 0;
    font-weight: 600;
  }
  .swatch {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    flex: none;
  }
`;

/**
 * A group of buttons of which one is pressed (aria-pressed): the header's projection and views,
 * the matrix's order. The group is `.group`, each button a plain `button` inside it.
 */
export const segmentedStyles = css`
  .group {
    display: inline-flex;
    border: 1px solid var(--rule-strong);
    border-radius: 6px;
    overflow: hidden;
  }
  .group button {
    border: none;
    background: var(--panel);
    padding: 4px 10px;
    font-size: 12px;
    min-height: 28px;
  }
  .group button + button {
    border-left: 1px solid var(--rule-strong);
  }
  .group button[aria-pressed='true'] {
    background: var(--ink);
    color: var(--panel);
  }
`;

/** A small outlined button beside a view's title or under its content: a download, a close. */
export const smallButtonStyles = css`
  .small-button {
    min-height: 28px;
    padding: 3px 9px;
    border: 1px solid var(--rule-strong);
    border-radius: 6px;
    background: var(--panel);
    font-size: 12px;
  }
`;
