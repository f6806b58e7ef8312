// The deputy family (issue 3) through the JS API: the tables (deputies, participations, voter
// issues, points, compliance) as arrays of flat records, the composition figures of domain §4.1
// reproduced from the Haidian 2016 roster fixture, the performance archive, privacy of the
// public tables, and typed errors. Expected values are worked out by hand from the rules
// (docs/deputies.md, shared/domain.md) and the commands below; the arithmetic is in comments.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  init, Ledger, checkFigure, RendaError, InputError, NotFoundError, RuleSetError, RuleViolationError,
} from "../js/index.js";
import { admin, office, cmd } from "./helpers.mjs";

const ROSTER = new URL("../../tests/rosters/haidian-2016.json", import.meta.url);

const street = { role: "street_working_committee", id: "street" };
const sc = { role: "standing_committee", id: "sc" };
const citizen = { role: "public", id: "citizen" };
const trans = { role: "handling_unit", id: "trans" };
const deputy = (id) => ({ role: "deputy", id });
const persons = (value) => ({ value, unit: "persons" });

let haidian;
let story;

before(async () => {
  await init();
  haidian = new Ledger();
  const envelopes = JSON.parse(readFileSync(ROSTER, "utf8"));
  for (const e of envelopes) haidian.execute(e);
  assert.equal(haidian.seq, envelopes.length);
  story = new Ledger({ preset: "beijing-district" });
  for (const c of STORY) story.execute(c);
  // Every command records one event; the interview two.
  assert.equal(story.seq, STORY.length + 1);
});

/** Every record has the same keys in the same order, and only flat values: a table. */
function assertTable(rows, columns) {
  for (const r of rows) {
    assert.deepEqual(Object.keys(r), columns);
    for (const v of Object.values(r)) {
      assert.ok(v === null || typeof v !== "object" || (Array.isArray(v) && v.every((x) => typeof x === "string")),
        `not flat: ${JSON.stringify(v)}`);
    }
  }
}

