// What the exploring controls (filters, search, table, downloads, summary) share on top of
// panelStyles: type that scales from one custom property, text for screen readers only, a focus
// ring that shows, and a selection cue that does not rely on colour alone.
//
// Large type (a projector, a wall): set --control-font-size on the elements or on :root, e.g.
// `:root { --control-font-size: 20px }`; everything inside is sized in em and grows with it.
import { css } from 'lit';

export const controlStyles = css`
  /* A block of its own in the drawer; the table lays itself out otherwise. */
  :host {
    display: block;
    font-size: var(--control-font-size, 14px);
    line-height: 1.45;
    --highlight: #fff1b8;
    --highlight-edge: var(--ink, #262a31);
    --control-focus: var(--focus, #0072b2);
  }
  :host([hidden]) {
    display: none;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  button,
  input {
    font: inherit;
    color: inherit;
  }
  button:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--control-focus);
    outline-offset: 2px;
  }
  button[aria-disabled='true'],
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  .count {
    font-variant-numeric: tabular-nums;
  }
  /* Origin swatches grow with the type. */
  .swatch {
    width: 0.75em;
    height: 0.75em;
  }
  @media (forced-colors: active) {
    button:focus-visible,
    input:focus-visible,
    [tabindex]:focus-visible {
      outline-color: Highlight;
    }
  }
`;
