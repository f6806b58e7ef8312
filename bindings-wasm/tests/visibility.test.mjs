// Issue 8 item 3 (reads) through the JS binding: back-to-back ratings, unpublished figures and
// personal data are invisible to every role that may not see them.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, Ledger, labels, PermissionDeniedError, InputError, NotFoundError } from "../js/index.js";

before(() => init());

const OFFICE = { role: "deputy_affairs_office", id: "office" };
const env = (at, actor, command) => ({ at, actor, command });

function rated() {
  const ledger = new Ledger({ preset: "national", overrides: { suggestion: { back_to_back_feedback: true } } });
  for (const c of [
    env("2024-01-02", { role: "admin", id: "a" }, { type: "register_congress", congress: "hd", name: "海淀区人大", level: "county", term: 17, term_start: "2021-11-01", term_end: "2026-10-31" }),
    env("2024-01-02", OFFICE, { type: "register_deputy", deputy: "D1", congress: "hd", name: "王丽", contact: { phone: "13800000000", address: "北京市海淀区某街1号" } }),
    env("2024-01-02", OFFICE, { type: "register_unit", unit: "edu", name: "区教委" }),
    env("2024-01-08", { role: "deputy", id: "D1" }, { type: "submit_suggestion", suggestion: "S1", congress: "hd", title: "关于增加幼儿园学位的建议", lead: "D1", during: "session" }),
    env("2024-01-10", OFFICE, { type: "accept_suggestion", suggestion: "S1" }),
    env("2024-01-15", OFFICE, { type: "assign_suggestion", suggestion: "S1", lead_unit: "edu" }),
    env("2024-03-01", { role: "handling_unit", id: "edu" }, { type: "reply_suggestion", suggestion: "S1", result: "A", summary: "已新增学位300个" }),
    env("2024-03-05", { role: "deputy", id: "D1" }, { type: "give_feedback", suggestion: "S1", rating: "satisfied" }),
  ]) ledger.execute(c);
  return ledger;
}

const roles = () => Object.keys(labels().role);
const reader = (role) => ({ role, id: role === "deputy" ? "D1" : role === "handling_unit" ? "edu" : "someone" });
function seesRating(ledger, who) {
  const inState = ledger.suggestions(who)[0].feedback.length > 0;
  const inLog = ledger.events(who).some((e) => e.event.type === "feedback_given");
  assert.equal(inState, inLog);
  return inState;
}

test("back-to-back ratings are hidden from units and government until published", () => {
  assert.equal(roles().length, 11);
  // Every role but the third-party evaluator, who sees only the suggestions of its samples
  // (W3; none here, see toolkit.test.mjs).
  const ROLES = roles().filter((r) => r !== "third_party_evaluator");
  const ledger = rated();
  assert.deepEqual(ledger.suggestions(reader("third_party_evaluator")), []);
  const hidden = ["handling_unit", "government_office"];
  assert.deepEqual(ROLES.filter((r) => seesRating(ledger, reader(r)) === hidden.includes(r)), []);
  assert.equal(ledger.figures("2024-03-05", null, reader("handling_unit")).ratings.satisfied, 0);
  ledger.execute(env("2024-03-06", OFFICE, { type: "publish_results", congress: "hd" }));
  assert.ok(ROLES.every((r) => seesRating(ledger, reader(r))));
  assert.equal(ledger.figures("2024-03-05", null, reader("handling_unit")).ratings.satisfied, 1);
});

test("the public sees figures only up to the last publication", () => {
  const ledger = rated();
  assert.throws(() => ledger.figures("2024-03-05", null, reader("public")), (e) =>
    e instanceof PermissionDeniedError && e.code === "not_published" && e.field === "as_of");
  ledger.execute(env("2024-03-31", OFFICE, { type: "publish_results", congress: "hd" }));
  assert.deepEqual(ledger.figures("2024-03-31", null, reader("public")), ledger.figures("2024-03-31"));
});

test("personal data only for the office, admins and the deputy", () => {
  const ledger = rated();
  for (const role of roles()) {
    for (const id of ["D1", "other"]) {
      const expected = role === "admin" || role === "deputy_affairs_office" || (role === "deputy" && id === "D1");
      assert.equal("contact" in ledger.state({ role, id }).deputies.D1, expected, `${role}/${id}`);
      assert.equal(JSON.stringify(ledger.events({ role, id })).includes("13800000000"), expected, `${role}/${id}`);
    }
  }
  assert.throws(() => ledger.state({ role: "king", id: "x" }), InputError);
});

// Issue 3 (deputies), reads of the deputy family (wire-format §15, last three rows).

