// renda web demo: one suggestion through its lifecycle, with the real rules running in wasm.
//
// No framework, no bundler. This file only builds commands, hands them to the ledger from
// ../../bindings-wasm/js/index.js and shows what the ledger says; every check (who may act,
// what fits the current status, time order, deadlines, figures) is made by renda's core.
//
// The ledger survives a reload: after every accepted command the whole event log
// (`ledger.events()` as JSON) is written to IndexedDB in one readwrite transaction (a refused
// command writes nothing), and on load a saved log is replayed with `Ledger.replay`.
// "Start over" (and changing the rules) clears what this browser saved.

const BINDINGS = '../../bindings-wasm/js/index.js';

// ------------------------------------------------------------------ fixed cast
const SUGGESTION = '2024-001';
const CONGRESS = 'hd-17';
const SETUP_DATE = '2024-01-02';
const STEP_DAYS = 3; // the clock's default advance after each action

const PEOPLE = {
  D001: { zh: '王丽', en: 'Wang Li' },
  D002: { zh: '李强', en: 'Li Qiang' },
  office: { zh: '代表联络室', en: 'Deputy affairs office' },
  edu: { zh: '区教委', en: 'Education Commission' },
  fin: { zh: '区财政局', en: 'Finance Bureau' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  public: { zh: '公众', en: 'Member of the public' },
};

const SETUP_COMMANDS = [
  { actor: { role: 'admin', id: 'admin' },
    command: { type: 'register_congress', congress: CONGRESS, name: '北京市海淀区第十七届人民代表大会',
      level: 'county', term: 17, term_start: '2021-11-01', term_end: '2026-10-31' } },
  { actor: { role: 'deputy_affairs_office', id: 'office' },
    command: { type: 'register_deputy', deputy: 'D001', congress: CONGRESS, name: '王丽' } },
  { actor: { role: 'deputy_affairs_office', id: 'office' },
    command: { type: 'register_deputy', deputy: 'D002', congress: CONGRESS, name: '李强' } },
  { actor: { role: 'deputy_affairs_office', id: 'office' },
    command: { type: 'register_unit', unit: 'edu', name: '区教委' } },
  { actor: { role: 'deputy_affairs_office', id: 'office' },
    command: { type: 'register_unit', unit: 'fin', name: '区财政局' } },
];

const RULES = {
  national: { preset: 'national' },
  'national+beijing': [{ preset: 'national' }, { preset: 'beijing-district' }],
};

// "Act as" choices: `auto` lets every step act as the right role.
const ACTORS = [
  { value: 'auto' },
  { value: 'deputy:D001' },
  { value: 'deputy:D002' },
  { value: 'deputy_affairs_office:office' },
  { value: 'handling_unit:edu' },
  { value: 'handling_unit:fin' },
  { value: 'public:public' },
  { value: 'admin:admin' },
];

// ------------------------------------------------------------------ words
const T = {
  title: ['代表建议办理', 'Deputy suggestion handling'],
  subtitle: ['把一件代表建议走完全流程：真实的规则在 WebAssembly 中运行。', 'Walk one suggestion through its lifecycle. The real rules run in WebAssembly.'],
  rules: ['规则', 'Rules'],
  rules_national: ['全国（代表法）', 'National (Deputies Law)'],
  rules_beijing: ['全国 + 北京区级（2025年起）', 'National + Beijing district (from 2025)'],
  reset: ['重新开始', 'Start over'],
  reset_title: ['重新开始，并清除本浏览器保存的记录', 'Start over and clear what this browser saved'],
  restored: ['已从本浏览器恢复 {n} 条事件', 'Restored {n} events from this browser'],
  saved: ['已在本浏览器保存 {n} 条事件', '{n} events saved in this browser'],
  nothing_saved: ['本浏览器尚未保存记录', 'Nothing saved in this browser yet'],
  storage_unavailable: ['此浏览器无法保存记录（IndexedDB 不可用）', 'This browser cannot save the ledger (IndexedDB is not available)'],
  storage_error: ['保存失败：{msg}', 'Could not save: {msg}'],
  restore_failed: ['无法恢复本浏览器保存的记录（{msg}），已重新开始', 'Could not restore what this browser saved ({msg}); started over'],
  setup: ['已自动登记', 'Set up on load'],
  action_date: ['下一步的办理日期', 'Date of the next action'],
  plus1: ['+1 天', '+1 day'],
  plus7: ['+7 天', '+7 days'],
  plus30: ['+30 天', '+30 days'],
  act_as: ['以谁的身份操作', 'Act as'],
  act_as_hint: ['选择其他身份可以尝试其无权进行的操作：账本会拒绝，且不作任何改动。', 'Pick someone else to try an action they may not take; the ledger refuses it and nothing changes.'],
  auto: ['按步骤自动选择正确的角色', 'The right role for each step'],
  step_deputy: ['代表提出建议', 'Deputy submits'],
  step_office: ['代表联络室审查、交办', 'Office vets and assigns'],
  step_co_unit: ['协办单位提出意见', 'Co-unit sends its opinion'],
  step_lead_unit: ['主办单位答复', 'Lead unit replies'],
  step_rating: ['代表评价办理结果', 'Deputy rates the reply'],
  f_title: ['标题', 'Title'],
  f_during: ['提出时间', 'Submitted'],
  during_session: ['大会期间', 'during the session'],
  during_recess: ['闭会期间', 'in recess'],
  f_cosign: ['附议代表：李强（D002）', 'Co-signed by deputy Li Qiang (D002)'],
  b_submit: ['提交建议', 'Submit'],
  b_revise: ['修改后重新提交', 'Revise & resubmit'],
  b_withdraw: ['撤回', 'Withdraw'],
  f_office_reason: ['理由（退回或不予受理时）', 'Reason (for return / reject)'],
  b_accept: ['受理', 'Accept'],
  b_return: ['退回修改', 'Return for revision'],
  b_reject: ['不予受理（不属于建议）', 'Reject (not a suggestion)'],
  f_lead_unit: ['主办单位', 'Lead unit'],
  f_co_unit: ['协办单位', 'Co-unit'],
  no_co_unit: ['（无）', '(none)'],
  b_assign: ['交办', 'Assign'],
  f_extend_reason: ['延期理由（情况复杂）', 'Why it is complex (extension)'],
  b_extend: ['延长答复期限（限一次）', 'Extend the deadline (once)'],
  f_opinion: ['协办意见', 'Opinion'],
  b_opinion: ['提交协办意见', 'Send opinion'],
  f_result: ['办理结果', 'Result'],
  f_in_plan: ['列入工作计划（仅限 B 类）', 'Placed in a work plan (B only)'],
  f_summary: ['答复摘要', 'Summary'],
  f_reason: ['理由（C 类必填）', 'Reason (required for C)'],
  b_reply: ['答复', 'Reply'],
  f_rating: ['评价', 'Rating'],
  f_comment: ['意见（可不填）', 'Comment (optional)'],
  b_feedback: ['提交评价', 'Rate'],
  e_code: ['错误代码', 'Code'],
  e_field: ['字段', 'Field'],
  e_rule: ['规则', 'Rule'],
  e_message: ['核心说明', 'Core says'],
  status_title: ['这件建议', 'The suggestion'],
  as_of: ['截至日期', 'As of'],
  s_title: ['标题', 'Title'],
  s_status: ['状态', 'Status'],
  s_lead_unit: ['主办单位', 'Lead unit'],
  s_due: ['答复期限', 'Reply due'],
  s_countdown: ['倒计时', 'Countdown'],
  s_rules: ['适用规则', 'Rule set'],
  figures_title: ['办理统计', 'Figures'],
  fig_reply: ['办复率', 'Reply rate'],
  fig_solved: ['解决率（A+B）', 'Solved or progressing'],
  fig_satisfaction: ['满意率', 'Satisfaction rate'],
  fig_overdue: ['逾期件数', 'Overdue'],
  log_title: ['事件记录', 'Event log'],
  l_type: ['事件', 'Event'],
  l_time: ['时间', 'Time'],
  l_actor: ['操作者', 'Actor'],
  footer: ['每一项检查都由编译为 WebAssembly 的 renda 核心完成；本页只负责生成命令并显示账本的结果。', 'Every check is made by renda\'s core compiled to WebAssembly; this page only builds commands and shows what the ledger says.'],
  acts_as: ['操作者：', 'acting as '],
  clock_hint: ['上一步：{last}。日期早于上一步时，账本会拒绝。', 'Previous action: {last}. The ledger refuses a date before it.'],
  as_of_small: ['截至 {d}', 'as of {d}'],
  events_n: ['共 {n} 条', '{n} events'],
  recorded: ['已记录：', 'Recorded: '],
  not_submitted: ['尚未提交', 'Not submitted yet'],
  days_left: ['还剩 {n} 天', '{n} days left'],
  due_today: ['今天到期', 'Due today'],
  days_overdue: ['已逾期 {n} 天', '{n} days overdue'],
  no_fixed_due: ['无固定期限（计划内滚动办理）', 'No fixed due date (rolling, in the plan)'],
  setup_text: ['{congress}（{cid}）· 代表 王丽 D001、李强 D002 · 承办单位 区教委 edu、区财政局 fin · {date}',
    '{congress} ({cid}) · deputies Wang Li D001, Li Qiang D002 · units edu (education), fin (finance) · {date}'],
  congress_name: ['北京市海淀区第十七届人民代表大会', 'Haidian District (Beijing), 17th People\'s Congress'],
  load_failed: ['无法加载 WebAssembly 模块，请先运行 scripts/build-wasm.sh。', 'Could not load the WebAssembly module; run scripts/build-wasm.sh first.'],
  unexpected: ['意外错误', 'Unexpected error'],
  reset_done: ['已重新开始：{rules}', 'Started over: {rules}'],
};

// Labels of enum values (roles, statuses, results, ratings, events, error codes) come from
// core's label catalog (`renda.labels()`), shared with Rust and Python; filled in on load.
let CATALOG = null;
/** The [zh, en] label of a wire value in a catalog group, or the value itself. */
function lab(group, key) {
  const l = CATALOG && CATALOG[group] && CATALOG[group][key];
  return l ? [l.zh, l.en] : [key, key];
}

/** Takes the result and rating option texts from the catalog. */
function adoptCatalog() {
  for (const [k, l] of Object.entries(CATALOG.result_category)) T[`result_${k}`] = [`${k} 类 · ${l.zh}`, `${k} · ${l.en}`];
  for (const [k, l] of Object.entries(CATALOG.satisfaction)) T[`rating_${k}`] = [l.zh, l.en];
}

// What each button does: the command type, the step (whose role acts by default), a label.
const ACTIONS = {
  submit: { type: 'submit_suggestion', step: 'deputy', label: ['提出建议', 'Submit'] },
  revise: { type: 'revise_suggestion', step: 'deputy', label: ['修改', 'Revise'] },
  withdraw: { type: 'withdraw_suggestion', step: 'deputy', label: ['撤回', 'Withdraw'] },
  accept: { type: 'accept_suggestion', step: 'office', label: ['受理', 'Accept'] },
  return: { type: 'return_suggestion', step: 'office', label: ['退回', 'Return'] },
  reject: { type: 'reject_suggestion', step: 'office', label: ['不予受理', 'Reject'] },
  assign: { type: 'assign_suggestion', step: 'office', label: ['交办', 'Assign'] },
  extend: { type: 'extend_reply_deadline', step: 'office', label: ['延期', 'Extend'] },
  opinion: { type: 'submit_co_unit_opinion', step: 'co_unit', label: ['提出协办意见', 'Send an opinion'] },
  reply: { type: 'reply_suggestion', step: 'lead_unit', label: ['答复', 'Reply'] },
  feedback: { type: 'give_feedback', step: 'rating', label: ['评价', 'Rate'] },
};

// ------------------------------------------------------------------ plain-words errors
const OFFICE_ONLY = ['此操作仅限代表联络室', 'Only the deputy affairs office may do this'];
const PERMISSION = {
  accept_suggestion: OFFICE_ONLY,
  return_suggestion: OFFICE_ONLY,
  reject_suggestion: OFFICE_ONLY,
  assign_suggestion: OFFICE_ONLY,
  extend_reply_deadline: OFFICE_ONLY,
  submit_co_unit_opinion: ['此操作仅限承办单位', 'Only a handling unit may do this'],
  reply_suggestion: ['此操作仅限承办单位', 'Only a handling unit may do this'],
  give_feedback: ['只有提出建议的代表可以评价', 'Only the deputies who proposed it may rate the reply'],
  submit_suggestion: ['只有代表（或代表联络室代为）可以提出建议', 'Only a deputy (or the office on a deputy\'s behalf) may submit a suggestion'],
  revise_suggestion: ['只有领衔代表或代表联络室可以修改', 'Only the lead deputy or the office may revise it'],
  withdraw_suggestion: ['只有领衔代表或代表联络室可以撤回', 'Only the lead deputy or the office may withdraw it'],
};
const NOT_PARTY = {
  reply_suggestion: ['只有这件建议的主办单位可以答复', 'Only the lead unit of this suggestion may reply'],
  submit_co_unit_opinion: ['只有这件建议的协办单位可以提出协办意见', 'Only a co-unit of this suggestion may send an opinion'],
  give_feedback: ['只有提出这件建议的代表可以评价', 'Only a deputy who proposed this suggestion may rate it'],
  submit_suggestion: ['代表只能以本人为领衔代表提出建议', 'A deputy may submit only as the lead deputy'],
  revise_suggestion: ['只有领衔代表本人可以修改', 'Only the lead deputy may revise it'],
  withdraw_suggestion: ['只有领衔代表本人可以撤回', 'Only the lead deputy may withdraw it'],
};
const RULE_CODES = {
  extension_limit_reached: ['答复期限只能延长一次，已经延长过了', 'The reply deadline may be extended only once, and it has been'],
  co_unit_opinions_missing: ['须等所有协办单位提出意见后，主办单位才能答复', 'The lead unit may reply only after every co-unit has sent its opinion'],
  in_plan_requires_b: ['只有 B 类答复才能列入计划', 'Only a category B reply can place the suggestion in a plan'],
  reason_required: ['C 类答复必须说明理由', 'A category C reply must state the reason'],
  opinion_already_submitted: ['该协办单位已经提出过意见', 'This co-unit has already sent its opinion'],
  feedback_already_given: ['这位代表已经评价过这次答复', 'This deputy has already rated this reply'],
  withdrawal_too_late: ['建议交办后不能再撤回', 'A suggestion can no longer be withdrawn once assigned'],
  wrong_congress: ['代表不属于这一级人大', 'The deputy does not sit in this congress'],
  too_many_cosigners: ['附议代表人数超过上限', 'Too many co-signers'],
  invalid_json: ['命令不是有效的 JSON', 'The command is not valid JSON'],
  unknown_command: ['没有这种命令', 'There is no such command'],
  missing_field: ['缺少必填项', 'A required field is missing'],
  already_exists: ['已经存在，不能重复登记或提交', 'It already exists; it cannot be registered or submitted twice'],
  date_outside_calendar: ['日期超出了工作日历的范围', 'The date is outside the working-day calendar'],
  no_rule_set: ['该日期没有生效的规则', 'No rule set is in force on that date'],
  invalid_rule_set: ['规则设置无效', 'The rule set is not valid'],
};
const KIND_FALLBACK = {
  input: ['输入有误', 'The input is not valid'],
  permission: ['你无权进行此操作', 'You may not do this'],
  not_found: ['找不到所引用的对象', 'Something it refers to does not exist'],
  conflict: ['与已有记录冲突', 'This conflicts with what is recorded'],
  rule: ['规则现在不允许这样做', 'A rule forbids this now'],
  calendar: ['日期超出了工作日历的范围', 'The date is outside the working-day calendar'],
  rule_set: ['规则设置有误', 'The rule set is not valid'],
};

/** A plain-words [zh, en] sentence for an error, given what was attempted. */
function plainWords(err, ctx) {
  const type = ctx.type;
  switch (err.code) {
    case 'permission_denied':
      return PERMISSION[type] || KIND_FALLBACK.permission;
    case 'not_party':
      return NOT_PARTY[type] || ['你与这件建议无关，不能这样做', 'You are not a party to this suggestion'];
    case 'invalid_transition': {
      const s = lab('suggestion_status', ctx.status);
      const a = ACTIONS[ctx.action]?.label || [type, type];
      return [`这件建议现在是“${s[0]}”，此时不能“${a[0]}”`, `The suggestion is now “${s[1]}”: “${a[1]}” does not fit at this stage`];
    }
    case 'out_of_order':
      return [`日期不能早于上一步（${ctx.last}）：请把日期往后调`, `The date may not be earlier than the previous action (${ctx.last}): move the clock forward`];
    case 'not_found':
      if (err.field === 'command.suggestion') return ['还没有这件建议：请先由代表提交', 'There is no such suggestion yet: the deputy must submit it first'];
      return KIND_FALLBACK.not_found;
    case 'invalid_field':
      if (String(err.field || '').startsWith('command.co_units')) return ['协办单位不能与主办单位相同', 'The co-unit must differ from the lead unit'];
      return ['填写的内容不符合要求（例如不能为空）', 'A value is not acceptable (for example, it must not be empty)'];
    default:
      return RULE_CODES[err.code] || (CATALOG && CATALOG.error_code[err.code] ? lab('error_code', err.code) : null) || KIND_FALLBACK[err.kind] || KIND_FALLBACK.rule;
  }
}

// ------------------------------------------------------------------ small helpers
const $ = (sel) => document.querySelector(sel);
const $$ = (sel) => Array.from(document.querySelectorAll(sel));
const ui = { lang: 'en' };
const L = () => (ui.lang === 'zh' ? 0 : 1);
const tr = (pair) => (Array.isArray(pair) ? pair[L()] : pair);
function t(key, vars = {}) {
  const pair = T[key];
  let s = pair ? pair[L()] : key;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
const person = (id) => (PEOPLE[id] ? PEOPLE[id][ui.lang] : id);

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function daysBetween(fromIso, toIso) {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86400000);
}
const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s || '');
// Events carry RFC 3339 times in China time (the commands give bare dates), so the first ten
// characters are the China date.
const dateOf = (at) => String(at).slice(0, 10);

