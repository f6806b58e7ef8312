import { test, before } from "node:test";
import assert from "node:assert/strict";
import {
  init, Ledger, ruleSetPreset, RendaError, InputError, PermissionDeniedError, NotFoundError,
  ConflictError, RuleViolationError, CalendarError, RuleSetError, IntegrityError,
} from "../js/index.js";
import { admin, office, cmd, seed } from "./helpers.mjs";

before(() => init());

/** Runs `f`, which must throw `Class` with the given fields, and returns the error. */
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
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, Class.name);
  for (const [k, v] of Object.entries(expected)) assert.equal(caught[k], v, k);
  return caught;
}

/** Executes a command that must be rejected, and checks the ledger did not change. */
function rejected(ledger, command, Class, expected) {
  const before = JSON.stringify(ledger.snapshot());
  const events = JSON.stringify(ledger.events());
  const seq = ledger.seq;
  const e = throwsRenda(() => ledger.execute(command), Class, expected);
  assert.equal(JSON.stringify(ledger.snapshot()), before, "a rejected command changes nothing");
  assert.equal(JSON.stringify(ledger.events()), events);
  assert.equal(ledger.seq, seq);
  return e;
}

test("malformed JSON text is an InputError invalid_json", () => {
  const ledger = new Ledger();
  seed(ledger);
  const e = rejected(ledger, '{"at": "2024-02-01", "actor": ', InputError, { code: "invalid_json", kind: "input", field: null });
  assert.match(e.message, /line 1, column \d+/);
});

test("unknown command type is an InputError unknown_command", () => {
  const ledger = new Ledger();
  seed(ledger);
  rejected(ledger, cmd("2024-02-01", office, { type: "fly", suggestion: "S1" }), InputError,
    { code: "unknown_command", field: "command.type", value: "fly" });
});

test("missing field is an InputError missing_field naming the path", () => {
  const ledger = new Ledger();
  seed(ledger);
  rejected(ledger, cmd("2024-02-01", { role: "deputy", id: "D001" },
    { type: "submit_suggestion", suggestion: "S2", congress: "hd-17", lead: "D001", during: "recess" }),
  InputError, { code: "missing_field", field: "command.title", value: null });
  rejected(ledger, { actor: office, command: { type: "accept_suggestion", suggestion: "S1" } },
    InputError, { code: "missing_field", field: "at" });
});

test("invalid values are InputError invalid_field with field and value", () => {
  const ledger = new Ledger();
  seed(ledger);
  rejected(ledger, cmd("2024-02-01", { role: "king", id: "x" }, { type: "accept_suggestion", suggestion: "S1" }),
    InputError, { code: "invalid_field", field: "actor.role", value: "king" });
  rejected(ledger, cmd("yesterday", office, { type: "accept_suggestion", suggestion: "S1" }),
    InputError, { code: "invalid_field", field: "at", value: "yesterday" });
  throwsRenda(() => ledger.figures("2024-13-01"), InputError, { code: "invalid_field", field: "as_of", value: "2024-13-01" });
  throwsRenda(() => ledger.figures(new Date("nonsense")), InputError, { code: "invalid_field", field: "as_of" });
  throwsRenda(() => ledger.figures("2024-05-01", { bogus: 1 }), InputError, { code: "invalid_field" });
  throwsRenda(() => ledger.suggestionView("S1", "01/05/2024"), InputError, { field: "as_of" });
});

test("a role that may not issue the command is a PermissionDeniedError", () => {
  const ledger = new Ledger();
  seed(ledger);
  const e = rejected(ledger, cmd("2024-02-01", { role: "deputy", id: "D001" }, { type: "register_unit", unit: "x", name: "某局" }),
    PermissionDeniedError, { code: "permission_denied", kind: "permission", field: "actor", value: "deputy" });
  assert.ok(e.rule);
  // A handling unit replying to a suggestion led by another unit.
  rejected(ledger, cmd("2024-02-01", { role: "handling_unit", id: "fin" },
    { type: "reply_suggestion", suggestion: "S1", result: "A", summary: "x" }),
  PermissionDeniedError, { code: "not_party", field: "actor", value: "fin" });
});

test("a command out of lifecycle order is a RuleViolationError invalid_transition", () => {
  const ledger = new Ledger();
  seed(ledger);
  // Accepting a suggestion that is already assigned.
  const e = rejected(ledger, cmd("2024-02-01", office, { type: "accept_suggestion", suggestion: "S1" }),
    RuleViolationError, { code: "invalid_transition", kind: "rule", field: "command.suggestion", value: "S1" });
  assert.ok(e.rule);
  // Feedback before any reply.
  rejected(ledger, cmd("2024-02-01", { role: "deputy", id: "D001" }, { type: "give_feedback", suggestion: "S1", rating: "satisfied" }),
    RuleViolationError, { code: "invalid_transition" });
  // L-1: one extension only.
  ledger.execute(cmd("2024-02-01", office, { type: "extend_reply_deadline", suggestion: "S1", reason: "复杂" }));
  rejected(ledger, cmd("2024-02-02", office, { type: "extend_reply_deadline", suggestion: "S1", reason: "复杂" }),
    RuleViolationError, { code: "extension_limit_reached" });
});

test("unknown references are NotFoundError, duplicates and time travel ConflictError", () => {
  const ledger = new Ledger();
  seed(ledger);
  rejected(ledger, cmd("2024-02-01", office, { type: "accept_suggestion", suggestion: "S9" }),
    NotFoundError, { code: "not_found", kind: "not_found", value: "S9" });
  rejected(ledger, cmd("2024-02-01", office, { type: "register_deputy", deputy: "D9", congress: "nowhere", name: "某" }),
    NotFoundError, { code: "not_found", field: "command.congress", value: "nowhere" });
  throwsRenda(() => ledger.suggestionView("S9", "2024-05-01"), NotFoundError, { code: "not_found" });
  rejected(ledger, cmd("2024-02-01", office, { type: "register_unit", unit: "edu", name: "区教委" }),
    ConflictError, { code: "already_exists", kind: "conflict", value: "edu" });
  rejected(ledger, cmd("2024-01-01", office, { type: "register_unit", unit: "new", name: "新局" }),
    ConflictError, { code: "out_of_order", field: "at" });
});

