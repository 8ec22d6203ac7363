// The family inspector's part of a member's card: whether DigiD is linked, and undoing the link on request.
// Apart from provider-parts.js so that staff pages carry only this.
import { del, get } from '../lib/api.js';
import { alert, button, h, paragraph, problemView } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

/** A member's card for the family inspector: whether DigiD is linked, and undoing the link when the member asks. */
export function digidLinkStatus(path, member) {
  const slot = h('div', { class: 'fl-provider', hidden: true, 'data-digid-link': member.id });
  const link = `${path}/members/${encodeURIComponent(member.id)}/digid-link`;
  get(link).catch(() => null).then((shown) => {
    if (!shown || !shown.linked) {
      return;
    }
    const done = h('div', { 'aria-live': 'polite' });
    slot.replaceChildren(h('p', { class: 'fl-meta' }, t('providers.digidLinked')),
      button('providers.unlink', async () => {
        try {
          await del(link);
          slot.replaceChildren(alert('ok', paragraph('providers.unlinked')));
        } catch (error) {
          done.replaceChildren(problemView(error));
        }
      }, 'secondary-action', { 'data-unlink': member.id }),
      done);
    slot.hidden = false;
  });
  return slot;
}
