// The columnar suggestion log in JS (SuggestionLog): a ledger's log as columns gives the
// ledger's own figures; the columns round-trip through fromColumns; a partition's figures
// combine into the whole's; bad columns are typed errors naming the row.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, demoDistrict, SuggestionLog, combineFigures, InputError, RuleSetError } from "../js/index.js";

let demo;
let log;

before(async () => {
  await init();
  demo = demoDistrict({ seed: 11, years: 2, districts: 3 });
  log = SuggestionLog.fromLedger(demo.ledger);
});

/** Quarter ends of the demo's years and the day after its last year. */
function dates() {
  const out = [];
  for (let y = demo.firstYear; y < demo.firstYear + demo.years; y++) {
    out.push(`${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`);
  }
  out.push(`${demo.firstYear + demo.years}-01-01`);
  return out;
}

const NATIONAL = { preset: "national" };

test("fromLedger: the figures equal the ledger's, for every filter and date", () => {
  assert.ok(demo.congresses.length >= 2, "the demo should have several congresses");
  assert.ok(log.length > 0);
  const filters = [
    undefined,
    ...demo.congresses.map((congress) => ({ congress })),
    { submitted_from: `${demo.firstYear + 1}-01-01` },
    { submitted_to: new Date(Date.UTC(demo.firstYear, 5, 30)) },
  ];
  let submitted = 0;
  for (const filter of filters) {
    for (const asOf of dates()) {
      const want = demo.ledger.figures(asOf, filter);
      assert.deepEqual(log.figures(asOf, filter), want, `as of ${asOf} with ${JSON.stringify(filter)}`);
      submitted += want.counts.submitted;
    }
  }
  assert.ok(submitted > 0, "the demo should have suggestions to count");
});

test("figuresWithUnitTable: the same figures, the units as one typed column per count", () => {
  let rows = 0;
  for (const filter of [undefined, { congress: demo.congresses[0] }]) {
    for (const asOf of dates()) {
      const whole = log.figures(asOf, filter);
      const { figures, units } = log.figuresWithUnitTable(asOf, filter);
      assert.deepEqual(figures, { ...whole, units: [] }, `as of ${asOf}`);
      assert.equal(units.length, whole.units.length);
      assert.deepEqual(units.unit, whole.units.map((u) => u.unit));
      const flat = (u) => [
        u.assigned, u.replied, u.replied_on_time, u.overdue, u.closed,
        u.results.A, u.results.B, u.results.C, u.results.D,
        u.ratings.satisfied, u.ratings.basically_satisfied, u.ratings.dissatisfied,
      ];
      const names = ["assigned", "replied", "replied_on_time", "overdue", "closed", "A", "B", "C", "D",
        "satisfied", "basically_satisfied", "dissatisfied"];
      for (const name of names) {
        assert.ok(units[name] instanceof Float64Array, name);
        assert.equal(units[name].length, units.length, name);
      }
      whole.units.forEach((u, i) => assert.deepEqual(names.map((n) => units[n][i]), flat(u), u.unit));
      rows += units.length;
    }
  }
  assert.ok(rows > 0, "the demo should have units with figures");
  // Under other rules, as figures does.
  const asOf = dates().at(-1);
  assert.deepEqual(log.figuresWithUnitTable(asOf, null, NATIONAL).figures, { ...log.figures(asOf, null, NATIONAL), units: [] });
});

test("fromColumns(columns()) round-trips the log", () => {
  const c = log.columns();
  assert.ok(c.suggestion instanceof Uint32Array && c.day instanceof Int32Array);
  assert.ok(c.kind instanceof Uint8Array && c.arg instanceof Uint32Array);
  assert.ok(c.dims.suggestionCongress instanceof Uint32Array && c.dims.during instanceof Uint8Array);
  assert.equal(c.suggestion.length, log.length);
  assert.equal(c.dims.congresses.length, c.dims.levels.length);
  assert.deepEqual([...new Set(c.dims.congresses)].sort(), [...demo.congresses].sort());
  const copy = SuggestionLog.fromColumns(c.dims, c.suggestion, c.day, c.kind, c.arg);
  assert.equal(copy.length, log.length);
  assert.deepEqual(copy.columns(), c);
  // A log from columns has no ledger, so no rule book of its own: give the same rules to both.
  for (const asOf of dates()) {
    assert.deepEqual(copy.figures(asOf, null, NATIONAL), log.figures(asOf, null, NATIONAL));
  }
  // Without rules, a log from columns takes the national ones.
  const last = dates().at(-1);
  assert.deepEqual(copy.figures(last), log.figures(last, null, NATIONAL));
});