function actorLabel(actor) {
  const role = tr(lab('role', actor.role));
  if (actor.role === 'deputy_affairs_office' || actor.role === 'admin' || actor.role === 'public') return role;
  return `${role} · ${person(actor.id)} (${actor.id})`;
}

// ------------------------------------------------------------------ state of the page
let renda = null; // the bindings module
let ledger = null;
let lastError = null; // {err, ctx} shown in the error box
let lastNotice = null; // events recorded by the last action

function lastDate() {
  const evs = ledger.events();
  return evs.length ? dateOf(evs[evs.length - 1].at) : SETUP_DATE;
}

function suggestionRecord() {
  const st = ledger.state();
  const all = st && st.suggestions;
  if (!all) return null;
  if (all instanceof Map) return all.get(SUGGESTION) || null;
  return all[SUGGESTION] || null;
}

function newLedger() {
  if (ledger) ledger.free?.();
  const rules = RULES[$('#rules-select').value] || RULES.national;
  ledger = new renda.Ledger(rules);
  for (const c of SETUP_COMMANDS) ledger.execute({ at: SETUP_DATE, ...c });
  $('#action-date').value = addDays(SETUP_DATE, 6);
  $('#as-of').value = SETUP_DATE;
  lastError = null;
}

/** The actor for an action: the "act as" choice, or the right role for the step. */
function actorFor(action) {
  const choice = $('#act-as').value;
  if (choice && choice !== 'auto') {
    const [role, id] = choice.split(':');
    return { role, id };
  }
  const s = suggestionRecord();
  switch (ACTIONS[action].step) {
    case 'deputy':
    case 'rating':
      return { role: 'deputy', id: s ? s.lead : 'D001' };
    case 'office':
      return { role: 'deputy_affairs_office', id: 'office' };
    case 'co_unit': {
      const co = s && s.assignment && s.assignment.co_units && s.assignment.co_units[0];
      return { role: 'handling_unit', id: co || $('#assign-co').value || 'fin' };
    }
    case 'lead_unit': {
      const lead = s && s.assignment && s.assignment.lead_unit;
      return { role: 'handling_unit', id: lead || $('#assign-lead').value || 'edu' };
    }
    default:
      throw new Error(`unknown action ${action}`);
  }
}

