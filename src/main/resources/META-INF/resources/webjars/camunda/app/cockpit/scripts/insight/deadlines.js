/*
 * Cockpit plugins: the deadline dashboard (期限看板).
 *
 * The same view is shown twice:
 * - on Cockpit's start page (plugin point 'cockpit.dashboard', in its "custom plugins" section at
 *   the bottom), with a link to
 * - a page of its own, #/insight/deadlines ('cockpit.route': Cockpit registers properties.path as
 *   an AngularJS route), reached from the top menu ('cockpit.navigation': properties are merged
 *   into the menu entry; as the plugin has render(), Cockpit shows whatever render puts into the
 *   node instead of its own link).
 * For these plugin points Cockpit calls render(node, {api}) with an empty <div> and unmount() when
 * the page is left.
 */

import { fetchDeadlines } from './api.js';
import { el, section, tile } from './dom.js';
import { menuEntry, viewPlugin } from './plugins.js';
import { createFilters } from './filters.js';
import { percent, t } from './i18n.js';

const PAGE_PATH = '/insight/deadlines';

/**
 * The columns of the open cases table in the order a case meets them (the answer lists them by
 * key); a stage not named here follows in the order of the answer.
 */
const STAGE_ORDER = [
  'branchAssess',
  'departmentHandle',
  'branchReportUp',
  'committeeAccept',
  'committeeHandle',
  'branchFeedback'
];

// >= 0: in the top menu (negative priorities go to the "more" drop-down), after 流程 and 决策
const navigation = menuEntry('insight-deadlines-navigation', 5, PAGE_PATH, t('deadlines'));

export default [
  viewPlugin('insight-deadlines-dashboard', 'cockpit.dashboard', (node) => mountDeadlines(node, { page: false })),
  viewPlugin('insight-deadlines-page', 'cockpit.route', (node) => mountDeadlines(node, { page: true }), {
    properties: { path: PAGE_PATH }
  }),
  navigation
];

/* ---- the view ----------------------------------------------------------------------------- */

