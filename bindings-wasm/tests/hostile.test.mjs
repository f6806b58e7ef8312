// Hostile input through the JS binding: huge strings, deep nesting, long logs, lone
// surrogates, NUL and bidi characters, dates and numbers far out of range.
//
// Every case must end in a typed RendaError naming the code (and the field where there is
// one) with the ledger unchanged, or be accepted and kept exactly; and the wasm module must
// never trap (a trap would make every later call fail, which the last test checks). No
// timings are asserted; the sizes make quadratic behaviour or unbounded recursion hang or
// crash instead.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, Ledger, RendaError, InputError, checkFigure, isReproducible } from "../js/index.js";
import { admin, office, cmd, seed } from "./helpers.mjs";

before(() => init());

const MB = 1024 * 1024;

function seeded() {
  const l = new Ledger();
  seed(l);
  return l;
}

const observe = (l) => [l.seq, JSON.stringify(l.events()), JSON.stringify(l.snapshot())];

/** Runs `f`, which must throw a RendaError with `code` and `field`; returns it. */
function throwsCode(f, code, field) {
  let caught;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof RendaError, `expected a RendaError, got ${caught}`);
  assert.equal(caught.code, code, caught.message.slice(0, 300));
  assert.equal(caught.field, field, caught.message.slice(0, 300));
  assert.ok(caught.message.length < 1000, "the error stays small");
  assert.ok(caught.value === null || [...caught.value].length <= 81, "the value is shortened");
  return caught;
}

/** Executes a command that must be refused with `code` / `field`; nothing may change. */
function refused(l, command, code, field) {
  const before = observe(l);
  const e = throwsCode(() => l.execute(command), code, field);
  assert.deepEqual(observe(l), before, "a refused command changes nothing");
  throwsCode(() => l.decide(command), code, field);
  return e;
}

function deepArray(depth) {
  let x = [];
  for (let i = 0; i < depth; i++) x = [x];
  return x;
}

// ---------------------------------------------------------------- huge strings

test("ten-megabyte strings are refused naming the field", () => {
  const l = seeded();
  const big = "长".repeat(Math.floor((10 * MB) / 3));
  refused(l, cmd("2024-02-01", { role: "deputy", id: "D001" }, {
    type: "submit_suggestion", suggestion: "S2", congress: "hd-17", title: big, lead: "D001", during: "recess",
  }), "invalid_field", "command.title");
  refused(l, cmd("2024-02-01", admin, { type: "register_unit", unit: "u", name: big }), "invalid_field", "command.name");
  const hugeId = "x".repeat(10 * MB);
  const e = refused(l, cmd("2024-02-01", admin, { type: "register_unit", unit: hugeId, name: "区卫健委" }),
    "invalid_field", "command.unit");
  assert.equal(e.message, `invalid value for \`command.unit\`: must be at most 64 characters (got "${"x".repeat(80)}…")`);
  refused(l, cmd("2024-02-01", { role: "deputy_affairs_office", id: hugeId }, { type: "accept_suggestion", suggestion: "S1" }),
    "invalid_field", "actor.id");
  l.free();
});

test("ids over 64 characters are refused in every id field", () => {
  const l = seeded();
  const long = "y".repeat(65);
  for (const [command, field] of [
    [{ type: "register_unit", unit: long, name: "区卫健委" }, "command.unit"],
    [{ type: "register_deputy", deputy: long, congress: "hd-17", name: "张三" }, "command.deputy"],
    [{ type: "accept_suggestion", suggestion: long }, "command.suggestion"],
    [{ type: "assign_suggestion", suggestion: "S1", lead_unit: long }, "command.lead_unit"],
  ]) {
    const e = refused(l, cmd("2024-02-01", office, command), "invalid_field", field);
    assert.match(e.message, /must be at most 64 characters/);
  }
  l.execute(cmd("2024-02-01", office, { type: "register_unit", unit: "z".repeat(64), name: "区卫健委" }));
  l.free();
});

test("documents over 64 MiB are refused", () => {
  const l = seeded();
  const doc = `["${"z".repeat(70 * MB)}"]`;
  const e = refused(l, doc, "invalid_json", null);
  assert.match(e.message, /exceeds the limit/);
  throwsCode(() => Ledger.replay(doc), "invalid_json", null);
  throwsCode(() => Ledger.restore(doc), "invalid_json", null);
  l.free();
});

// ---------------------------------------------------------------- deep nesting