/** The command body for an action, from the forms. */
function commandFor(action) {
  const val = (id) => $(id).value;
  const suggestion = SUGGESTION;
  switch (action) {
    case 'submit':
      return { type: 'submit_suggestion', suggestion, congress: CONGRESS, title: val('#submit-title'), lead: 'D001',
        cosigners: $('#submit-cosign').checked ? ['D002'] : [], during: val('#submit-during'), topic: '教育' };
    case 'revise':
      return { type: 'revise_suggestion', suggestion, title: val('#submit-title') };
    case 'withdraw':
      return { type: 'withdraw_suggestion', suggestion };
    case 'accept':
      return { type: 'accept_suggestion', suggestion };
    case 'return':
      return { type: 'return_suggestion', suggestion, reason: val('#office-reason') };
    case 'reject':
      return { type: 'reject_suggestion', suggestion, reason: val('#office-reason') };
    case 'assign': {
      const co = val('#assign-co');
      return { type: 'assign_suggestion', suggestion, lead_unit: val('#assign-lead'), co_units: co ? [co] : [] };
    }
    case 'extend':
      return { type: 'extend_reply_deadline', suggestion, reason: val('#extend-reason') };
    case 'opinion':
      return { type: 'submit_co_unit_opinion', suggestion, opinion: val('#opinion-text') };
    case 'reply': {
      const c = { type: 'reply_suggestion', suggestion, result: val('#reply-result'),
        in_plan: $('#reply-in-plan').checked, summary: val('#reply-summary') };
      if (val('#reply-reason').trim() !== '') c.reason = val('#reply-reason');
      return c;
    }
    case 'feedback': {
      const c = { type: 'give_feedback', suggestion, rating: val('#feedback-rating') };
      if (val('#feedback-comment').trim() !== '') c.comment = val('#feedback-comment');
      return c;
    }
    default:
      throw new Error(`unknown action ${action}`);
  }
}