const countBy = (rows, key) => {
  const out = {};
  for (const r of rows) {
    const k = typeof key === "function" ? key(r) : r[key];
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
};

// ------------------------------------------------------------------ the Haidian 2016 roster

test("composition at the end of 2017 reproduces S000-2 and S000-4", () => {
  const c = haidian.composition("hd-16", "2017-12-31");
  assert.deepEqual([c.congress, c.as_of, c.decimals], ["hd-16", "2017-12-31", 2]);
  assert.deepEqual(c.elected, persons(445));
  assert.deepEqual(c.holding_mandate, persons(433));
  assert.deepEqual(c.terminated, persons(12));
  assert.deepEqual(c.terminated_by_reason, [{ reason: "moved_out", count: persons(12) }]);
  // S000-2: 436 / 445 = 97.9775… → "97.98".
  assert.deepEqual(c.college_or_above, {
    count: persons(436), missing: persons(0),
    share: { numerator: persons(436), denominator: persons(445), decimals: 2, percent: "97.98", warnings: [] },
  });
  // S000-4: 179 / 445 = 40.2247… → "40.22".
  assert.deepEqual(c.re_elected.count, persons(179));
  assert.equal(c.re_elected.share.percent, "40.22");
  for (const [attr, stated] of [["college_or_above", "97.98"], ["re_elected", "40.22"]]) {
    const s = c[attr].share;
    assert.equal(checkFigure({
      numerator: s.numerator.value, numerator_unit: "persons", denominator: s.denominator.value,
      denominator_unit: "persons", stated_percent: stated,
    }).reproducible, true);
  }
  // Gender and party not recorded: missing, no share (never 0 %).
  assert.deepEqual(c.female, { count: persons(0), missing: persons(445), share: null });
  // S000-6: 24 of 45 new: 53.333… → "53.33".
  assert.deepEqual(c.standing_committee.members, persons(45));
  assert.equal(c.standing_committee.new_this_term.share.percent, "53.33");
});

test("postgraduates compute 55.51 %; the published 57.75 % (S000-3) stays inconsistent", () => {
  const post = haidian.composition("hd-16", "2017-12-31").postgraduate;
  assert.deepEqual(post.count, persons(247));
  assert.equal(post.share.percent, "55.51");
  const check = checkFigure({
    numerator: post.count.value, numerator_unit: "persons", denominator: post.share.denominator.value,
    denominator_unit: "persons", stated_percent: "57.75",
  });
  assert.equal(check.reproducible, false);
  assert.deepEqual(check.warnings, [{ code: "percent_mismatch", stated_percent: "57.75", computed_percent: "55.51" }]);
});

test("composition: decimals and dates", () => {
  const one = haidian.composition("hd-16", "2017-12-31", 1);
  // 272 resident-unit deputies over 445 = 61.12… → "61.1".
  assert.equal(one.resident_unit.share.percent, "61.1");
  assert.equal(one.college_or_above.share.percent, "98.0");
  assert.equal(haidian.composition("hd-16", "2017-12-31", 6).college_or_above.share.percent, "97.977528");
  // A Date is taken at its instant, in China time: 2017-06-30T20:00Z is already 1 July there;
  // six had left by then (January to June).
  const mid = haidian.composition("hd-16", new Date("2017-06-30T20:00:00Z"));
  assert.equal(mid.as_of, "2017-07-01");
  assert.deepEqual([mid.holding_mandate, mid.terminated], [persons(439), persons(6)]);
  const before = haidian.composition("hd-16", "2016-11-14");
  assert.deepEqual(before.elected, persons(0));
  assert.equal(before.college_or_above.share, null);
});

test("participation in 2017 is 357 person-times over 433, 82.4 %, with the unit warning (S000-8)", () => {
  assert.deepEqual(haidian.participation("hd-16", "2017-01-01", "2017-12-31"), {
    numerator: { value: 357, unit: "person_times" },
    denominator: persons(433),
    decimals: 1,
    percent: "82.4",
    warnings: [{ code: "unit_mismatch", numerator_unit: "person_times", denominator_unit: "persons" }],
  });
  // Wider window: + 40 (December 2016) + 10 (January 2018) = 407 / 433 = 93.995… → "94.00".
  const wide = haidian.participation("hd-16", "2016-12-01", "2018-01-31", 2);
  assert.deepEqual([wide.numerator.value, wide.denominator.value, wide.percent], [407, 433, "94.00"]);
});

test("participations: one row per deputy and activity", () => {
  const rows = haidian.participations();
  assert.equal(rows.length, 407);
  assertTable(rows, ["activity", "congress", "kind", "on", "title", "deputy", "deputy_congress", "station",
    "voters_received", "opinions_collected", "debrief"]);
  const in2017 = rows.filter((r) => r.on.startsWith("2017"));
  assert.equal(in2017.length, 357);
  // …by 300 different deputies (300 / 433 would be the share of deputies, not 82.4 %).
  assert.equal(new Set(in2017.map((r) => r.deputy)).size, 300);
  assert.deepEqual(countBy(rows, "kind"), { training: 40, voter_contact: 367 });
});

test("check_organisation: L-7 holds (quota 450 ≥ 433), L-6 holds, R-O1 not checkable", () => {
  const f = haidian.checkOrganisation("hd-16", "2017-12-31");
  assert.deepEqual(f.map((x) => [x.rule, x.status]), [["L-7", "holds"], ["L-6", "holds"], ["R-O1", "not_checkable"]]);
  // 140 + 3,130,000 / 5,000 = 766, capped at 450.
  assert.deepEqual(f[0].figures, { holding_mandate: 433, quota: 450, population: 3130000 });
  assert.match(f[0].message, /在任代表433名/);
  assert.deepEqual([f[1].figures.members, f[1].figures.min, f[1].figures.max], [45, 15, 45]);
  assert.equal(haidian.checkOrganisation("hd-16", "2016-11-30")[1].status, "violated");
});

const DEPUTY_COLUMNS = ["id", "congress", "name", "status", "elected_on", "mandate", "person", "gender", "education",
  "re_elected", "resident_unit", "party", "elected_by_kind", "elected_by", "delegation", "groups", "work_unit",
  "stations", "committee_post"];

test("deputies(asOf): 445 flat records with the status on that date", () => {
  const rows = haidian.deputies("2017-12-31");
  assert.equal(rows.length, 445);
  assertTable(rows, DEPUTY_COLUMNS);
  assert.deepEqual(countBy(rows, "status"), { in_office: 433, terminated: 12 });
  assert.deepEqual(rows.filter((r) => r.status === "terminated").map((r) => r.id),
    Array.from({ length: 12 }, (_, k) => `D${String(46 + 30 * k).padStart(3, "0")}`));
  assert.deepEqual(countBy(rows, "education"),
    { doctorate: 50, master: 197, bachelor: 169, college: 20, secondary_or_below: 9 });
  assert.equal(rows.filter((r) => r.re_elected).length, 179);
  assert.equal(rows.filter((r) => r.resident_unit).length, 272);
  assert.deepEqual(countBy(rows, "committee_post"),
    { director: 1, vice_director: 7, secretary_general: 1, member: 36, null: 400 });
  assert.ok(rows.every((r) => r.gender === null && r.party === null));
  // D046 left on 2017-01-15 (China date): 2017-01-14T16:30Z is already the 15th there.
  assert.equal(haidian.deputies("2017-01-14")[45].status, "in_office");
  assert.equal(haidian.deputies(new Date("2017-01-14T16:30:00Z"))[45].status, "terminated");
  assert.deepEqual(countBy(haidian.deputies("2016-11-14"), "status"), { not_yet_elected: 445 });
});

// ------------------------------------------------------------------ a story in 2025

const CONTACT = { phone: "13800138000", id_number: "110108198001010023", address: "北京市海淀区学院路20号" };
const D001_PROFILE = {
  gender: "female", education: "master", re_elected: true, resident_unit: false, party: "non_party",
  elected_by: { electoral_unit: "学院路街道" }, delegation: "学院路街道代表组", groups: ["教科文卫"],
  work_unit: "北京石油大学",
};

const STORY = [
  cmd("2025-01-02T09:00:00+08:00", admin, {
    type: "register_congress", congress: "hd-17", name: "北京市海淀区第十七届人民代表大会", level: "county",
    term: 17, term_start: "2021-11-01", term_end: "2026-10-31",
  }),
  cmd("2025-01-02T09:00:00+08:00", office, {
    type: "register_deputy", deputy: "D001", congress: "hd-17", name: "王丽", contact: CONTACT, profile: D001_PROFILE,
  }),
  cmd("2025-01-02T09:00:00+08:00", office, {
    type: "register_deputy", deputy: "D002", congress: "hd-17", name: "李强",
    profile: { gender: "male", education: "bachelor", elected_by: { constituency: "第12选区" } },
  }),
  cmd("2025-01-02T09:00:00+08:00", office, { type: "register_deputy", deputy: "D003", congress: "hd-17", name: "张伟" }),
  cmd("2025-01-02T09:00:00+08:00", office, { type: "register_unit", unit: "trans", name: "区交通委" }),
  cmd("2025-01-02T10:00:00+08:00", office, {
    type: "register_station", station: "H1", congress: "hd-17", name: "学院路街道代表之家", tier: "home",
  }),
  cmd("2025-01-02T10:00:00+08:00", office, {
    type: "register_station", station: "ST1", congress: "hd-17", name: "石油大院社区代表联络站", tier: "station", parent: "H1",
  }),
  cmd("2025-01-06T10:00:00+08:00", office, { type: "assign_station", deputy: "D001", station: "H1" }),
  cmd("2025-01-06T10:00:00+08:00", office, { type: "assign_station", deputy: "D001", station: "ST1" }),
  cmd("2025-01-06T10:00:00+08:00", street, { type: "assign_station", deputy: "D002", station: "ST1" }),
  cmd("2025-01-06T10:00:00+08:00", office, { type: "assign_station", deputy: "D003", station: "H1" }),
  // A1: D001 and D002 at the station (月进站, January).
  cmd("2025-01-15T15:00:00+08:00", deputy("D001"), {
    type: "record_activity", activity: "A1", congress: "hd-17", kind: "station_visit", on: "2025-01-15",
    title: "进站接待选民", participants: ["D001", "D002"], station: "ST1", voters_received: 12, opinions_collected: 5,
  }),
  cmd("2025-01-15T16:00:00+08:00", deputy("D001"), {
    type: "record_voter_issue", issue: "V1", congress: "hd-17", summary: "小区门口路灯损坏", deputy: "D001",
    station: "ST1", activity: "A1",
  }),
  cmd("2025-01-16T10:00:00+08:00", deputy("D001"), {
    type: "triage_voter_issue", issue: "V1", triage: { outcome: "resolved_on_site" },
  }),
  cmd("2025-01-18T10:00:00+08:00", citizen, {
    type: "record_voter_issue", issue: "V2", congress: "hd-17", summary: "学校周边早高峰交通拥堵", station: "ST1",
  }),
  cmd("2025-01-20T10:00:00+08:00", street, {
    type: "triage_voter_issue", issue: "V2", triage: { outcome: "forwarded_to_department", unit: "trans" },
  }),
  cmd("2025-02-10T10:00:00+08:00", trans, { type: "answer_voter_issue", issue: "V2" }),
  cmd("2025-02-12T10:00:00+08:00", street, { type: "close_voter_issue", issue: "V2" }),
  cmd("2025-02-12T15:00:00+08:00", street, {
    type: "record_activity", activity: "A2", congress: "hd-17", kind: "station_visit", on: "2025-02-12",
    title: "进站接待选民", participants: ["D001"], station: "ST1", voters_received: 8, opinions_collected: 3,
  }),
  // A4: a station visit recorded at the home: not a 月进站 (tier `station`).
  cmd("2025-03-05T15:00:00+08:00", street, {
    type: "record_activity", activity: "A4", congress: "hd-17", kind: "station_visit", on: "2025-03-05",
    title: "到代表之家接待选民", participants: ["D002"], station: "H1",
  }),
  // A3: the quarter's home visit (季回家) of D001 and D002.
  cmd("2025-03-20T15:00:00+08:00", street, {
    type: "record_activity", activity: "A3", congress: "hd-17", kind: "home_visit", on: "2025-03-20",
    title: "代表回家活动", participants: ["D001", "D002"], station: "H1", voters_received: 30, opinions_collected: 11,
  }),
  // Q1 at the station, by the street organ (event 22: 21 events before it).
  cmd("2025-04-02T10:00:00+08:00", street, {
    type: "publish_points", congress: "hd-17", period: "2025-Q1", scope: { station: "ST1" },
  }),
  cmd("2025-04-10T10:00:00+08:00", deputy("D001"), {
    type: "submit_suggestion", suggestion: "S1", congress: "hd-17", title: "关于在学院路增设公交接驳线的建议",
    lead: "D001", cosigners: ["D003"], during: "recess", topic: "交通",
  }),
  cmd("2025-06-10T15:00:00+08:00", street, {
    type: "record_activity", activity: "A6", congress: "hd-17", kind: "research", on: "2025-06-10",
    title: "交通拥堵专题调研", participants: ["D003"],
  }),
  cmd("2025-09-15T10:00:00+08:00", office, { type: "terminate_qualification", deputy: "D003", reason: "moved_out" }),
  cmd("2025-12-10T15:00:00+08:00", deputy("D001"), {
    type: "record_activity", activity: "A5", congress: "hd-17", kind: "debrief", on: "2025-12-10",
    title: "2025年度向选民述职", participants: ["D001"], station: "H1", voters_received: 40, opinions_collected: 6,
    debrief: "yearly",
  }),
  // 2025 for the whole congress, by the standing committee (event 27).
  cmd("2026-01-08T10:00:00+08:00", sc, { type: "publish_points", congress: "hd-17", period: "2025", scope: "congress" }),
  // A7: back-dated into December 2025, recorded after the publication.
  cmd("2026-01-10T10:00:00+08:00", street, {
    type: "record_activity", activity: "A7", congress: "hd-17", kind: "station_visit", on: "2025-12-20",
    title: "进站接待选民（补录）", participants: ["D002"], station: "ST1",
  }),
  // D002 had 6 < 20 in the annual publication: interviewed, electoral unit notified.
  cmd("2026-01-15T10:00:00+08:00", office, { type: "record_interview", deputy: "D002" }),
];

// Illustrative point table of the preset: visit 2, research 2, debrief 5, led 3, co-signed 1.
//   D001: A1 2 + A2 2 + A3 2 + A5 5 + S1 3 = 14; D002: A1 + A4 + A3 = 6 published, + A7 = 8 now;
//   D003: A6 2 + S1 co-signed 1 = 3, in office 2025-01-01..09-14 = 257 days.
const ROW_D001 = { deputy: "D001", points: 14, activities: 4, suggestions_led: 1, suggestions_cosigned: 0, days_in_office: 365 };
const ROW_D002_PUBLISHED = { deputy: "D002", points: 6, activities: 3, suggestions_led: 0, suggestions_cosigned: 0, days_in_office: 365 };
const ROW_D002_NOW = { ...ROW_D002_PUBLISHED, points: 8, activities: 4 };
const ROW_D003 = { deputy: "D003", points: 3, activities: 1, suggestions_led: 0, suggestions_cosigned: 1, days_in_office: 257 };
// Q1 (90 days): D001 A1, A2, A3; D002 A1, A4, A3.
const Q1 = { points: 6, activities: 3, suggestions_led: 0, suggestions_cosigned: 0, days_in_office: 90 };

test("points(): live rows per deputy in scope", () => {
  assert.deepEqual(story.points("hd-17", "2025"), [ROW_D001, ROW_D002_NOW, ROW_D003]);
  assert.deepEqual(story.points("hd-17", "2025", null), [ROW_D001, ROW_D002_NOW, ROW_D003]);
  assert.deepEqual(story.points("hd-17", "2025", '"congress"'), [ROW_D001, ROW_D002_NOW, ROW_D003]);
  assert.deepEqual(story.points("hd-17", "2025", { station: "ST1" }), [ROW_D001, ROW_D002_NOW]);
  assert.deepEqual(story.points("hd-17", "2025-Q1", { station: "H1" }), [
    { deputy: "D001", ...Q1 },
    { deputy: "D003", points: 0, activities: 0, suggestions_led: 0, suggestions_cosigned: 0, days_in_office: 90 },
  ]);
  // Q4 (92 days): D003 no longer in office, left out.
  assert.deepEqual(story.points("hd-17", "2025-Q4").map((r) => [r.deputy, r.points, r.days_in_office]),
    [["D001", 5, 92], ["D002", 2, 92]]);
  assertTable(story.points("hd-17", "2025"),
    ["deputy", "points", "activities", "suggestions_led", "suggestions_cosigned", "days_in_office"]);
});

test("points(): the scope is a name, an object or JSON text of either", () => {
  const whole = story.points("hd-17", "2025");
  assert.deepEqual(story.points("hd-17", "2025", "congress"), whole);
  assert.deepEqual(story.points("hd-17", "2025", '"congress"'), whole);
  assert.throws(() => story.points("hd-17", "2025", "province"), (e) => e instanceof InputError && e.field === "scope");
  assert.throws(() => story.points("hd-17", "2025-Q1", { station: "ST9" }),
    (e) => e instanceof NotFoundError && e.code === "not_found" && e.field === "scope.station" && e.value === "ST9");
});

test("pointsPublications(): frozen as published", () => {
  const pubs = story.pointsPublications();
  assert.deepEqual(pubs, [
    { congress: "hd-17", period: "2025-Q1", scope: { station: "ST1" }, published_on: "2025-04-02", through_seq: 21,
      rows: [{ deputy: "D001", ...Q1 }, { deputy: "D002", ...Q1 }] },
    { congress: "hd-17", period: "2025", scope: "congress", published_on: "2026-01-08", through_seq: 26,
      rows: [ROW_D001, ROW_D002_PUBLISHED, ROW_D003] },
  ]);
  assert.deepEqual(story.events().filter((e) => e.event.type === "points_published").map((e) => e.seq), [22, 27]);
});

test("participations(): long format, ordered by day", () => {
  const rows = story.participations();
  assert.deepEqual(rows.map((r) => `${r.activity}:${r.deputy}`),
    ["A1:D001", "A1:D002", "A2:D001", "A4:D002", "A3:D001", "A3:D002", "A6:D003", "A5:D001", "A7:D002"]);
  assert.deepEqual(rows[1], {
    activity: "A1", congress: "hd-17", kind: "station_visit", on: "2025-01-15", title: "进站接待选民",
    deputy: "D002", deputy_congress: "hd-17", station: "ST1", voters_received: 12, opinions_collected: 5, debrief: null,
  });
  assert.deepEqual(countBy(rows, "deputy"), { D001: 4, D002: 4, D003: 1 });
  assert.equal(rows[7].debrief, "yearly");
});

test("voterIssues(): flat records after triage", () => {
  assert.deepEqual(story.voterIssues(), [
    { id: "V1", congress: "hd-17", received_on: "2025-01-15", summary: "小区门口路灯损坏", deputy: "D001",
      station: "ST1", outcome: "resolved_on_site", triaged_on: "2025-01-16", target: null, answered_on: null,
      closed_on: null },
    { id: "V2", congress: "hd-17", received_on: "2025-01-18", summary: "学校周边早高峰交通拥堵", deputy: null,
      station: "ST1", outcome: "forwarded_to_department", triaged_on: "2025-01-20", target: "trans",
      answered_on: "2025-02-10", closed_on: "2025-02-12" },
  ]);
});

test("compliance(): rows, per-deputy and per-station rates at the end of 2025", () => {
  const c = story.compliance("hd-17", "2025-12-31");
  assert.deepEqual([c.congress, c.as_of, c.rule_set, c.decimals], ["hd-17", "2025-12-31", "beijing-district", 1]);
  assert.deepEqual(c.open, []);
  // 12 months + 4 quarters + 1 year for D001 and D002; D003 (until 09-14): 9 + 3 + 1.
  assert.deepEqual(countBy(c.rows, "deputy"), { D001: 17, D002: 17, D003: 13 });
  const d002 = c.rows.filter((r) => r.deputy === "D002");
  // Months met: January (A1) and December (A7 at ST1); March's A4 was at the home.
  assert.deepEqual(d002.filter((r) => r.met).map((r) => r.period), ["2025-01", "2025-12", "2025-Q1"]);
  assert.deepEqual(d002[2], {
    deputy: "D002", duty: "月进站 / Station visit every month", kind: "station_visit", tier: "station",
    period: "2025-03", required: 1, done: 0, met: false,
  });
  assert.deepEqual(d002[16], {
    deputy: "D002", duty: "年述职 / Debrief every year", kind: "debrief", period: "2025", required: 1, done: 0, met: false,
  });
  // 4/17 = 23.5 %, 3/17 = 17.6 %, 0/13; H1 (D001, D003) 4/30 = 13.3 %; ST1 (D001, D002) 7/34 = 20.6 %.
  assert.deepEqual(c.deputies, [
    { deputy: "D001", name: "王丽", due: 17, met: 4, missed: 13, open: 0, rate: "23.5" },
    { deputy: "D002", name: "李强", due: 17, met: 3, missed: 14, open: 0, rate: "17.6" },
    { deputy: "D003", name: "张伟", due: 13, met: 0, missed: 13, open: 0, rate: "0.0" },
  ]);
  assert.deepEqual(c.stations, [
    { station: "H1", name: "学院路街道代表之家", tier: "home", deputies: ["D001", "D003"], due: 30, met: 4, rate: "13.3" },
    { station: "ST1", name: "石油大院社区代表联络站", tier: "station", deputies: ["D001", "D002"], due: 34, met: 7, rate: "20.6" },
  ]);
  assertTable(c.deputies, ["deputy", "name", "due", "met", "missed", "open", "rate"]);
});

test("compliance(): open periods are reported, not failed", () => {
  const c = story.compliance("hd-17", new Date("2025-04-15T12:00:00+08:00"));
  assert.equal(c.as_of, "2025-04-15");
  assert.deepEqual(c.deputies.map((d) => [d.deputy, d.due, d.met, d.open, d.rate]),
    [["D001", 4, 3, 3, "75.0"], ["D002", 4, 2, 3, "50.0"], ["D003", 4, 0, 3, "0.0"]]);
  assert.deepEqual(c.open.filter((r) => r.deputy === "D001").map((r) => [r.period, r.done, r.met]),
    [["2025-04", 0, false], ["2025-Q2", 0, false], ["2025", 0, false]]);
});

test("archive(): the deputy's record, points as published", () => {
  const a = story.archive("D001");
  assert.deepEqual([a.deputy, a.name, a.congress, a.first_day, a.mandate], ["D001", "王丽", "hd-17", "2021-11-01", "elected"]);
  assert.deepEqual(a.profile, D001_PROFILE);
  assert.deepEqual(a.stations, [
    { station: "H1", name: "学院路街道代表之家", tier: "home" },
    { station: "ST1", name: "石油大院社区代表联络站", tier: "station" },
  ]);
  assert.deepEqual(a.activities.map((x) => x.id), ["A1", "A2", "A3", "A5"]);
  assert.deepEqual(a.suggestions_led, [{ suggestion: "S1", congress: "hd-17", title: "关于在学院路增设公交接驳线的建议",
    during: "recess", submitted_on: "2025-04-10", status: "submitted" }]);
  assert.deepEqual(a.voter_issues.map((v) => v.id), ["V1"]);
  assert.deepEqual(a.points, [
    { congress: "hd-17", period: "2025-Q1", scope: { station: "ST1" }, published_on: "2025-04-02", deputy: "D001", ...Q1 },
    { congress: "hd-17", period: "2025", scope: "congress", published_on: "2026-01-08", ...ROW_D001 },
  ]);
  assert.deepEqual([a.history, a.interviews, a.absences], [[], [], []]);
  assert.ok(!("committee" in a) && !("resignation_advised" in a));

  const b = story.archive("D002");
  assert.deepEqual(b.points.map((p) => [p.period, p.points]), [["2025-Q1", 6], ["2025", 6]]);
  assert.deepEqual(b.interviews, ["2026-01-15"]);
  const c = story.archive("D003");
  assert.deepEqual(c.history, [{ on: "2025-09-15", change: "terminated", reason: "moved_out" }]);
  assert.deepEqual(c.suggestions_cosigned.map((s) => s.suggestion), ["S1"]);
});

test("deputies(): the story's roster", () => {
  const rows = story.deputies("2025-12-31");
  assertTable(rows, DEPUTY_COLUMNS);
  assert.deepEqual(rows.map((r) => [r.id, r.status, r.stations]),
    [["D001", "in_office", ["H1", "ST1"]], ["D002", "in_office", ["ST1"]], ["D003", "terminated", ["H1"]]]);
  assert.deepEqual([rows[0].elected_by_kind, rows[0].elected_by, rows[0].work_unit, rows[0].groups],
    ["electoral_unit", "学院路街道", "北京石油大学", ["教科文卫"]]);
  assert.deepEqual([rows[1].elected_by_kind, rows[1].elected_by], ["constituency", "第12选区"]);
});

test("no public table carries the contact given at registration", () => {
  const secrets = Object.values(CONTACT);
  const trusted = JSON.stringify(story.state());
  for (const s of secrets) assert.ok(trusted.includes(s), "the contact is recorded");
  const tables = {
    deputies: story.deputies("2025-12-31"),
    participations: story.participations(),
    voterIssues: story.voterIssues(),
    points: story.points("hd-17", "2025"),
    pointsPublications: story.pointsPublications(),
    compliance: story.compliance("hd-17", "2025-12-31"),
    archive: story.archive("D001"),
    composition: story.composition("hd-17", "2025-12-31"),
  };
  for (const [name, table] of Object.entries(tables)) {
    const text = JSON.stringify(table);
    for (const s of secrets) assert.ok(!text.includes(s), `${name} carries ${s}`);
    assert.ok(!text.includes("contact") && !text.includes("phone"), name);
  }
});

test("composition and participation of the story", () => {
  const c = story.composition("hd-17", "2025-12-31", 1);
  assert.deepEqual([c.elected, c.holding_mandate, c.terminated], [persons(3), persons(2), persons(1)]);
  // Education known for 2 of 3, both college or above: 2/3 = "66.7" (a lower bound, 1 missing).
  assert.deepEqual(c.college_or_above.missing, persons(1));
  assert.equal(c.college_or_above.share.percent, "66.7");
  // 9 person-times over the 2 in office on 2025-12-31: 450.0 %, person-times over persons.
  const s = story.participation("hd-17", "2025-01-01", "2025-12-31");
  assert.deepEqual([s.numerator, s.denominator, s.percent], [{ value: 9, unit: "person_times" }, persons(2), "450.0"]);
  assert.deepEqual(s.warnings.map((w) => w.code), ["unit_mismatch"]);
});

// ------------------------------------------------------------------ errors across the boundary

function throwsRenda(f, Class, expected) {
  let caught;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, "expected an error");
  assert.ok(caught instanceof Class, `expected ${Class.name}, got ${caught?.name}: ${caught?.message}`);
  assert.ok(caught instanceof RendaError);
  assert.equal(caught.name, Class.name);
  for (const [k, v] of Object.entries(expected)) assert.equal(caught[k], v, k);
  return caught;
}

