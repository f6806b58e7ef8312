// The lean figures module (js/figures.js over pkg-figures, built without the `ledger`
// feature) computes the same figures as the full API on the same columns, throws the same
// error classes, holds nothing of the ledger, and stays within its 300 KB gzip budget.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as full from "../js/index.js";
import * as lean from "../js/figures.js";
import { synthColumns } from "../bench/synth.mjs";

let cols;
let dates;

before(async () => {
  await full.init();
  await lean.init();
  const demo = full.demoDistrict({ seed: 5, years: 2, districts: 2 });
  cols = full.SuggestionLog.fromLedger(demo.ledger).columns();
  dates = [];
  for (let y = demo.firstYear; y <= demo.firstYear + demo.years; y++) dates.push(`${y}-04-30`, `${y}-10-31`);
});

const fromColumns = (api, c) => api.SuggestionLog.fromColumns(c.dims, c.suggestion, c.day, c.kind, c.arg);

test("the lean module's figures equal the full module's on the same columns", () => {
  const [a, b] = [fromColumns(full, cols), fromColumns(lean, cols)];
  assert.equal(b.length, a.length);
  assert.deepEqual(b.columns(), a.columns());
  const filters = [undefined, { congress: cols.dims.congresses[0] }, { submitted_from: dates[1] }];
  for (const rules of [undefined, [{ preset: "national" }, { preset: "beijing-district" }]]) {
    for (const filter of filters) {
      for (const asOf of dates) {
        const want = a.figures(asOf, filter, rules);
        assert.deepEqual(b.figures(asOf, filter, rules), want, `${asOf} ${JSON.stringify(filter)} ${JSON.stringify(rules)}`);
      }
    }
  }
  const asOf = dates.at(-1);
  assert.deepEqual(lean.combineFigures(b.partition(3).map((p) => p.figures(asOf))), a.figures(asOf));
  assert.deepEqual(b.figuresWithUnitTable(asOf), a.figuresWithUnitTable(asOf));
  assert.ok(b.figuresWithUnitTable(asOf).units.length > 0);
});

test("the same on synthetic columns of 20,000 suggestions", () => {
  const c = synthColumns({ suggestions: 20_000, congresses: 300, units: 60, seed: 3 });
  const [a, b] = [fromColumns(full, c), fromColumns(lean, c)];
  const want = a.figures(c.asOf);
  assert.ok(want.counts.submitted === 20_000 && want.counts.replied > 0);
  assert.deepEqual(b.figures(c.asOf), want);
  a.free();
  b.free();
});

test("errors are the full API's classes, naming the row", () => {
  const kind = cols.kind.slice();
  kind[0] = 2; // accepted before submitted
  assert.throws(
    () => fromColumns(lean, { ...cols, kind }),
    (e) => e instanceof full.InputError && e instanceof lean.RendaError && e.field === "events[0].kind",
  );
});

test("the lean module holds the columnar log only, within 300 KB gzip", () => {
  assert.equal(lean.Ledger, undefined);
  assert.equal(lean.SuggestionLog.fromLedger, undefined);
  const glue = readFileSync(new URL("../pkg-figures/renda_wasm.js", import.meta.url), "utf8");
  assert.doesNotMatch(glue, /class Ledger\b/);
  assert.match(glue, /class SuggestionLog\b/);
  const wasm = readFileSync(new URL("../pkg-figures/renda_wasm_bg.wasm", import.meta.url));
  const gzip = gzipSync(wasm, { level: 9 }).length;
  assert.ok(gzip <= 300_000, `pkg-figures/renda_wasm_bg.wasm is ${gzip} bytes gzip, over its 300 KB budget`);
});
