// renda dashboard: the demo district (renda::demo, generated in the browser by the wasm
// package) with its figures, charts, handling-unit table, reply-deadline countdowns and
// department evaluations, in Chinese and English.
//
// No framework, no bundler, and no domain logic: every number comes from the ledger
// (`annualReport`, `table`), every enum label from `labels()`. This file only lays them out.

const BINDINGS = '../../bindings-wasm/js/index.js';
const DEMO = { seed: 20240101, years: 3 }; // 2022–2024: the term up to seed 001's year

const TEXT = {
  zh: {
    title: '示例区人大工作看板',
    subtitle: '由 renda 在浏览器中（WebAssembly）生成并计算：同一套规则、同一套数字。',
    year: '年度', as_of: '截至', deadlines: '答复期限倒计时',
    deadlines_note: '截至所选日期尚未答复的建议，按剩余天数排序（负数为逾期天数）。',
    suggestion: '建议', unit: '承办单位', due: '答复期限', days_left: '剩余天数',
    units: '承办单位办理情况', assigned: '交办', replied: '办复', on_time: '按期', overdue: '逾期',
    solved_rate: '解决率', satisfaction: '满意率', evaluations: '部门工作评议',
    funnel: '建议办理流程', results: '办理结果', lifecycle_link: '单件建议办理演示',
    report_link: '年度工作报告（HTML）', lang: 'English',
    generating: '正在生成示例区数据…', ready: (n, ms) => `已生成 ${n} 个事件，用时 ${ms} 毫秒。`,
    none_open: '所选日期没有待答复的建议。',
    cards: {
      sc: '常委会会议', dm: '主任会议', reports: '听取审议报告', submitted: '代表建议',
      solved: '解决率', satisfied: '满意率', deputies: '在任代表', activities: '代表活动',
    },
    funnel_steps: ['提出', '交办', '办复', '解决或推进', '满意'],
    results_labels: ['A 已解决', 'B 正在解决', 'C 暂无法解决', 'D 留作参考'],
    vote: '满意度测评',
  },
  en: {
    title: 'Demo district congress dashboard',
    subtitle: 'Generated and computed in your browser by renda (WebAssembly): the same rules, the same figures.',
    year: 'Year', as_of: 'As of', deadlines: 'Reply deadlines',
    deadlines_note: 'Suggestions not yet replied to on the chosen date, by days left (negative: days overdue).',
    suggestion: 'Suggestion', unit: 'Handling unit', due: 'Due', days_left: 'Days left',
    units: 'Handling units', assigned: 'Assigned', replied: 'Replied', on_time: 'On time', overdue: 'Overdue',
    solved_rate: 'Solved or progressing', satisfaction: 'Satisfaction', evaluations: 'Department work evaluations',
    funnel: 'Suggestion handling', results: 'Results', lifecycle_link: 'One suggestion, step by step',
    report_link: 'Annual work report (HTML)', lang: '中文',
    generating: 'Generating the demo district…', ready: (n, ms) => `Generated ${n} events in ${ms} ms.`,
    none_open: 'No suggestion awaits a reply on the chosen date.',
    cards: {
      sc: 'Standing-committee meetings', dm: 'Director meetings', reports: 'Reports heard',
      submitted: 'Suggestions', solved: 'Solved or progressing', satisfied: 'Satisfaction',
      deputies: 'Deputies in office', activities: 'Deputy activities',
    },
    funnel_steps: ['Submitted', 'Assigned', 'Replied', 'Solved/progressing', 'Satisfied'],
    results_labels: ['A solved', 'B progressing', 'C not possible now', 'D for reference'],
    vote: 'Satisfaction vote',
  },
};

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElementNS(tag === 'svg' || attrs.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag);
  for (const [k, v] of Object.entries(attrs)) if (k !== 'svg') e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
};
const svgEl = (tag, attrs, text) => {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

const ui = { lang: 'zh', year: null, asOf: null, generated: null };
let renda;
let ledger;
let congress;
let labels;

function t() {
  return TEXT[ui.lang];
}

function pct(rate) {
  return rate.percent === null || rate.percent === undefined ? '—' : `${rate.percent}%`;
}

function label(group, value) {
  const l = labels[group] && labels[group][value];
  return l ? l[ui.lang] : value;
}

/** A name in the page's language: "中文 / English" names are split; others shown as they are. */
function name(n) {
  const i = n.indexOf(' / ');
  if (i < 0) return n;
  return ui.lang === 'zh' ? n.slice(0, i) : n.slice(i + 3);
}

function dayNumber(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function renderStatic() {
  document.documentElement.lang = ui.lang === 'zh' ? 'zh-Hans' : 'en';
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t()[e.dataset.i18n];
  $('#lang').textContent = t().lang;
  if (ui.generated) $('#status').textContent = t().ready(...ui.generated);
}

function renderCards(report) {
  const c = t().cards;
  const o = report.overview;
  const s = report.suggestions;
  const items = [
    ['sc', o.standing_committee_meetings, ''],
    ['dm', o.director_meetings, ''],
    ['reports', o.outputs.reports_heard, ''],
    ['submitted', s.submitted, `${s.during_session} + ${s.during_recess}`],
    ['solved', pct(s.solved_or_progressing_rate), `${s.solved_or_progressing_rate.numerator}/${s.solved_or_progressing_rate.denominator}`],
    ['satisfied', pct(s.satisfaction_rate), `${s.satisfaction_rate.numerator}/${s.satisfaction_rate.denominator}`],
    ['deputies', report.deputies.in_office, ''],
    ['activities', report.deputies.activities, ''],
  ];
  $('.cards').replaceChildren(...items.map(([k, v, d]) =>
    el('div', { class: 'card', 'data-testid': `card-${k}` },
      el('div', { class: 'k' }, c[k]), el('div', { class: 'v' }, String(v)), el('div', { class: 'd' }, d))));
}

/** Horizontal bars: [label, value, class] rows scaled to the largest value. */
function bars(svg, rows) {
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const h = 220 / rows.length;
  svg.replaceChildren();
  rows.forEach(([name, value, cls], i) => {
    const y = i * h + 4;
    const w = (value / max) * 300;
    svg.append(svgEl('text', { x: 0, y: y + h / 2 + 2 }, name));
    svg.append(svgEl('rect', { class: `bar ${cls || ''}`, x: 130, y, width: Math.max(w, 1), height: h - 10, 'data-value': value }));
    svg.append(svgEl('text', { x: 136 + w, y: y + h / 2 + 2 }, String(value)));
  });
}

function renderCharts(report) {
  const s = report.suggestions;
  const steps = t().funnel_steps;
  bars($('#funnel'), [
    [steps[0], s.submitted],
    [steps[1], s.assigned],
    [steps[2], s.replied],
    [steps[3], s.solved_or_progressing_rate.numerator, 'alt'],
    [steps[4], s.ratings.satisfied, 'alt'],
  ]);
  const r = s.results;
  const l = t().results_labels;
  bars($('#results'), [[l[0], r.A], [l[1], r.B, 'alt'], [l[2], r.C, 'c'], [l[3], r.D, 'd']]);
}

function renderUnits(report) {
  $('[data-testid=unit-table] tbody').replaceChildren(...report.suggestions.units.map((u) => {
    const f = u.figures;
    return el('tr', {}, el('td', {}, name(u.name)), ...[f.assigned, f.replied, f.replied_on_time, f.overdue]
      .map((n) => el('td', { class: 'n' }, String(n))),
    el('td', { class: 'n' }, pct(f.solved_or_progressing_rate)), el('td', { class: 'n' }, pct(f.satisfaction_rate)));
  }));
}

/** Open suggestions on the as-of date, from the suggestions table's typed columns (dates are
 * days since 1970-01-01, NaN where missing). */
function renderCountdowns() {
  const tab = ledger.table('suggestions', ui.asOf);
  const col = tab.columns;
  const units = ledger.table('units', ui.asOf).columns;
  const unitName = new Map(Array.from(units.unit, (u, i) => [u, name(units.name[i])]));
  const today = dayNumber(ui.asOf);
  const rows = [];
  for (let i = 0; i < tab.length; i++) {
    if (col.congress[i] !== congress || col.submitted_on[i] > today) continue;
    if (!Number.isNaN(col.replied_on[i]) || Number.isNaN(col.due_on[i])) continue;
    const due = new Date(col.due_on[i] * 86_400_000).toISOString().slice(0, 10);
    rows.push({ id: col.suggestion[i], title: col.title[i], unit: unitName.get(col.lead_unit[i]) || col.lead_unit[i], due, left: col.due_on[i] - today });
  }
  rows.sort((a, b) => a.left - b.left || (a.id < b.id ? -1 : 1));
  const body = $('[data-testid=countdowns] tbody');
  if (rows.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 4 }, t().none_open)));
    return;
  }
  body.replaceChildren(...rows.slice(0, 20).map((r) => el('tr', { class: r.left < 0 ? 'overdue' : '', 'data-days': r.left },
    el('td', {}, `${r.id} ${r.title}`), el('td', {}, r.unit), el('td', {}, r.due), el('td', { class: 'n' }, String(r.left)))));
}

