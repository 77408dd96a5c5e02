/*
 * Cockpit plugin: the coverage of the visiting duties (走访覆盖), a page of its own
 * (#/insight/coverage, 'cockpit.route') reached from the top menu ('cockpit.navigation'), beside
 * the deadline dashboard. It shows GET /api/visits/coverage for the caller's view (the district,
 * a committee or one organization): employees visited this year, members within their pairing
 * range, employees in special difficulty visited on time; per organization, and for one
 * organization per block and per member; the recurring duties (meetings, talks, owner and
 * committee visits) per kind and period, and those overdue. Names only come back for the
 * organization's own branch.
 */

import { fetchCoverage } from './api.js';
import { el, section, tile } from './dom.js';
import { menuEntry, viewPlugin } from './plugins.js';
import { percent, t } from './i18n.js';

const PAGE_PATH = '/insight/coverage';

const page = viewPlugin('insight-coverage-page', 'cockpit.route', mountCoverage, { properties: { path: PAGE_PATH } });

// after 期限看板 (priority 5) in the top menu
const navigation = menuEntry('insight-coverage-navigation', 4, PAGE_PATH, t('coverage'), 'insight-nav-link insight-coverage-link');

export default [page, navigation];

/* ---- the view ----------------------------------------------------------------------------- */

function mountCoverage(node) {
  let requests = null;
  const thisYear = new Date().getFullYear();
  const year = el(
    'select',
    { class: 'form-control input-sm insight-coverage-year', onchange: () => load() },
    [0, 1, 2].map((back) => el('option', { value: thisYear - back }, String(thisYear - back)))
  );
  let orgCode = '';
  const period = el('div', { class: 'text-muted insight-period' });
  const content = el('div', { class: 'insight-content' });
  const root = el(
    'div',
    { class: 'insight-coverage insight-page' },
    el(
      'div',
      { class: 'insight-deadlines-head' },
      el('h2', {}, t('coverage')),
      el('label', { class: 'insight-filter' }, t('year'), ' ', year)
    ),
    period,
    content
  );
  node.append(root);

  async function load() {
    if (requests) {
      requests.abort();
    }
    requests = new AbortController();
    content.classList.add('text-muted');
    try {
      const answer = await fetchCoverage({ year: year.value, orgCode }, requests.signal);
      period.textContent = t('coverageAsOf', answer);
      const choose = (code) => {
        orgCode = code;
        load();
      };
      const back = orgCode
        ? el('a', { href: '', class: 'insight-coverage-back', onclick: (event) => { event.preventDefault(); choose(''); } }, t('back'))
        : null;
      content.replaceChildren(...[back, ...view(answer, choose)].filter(Boolean));
    } catch (error) {
      if (error.name !== 'AbortError') {
        content.replaceChildren(el('div', { class: 'alert alert-danger insight-error' }, error.message));
      }
    } finally {
      content.classList.remove('text-muted');
    }
  }

  content.append(el('p', {}, t('loading')));
  load();
  return {
    destroy() {
      if (requests) {
        requests.abort();
      }
      root.remove();
    }
  };
}

function view(answer, choose) {
  if (!answer.employees) {
    return [el('p', { class: 'text-muted insight-coverage-empty' }, t('noEmployees'))];
  }
  const parts = [tiles(answer)];
  if (answer.scope !== 'organization' || answer.organizations.length > 1) {
    parts.push(section(t('byOrganization'), organizationsTable(answer.organizations, choose), 'insight-coverage-orgs'));
  }
  if (answer.blocks) {
    parts.push(section(t('byBlock'), blocksTable(answer.blocks), 'insight-coverage-blocks'));
  }
  if (answer.byMember) {
    parts.push(section(t('byMember'), membersTable(answer.byMember), 'insight-coverage-members'));
  }
  if (answer.notVisited) {
    parts.push(
      section(
        t('notVisited', { n: answer.notVisited.length }),
        answer.notVisited.length
          ? el('p', { class: 'insight-coverage-names' }, answer.notVisited.map((e) => `${e.name}（${e.staffNo}）`).join('、'))
          : el('p', { class: 'text-muted' }, t('allVisited')),
        'insight-coverage-not-visited'
      )
    );
  }
  parts.push(section(t('duties'), dutiesTable(answer.duties), 'insight-coverage-duties'));
  if (answer.dutiesBehind && answer.dutiesBehind.length) {
    parts.push(section(t('dutiesBehind', { n: answer.dutiesBehind.length }), behindTable(answer.dutiesBehind), 'insight-coverage-duties-behind'));
  }
  return parts;
}

