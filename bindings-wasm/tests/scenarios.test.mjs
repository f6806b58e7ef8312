// Runs every shared scenario (tests/scenarios/*.json) through the JS runner and checks what the
// binding is responsible for: canonical output, an exit status that agrees with `passed`, and
// replay/restore through the JS API reproducing the live ledger. Whether each scenario passes,
// and byte-identity with the Rust and Python runners, is scripts/check-scenarios.sh's job
// (`make test-scenarios`), so work in progress on a scenario does not fail the binding's tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const runner = fileURLToPath(new URL("../scenario.mjs", import.meta.url));
const dir = fileURLToPath(new URL("../../tests/scenarios/", import.meta.url));
/** Sorted keys, compact (the outputs hold no floats, so JSON.stringify writes numbers as Rust). */
const canonical = (v) =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(",")}]`
    : v !== null && typeof v === "object"
      ? `{${Object.keys(v).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`
      : JSON.stringify(v);
const run = (...args) => spawnSync(process.execPath, [runner, ...args], { encoding: "utf8" });

for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  test(`scenario ${file}`, () => {
    const r = run(join(dir, file));
    assert.equal(r.stderr, "");
    assert.ok(r.stdout.endsWith("}\n"));
    const out = JSON.parse(r.stdout);
    assert.equal(r.stdout, canonical(out) + "\n");
    assert.equal(r.status, out.passed ? 0 : 1);
    assert.equal(out.passed, out.mismatches.length === 0);
    if (!("rules_error" in out)) {
      assert.equal(out.replay_equal, true);
      assert.equal(out.snapshot_equal, true);
    }
  });
}

test("runner: usage, unreadable and invalid files exit 2; a failing scenario exits 1", () => {
  assert.equal(run().status, 2);
  assert.equal(run(join(dir, "no-such-file.json")).status, 2);
  const tmp = mkdtempSync(join(tmpdir(), "renda-scenario-"));
  const bad = join(tmp, "bad.json");
  writeFileSync(bad, '{"name": ');
  assert.equal(run(bad).status, 2);
  const failing = join(tmp, "failing.json");
  writeFileSync(failing, JSON.stringify({
    name: "expects the wrong outcome",
    steps: [{ at: "2024-01-02", actor: { role: "deputy", id: "D" }, command: { type: "register_unit", unit: "u", name: "某局" }, expect: { ok: ["unit_registered"] } }],
  }));
  const r = run(failing);
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.mismatches, ["steps[0]"]);
  assert.equal(out.steps[0].error.code, "permission_denied");
  // Output is canonical: keys sorted, compact, one trailing newline.
  assert.ok(r.stdout.startsWith('{"events":0,"figures":[],"mismatches":["steps[0]"],"name":'));
  const rules = join(tmp, "rules.json");
  writeFileSync(rules, '{"name":"bad rules","rules":{"preset":"national","overrides":{"suggestion":{"color":1}}}}');
  const rr = run(rules);
  assert.equal(rr.status, 1);
  assert.deepEqual(JSON.parse(rr.stdout).mismatches, ["rules"]);
});
