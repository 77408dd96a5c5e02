/*
 * The filters both views share: committee, organization and a date range (从 … 至 …).
 *
 * The choices come from the answer itself (its `committees` and `organizations`: what the caller
 * may filter by), so they are filled in after the first answer. The first request sends no dates:
 * the server's defaults apply and the answer's `from` / `to` are written into the date fields.
 */

import { el, options } from './dom.js';
import { t } from './i18n.js';

export function createFilters(onChange) {
  let committees = [];
  let organizations = [];

  const committee = el('select', {
    class: 'form-control input-sm insight-filter-committee',
    title: t('committee'),
    onchange: () => {
      fillOrganizations();
      onChange();
    }
  });
  const organization = el('select', {
    class: 'form-control input-sm insight-filter-org',
    title: t('organization'),
    onchange: () => onChange()
  });
  const from = el('input', {
    type: 'date',
    class: 'form-control input-sm insight-filter-from',
    onchange: () => onChange()
  });
  const to = el('input', {
    type: 'date',
    class: 'form-control input-sm insight-filter-to',
    onchange: () => onChange()
  });

  committee.append(...options(t('any'), []));
  organization.append(...options(t('any'), []));

  /** The organizations of the chosen committee (all of them when none is chosen). */
  function fillOrganizations() {
    const chosen = organization.value;
    const visible = organizations.filter(
      (o) => !committee.value || o.committeeCode === committee.value
    );
    const keep = visible.some((o) => o.code === chosen) ? chosen : '';
    organization.replaceChildren(...options(t('any'), visible, keep));
  }

  const element = el(
    'div',
    { class: 'insight-filters' },
    el('label', {}, el('span', {}, t('committee')), committee),
    el('label', {}, el('span', {}, t('organization')), organization),
    el('label', { class: 'insight-dates' }, el('span', {}, t('from')), from, el('span', {}, t('to')), to)
  );

  return {
    element,
    values: () => ({
      committee: committee.value,
      org: organization.value,
      from: from.value,
      to: to.value
    }),
    /** Takes the choices and the period the server answered with. */
    update(answer) {
      committees = answer.committees || [];
      organizations = answer.organizations || [];
      committee.replaceChildren(...options(t('any'), committees, committee.value));
      fillOrganizations();
      if (!from.value && answer.from) {
        from.value = answer.from;
      }
      if (!to.value && answer.to) {
        to.value = answer.to;
      }
    }
  };
}
