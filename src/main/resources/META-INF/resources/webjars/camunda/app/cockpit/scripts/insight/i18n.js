/*
 * Labels of the managers' view, in Simplified Chinese with an English fallback.
 *
 * The language follows the rule of Cockpit's own bootstrap (see docs/webapps.md): the browser's
 * first language, before any "-", looked up in Cockpit's availableLocales ['zh', 'en'], anything
 * else gets the fallback 'zh'. So only a browser whose first language is English reads English.
 * A key missing in Chinese shows its English text; a key missing in both shows the key.
 */

const LABELS = {
  zh: {
    heatmap: '热力图',
    hide: '隐藏',
    show: '显示',
    hideTitle: '隐藏热力图，只看流程图',
    showTitle: '在流程图上显示热力图',
    viewAll: '全部',
    viewRunning: '在办',
    viewOverdue: '逾期',
    committee: '主管党（工）委',
    organization: '组织',
    any: '全部',
    from: '从',
    to: '至',
    cases: '共 {n} 件',
    loading: '加载中…',
    legendCases: '案件数',
    legendFlows: '连线粗细：经过的案件数',
    nothing: '该期间没有案件经过。',
    passed: '经过/停留案件',
    activeNow: '当前在办',
    median: '办理时长中位数',
    p90: '90% 在此时长内',
    workingDays: '{n} 个工作日',
    none: '—',
    flowTaken: '经过 {n} 次',
    deadlines: '期限看板',
    openInPage: '在单独页面打开',
    registerBooks: '案件与登记簿下载',
    asOf: '统计日 {today}，期间 {from} 至 {to}',
    overdueCases: '逾期案件',
    struckOff: '本月销号',
    satisfaction: '反馈满意率',
    satisfiedOf: '{satisfied} / {feedbacks} 件满意',
    openCases: '在办案件',
    openByStage: '在办案件（组织 × 阶段）',
    total: '合计',
    noOpenCases: '没有在办案件。',
    onTimeByStage: '各阶段按期办结率',
    stage: '阶段',
    completed: '已办结',
    onTime: '按期',
    rate: '按期率（按实际期限）',
    rateOriginal: '按期率（按原期限）',
    extended: '其中延期',
    sideRoads: '退单、延期、补办与催办（期间内）',
    noSideRoads: '期间内没有退单、延期、补办或催办。',
    returnedCases: '退单件数',
    extendedCases: '延期件数',
    sentBackCases: '补办件数',
    urges: '催办次数',
    caseActions: '催办 / 调整期限',
    overdueList: '逾期案件',
    noOverdue: '没有逾期案件。',
    caseNo: '案件编号',
    dueOn: '期限',
    daysOverdue: '逾期工作日',
    apply: '查询',
    unauthorized: '登录已失效，请重新登录。',
    forbidden: '无权查看。',
    failed: '数据加载失败（{status}）。'
  },
  en: {
    heatmap: 'Heatmap',
    hide: 'Hide',
    show: 'Show',
    hideTitle: 'Hide the heatmap, show the plain diagram',
    showTitle: 'Show the heatmap on the diagram',
    viewAll: 'All',
    viewRunning: 'Running',
    viewOverdue: 'Overdue',
    committee: 'Committee',
    organization: 'Organization',
    any: 'All',
    from: 'From',
    to: 'to',
    cases: 'Cases: {n}',
    loading: 'Loading…',
    legendCases: 'Cases',
    legendFlows: 'Line width: cases that took the flow',
    nothing: 'No case passed in this period.',
    passed: 'Cases passed or waiting',
    activeNow: 'Waiting now',
    median: 'Median duration',
    p90: '90th percentile',
    workingDays: '{n} working days',
    none: '—',
    flowTaken: 'taken {n} times',
    deadlines: 'Deadlines',
    openInPage: 'Open as a page',
    registerBooks: 'Cases and register books',
    asOf: 'As of {today}, period {from} to {to}',
    overdueCases: 'Overdue cases',
    struckOff: 'Struck off this month',
    satisfaction: 'Satisfaction',
    satisfiedOf: '{satisfied} of {feedbacks} satisfied',
    openCases: 'Open cases',
    openByStage: 'Open cases (organization × stage)',
    total: 'Total',
    noOpenCases: 'No open case.',
    onTimeByStage: 'Completed on time, by stage',
    stage: 'Stage',
    completed: 'Completed',
    onTime: 'On time',
    rate: 'Rate (deadline as extended)',
    rateOriginal: 'Rate (original deadline)',
    extended: 'Of which extended',
    sideRoads: 'Returns, extensions, rework and urges (in the period)',
    noSideRoads: 'No return, extension, rework or urge in the period.',
    returnedCases: 'Cases returned',
    extendedCases: 'Cases extended',
    sentBackCases: 'Cases sent back',
    urges: 'Urges',
    caseActions: 'Urge / move deadline',
    overdueList: 'Overdue cases',
    noOverdue: 'No overdue case.',
    caseNo: 'Case',
    dueOn: 'Due',
    daysOverdue: 'Working days overdue',
    apply: 'Apply',
    unauthorized: 'Your session has ended, please log in again.',
    forbidden: 'You may not see this.',
    failed: 'Loading failed ({status}).'
  }
};

function browserLanguage() {
  const nav = window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages[0]) || nav.language || '';
  return first.split('-')[0].toLowerCase();
}

export const LANGUAGE = browserLanguage() === 'en' ? 'en' : 'zh';

/** The label of key, with {placeholders} replaced by params. */
export function t(key, params = {}) {
  const text = LABELS[LANGUAGE][key] ?? LABELS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A rate (0..1) as a percentage with one decimal, or '—' when there is none. */
export function percent(rate) {
  return rate === null || rate === undefined ? t('none') : `${(rate * 100).toFixed(1)}%`;
}