test("unknown congress or deputy: NotFoundError with code not_found", () => {
  throwsRenda(() => story.points("hd-99", "2025"), NotFoundError,
    { code: "not_found", kind: "not_found", field: "congress", value: "hd-99" });
  throwsRenda(() => story.compliance("hd-99", "2025-12-31"), NotFoundError, { code: "not_found", field: "congress" });
  throwsRenda(() => story.composition("hd-99", "2025-12-31"), NotFoundError, { code: "not_found", field: "congress" });
  throwsRenda(() => story.participation("hd-99", "2025-01-01", "2025-12-31"), NotFoundError, { code: "not_found" });
  throwsRenda(() => story.checkOrganisation("hd-99", "2025-12-31"), NotFoundError, { code: "not_found" });
  throwsRenda(() => story.archive("D999"), NotFoundError, { code: "not_found", field: "deputy", value: "D999" });
});

test("bad input: InputError naming the field", () => {
  throwsRenda(() => story.points("hd-17", "2025-Q5"), InputError, { code: "invalid_field", field: "period" });
  throwsRenda(() => story.points("hd-17", "2025", "{not json"), InputError, { code: "invalid_json" });
  throwsRenda(() => story.points("hd-17", "2025", { county: "x" }), InputError, { kind: "input" });
  throwsRenda(() => story.deputies("2025-13-01"), InputError, { code: "invalid_field", field: "as_of", value: "2025-13-01" });
  throwsRenda(() => story.deputies(new Date("nonsense")), InputError, { code: "invalid_field", field: "as_of" });
  throwsRenda(() => story.participation("hd-17", "2025-12-31", "2025-01-01"), InputError, { code: "invalid_field", field: "from" });
  throwsRenda(() => story.participation("hd-17", "2025-01-01", "2025-13-01"), InputError, { field: "to" });
  // Nobody holds the mandate before the term (from 2021-11-01): the rate has no base.
  throwsRenda(() => story.participation("hd-17", "2021-01-01", "2021-06-30"), InputError, { field: "to" });
  throwsRenda(() => story.archive(" D001"), InputError, { code: "invalid_field" });
});