function envelope(action, at) {
  return { at, actor: actorFor(action), command: commandFor(action) };
}

function currentStatus() {
  const s = suggestionRecord();
  return s ? s.status : null;
}

function run(action) {
  const at = $('#action-date').value;
  const cmd = envelope(action, at);
  const ctx = { action, type: cmd.command.type, last: lastDate(), status: currentStatus() };
  try {
    const events = ledger.execute(cmd);
    saveLog(); // only accepted commands reach this line: a refused one writes nothing
    lastError = null;
    lastNotice = events.map((e) => e.event.type);
    const d = dateOf(events.length ? events[events.length - 1].at : at);
    $('#action-date').value = addDays(d, STEP_DAYS);
    $('#as-of').value = d; // "as of" defaults to the last action's date
  } catch (err) {
    if (!err || typeof err.code !== 'string') {
      console.error(err);
      lastError = { err: { code: 'unexpected', kind: 'internal', message: String(err && err.message || err) }, ctx };
    } else {
      lastError = { err, ctx };
    }
    lastNotice = null;
  }
  render();
  // On a narrow screen the outcome sits below the forms: bring it into view.
  $('#outcome').scrollIntoView({ block: 'nearest' });
}

// ------------------------------------------------------------------ saved in this browser
const DB_NAME = 'renda-demo';
const DB_STORE = 'ledger';
const DB_KEY = 'current';
// What the status line says (`state`: none | restored | saved | unavailable | error |
// restore_failed), the number of events saved, and how many writes have completed (the
// browser test waits on these).
const storage = { db: null, state: 'none', n: 0, msg: '', writes: 0, queue: Promise.resolve() };

