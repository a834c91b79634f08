import { h } from './dom.js';
import type { IgnoredValue } from './url-state.js';

/**
 * Says, above the page's content, which values of the address were not used (a link edited by hand, or one from
 * an older version of the site), and what each should have been. Dismissible; one notice however many fields.
 */
export function showIgnoredNotice(ignored: readonly IgnoredValue[]): void {
  const root = document.getElementById('page-root');
  if (!root) return;
  let notice = document.getElementById('address-notice');
  if (!notice) {
    notice = h('div', { id: 'address-notice', class: 'address-notice', role: 'status' });
    root.before(notice);
  }
  const list = notice.querySelector('ul') ?? h('ul');
  for (const item of ignored) list.append(h('li', {}, h('code', {}, `${item.key}=${item.value}`), ` — expected ${item.expected}`));
  const dismiss = h('button', { type: 'button', class: 'btn btn-ghost btn-small' }, 'Dismiss');
  dismiss.addEventListener('click', () => notice?.remove());
  notice.replaceChildren(h('p', {}, 'Part of this address could not be used and is ignored:'), list, dismiss);
}