const DUTY_KINDS = ['meetingsPerQuarter', 'talksPerMonth', 'ownerVisitsPerQuarter', 'committeeVisitsPerMonth'];

function dutiesTable(duties) {
  const rows = DUTY_KINDS.flatMap((kind) =>
    ((duties && duties[kind]) || []).map((d) =>
      el(
        'tr',
        { dataset: { kind, period: d.period }, class: d.overdue ? 'warning' : '' },
        el('td', {}, t(kind)),
        el('td', {}, d.period),
        el('td', {}, d.due),
        el('td', {}, d.done),
        el('td', {}, d.onTime),
        el('td', {}, d.overdue)
      )
    )
  );
  if (!rows.length) {
    return el('p', { class: 'text-muted' }, t('noDuties'));
  }
  return table([t('dutyKind'), t('dutyPeriod'), t('dutyDue'), t('dutyDone'), t('dutyOnTime'), t('dutyOverdue')], rows);
}

function behindTable(lines) {
  const withHolders = lines.some((l) => l.holder);
  return table(
    [t('organization'), t('dutyKind'), t('dutyPeriod'), withHolders ? t('dutyHolder') : null, t('dutyDueOn'), ''].filter((h) => h !== null),
    lines.map((l) =>
      el(
        'tr',
        { dataset: { kind: l.kind, orgCode: l.orgCode } },
        el('td', {}, l.orgName || l.orgCode),
        el('td', {}, l.label),
        el('td', {}, l.period),
        withHolders ? el('td', {}, l.holder || '') : null,
        el('td', {}, l.dueOn),
        el('td', {}, t(l.supervised ? 'supervised' : 'notSupervised'))
      )
    )
  );
}

function tiles(a) {
  const rate = (part, whole) => (whole ? part / whole : null);
  return el(
    'div',
    { class: 'insight-tiles' },
    tile('visited', t('employeesVisited'), percent(rate(a.visited, a.employees)), t('visitedOf', a), a.visited < a.employees),
    tile('members', t('membersInRange'), percent(rate(a.membersInRange, a.members)), t('membersOf', { inRange: a.membersInRange, members: a.members }), a.membersInRange < a.members),
    tile(
      'difficulty',
      t('difficultyOnTime', { days: a.difficultyIntervalDays }),
      percent(rate(a.difficultyVisitedOnTime, a.difficulty)),
      t('difficultyOf', { onTime: a.difficultyVisitedOnTime, difficulty: a.difficulty }),
      a.difficultyVisitedOnTime < a.difficulty
    )
  );
}

function table(headers, rows) {
  return el(
    'table',
    { class: 'table table-condensed insight-table' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows)
  );
}

function organizationsTable(orgs, choose) {
  return table(
    [t('organization'), t('employees'), t('visited'), t('behind'), t('members'), t('inRange'), t('difficulty'), t('difficultyVisited')],
    orgs.map((o) =>
      el(
        'tr',
        { dataset: { orgCode: o.orgCode } },
        el('td', {}, el('a', { href: '', onclick: (event) => { event.preventDefault(); choose(o.orgCode); } }, o.name)),
        el('td', {}, o.employees),
        el('td', {}, `${o.visited}（${percent(o.employees ? o.visited / o.employees : null)}）`),
        el('td', {}, o.behind),
        el('td', {}, o.members),
        el('td', {}, o.membersInRange),
        el('td', {}, o.difficulty),
        el('td', {}, o.difficultyVisitedOnTime)
      )
    )
  );
}

function blocksTable(blocks) {
  const withLeaders = blocks.some((b) => b.leaderStaffNo);
  return table(
    [t('block'), withLeaders ? t('leader') : null, t('employees'), t('visited')].filter(Boolean),
    blocks.map((b) =>
      el(
        'tr',
        { dataset: { block: b.block } },
        el('td', {}, b.block),
        withLeaders ? el('td', {}, b.leader || t('noLeader')) : null,
        el('td', {}, b.employees),
        el('td', {}, `${b.visited}（${percent(b.employees ? b.visited / b.employees : null)}）`)
      )
    )
  );
}

function membersTable(members) {
  return table(
    [t('member'), t('paired'), t('pairedVisited')],
    members.map((m) =>
      el(
        'tr',
        { class: m.inRange ? '' : 'insight-coverage-outside', dataset: { staffNo: m.staffNo } },
        el('td', {}, `${m.name}（${m.staffNo}）`),
        el('td', {}, m.inRange ? m.paired : `${m.paired}（${t('outsideRange')}）`),
        el('td', {}, m.pairedVisited)
      )
    )
  );
}