const D1 = { role: "deputy", id: "D1" };
const D2 = { role: "deputy", id: "D2" };
const V1_TEXT = "学校门口交通拥堵";
const V2_TEXT = "楼道灯坏了";
// Voter issues (§6.2): the office, admins, special committees, the director meeting, government
// staff and the street organs read them all; D1 received V1 only; V1 was forwarded to `edu`; the
// plenary standing committee, evaluators and the public see none.
const ISSUES_SEEN = {
  admin: ["V1", "V2"], deputy_affairs_office: ["V1", "V2"], special_committee: ["V1", "V2"],
  director_meeting: ["V1", "V2"], street_working_committee: ["V1", "V2"], government_office: ["V1", "V2"],
  deputy: ["V1"], handling_unit: ["V1"], standing_committee: [], third_party_evaluator: [], public: [],
};
// D2's performance records (interview 约谈, notice to the electoral unit; R-D2).
const SEES_INTERVIEW = ["admin", "deputy_affairs_office", "standing_committee", "director_meeting"];
const NOTICES = ["interview_held", "electoral_unit_notified"];

// Under beijing-district: V1 received by D1 at a station visit and forwarded to `edu`, V2 received
// by D2; the 2025 points published on 2026-01-05 (D1: 2, D2: 0), then D2 interviewed.
function engaged() {
  const ledger = new Ledger({ preset: "beijing-district" });
  for (const c of [
    env("2025-01-02", { role: "admin", id: "a" }, { type: "register_congress", congress: "hd", name: "海淀区人大", level: "county", term: 17, term_start: "2021-11-01", term_end: "2026-10-31" }),
    env("2025-01-02", OFFICE, { type: "register_deputy", deputy: "D1", congress: "hd", name: "王丽" }),
    env("2025-01-02", OFFICE, { type: "register_deputy", deputy: "D2", congress: "hd", name: "李强", profile: { elected_by: { constituency: "第3选区" } } }),
    env("2025-01-02", OFFICE, { type: "register_unit", unit: "edu", name: "区教委" }),
    env("2025-02-10", D1, { type: "record_activity", activity: "A1", congress: "hd", kind: "station_visit", on: "2025-02-10", title: "进站", participants: ["D1"] }),
    env("2025-02-10", D1, { type: "record_voter_issue", issue: "V1", congress: "hd", summary: V1_TEXT, deputy: "D1", activity: "A1" }),
    env("2025-02-11", { role: "street_working_committee", id: "street" }, { type: "triage_voter_issue", issue: "V1", triage: { outcome: "forwarded_to_department", unit: "edu" } }),
    env("2025-02-12", D2, { type: "record_voter_issue", issue: "V2", congress: "hd", summary: V2_TEXT, deputy: "D2" }),
    env("2026-01-05", { role: "standing_committee", id: "sc" }, { type: "publish_points", congress: "hd", period: "2025", scope: "congress" }),
    env("2026-01-06", OFFICE, { type: "record_interview", deputy: "D2" }),
  ]) ledger.execute(c);
  return ledger;
}

const issueIdsInLog = (events) => [...new Set(events.flatMap((e) =>
  e.event.type === "voter_issue_recorded" ? [e.event.issue.id] : e.event.type.startsWith("voter_issue_") ? [e.event.issue] : []))].sort();
const noticesIn = (events) => events.map((e) => e.event.type).filter((t) => NOTICES.includes(t));
const without = (o, keys) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

test("deputy family: the trusted reads keep everything", () => {
  const ledger = engaged();
  assert.deepEqual(ledger.voterIssues().map((v) => v.id), ["V1", "V2"]);
  assert.deepEqual(ledger.points("hd", "2025").map((r) => [r.deputy, r.points]), [["D1", 2], ["D2", 0]]);
  assert.deepEqual(ledger.state().deputies.D2.interviews, ["2026-01-06"]);
  assert.deepEqual(noticesIn(ledger.events()), NOTICES);
  const a = ledger.archive("D2");
  assert.deepEqual([a.voter_issues.map((v) => v.id), a.interviews], [["V2"], ["2026-01-06"]]);
});

test("voter issues follow the matrix for every role (list, state, log)", () => {
  const ledger = engaged();
  assert.deepEqual(roles().sort(), Object.keys(ISSUES_SEEN).sort());
  for (const role of roles()) {
    const who = reader(role);
    const expected = ISSUES_SEEN[role];
    assert.deepEqual(ledger.voterIssues(who).map((v) => v.id), expected, `${role}: voterIssues`);
    const state = ledger.state(who);
    assert.deepEqual(Object.keys(state.voter_issues ?? {}).sort(), expected, `${role}: state`);
    const events = ledger.events(who);
    assert.deepEqual(issueIdsInLog(events), expected, `${role}: log`);
    for (const [issue, text] of [["V1", V1_TEXT], ["V2", V2_TEXT]]) {
      assert.equal(JSON.stringify(state).includes(text), expected.includes(issue), `${role}/${issue}: state text`);
      assert.equal(JSON.stringify(events).includes(text), expected.includes(issue), `${role}/${issue}: log text`);
    }
  }
});

