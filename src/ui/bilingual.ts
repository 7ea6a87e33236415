// Chinese and English side by side, each marked with its language so that screen readers and
// line breaking treat it right.
import { html, type TemplateResult } from 'lit';
import type { Names } from '../core/types.ts';

export function bilingual(names: Names, separator = ' '): TemplateResult {
  return html`<span lang="zh-Hans">${names.zh}</span>${separator}<span lang="en">${names.en}</span>`;
}

/** Plain text for attributes (title, aria-label). */
export const bilingualText = (names: Names, separator = ' · ') => `${names.zh}${separator}${names.en}`;
