import { h, uid, withCode } from '../lib/dom.js';

/**
 * An "i" button whose tooltip shows on hover and keyboard focus (CSS) and hides on Escape; the text is also the
 * button's description, so screen readers read it without the tooltip.
 */
export function infoTip(text: string, about: string): HTMLElement {
  const tipId = uid('tip');
  const button = h('button', { type: 'button', class: 'info-tip-button', 'aria-label': `About ${about}`, 'aria-describedby': tipId }, 'i');
  const tip = h('span', { class: 'info-tip-text', role: 'tooltip', id: tipId }, withCode(text));
  const wrapper = h('span', { class: 'info-tip' }, button, tip);
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') wrapper.classList.add('dismissed');
  });
  button.addEventListener('blur', () => wrapper.classList.remove('dismissed'));
  wrapper.addEventListener('mouseleave', () => wrapper.classList.remove('dismissed'));
  return wrapper;
}