test("a deadline beyond the calendar data is a CalendarError date_outside_calendar", () => {
  const rules = { preset: "national", overrides: { suggestion: { reply_deadline: { amount: 15, unit: "working_days" } } } };
  const ledger = new Ledger(rules);
  ledger.execute(cmd("2027-01-04", admin, {
    type: "register_congress", congress: "c", name: "某区人大", level: "county", term: 18,
    term_start: "2026-11-01", term_end: "2031-10-31",
  }));
  ledger.execute(cmd("2027-01-04", admin, { type: "register_deputy", deputy: "D", congress: "c", name: "张某" }));
  ledger.execute(cmd("2027-01-04", admin, { type: "register_unit", unit: "u", name: "区教委" }));
  ledger.execute(cmd("2027-01-05", { role: "deputy", id: "D" },
    { type: "submit_suggestion", suggestion: "S", congress: "c", title: "关于某事的建议", lead: "D", during: "recess" }));
  ledger.execute(cmd("2027-01-06", office, { type: "accept_suggestion", suggestion: "S" }));
  rejected(ledger, cmd("2027-01-07", office, { type: "assign_suggestion", suggestion: "S", lead_unit: "u" }),
    CalendarError, { code: "date_outside_calendar", kind: "calendar", field: "at" });
});

test("bad rule specs are RuleSetError", () => {
  throwsRenda(() => new Ledger({ preset: "national", overrides: { suggestion: { color: 1 } } }), RuleSetError,
    { code: "invalid_rule_set", kind: "rule_set" });
  throwsRenda(() => new Ledger({ preset: "national", overrides: { suggestion: { reply_deadline: { amount: 0 } } } }),
    RuleSetError, { code: "invalid_rule_set", field: "suggestion.reply_deadline" });
  throwsRenda(() => new Ledger("{nope"), InputError, { code: "invalid_json" });
  throwsRenda(() => ruleSetPreset("mars"), RuleSetError, { code: "invalid_rule_set", field: "preset" });
  // No rule set in force: the Beijing preset starts in 2025.
  const ledger = new Ledger({ preset: "beijing-district" });
  ledger.execute(cmd("2024-01-02", admin, {
    type: "register_congress", congress: "hd", name: "海淀区人大", level: "county", term: 17,
    term_start: "2021-11-01", term_end: "2026-10-31",
  }));
  ledger.execute(cmd("2024-01-02", admin, { type: "register_deputy", deputy: "D", congress: "hd", name: "王某" }));
  rejected(ledger, cmd("2024-01-08", { role: "deputy", id: "D" },
    { type: "submit_suggestion", suggestion: "S", congress: "hd", title: "关于某事的建议", lead: "D", during: "session" }),
  RuleSetError, { code: "no_rule_set", field: "at" });
});

test("bad event logs and snapshots are rejected", () => {
  const ledger = new Ledger();
  seed(ledger);
  const events = ledger.events();
  events[2].seq = 9;
  throwsRenda(() => Ledger.replay(events), IntegrityError, { code: "chain_broken", field: "events[2].seq" });
  throwsRenda(() => Ledger.replay("[1,"), InputError, { code: "invalid_json" });
  const snap = ledger.snapshot();
  snap.schema = 99;
  throwsRenda(() => Ledger.restore(snap), InputError, { code: "invalid_field", field: "snapshot.schema" });
  throwsRenda(() => Ledger.restore({ seq: 1 }), InputError, { code: "missing_field" });
});

test("errors carry their wire form and rebuild from it", () => {
  const ledger = new Ledger();
  const e = throwsRenda(() => ledger.execute(cmd("2024-01-02", admin, { type: "fly" })), InputError, {});
  assert.deepEqual(Object.keys(e.info).sort(), ["code", "field", "kind", "message", "rule", "value"]);
  assert.equal(e.message, "unknown command type `fly`");
  assert.equal(e.rule, null);
  assert.match(String(e), /^InputError: unknown command type `fly`/);
  assert.match(e.stack, /^InputError: /);
  const again = RendaError.fromInfo(e.info);
  assert.ok(again instanceof InputError);
  assert.deepEqual(again.info, e.info);
  const other = RendaError.fromInfo({ ...e.info, kind: "from_the_future" });
  assert.equal(other.constructor, RendaError);
  assert.equal(other.name, "RendaError");
  for (const [C, kind] of [[PermissionDeniedError, "permission"], [NotFoundError, "not_found"],
    [ConflictError, "conflict"], [RuleViolationError, "rule"], [CalendarError, "calendar"], [RuleSetError, "rule_set"]]) {
    const x = RendaError.fromInfo({ ...e.info, kind });
    assert.ok(x instanceof C);
    assert.equal(x.name, C.name);
  }
});

test("arguments of the wrong JS type are TypeErrors, before reaching wasm", () => {
  const ledger = new Ledger();
  assert.throws(() => ledger.suggestionView(5, "2024-01-01"), TypeError);
  assert.throws(() => ledger.figures(20240101), TypeError);
  assert.throws(() => ledger.execute({ at: 1n }), TypeError); // JSON.stringify cannot write a BigInt
  assert.throws(() => ledger.execute(), TypeError);
  assert.throws(() => Ledger.restore(undefined), TypeError);
  assert.equal(ledger.seq, 0);
});
