import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, Ledger, ruleSetPreset } from "../js/index.js";
import { admin, office, cmd, seed } from "./helpers.mjs";

before(() => init());

test("full W1 lifecycle: submit, vet, assign, co-unit opinion, reply, feedback, closed", () => {
  const ledger = new Ledger({ preset: "national" });
  assert.equal(ledger.seq, 0);
  const seeded = seed(ledger);
  assert.deepEqual(seeded.map((e) => e.seq), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(seeded[5].event.type, "suggestion_submitted");
  assert.equal(seeded[5].event.title, "关于增加幼儿园学位的建议");
  assert.equal(seeded[0].at, "2024-01-02T09:00:00+08:00");

  // L-1: reply due three months after assignment; overdue after that.
  let view = ledger.suggestionView("S1", "2024-02-01");
  assert.deepEqual(view, {
    id: "S1", title: "关于增加幼儿园学位的建议", status: "assigned", due: "2024-04-15",
    overdue_days: null, lead_unit: "edu", rule_set: "national", due_rule_set: "national",
  });
  view = ledger.suggestionView("S1", "2024-05-01");
  assert.equal(view.overdue_days, 16);
  assert.equal(ledger.figures("2024-05-01").counts.overdue, 1);

  ledger.execute(cmd("2024-03-01T10:00:00+08:00", { role: "handling_unit", id: "fin" },
    { type: "submit_co_unit_opinion", suggestion: "S1", opinion: "同意增加专项经费" }));
  const replied = ledger.execute(cmd("2024-04-10T10:00:00+08:00", { role: "handling_unit", id: "edu" },
    { type: "reply_suggestion", suggestion: "S1", result: "A", summary: "新增学位1200个" }));
  assert.deepEqual(replied.map((e) => e.event.type), ["suggestion_replied"]);
  const closed = ledger.execute(cmd("2024-04-20T10:00:00+08:00", { role: "deputy", id: "D001" },
    { type: "give_feedback", suggestion: "S1", rating: "satisfied" }));
  assert.deepEqual(closed.map((e) => e.event.type), ["feedback_given", "suggestion_closed"]);
  assert.equal(ledger.seq, 12);
  assert.equal(ledger.events().length, 12);

  const f = ledger.figures("2024-12-31");
  assert.equal(f.as_of, "2024-12-31");
  assert.deepEqual(f.reply_rate, { numerator: 1, denominator: 1, percent: "100.0" });
  assert.equal(f.counts.replied_on_time, 1);
  assert.equal(f.counts.closed, 1);
  assert.deepEqual(f.results, { A: 1, B: 0, C: 0, D: 0 });
  assert.equal(f.units[0].unit, "edu");
  assert.equal(ledger.suggestionView("S1", "2024-12-31").status, "closed");
  // As of a date before the reply, the same ledger still shows it pending.
  assert.equal(ledger.suggestionView("S1", "2024-04-01").status, "assigned");

  const [s] = ledger.suggestions();
  assert.equal(s.status, "closed");
  assert.equal(s.history[0][1], "submitted");
  assert.deepEqual(Object.keys(ledger.state()), ["congresses", "deputies", "units", "suggestions"]);
  ledger.free();
  ledger.free(); // idempotent
  assert.throws(() => ledger.seq, /freed/);
});

test("decide checks without changing anything", () => {
  const ledger = new Ledger();
  seed(ledger);
  const before = ledger.snapshot();
  const kinds = ledger.decide(cmd("2024-02-01", office, { type: "extend_reply_deadline", suggestion: "S1", reason: "涉及面广" }));
  assert.deepEqual(kinds, [{ type: "reply_deadline_extended", suggestion: "S1", reason: "涉及面广" }]);
  assert.deepEqual(ledger.snapshot(), before);
  assert.equal(ledger.seq, 8);
});

test("commands and specs may be JSON text", () => {
  const ledger = new Ledger('{"preset":"beijing-district"}');
  const events = ledger.execute('{"at":"2025-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"u","name":"区教委"}}');
  assert.equal(events[0].event.name, "区教委");
  assert.equal(new Ledger([{ preset: "national" }, { preset: "beijing-district" }]).seq, 0);
  assert.equal(new Ledger(null).seq, 0);
});

test("replay of the event log equals the live ledger", () => {
  const rules = [{ preset: "national" }, { preset: "beijing-district" }];
  const live = new Ledger(rules);
  seed(live);
  const replayed = Ledger.replay(live.events(), rules);
  assert.deepEqual(replayed.snapshot(), live.snapshot());
  assert.deepEqual(replayed.state(), live.state());
  assert.equal(replayed.seq, live.seq);
  // From JSON text too.
  assert.deepEqual(Ledger.replay(JSON.stringify(live.events()), rules).snapshot(), live.snapshot());
  assert.deepEqual(replayed.figures("2024-06-30"), live.figures("2024-06-30"));
});

test("snapshot and restore round-trip, and numbering continues", () => {
  const live = new Ledger();
  seed(live);
  const snap = live.snapshot();
  assert.equal(snap.seq, 8);
  assert.equal(snap.schema, 2);
  assert.equal(snap.head, live.head().hash);
  assert.equal(snap.last_at, "2024-01-15T10:00:00+08:00");
  const restored = Ledger.restore(snap);
  assert.deepEqual(restored.snapshot(), snap);
  assert.deepEqual(Ledger.restore(JSON.stringify(snap)).snapshot(), snap);
  assert.equal(restored.seq, 8);
  assert.deepEqual(restored.events(), []);
  const next = cmd("2024-02-01", office, { type: "extend_reply_deadline", suggestion: "S1", reason: "涉及面广" });
  const [e] = restored.execute(next);
  assert.equal(e.seq, 9);
  live.execute(next);
  assert.deepEqual(restored.snapshot(), live.snapshot());
  // L-1: extended once, the reply is due six months after assignment.
  assert.equal(restored.suggestionView("S1", "2024-05-01").due, "2024-07-15");
});

test("a JS Date is taken as its date in China time", () => {
  const ledger = new Ledger();
  seed(ledger);
  // 2024-04-15T20:00Z is already 2024-04-16 in Beijing: one day overdue.
  assert.equal(ledger.suggestionView("S1", new Date("2024-04-15T20:00:00Z")).overdue_days, 1);
  assert.equal(ledger.suggestionView("S1", new Date("2024-04-15T15:00:00Z")).overdue_days, null);
  assert.equal(ledger.figures(new Date("2024-12-31T16:30:00Z")).as_of, "2025-01-01");
  const f = ledger.figures("2024-05-01", { submitted_from: new Date("2024-01-07T16:00:00Z") });
  assert.equal(f.counts.submitted, 1); // 2024-01-08 China time
  const g = ledger.figures("2024-05-01", { submitted_from: new Date("2024-01-08T16:00:00Z") });
  assert.equal(g.counts.submitted, 0);
  // A Date in a command is sent as its instant.
  const [e] = ledger.execute(cmd(new Date("2024-02-01T01:00:00Z"), office,
    { type: "extend_reply_deadline", suggestion: "S1", reason: "x" }));
  assert.equal(e.at, "2024-02-01T01:00:00+00:00");
});

test("rule set presets", () => {
  const national = ruleSetPreset("national");
  assert.equal(national.id, "national");
  assert.deepEqual(national.suggestion.reply_deadline, { amount: 3, unit: "calendar_months" });
  assert.equal(ruleSetPreset("beijing-district").suggestion.rehandle_on_basic_satisfied, true);
});