test("D2's interview and electoral-unit notice follow the matrix for every role", () => {
  const ledger = engaged();
  for (const role of roles()) {
    const who = reader(role); // a deputy here is D1, not the deputy interviewed
    const sees = SEES_INTERVIEW.includes(role);
    const d2 = ledger.state(who).deputies.D2;
    assert.deepEqual(d2.interviews ?? [], sees ? ["2026-01-06"] : [], `${role}: state`);
    assert.deepEqual(noticesIn(ledger.events(who)), sees ? NOTICES : [], `${role}: log`);
    assert.deepEqual([d2.name, d2.profile.elected_by], ["李强", { constituency: "第3选区" }]);
  }
  // The deputy interviewed sees their own interview, and only their own voter issue.
  assert.deepEqual(ledger.state(D2).deputies.D2.interviews, ["2026-01-06"]);
  assert.deepEqual(noticesIn(ledger.events(D2)), NOTICES);
  assert.deepEqual(ledger.archive("D2", D2).interviews, ["2026-01-06"]);
  assert.deepEqual(ledger.voterIssues(D2).map((v) => v.id), ["V2"]);
});

test("live points: not for the public, a deputy sees their own row, the rest every row", () => {
  const ledger = engaged();
  const full = ledger.points("hd", "2025");
  for (const role of roles()) {
    const who = reader(role);
    if (role === "public") {
      assert.throws(() => ledger.points("hd", "2025", null, who), (e) =>
        e instanceof PermissionDeniedError && e.code === "not_published" && e.kind === "permission" &&
        e.field === "as_of" && e.value === "2025-12-31");
      assert.throws(() => ledger.points("hd", "2025-Q1", "congress", who), PermissionDeniedError);
      continue;
    }
    const rows = ledger.points("hd", "2025", undefined, who);
    assert.deepEqual(rows, role === "deputy" ? full.filter((r) => r.deputy === "D1") : full, role);
    assert.deepEqual(rows.map((r) => r.deputy), role === "deputy" ? ["D1"] : ["D1", "D2"], role);
  }
  assert.deepEqual(ledger.points("hd", "2025", "congress", D2).map((r) => [r.deputy, r.points]), [["D2", 0]]);
  assert.deepEqual(ledger.points("hd", "2025", null, { role: "deputy", id: "D9" }), []);
});

test("the archive leaves out the voter issues and interviews the reader may not see", () => {
  const ledger = engaged();
  const full2 = ledger.archive("D2");
  for (const role of roles()) {
    const who = reader(role);
    const seen = ISSUES_SEEN[role];
    const a2 = ledger.archive("D2", who);
    assert.deepEqual(a2.voter_issues.map((v) => v.id), seen.includes("V2") ? ["V2"] : [], `${role}: D2 issues`);
    assert.deepEqual(a2.interviews, SEES_INTERVIEW.includes(role) ? ["2026-01-06"] : [], `${role}: interviews`);
    assert.equal(JSON.stringify(a2).includes(V2_TEXT), seen.includes("V2"), role);
    const a1 = ledger.archive("D1", who);
    assert.deepEqual(a1.voter_issues.map((v) => v.id), seen.includes("V1") ? ["V1"] : [], `${role}: D1 issues`);
    // What is not hidden is unchanged: activities and the published points rows.
    assert.deepEqual(a1.activities.map((x) => x.id), ["A1"]);
    assert.deepEqual(a1.points.map((p) => [p.period, p.points]), [["2025", 2]]);
    assert.deepEqual(without(a2, ["voter_issues", "interviews"]), without(full2, ["voter_issues", "interviews"]), role);
  }
});

test("points publications stay visible to every role", () => {
  const ledger = engaged();
  const published = ledger.pointsPublications();
  assert.deepEqual(published.map((p) => [p.period, p.published_on, p.rows.map((r) => r.points)]), [["2025", "2026-01-05", [2, 0]]]);
  for (const role of roles()) {
    assert.deepEqual(ledger.state(reader(role)).points_publications, published, role);
    assert.equal(ledger.events(reader(role)).filter((e) => e.event.type === "points_published").length, 1, role);
  }
});

test("a bad reader is an input error for the deputy reads", () => {
  const ledger = engaged();
  const king = { role: "king", id: "x" };
  for (const read of [() => ledger.voterIssues(king), () => ledger.points("hd", "2025", null, king), () => ledger.archive("D1", king)]) {
    assert.throws(read, (e) => e instanceof InputError && e.field === "reader.role" && e.value === "king");
  }
  assert.throws(() => ledger.archive("D9", reader("public")), NotFoundError);
});