test("partition then combineFigures equals the whole", () => {
  for (const n of [1, 2, 3, 5]) {
    const parts = log.partition(n);
    assert.equal(parts.length, n);
    assert.equal(parts.reduce((s, p) => s + p.length, 0), log.length);
    if (n > 1 && n <= demo.congresses.length) assert.ok(parts.every((p) => p.length < log.length));
    for (const asOf of dates()) {
      assert.deepEqual(combineFigures(parts.map((p) => p.figures(asOf))), log.figures(asOf), `${n} parts as of ${asOf}`);
    }
    parts.forEach((p) => p.free());
  }
});

/** `f` throws an InputError with `field`. */
function throwsField(f, field) {
  assert.throws(f, (e) => {
    assert.ok(e instanceof InputError, `${e}`);
    assert.equal(e.field, field);
    return true;
  });
}

test("bad columns throw typed errors naming the row and column", () => {
  const c = log.columns();
  const build = (over = {}) => {
    const x = { ...c, ...over, dims: { ...c.dims, ...over.dims } };
    return () => SuggestionLog.fromColumns(x.dims, x.suggestion, x.day, x.kind, x.arg);
  };
  const kind = c.kind.slice();
  kind[3] = 200;
  throwsField(build({ kind }), "events[3].kind");
  const suggestion = c.suggestion.slice();
  suggestion[2] = c.dims.suggestions.length;
  throwsField(build({ suggestion }), "events[2].suggestion");
  const during = c.dims.during.slice();
  during[1] = 2;
  throwsField(build({ dims: { during } }), "dimensions.during[1]");
  throwsField(build({ dims: { levels: ["county", "galactic", ...c.dims.levels.slice(2)] } }), "dimensions.levels[1]");
  throwsField(build({ arg: c.arg.subarray(1) }), "events");
  // Not typed arrays of the right type: a TypeError before anything reaches wasm.
  assert.throws(build({ day: Array.from(c.day) }), TypeError);
  assert.throws(build({ day: new Uint32Array(c.day.length) }), TypeError);
  assert.throws(() => SuggestionLog.fromColumns(null, c.suggestion, c.day, c.kind, c.arg), TypeError);
});

test("bad figures arguments: dates, filters, rules, parts", () => {
  const [d0, d1] = dates();
  throwsField(() => log.figures("31/12/2024"), "as_of");
  assert.throws(() => log.figures(d0, { congres: "x" }), (e) => e instanceof InputError && e.code === "invalid_field");
  assert.throws(() => log.figures(d0, null, { preset: "nowhere" }), RuleSetError);
  throwsField(() => log.figuresWithUnitTable("2024-02-30"), "as_of");
  assert.throws(() => log.figuresWithUnitTable(d0, null, { preset: "nowhere" }), RuleSetError);
  const [a, b] = [log.figures(d0), log.figures(d1)];
  throwsField(() => combineFigures([a, b]), "parts.as_of");
  throwsField(() => combineFigures([]), "parts");
  assert.throws(() => combineFigures(a), TypeError);
  for (const n of [0, -1, 1.5, "2"]) assert.throws(() => log.partition(n), RangeError);
  assert.throws(() => new SuggestionLog(), TypeError);
});

test("a freed log refuses further use", () => {
  const copy = log.partition(1)[0];
  copy.free();
  copy.free();
  assert.throws(() => copy.length, /freed/);
});