function mountDeadlines(node, { page }) {
  let requests = null;
  const filters = createFilters(() => load());
  const period = el('div', { class: 'text-muted insight-period' });
  const content = el('div', { class: 'insight-content' });
  const root = el(
    'div',
    { class: `insight-deadlines${page ? ' insight-page' : ''}` },
    el(
      'div',
      { class: 'insight-deadlines-head' },
      el('h2', {}, t('deadlines')),
      filters.element,
      page ? null : el('a', { href: `#${PAGE_PATH}` }, t('openInPage')),
      // the cases, the register books (登记簿) and the monthly reports' downloads
      el('a', { href: '/case.html', target: '_blank', class: 'insight-books-link' }, t('registerBooks'))
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
    const { signal } = requests;
    content.classList.add('text-muted');
    try {
      const answer = await fetchDeadlines(filters.values(), signal);
      filters.update(answer);
      period.textContent = t('asOf', answer);
      content.replaceChildren(...view(answer));
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

function view(answer) {
  return [
    tiles(answer),
    el(
      'div',
      { class: 'insight-sections' },
      section(t('openByStage'), openByStageTable(answer.openByStage || []), 'insight-open'),
      section(t('onTimeByStage'), onTimeTable(answer.onTime || []), 'insight-on-time')
    ),
    section(t('sideRoads'), sideRoadsTable(answer.sideRoads || []), 'insight-side-roads'),
    section(t('overdueList'), overdueTable(answer.overdue || []), 'insight-overdue')
  ];
}

function tiles(answer) {
  const open = (answer.openByStage || []).reduce((sum, row) => sum + row.count, 0);
  const overdue = (answer.overdue || []).length;
  const satisfaction = answer.satisfaction || {};
  return el(
    'div',
    { class: 'insight-tiles' },
    tile('open', t('openCases'), open),
    tile('overdue', t('overdueCases'), overdue, null, overdue > 0),
    tile(
      'satisfaction',
      t('satisfaction'),
      percent(satisfaction.rate),
      t('satisfiedOf', { satisfied: satisfaction.satisfied ?? 0, feedbacks: satisfaction.feedbacks ?? 0 })
    ),
    tile('struck-off', t('struckOff'), answer.struckOffThisMonth ?? 0)
  );
}

/** Organizations × stages: the open cases, with totals per row and column. */
function openByStageTable(rows) {
  if (!rows.length) {
    return el('p', { class: 'text-muted' }, t('noOpenCases'));
  }
  const stages = unique(rows, (r) => r.stage, (r) => r.stageLabel).sort(
    ([a], [b]) => stageRank(a) - stageRank(b)
  );
  const orgs = unique(rows, (r) => r.orgCode, (r) => r.orgName);
  const count = (org, stage) =>
    rows.filter((r) => r.orgCode === org && r.stage === stage).reduce((sum, r) => sum + r.count, 0);
  const total = (predicate) => rows.filter(predicate).reduce((sum, r) => sum + r.count, 0);

  const head = el(
    'tr',
    {},
    el('th', {}, t('organization')),
    stages.map(([stage, label]) => el('th', { class: 'num', dataset: { stage } }, label)),
    el('th', { class: 'num' }, t('total'))
  );
  const body = orgs.map(([org, name]) =>
    el(
      'tr',
      { dataset: { orgCode: org } },
      el('td', {}, name),
      stages.map(([stage]) => {
        const n = count(org, stage);
        return el('td', { class: 'num', dataset: { stage, count: n } }, n || '');
      }),
      el('td', { class: 'num' }, el('strong', {}, total((r) => r.orgCode === org)))
    )
  );
  const totals = el(
    'tr',
    { class: 'insight-total' },
    el('th', {}, t('total')),
    stages.map(([stage]) => el('td', { class: 'num' }, total((r) => r.stage === stage))),
    el('td', { class: 'num' }, total(() => true))
  );
  return table(head, [...body, totals]);
}

/**
 * Per deadline stage: the tasks done, how many had their deadline extended or moved, the
 * on-time rate against the deadline they had and against the original one.
 */
function onTimeTable(rows) {
  const head = el(
    'tr',
    {},
    el('th', {}, t('stage')),
    el('th', { class: 'num' }, t('completed')),
    el('th', { class: 'num' }, t('extended')),
    el('th', { class: 'num' }, t('rate')),
    el('th', { class: 'num' }, t('rateOriginal'))
  );
  const body = rows.map((row) =>
    el(
      'tr',
      { dataset: { stage: row.stage } },
      el('td', {}, row.label),
      el('td', { class: 'num' }, row.completed),
      el('td', { class: 'num', dataset: { extended: row.extended ?? 0 } }, row.extended ?? 0),
      el('td', { class: 'num', dataset: { onTime: row.onTime } }, rateCell(row.rate)),
      el('td', { class: 'num', dataset: { onTimeOriginal: row.onTimeOriginal ?? 0 } }, rateCell(row.rateOriginal))
    )
  );
  return table(head, body);
}

/** Organizations × stages: cases returned, extended, sent back, and the urges, in the period. */
function sideRoadsTable(rows) {
  if (!rows.length) {
    return el('p', { class: 'text-muted' }, t('noSideRoads'));
  }
  const sorted = [...rows].sort(
    (a, b) => a.orgCode.localeCompare(b.orgCode) || stageRank(a.stage) - stageRank(b.stage)
  );
  const head = el(
    'tr',
    {},
    el('th', {}, t('organization')),
    el('th', {}, t('stage')),
    el('th', { class: 'num' }, t('returnedCases')),
    el('th', { class: 'num' }, t('extendedCases')),
    el('th', { class: 'num' }, t('sentBackCases')),
    el('th', { class: 'num' }, t('urges'))
  );
  const body = sorted.map((row) =>
    el(
      'tr',
      { dataset: { orgCode: row.orgCode, stage: row.stage } },
      el('td', {}, row.orgName),
      el('td', {}, row.stageLabel),
      el('td', { class: 'num', dataset: { returned: row.returned } }, row.returned || ''),
      el('td', { class: 'num', dataset: { extended: row.extended } }, row.extended || ''),
      el('td', { class: 'num', dataset: { sentBack: row.sentBack } }, row.sentBack || ''),
      el('td', { class: 'num', dataset: { urges: row.urges } }, row.urges || '')
    )
  );
  return table(head, body);
}

function rateCell(rate) {
  const width = rate === null || rate === undefined ? 0 : Math.round(rate * 100);
  return el(
    'div',
    { class: 'insight-rate' },
    el('div', { class: 'insight-rate-bar' }, el('span', { style: `width:${width}%` })),
    el('span', {}, percent(rate))
  );
}

/** The overdue cases, longest overdue first, each linked to its instance in Cockpit. */
function overdueTable(rows) {
  if (!rows.length) {
    return el('p', { class: 'text-muted' }, t('noOverdue'));
  }
  const sorted = [...rows].sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue);
  const head = el(
    'tr',
    {},
    el('th', {}, t('caseNo')),
    el('th', {}, t('organization')),
    el('th', {}, t('stage')),
    el('th', {}, t('dueOn')),
    el('th', { class: 'num' }, t('daysOverdue')),
    el('th', {}, '')
  );
  const body = sorted.map((row) =>
    el(
      'tr',
      { dataset: { caseNo: row.caseNo, orgCode: row.orgCode } },
      el(
        'td',
        {},
        row.processInstanceId
          ? el('a', { href: `#/process-instance/${encodeURIComponent(row.processInstanceId)}/runtime` }, row.caseNoDisplay)
          : row.caseNoDisplay
      ),
      el('td', {}, row.orgName),
      el('td', {}, row.stageLabel),
      el('td', {}, row.dueOn),
      el('td', { class: 'num insight-overdue-days' }, row.workingDaysOverdue),
      el('td', {}, el('a', { href: `/case.html?caseNo=${encodeURIComponent(row.caseNo)}`, target: '_blank' }, t('caseActions')))
    )
  );
  return table(head, body);
}

function table(head, rows) {
  return el(
    'table',
    { class: 'table table-condensed insight-table' },
    el('thead', {}, head),
    el('tbody', {}, rows)
  );
}

function stageRank(stage) {
  const rank = STAGE_ORDER.indexOf(stage);
  return rank < 0 ? STAGE_ORDER.length : rank;
}

/** [key, label] pairs in the order of their first appearance. */
function unique(rows, key, label) {
  const seen = new Map();
  rows.forEach((row) => {
    if (!seen.has(key(row))) {
      seen.set(key(row), label(row));
    }
  });
  return [...seen.entries()];
}
