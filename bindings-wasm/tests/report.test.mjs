// The annual work report (issue 6 item 2) through JS, on the Haidian 2024 data set
// (tests/reports/haidian-2024.json). Same cases as bindings-python/tests/test_annual_report.py.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { init, Ledger, RendaError } from "../js/index.js";

const DATA = new URL("../../tests/reports/haidian-2024.json", import.meta.url);
let haidian;

before(async () => {
  await init();
  haidian = new Ledger({ preset: "national" });
  for (const c of JSON.parse(readFileSync(DATA, "utf8"))) haidian.execute(c);
});

const OFFICE = [
  {
    zh: "40岁以下工作人员",
    en: "Staff under 40",
    figure: { numerator: 16, numerator_unit: "persons", denominator: 49, denominator_unit: "persons", stated_percent: "32.7" },
  },
];

test("the typed report reproduces S001-1, S001-13, S001-15, S001-16 and S001-19", () => {
  const r = haidian.annualReport({ congress: "hd-17", year: 2024, office: OFFICE });
  const o = r.overview;
  assert.deepEqual([o.congress_sessions, o.standing_committee_meetings, o.director_meetings], [1, 7, 17]);
  assert.equal(o.meets_l5, true);
  const s = r.suggestions;
  assert.deepEqual([s.during_session, s.during_recess, s.replied], [203, 3, 206]);
  assert.deepEqual(s.solved_or_progressing_rate, { numerator: 126, denominator: 206, percent: "61.2" });
  assert.deepEqual([s.key.designated, s.key.solved, s.key.major_progress], [5, 3, 2]);
  assert.deepEqual([s.plan_ledger.entered, s.plan_ledger.solved, s.plan_ledger.progressing], [29, 13, 16]);
  assert.equal(r.office[0].check.reproducible, true);
});

test("Markdown and HTML in both languages", () => {
  const req = { congress: "hd-17", year: 2024 };
  const zh = haidian.annualReport(req, { format: "markdown", lang: "zh" });
  assert.ok(zh.startsWith("# 北京市海淀区第十七届人民代表大会常委会2024年工作报告"));
  assert.ok(zh.includes("占建议办理总数的61.2%"));
  const en = haidian.annualReport(JSON.stringify(req), { format: "markdown", lang: "en" });
  assert.ok(en.includes("The issues of 126 were solved or are progressing, 61.2% of those handled"));
  const html = haidian.annualReport(req, { format: "html", lang: "zh" });
  assert.ok(html.includes('<html lang="zh-Hans">') && html.includes("<h2>代表建议</h2>"));
});

test("bad requests name the field", () => {
  for (const [req, field] of [
    [{ congress: "hd-17" }, "report.year"],
    [{ congress: "hd-17", from: "2024-05-01", to: "2024-01-01" }, "report.from"],
    [{ congress: "nope", year: 2024 }, "congress"],
  ]) {
    assert.throws(() => haidian.annualReport(req), (e) => e instanceof RendaError && e.field.startsWith(field));
  }
  assert.throws(
    () => haidian.annualReport({ congress: "hd-17", year: 2024 }, { format: "pdf" }),
    (e) => e instanceof RendaError && e.field === "format",
  );
});
