// Tables through JS (`ledger.table`): typed arrays per column, never one object per value, on the
// Haidian 2024 data (seed [001]); the columns add up to `ledger.figures`. Same cases as
// bindings-python/tests/test_tables.py and core/tests/tables.rs.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { init, Ledger, InputError, PermissionDeniedError } from "../js/index.js";

const scenario = (name) => new URL(`../../tests/scenarios/${name}`, import.meta.url);
const AS_OF = "2024-12-31";

before(async () => {
  await init();
});

const cache = new Map();
function load(name) {
  if (!cache.has(name)) {
    const file = JSON.parse(readFileSync(scenario(name), "utf8"));
    const ledger = new Ledger(file.rules);
    for (const s of file.steps) {
      if ("ok" in s.expect) ledger.execute({ at: s.at, actor: s.actor, command: s.command });
    }
    cache.set(name, ledger);
  }
  return cache.get(name);
}
const haidian = () => load("c_s001_haidian_2024.json");

test("every table is listed and builds, columns as long as the table", () => {
  assert.deepEqual(Ledger.tables(), [
    "suggestions", "motions", "units", "deputies", "activities", "points", "supervision_items", "evaluations",
  ]);
  for (const name of Ledger.tables()) {
    const t = haidian().table(name, AS_OF);
    assert.equal(t.name, name);
    assert.equal(t.asOf, AS_OF);
    for (const [col, values] of Object.entries(t.columns)) {
      assert.equal(values.length, t.length, `${name}.${col}`);
      assert.ok(t.labels[col].zh && t.labels[col].en);
    }
  }
});

test("suggestion columns are typed arrays that add up to the figures", () => {
  const ledger = haidian();
  const f = ledger.figures(AS_OF);
  const t = ledger.table("suggestions", AS_OF);
  assert.equal(t.length, f.counts.submitted);
  for (const cat of ["A", "B", "C", "D"]) {
    assert.equal(t.columns.result.filter((r) => r === cat).length, f.results[cat]);
  }
  assert.ok(t.columns.on_time instanceof Uint8Array);
  assert.equal(t.columns.on_time.filter((x) => x === 1).length, f.counts.replied_on_time);
  assert.ok(t.columns.replied_on instanceof Float64Array);
  assert.equal(t.columns.replied_on.filter((d) => !Number.isNaN(d)).length, f.counts.replied);
  assert.ok(t.columns.cosigners instanceof Float64Array);
  assert.equal(t.types.submitted_on, "date");
  assert.equal(t.labels.lead_unit.zh, "主办单位");
  // Dates are days since 1970-01-01.
  const first = ledger.suggestions()[0];
  const day = new Date(t.columns.submitted_on[0] * 86400000).toISOString().slice(0, 10);
  assert.equal(day, first.history[0][0]);
  assert.equal(t.columns.suggestion[0], first.id);
});

test("units carry the unit figures", () => {
  const ledger = haidian();
  const f = ledger.figures(AS_OF);
  const t = ledger.table("units", AS_OF);
  assert.equal(t.length, Object.keys(ledger.state().units).length);
  const assigned = new Map(f.units.map((u) => [u.unit, u.assigned]));
  t.columns.unit.forEach((u, i) => assert.equal(t.columns.assigned[i], assigned.get(u) ?? 0));
});

test("readers and bad arguments get typed errors", () => {
  const ledger = load("d_rd2_points_live.json");
  assert.throws(() => ledger.table("points", "2025-06-30", { role: "public", id: "p" }), PermissionDeniedError);
  const own = ledger.table("points", "2025-06-30", { role: "deputy", id: "D001" });
  assert.deepEqual(own.columns.deputy, ["D001"]);
  assert.throws(() => ledger.table("suggestion"), (e) => e instanceof InputError && e.field === "table");
  assert.throws(() => ledger.table("units", "2024-13-01"), InputError);
});