test("nesting 100,000 deep as text is invalid_json everywhere", () => {
  const l = seeded();
  for (const deep of ["[".repeat(100_000) + "]".repeat(100_000), '{"a":'.repeat(100_000) + "0" + "}".repeat(100_000)]) {
    const e = refused(l, deep, "invalid_json", null);
    assert.match(e.message, /recursion limit exceeded/);
    refused(l, `{"at":"2024-02-01","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"u","name":${deep}}}`,
      "invalid_json", null);
    throwsCode(() => Ledger.replay(deep), "invalid_json", null);
    throwsCode(() => Ledger.restore(deep), "invalid_json", null);
    throwsCode(() => new Ledger(deep), "invalid_json", null);
    throwsCode(() => l.figures("2024-05-01", deep), "invalid_json", null);
    throwsCode(() => checkFigure(deep), "invalid_json", null);
  }
  l.free();
});

test("nesting 100,000 deep as JS objects is invalid_json, not a stack overflow", () => {
  const l = seeded();
  const deep = deepArray(100_000);
  refused(l, deep, "invalid_json", null);
  refused(l, cmd("2024-02-01", admin, { type: "register_unit", unit: "u", name: deep }), "invalid_json", null);
  throwsCode(() => Ledger.replay(deep), "invalid_json", null);
  throwsCode(() => Ledger.restore({ schema: 2, seq: 0, state: deep }), "invalid_json", null);
  throwsCode(() => new Ledger({ preset: "national", overrides: deep }), "invalid_json", null);
  throwsCode(() => l.figures("2024-05-01", { congress: deep }), "invalid_json", null);
  throwsCode(() => checkFigure(deep), "invalid_json", null);
  l.free();
});

// ---------------------------------------------------------------- many rows

function unitLog(n, bad, withText) {
  const parts = new Array(n);
  for (let i = 0; i < n; i++) {
    parts[i] = i === bad ? withText
      : `{"seq":${i + 1},"schema":1,"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"admin"},"event":{"type":"unit_registered","unit":"u${i}","name":"承办单位"}}`;
  }
  return `[${parts.join(",")}]`;
}

test("a long log replays, and one bad event rejects it whole naming its index", () => {
  const n = 200_000;
  const good = Ledger.replay(unitLog(n, -1, ""));
  assert.equal(good.seq, n);
  assert.equal(Object.keys(good.state().units).length, n);
  good.free();
  let e = throwsCode(() => Ledger.replay(unitLog(n, 100_000,
    '{"seq":100001,"schema":1,"at":"2024-01-02T09:00:00+08:00","actor":{"role":"emperor","id":"admin"},"event":{"type":"unit_registered","unit":"u","name":"n"}}')),
  "invalid_field", "events[100000].actor.role");
  assert.equal(e.value, "emperor");
  e = throwsCode(() => Ledger.replay(unitLog(n, 100_000,
    '{"seq":100001,"schema":1,"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"admin"},"event":{"type":"unit_registered","unit":"","name":"n"}}')),
  "invalid_field", "events[100000].event.unit");
});

// ---------------------------------------------------------------- text

test("lone surrogates are typed errors, never silently replaced", () => {
  const l = seeded();
  for (const name of ["\ud800", "a\udc00b"]) {
    const c = cmd("2024-02-01", admin, { type: "register_unit", unit: "u", name });
    refused(l, c, "invalid_json", null); // JSON.stringify escapes it; core refuses the escape
    refused(l, JSON.stringify(c).replace(/\\ud800|\\udc00/g, (m) => (m === "\\ud800" ? "\ud800" : "\udc00")),
      "invalid_json", null); // raw in the text: refused before it reaches wasm
  }
  throwsCode(() => l.figures("2024-05-01\ud800"), "invalid_field", "as_of");
  throwsCode(() => l.suggestionView("S1\ud800", "2024-05-01"), "invalid_field", "suggestion");
  throwsCode(() => isReproducible("5\ud800", 3), "invalid_field", "stated_percent");
  throwsCode(() => Ledger.replay("[\ud800]"), "invalid_json", null);
  l.free();
});

test("NUL, control and bidi characters in ids are refused", () => {
  const l = seeded();
  for (const [id, reason] of [
    ["u\u00001", /control characters/],
    ["u\u001b[31m", /control characters/],
    ["D\u202e100", /invisible formatting/],
    ["\u200fD001", /invisible formatting/],
    ["D\u200b001", /invisible formatting/],
  ]) {
    const e = refused(l, cmd("2024-02-01", admin, { type: "register_unit", unit: id, name: "单位" }), "invalid_field", "command.unit");
    assert.match(e.message, reason);
    refused(l, cmd("2024-02-01", { role: "deputy", id }, { type: "give_feedback", suggestion: "S1", rating: "satisfied" }),
      "invalid_field", "actor.id");
  }
  l.free();
});

