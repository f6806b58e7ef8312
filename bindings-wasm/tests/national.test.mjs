// nationalLog (renda::national) in both modules: deterministic for its configuration, its
// figures under its rules equal those of a log rebuilt from its columns, its default rule book
// is the data set's, and a partition's figures combine into the whole's.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import * as full from "../js/index.js";
import * as lean from "../js/figures.js";

const CONFIG = { seed: 11, scale: 0.001, year: 2024 };
let data;

before(async () => {
  await full.init();
  await lean.init();
  data = full.nationalLog(CONFIG);
});

const fromColumns = (api, c) => api.SuggestionLog.fromColumns(c.dims, c.suggestion, c.day, c.kind, c.arg);

test("the data set is deterministic for its configuration, and the seed changes it", () => {
  const again = full.nationalLog(CONFIG);
  assert.deepEqual(again.log.columns(), data.log.columns());
  assert.deepEqual(again.summary, data.summary);
  assert.deepEqual(again.rules, data.rules);
  assert.equal(data.yearEnd, "2024-12-31");
  const other = full.nationalLog({ ...CONFIG, seed: 12 });
  assert.notDeepEqual(other.log.columns().day, data.log.columns().day);
  [again.log, other.log].forEach((l) => l.free());
});

test("the summary counts the log, at every level", () => {
  const c = data.log.columns();
  assert.equal(data.summary.events, data.log.length);
  assert.equal(data.summary.suggestions, c.dims.suggestions.length);
  assert.equal(data.summary.units, c.dims.units.length);
  assert.equal(data.summary.congresses_by_level.length, 5);
  assert.equal(data.summary.congresses_by_level.reduce((a, b) => a + b), c.dims.congresses.length);
  assert.deepEqual([...new Set(c.dims.levels)].sort(), ["county", "districted_city", "national", "provincial", "township"]);
});

test("the rules count county and township deadlines in working days", () => {
  const working = data.rules.filter((r) => r.suggestion.reply_deadline.unit === "working_days");
  assert.deepEqual(working.map((r) => r.jurisdiction.level).sort(), ["county", "township"]);
});

test("its figures under its rules equal those of its columns in either module, and its default", () => {
  const { log, rules, yearEnd } = data;
  const want = log.figures(yearEnd, undefined, rules);
  assert.ok(want.counts.submitted === data.summary.suggestions && want.counts.replied > 0);
  assert.deepEqual(log.figures(yearEnd), want, "the log's own rule book is the data set's");
  const cols = log.columns();
  for (const api of [full, lean]) {
    const copy = fromColumns(api, cols);
    assert.deepEqual(copy.figures(yearEnd, undefined, rules), want);
    // Rebuilt from columns, the log defaults to the national rules: the working-day deadlines
    // at county and township level give other due dates.
    assert.notDeepEqual(copy.figures(yearEnd), want);
    copy.free();
  }
  for (const asOf of ["2024-06-30", "2025-03-31"]) {
    assert.deepEqual(fromColumns(lean, cols).figures(asOf, undefined, rules), log.figures(asOf, undefined, rules), asOf);
  }
});

test("a partition's figures combine into the whole's", () => {
  const { log, rules, yearEnd } = data;
  const want = log.figures(yearEnd, undefined, rules);
  const parts = log.partition(3);
  assert.equal(parts.reduce((n, p) => n + p.length, 0), log.length);
  assert.deepEqual(full.combineFigures(parts.map((p) => p.figures(yearEnd, undefined, rules))), want);
  assert.deepEqual(full.combineFigures(parts.map((p) => p.figures(yearEnd))), want, "the parts keep the data set's rules");
  parts.forEach((p) => p.free());
});

test("the lean module generates the same data set", () => {
  const l = lean.nationalLog(CONFIG);
  assert.deepEqual(l.log.columns(), data.log.columns());
  assert.deepEqual([l.summary, l.rules, l.yearEnd], [data.summary, data.rules, data.yearEnd]);
  l.log.free();
});

test("a bad configuration throws an InputError naming the field", () => {
  for (const api of [full, lean]) {
    assert.throws(() => api.nationalLog({ scale: 2 }), (e) => e instanceof full.InputError && e.field === "config.scale");
    assert.throws(() => api.nationalLog({ scale: 0.001, year: 1900 }), (e) => e instanceof full.InputError && e.field === "config.year");
    assert.throws(() => api.nationalLog({ scal: 0.5 }), (e) => e instanceof full.InputError && /scal/.test(e.message));
    assert.throws(() => api.nationalLog(null), TypeError);
  }
});
