// Meetings, supervision items and evaluations (issue 5) through JS: the named-query entry point
// `ledger.query` on the Haidian 2024 oversight data set (S001-1, S001-2), its argument checks,
// and a rejected oversight command that changes nothing. Same cases as
// bindings-python/tests/test_oversight.py.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { init, Ledger, RendaError, queries } from "../js/index.js";

const HAIDIAN = new URL("../../tests/scenarios/o_s001_haidian_2024_oversight.json", import.meta.url);

before(async () => {
  await init();
});

function haidian() {
  const ledger = new Ledger();
  for (const s of JSON.parse(readFileSync(HAIDIAN, "utf8")).steps) {
    ledger.execute({ at: s.at, actor: s.actor, command: s.command });
  }
  return ledger;
}

test("S001-1 and S001-2 through the named query", () => {
  const f = haidian().query("oversight_figures", { congress: "hd-17", from: "2024-01-01", to: "2024-12-31" });
  assert.deepEqual(
    [f.congress_sessions, f.standing_committee_meetings, f.director_meetings],
    [1, 7, 17],
  );
  // 46 reports heard; 19 = 16 ballots + 3 budget adjustments; 13 review and 7 evaluation opinions.
  assert.deepEqual(
    [f.outputs.reports_heard, f.outputs.resolutions_and_decisions, f.outputs.review_opinions, f.outputs.evaluation_opinions],
    [46, 19, 13, 7],
  );
  assert.deepEqual([f.ballots, f.ballots_adopted], [17, 16]);
});

test("a numeric year is accepted and L-5 holds (7 >= 6)", () => {
  const c = haidian().query("meeting_compliance", { congress: "hd-17", year: 2024 });
  const l5 = c.findings.find((x) => x.rule === "L-5");
  assert.deepEqual([l5.status, l5.expected, l5.found], ["holds", 6, 7]);
});

test("queries() lists every query with its arguments", () => {
  const specs = new Map(queries().map((q) => [q.name, q]));
  for (const n of ["oversight_figures", "meeting_compliance", "work_evaluations", "escalations", "filing_review",
    "report_calendar", "inspections", "livelihood_projects", "plan_ledger"]) {
    assert.ok(specs.has(n), n);
  }
  assert.deepEqual(specs.get("oversight_figures").required.map(([a]) => a), ["congress", "from", "to"]);
});

test("bad queries name the field", () => {
  const ledger = new Ledger();
  assert.throws(() => ledger.query("no_such_query"), (e) => e instanceof RendaError && e.field === "query.query");
  assert.throws(
    () => ledger.query("meeting_compliance", { congress: "hd-17" }),
    (e) => e.code === "missing_field" && e.field === "query.year",
  );
  assert.throws(
    () => ledger.query("meeting_compliance", { congress: "hd-17", year: "2024", colour: "red" }),
    (e) => e.field === "query.colour",
  );
});

test("a rejected ballot changes nothing", () => {
  const ledger = haidian();
  const before = ledger.events();
  const ballot = (id, members) => ({
    at: "2024-12-27T10:00:00+08:00",
    actor: { role: "standing_committee", id: "sc" },
    command: {
      type: "hold_ballot", meeting: "hd-17-sc-27", ballot: id, item: 2, subject: "关于某事项的决定", kind: "decision",
      vote: { members, present: 42, yes: 40, no: 1, abstain: 1 },
    },
  });
  assert.throws(() => ledger.execute(ballot("B01", 45)), (e) => e.code === "already_exists" && e.value === "B01");
  assert.throws(() => ledger.execute(ballot("B99", 44)), (e) => e.code === "vote_members_mismatch");
  assert.deepEqual(ledger.events(), before);
});