function renderEvaluations(report) {
  $('#evaluations').replaceChildren(...report.evaluations.work_evaluations.map((w) =>
    el('li', {}, `${name(w.department)} — ${label('work_evaluation_status', w.status)}` +
      (w.vote ? ` · ${t().vote}: ${label('satisfaction_result', w.vote)}` : ''))));
}

function render() {
  renderStatic();
  const report = ledger.annualReport({ congress, from: `${ui.year}-01-01`, to: ui.asOf < `${ui.year}-12-31` ? ui.asOf : `${ui.year}-12-31` });
  renderCards(report);
  renderCharts(report);
  renderUnits(report);
  renderCountdowns();
  renderEvaluations(report);
  const html = ledger.annualReport({ congress, year: ui.year }, { format: 'html', lang: ui.lang });
  const link = $('#report-link');
  if (link.dataset.url) URL.revokeObjectURL(link.dataset.url);
  link.dataset.url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  link.href = link.dataset.url;
  document.body.dataset.ready = `${ui.lang}:${ui.year}:${ui.asOf}`;
}

function fail(e) {
  const s = $('#status');
  s.className = 'status error';
  s.textContent = e && e.message ? e.message : String(e);
  console.error(e);
}

async function main() {
  renderStatic();
  $('#status').textContent = t().generating;
  renda = await import(BINDINGS);
  await renda.init();
  labels = renda.labels();
  const start = performance.now();
  const demo = renda.demoDistrict(DEMO);
  ledger = demo.ledger;
  congress = demo.congress;
  const ms = Math.round(performance.now() - start);
  const first = demo.firstYear;
  const last = first + DEMO.years - 1;
  for (let y = first; y <= last; y++) $('#year').append(el('option', { value: String(y) }, String(y)));
  ui.year = last;
  ui.asOf = `${last}-06-30`;
  $('#year').value = String(ui.year);
  $('#as-of').value = ui.asOf;
  ui.generated = [ledger.events().length, ms];
  $('#year').addEventListener('change', () => {
    ui.year = Number($('#year').value);
    ui.asOf = `${ui.year}-12-31`;
    $('#as-of').value = ui.asOf;
    guarded(render);
  });
  $('#as-of').addEventListener('change', () => {
    if (!$('#as-of').value) return;
    ui.asOf = $('#as-of').value;
    ui.year = Number(ui.asOf.slice(0, 4));
    guarded(render);
  });
  $('#lang').addEventListener('click', () => {
    ui.lang = ui.lang === 'zh' ? 'en' : 'zh';
    guarded(render);
  });
  render();
}

function guarded(f) {
  try {
    f();
  } catch (e) {
    fail(e);
  }
}

main().catch(fail);