test("rule sets: none in force before 2025, no point table under the national preset", () => {
  throwsRenda(() => story.compliance("hd-17", "2024-12-31"), RuleSetError, { code: "no_rule_set" });
  throwsRenda(() => story.points("hd-17", "2024"), RuleSetError, { code: "no_rule_set" });
  const national = new Ledger({ preset: "national" });
  national.execute(STORY[0]);
  throwsRenda(() => national.points("hd-17", "2025"), RuleViolationError,
    { code: "no_point_table", rule: "W6", field: "congress", value: "hd-17" });
});

test("bad decimals and non-string ids throw before crossing", () => {
  for (const bad of [7, -1, 1.5, "2", null, NaN]) {
    assert.throws(() => haidian.composition("hd-16", "2017-12-31", bad), RangeError, String(bad));
    assert.throws(() => haidian.participation("hd-16", "2017-01-01", "2017-12-31", bad), RangeError, String(bad));
  }
  assert.throws(() => haidian.points(16, "2017"), TypeError);
  assert.throws(() => haidian.compliance(null, "2017-12-31"), TypeError);
  assert.throws(() => haidian.archive(undefined), TypeError);
});

test("interviewRecommendations(): below the threshold in the latest annual publication", () => {
  // Published 2026-01-08 for 2025: D001 14, D002 6, D003 3 (all below 20); D002 interviewed 2026-01-15.
  const recs = story.interviewRecommendations("hd-17");
  assert.deepEqual(recs.map((r) => [r.deputy, r.points, r.threshold, r.interviewed_on]), [
    ["D001", 14, 20, []], ["D002", 6, 20, ["2026-01-15"]], ["D003", 3, 20, []],
  ]);
  assert.throws(() => story.interviewRecommendations("hd-99"), (e) => e instanceof NotFoundError);
});
