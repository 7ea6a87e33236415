// A parameter dropped from a shared link, in the reader's language: the parameter, its value
// (clipped, a pasted value can be any length) and why it could not be used.
import type { Notice } from '../core/url-state.ts';
import type { Localizer } from '../i18n/localizer.ts';

const MAX_VALUE = 40;

export function noticeText(loc: Localizer, notice: Notice): string {
  const value = notice.value.length > MAX_VALUE ? `${notice.value.slice(0, MAX_VALUE)}…` : notice.value;
  const reason = loc.t(`notices.reason.${notice.reason.code}`, notice.reason.values);
  return loc.t('notices.item', { param: notice.param, value, reason });
}