test("names with NUL, control and RTL characters are refused or kept exactly", () => {
  const l = seeded();
  const names = ["a\u0000b", "esc\u001b[2J", "\u202eevil", "שלום \u200fעולם", "مرحبا\u061c"];
  names.forEach((name, i) => {
    try {
      l.execute(cmd("2024-02-01", admin, { type: "register_unit", unit: `t${i}`, name }));
    } catch (e) {
      assert.equal(e.code, "invalid_field");
      assert.equal(e.field, "command.name");
    }
  });
  const replayed = Ledger.replay(l.events());
  const restored = Ledger.restore(l.snapshot());
  names.forEach((name, i) => {
    const unit = l.state().units[`t${i}`];
    if (unit) {
      assert.equal(unit.name, name);
      assert.equal(replayed.state().units[`t${i}`].name, name);
      assert.equal(restored.state().units[`t${i}`].name, name);
    }
  });
  assert.deepEqual(replayed.state(), l.state());
  assert.deepEqual(restored.state(), l.state());
  for (const x of [l, replayed, restored]) x.free();
});

// ---------------------------------------------------------------- dates and numbers

test("timestamps far out of range are refused naming `at`; the edges replay", () => {
  for (const at of ["-0001-01-01", "+10000-01-01", "10000-01-01", "2024-02-30", "2024-01-01T00:00:00+25:00", "2024-1-5", ""]) {
    const l = new Ledger();
    refused(l, cmd(at, admin, { type: "register_unit", unit: "u", name: "单位" }), "invalid_field", "at");
    l.free();
  }
  for (const at of ["0000-01-01", "9999-12-31T23:59:59+08:00", "9999-12-31T23:59:59-12:00"]) {
    const l = new Ledger();
    l.execute(cmd(at, admin, { type: "register_unit", unit: "u", name: "单位" }));
    assert.deepEqual(Ledger.replay(l.events()).state(), l.state(), at);
    assert.deepEqual(Ledger.restore(l.snapshot()).snapshot(), l.snapshot(), at);
    l.free();
  }
});

test("as of far in the past and the future", () => {
  const l = seeded();
  assert.equal(l.suggestionView("S1", "1900-01-01").status, null);
  assert.equal(l.figures(new Date("1900-01-01T00:00:00+08:00")).counts.overdue, 0);
  const late = l.suggestionView("S1", "9999-12-31");
  assert.equal(late.status, "assigned");
  assert.equal(late.overdue_days, Math.round((Date.UTC(9999, 11, 31) - Date.UTC(2024, 3, 15)) / 86_400_000));
  assert.equal(l.figures("9999-12-31").counts.overdue, 1);
  for (const bad of ["10000-01-01", "+10000-01-01", "-0001-01-01", "2024-02-30", "1e309", "",
    new Date(8.64e15), new Date(-8.64e15), new Date(NaN)]) {
    throwsCode(() => l.figures(bad), "invalid_field", "as_of");
    throwsCode(() => l.suggestionView("S1", bad), "invalid_field", "as_of");
  }
  l.free();
});

test("numbers out of range where integers are expected", () => {
  const l = seeded();
  const congress = (term) => cmd("2024-02-01", admin, {
    type: "register_congress", congress: "c2", name: "人大", level: "county", term, term_start: "2021-01-01", term_end: "2026-01-01",
  });
  // JSON.stringify writes NaN and ±Infinity as null: refused as the wrong type.
  for (const term of [2 ** 64, 2 ** 32, -1, 1.5, NaN, Infinity, -Infinity, true, "1"]) {
    refused(l, congress(term), "invalid_field", "command.term");
  }
  const text = JSON.stringify(congress(17));
  refused(l, text.replace('"term":17', '"term":1e309'), "invalid_json", null);
  refused(l, text.replace('"term":17', '"term":-0'), "invalid_field", "command.term");
  refused(l, text.replace('"term":17', '"term":18446744073709551616'), "invalid_field", "command.term");
  // -0 as a JS number is written as 0 by JSON.stringify: an ordinary term 0.
  l.execute(congress(-0));
  assert.throws(() => l.execute(congress(10n)), TypeError, "BigInt is not JSON");
  const snapshot = l.snapshot();
  for (const seq of [2 ** 53, 2 ** 64, -1]) {
    throwsCode(() => Ledger.restore({ ...snapshot, seq }), "invalid_field", "snapshot.seq");
  }
  assert.equal(isReproducible("50.0", Number.MAX_SAFE_INTEGER), true);
  for (const d of [2 ** 53, -1, 0.5, NaN, Infinity]) throwsCode(() => isReproducible("50.0", d), "invalid_field", "denominator");
  l.free();
});

test("the module is still healthy after all of the above", () => {
  const l = seeded();
  assert.equal(l.seq, 8);
  assert.equal(l.suggestionView("S1", "2024-05-01").overdue_days, 16);
  l.free();
});