function openDb() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(DB_STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/** Runs `work(store)` in one transaction; resolves with its request's result once committed. */
function inTransaction(mode, work) {
  return new Promise((resolve, reject) => {
    const tx = storage.db.transaction(DB_STORE, mode);
    const req = work(tx.objectStore(DB_STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
  });
}

function setStorage(state, n = 0, msg = '') {
  Object.assign(storage, { state, n, msg });
  renderStorage();
}

/** Queues a write so that writes and clears reach IndexedDB in the order they were made. */
function enqueue(write) {
  if (!storage.db) return;
  storage.queue = storage.queue.then(write).catch((e) => {
    console.error('renda demo: IndexedDB', e);
    setStorage('error', 0, String(e && e.message || e));
  });
}

/** Saves the whole event log, after an accepted command. */
function saveLog() {
  const events = ledger.events();
  const record = { id: DB_KEY, rules: $('#rules-select').value, events: JSON.stringify(events) };
  enqueue(async () => {
    await inTransaction('readwrite', (store) => store.put(record));
    storage.writes += 1;
    setStorage('saved', events.length);
  });
}

/** Forgets the saved log ("Start over"). */
function clearLog() {
  enqueue(async () => {
    await inTransaction('readwrite', (store) => store.clear());
    storage.writes += 1;
    setStorage('none');
  });
}

/** Replays the saved log, if there is one; returns whether the page now shows it. */
async function restoreLog() {
  const record = await inTransaction('readonly', (store) => store.get(DB_KEY));
  if (!record) return false;
  try {
    const rules = RULES[record.rules] ? record.rules : 'national';
    const restored = renda.Ledger.replay(record.events, RULES[rules]);
    $('#rules-select').value = rules;
    ledger = restored;
    const last = lastDate();
    $('#action-date').value = addDays(last, STEP_DAYS);
    $('#as-of').value = last;
    setStorage('restored', ledger.events().length);
    return true;
  } catch (e) {
    console.warn('renda demo: the saved log could not be replayed', e);
    setStorage('restore_failed', 0, e && e.code ? e.code : String(e && e.message || e));
    return false;
  }
}

function renderStorage() {
  const el = $('#storage-status');
  const text = {
    none: () => t('nothing_saved'),
    restored: () => t('restored', { n: storage.n }),
    saved: () => t('saved', { n: storage.n }),
    unavailable: () => t('storage_unavailable'),
    error: () => t('storage_error', { msg: storage.msg }),
    restore_failed: () => t('restore_failed', { msg: storage.msg }),
  }[storage.state];
  el.textContent = text ? text() : '';
  el.dataset.state = storage.state;
  el.dataset.saved = String(storage.n);
  el.dataset.writes = String(storage.writes);
}

// ------------------------------------------------------------------ rendering
function applyLanguage() {
  document.documentElement.lang = ui.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `renda · ${t('title')}`;
  for (const el of $$('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of $$('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  $('#lang-toggle').textContent = ui.lang === 'zh' ? 'English' : '中文';
  $('#lang-toggle').setAttribute('aria-label', ui.lang === 'zh' ? 'Switch to English' : '切换到中文');
  // Selects whose options are built here.
  const actAs = $('#act-as');
  const keep = actAs.value || 'auto';
  actAs.replaceChildren(...ACTORS.map(({ value }) => {
    const o = document.createElement('option');
    o.value = value;
    if (value === 'auto') o.textContent = t('auto');
    else {
      const [role, id] = value.split(':');
      o.textContent = actorLabel({ role, id });
    }
    return o;
  }));
  actAs.value = keep;
  for (const [sel, withNone] of [['#assign-lead', false], ['#assign-co', true]]) {
    const el = $(sel);
    const prev = el.value || (sel === '#assign-lead' ? 'edu' : 'fin');
    const opts = [];
    if (withNone) opts.push(['', t('no_co_unit')]);
    for (const u of ['edu', 'fin']) opts.push([u, `${u} · ${person(u)}`]);
    el.replaceChildren(...opts.map(([v, text]) => {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = text;
      return o;
    }));
    el.value = prev;
  }
  $('#setup-text').textContent = t('setup_text', { congress: t('congress_name'), cid: CONGRESS, date: SETUP_DATE });
}

function renderStatus(asOf) {
  const s = suggestionRecord();
  const statusEl = $('#status');
  let view = null;
  if (s && isDate(asOf)) {
    try {
      view = ledger.suggestionView(SUGGESTION, asOf);
    } catch (err) {
      view = { error: err };
    }
  }
  statusEl.className = 'status';
  if (!view || view.error || !view.status) {
    statusEl.textContent = view && view.error ? `${view.error.code}: ${view.error.message}` : t('not_submitted');
    statusEl.dataset.status = view && view.error ? 'error' : 'none';
    statusEl.classList.add('none');
    $('#sugg-title').textContent = s ? s.title : '—';
    $('#lead-unit').textContent = '—';
    $('#due').textContent = '—';
    $('#countdown').textContent = '—';
    $('#countdown').className = 'countdown';
    $('#rule-set').textContent = view && view.rule_set ? view.rule_set : '—';
    return;
  }
  statusEl.textContent = tr(lab('suggestion_status', view.status));
  statusEl.dataset.status = view.status;
  statusEl.classList.add(`st-${view.status}`);
  $('#sugg-title').textContent = view.title;
  $('#lead-unit').textContent = view.lead_unit ? `${person(view.lead_unit)} (${view.lead_unit})` : '—';
  $('#rule-set').textContent = view.rule_set || '—';
  const due = view.due || null;
  $('#due').textContent = due || '—';
  const cd = $('#countdown');
  cd.className = 'countdown';
  if (due) {
    const overdue = view.overdue_days;
    if (overdue && overdue > 0) {
      cd.textContent = t('days_overdue', { n: overdue });
      cd.classList.add('overdue');
    } else {
      const left = daysBetween(asOf, due);
      cd.textContent = left === 0 ? t('due_today') : t('days_left', { n: left });
      cd.classList.add(left <= 14 ? 'soon' : 'ok');
    }
  } else if (view.status === 'in_plan') {
    cd.textContent = t('no_fixed_due');
  } else {
    cd.textContent = '—';
  }
}

function rate(r) {
  if (!r || r.percent == null) return '—';
  return `${r.percent}% (${r.numerator}/${r.denominator})`;
}

function renderFigures(asOf) {
  $('#figures-asof').textContent = isDate(asOf) ? t('as_of_small', { d: asOf }) : '';
  let f = null;
  if (isDate(asOf)) {
    try {
      f = ledger.figures(asOf);
    } catch (err) {
      f = null;
    }
  }
  $('#fig-reply').textContent = f ? rate(f.reply_rate) : '—';
  $('#fig-solved').textContent = f ? rate(f.solved_or_progressing_rate) : '—';
  $('#fig-satisfaction').textContent = f ? rate(f.satisfaction_rate) : '—';
  const overdue = f && f.counts ? f.counts.overdue : null;
  const el = $('#fig-overdue');
  el.textContent = overdue == null ? '—' : String(overdue);
  el.classList.toggle('bad', Boolean(overdue));
}

function eventDetail(e) {
  const k = e.event;
  switch (k.type) {
    case 'suggestion_submitted':
      return `${k.suggestion} · ${k.title}`;
    case 'suggestion_assigned':
      return [k.lead_unit, ...(k.co_units || [])].map((u, i) => (i === 0 ? `${tr(['主办', 'lead'])} ${u}` : `${tr(['协办', 'co'])} ${u}`)).join(' · ');
    case 'suggestion_replied':
      return `${k.result}${k.in_plan ? ` · ${tr(['列入计划', 'in plan'])}` : ''} · ${tr(['第', 'round '])}${k.round}${tr(['次', ''])}`;
    case 'feedback_given':
      return `${k.deputy} · ${t(`rating_${k.rating}`)}`;
    case 'suggestion_closed':
      return t(`rating_${k.rating}`);
    case 'co_unit_opinion_submitted':
      return k.unit;
    case 'suggestion_returned':
    case 'suggestion_rejected':
    case 'reply_deadline_extended':
      return k.reason || '';
    case 'deputy_registered':
      return `${k.deputy} · ${k.name}`;
    case 'unit_registered':
      return `${k.unit} · ${k.name}`;
    case 'congress_registered':
      return k.congress;
    default:
      return '';
  }
}

function renderLog() {
  const evs = ledger.events();
  $('#log-count').textContent = t('events_n', { n: evs.length });
  const rows = evs.map((e) => {
    const tr_ = document.createElement('tr');
    tr_.dataset.testid = 'event-row';
    tr_.setAttribute('data-testid', 'event-row');
    tr_.dataset.type = e.event.type;
    const at = String(e.at);
    const time = at.length > 10 && !at.slice(10).startsWith('T00:00:00') ? `${dateOf(at)} ${at.slice(11, 16)}` : dateOf(at);
    const cells = [
      String(e.seq),
      null,
      time,
      actorLabel(e.actor),
    ];
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      if (i === 1) {
        const name = document.createElement('span');
        name.className = 'ev-name';
        name.textContent = tr(lab('event', e.event.type));
        const code = document.createElement('code');
        code.textContent = e.event.type;
        td.append(name, ' ', code);
        const detail = eventDetail(e);
        if (detail) {
          const d = document.createElement('div');
          d.className = 'ev-detail';
          d.textContent = detail;
          td.append(d);
        }
      } else {
        td.textContent = c;
      }
      tr_.append(td);
    });
    return tr_;
  });
  $('#event-log tbody').replaceChildren(...rows.reverse());
}

function renderOutcome() {
  const notice = $('#notice');
  const box = $('#error');
  if (lastNotice && lastNotice.length) {
    notice.hidden = false;
    notice.textContent = `✓ ${t('recorded')}${lastNotice.map((ty) => tr(lab('event', ty))).join(ui.lang === 'zh' ? '、' : ', ')}`;
  } else {
    notice.hidden = true;
  }
  if (lastError) {
    const { err, ctx } = lastError;
    const [zh, en] = err.code === 'unexpected' ? T.unexpected : plainWords(err, ctx);
    box.hidden = false;
    box.dataset.code = err.code;
    $('#error-friendly').textContent = `${zh} / ${en}`;
    $('#error-code').textContent = err.code;
    $('#error-field').textContent = err.field || '—';
    $('#error-rule').textContent = err.rule || '—';
    $('#error-message').textContent = err.message || '';
  } else {
    box.hidden = true;
    delete box.dataset.code;
  }
}

/** Marks the buttons whose command the ledger would accept now (acting as the right role). */
function renderNextSteps() {
  if (typeof ledger.decide !== 'function') return;
  const at = [$('#action-date').value, lastDate()].filter(isDate).sort().pop();
  const auto = $('#act-as').value === 'auto';
  for (const btn of $$('button[data-action]')) {
    const action = btn.dataset.action;
    let ok = false;
    try {
      ledger.decide(envelope(action, at));
      ok = true;
    } catch {
      ok = false;
    }
    btn.classList.toggle('ready', ok);
  }
  for (const card of $$('.step')) {
    card.classList.toggle('active', Boolean(card.querySelector('button.ready')));
    const step = card.dataset.step;
    const label = card.querySelector('.actor');
    const action = Object.keys(ACTIONS).find((a) => ACTIONS[a].step === step);
    label.textContent = `${t('acts_as')}${actorLabel(actorFor(action))}`;
    label.classList.toggle('forced', !auto);
  }
}

function render() {
  const asOf = $('#as-of').value;
  $('#clock-hint').textContent = t('clock_hint', { last: lastDate() });
  renderStatus(asOf);
  renderFigures(asOf);
  renderLog();
  renderOutcome();
  renderNextSteps();
  renderStorage();
}

// ------------------------------------------------------------------ start
function setLanguage(lang) {
  ui.lang = lang === 'zh' ? 'zh' : 'en';
  try {
    localStorage.setItem('renda-demo-lang', ui.lang);
  } catch {
    /* storage may be unavailable */
  }
  applyLanguage();
  if (ledger) render();
}

function wire() {
  for (const btn of $$('button[data-action]')) btn.addEventListener('click', () => run(btn.dataset.action));
  for (const btn of $$('button[data-days]')) {
    btn.addEventListener('click', () => {
      const base = isDate($('#action-date').value) ? $('#action-date').value : lastDate();
      $('#action-date').value = addDays(base, Number(btn.dataset.days));
      render();
    });
  }
  $('#action-date').addEventListener('change', render);
  $('#as-of').addEventListener('input', render);
  $('#as-of').addEventListener('change', render);
  $('#act-as').addEventListener('change', render);
  for (const sel of ['#assign-lead', '#assign-co', '#reply-result', '#reply-in-plan', '#feedback-rating']) {
    $(sel).addEventListener('change', render);
  }
  $('#lang-toggle').addEventListener('click', () => setLanguage(ui.lang === 'zh' ? 'en' : 'zh'));
  const reset = () => {
    clearLog();
    newLedger();
    lastNotice = null;
    render();
    const n = $('#notice');
    n.hidden = false;
    n.textContent = t('reset_done', { rules: $('#rules-select').selectedOptions[0].textContent });
  };
  $('#btn-reset').addEventListener('click', reset);
  $('#rules-select').addEventListener('change', reset);
}

async function main() {
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang');
  if (!lang) {
    try {
      lang = localStorage.getItem('renda-demo-lang');
    } catch {
      lang = null;
    }
  }
  ui.lang = lang === 'zh' ? 'zh' : 'en';
  applyLanguage();
  try {
    renda = await import(BINDINGS);
    await renda.init();
    CATALOG = renda.labels();
    adoptCatalog();
    applyLanguage();
  } catch (e) {
    const banner = $('#load-error');
    banner.hidden = false;
    banner.textContent = `${T.load_failed[0]} / ${T.load_failed[1]} (${e && e.message ? e.message : e})`;
    console.error('renda demo: could not load the wasm bindings', e);
    return;
  }
  try {
    storage.db = await openDb();
  } catch (e) {
    console.warn('renda demo: cannot save in this browser', e);
    storage.state = 'unavailable';
  }
  const restored = storage.db ? await restoreLog().catch((e) => {
    console.error('renda demo: IndexedDB', e);
    setStorage('error', 0, String(e && e.message || e));
    return false;
  }) : false;
  if (!restored) newLedger();
  wire();
  render();
  document.body.dataset.ready = 'true';
}

main();
