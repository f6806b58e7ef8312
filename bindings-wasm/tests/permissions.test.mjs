// The permission matrix (domain §6.2), every cell, through the JS binding.
//
// The expected answers are the hand-written table tests/permissions/commands.json (see
// tests/README.md), shared with the Rust and Python tests. Each cell runs the row's sample
// command as the column's role on an empty ledger: a "deny" cell must throw
// PermissionDeniedError with code permission_denied, an "allow" cell anything else, because
// the permission check comes before any look at the state.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { init, Ledger, labels, RendaError, PermissionDeniedError } from "../js/index.js";

const TABLE = JSON.parse(readFileSync(new URL("../../tests/permissions/commands.json", import.meta.url), "utf8"));

before(() => init());

const envelope = (type, role) => ({
  at: TABLE.at,
  actor: { role, id: TABLE.actors[role] },
  command: TABLE.commands[type].sample,
});

/** The code a call throws, or null if it succeeds. */
function codeOf(f) {
  try {
    f();
    return null;
  } catch (e) {
    assert.ok(e instanceof RendaError, `expected a RendaError, got ${e}`);
    return e.code;
  }
}

test("the table covers every role and command type the binding knows", () => {
  const l = labels();
  const sorted = (xs) => [...xs].sort();
  assert.deepEqual(sorted(TABLE.roles), sorted(Object.keys(l.role)));
  assert.deepEqual(sorted(Object.keys(TABLE.actors)), sorted(Object.keys(l.role)));
  assert.deepEqual(sorted(Object.keys(TABLE.commands)), sorted(Object.keys(l.command)));
  for (const [name, row] of Object.entries(TABLE.commands)) {
    assert.deepEqual(sorted(Object.keys(row.cells)), sorted(Object.keys(l.role)), name);
    for (const v of Object.values(row.cells)) assert.ok(v === "allow" || v === "deny", `${name}: ${v}`);
    assert.equal(row.sample.type, name);
  }
});

test("every cell through execute: zero unexpected allows and denies", () => {
  const { deny } = TABLE;
  const unexpectedAllows = [];
  const unexpectedDenies = [];
  let cells = 0;
  for (const [type, row] of Object.entries(TABLE.commands)) {
    for (const [role, want] of Object.entries(row.cells)) {
      cells += 1;
      const cell = `${type} × ${role}`;
      const ledger = new Ledger();
      const command = envelope(type, role);
      const decided = codeOf(() => ledger.decide(command));
      let denied = false;
      try {
        ledger.execute(command);
      } catch (e) {
        assert.ok(e instanceof RendaError, `${cell}: ${e}`);
        if (e.code === "permission_denied") {
          denied = true;
          assert.ok(e instanceof PermissionDeniedError, cell);
          assert.equal(e.kind, deny.kind, cell);
          assert.equal(e.field, deny.field, cell);
          assert.equal(e.value, role, cell);
          assert.ok(e.rule.startsWith(deny.rule_prefix), `${cell}: ${e.rule}`);
          assert.equal(ledger.seq, 0, `${cell}: nothing changes`);
          assert.deepEqual(ledger.events(), []);
        }
      }
      assert.equal(decided === "permission_denied", denied, `${cell}: decide agrees`);
      if (want === "deny" && !denied) unexpectedAllows.push(cell);
      if (want === "allow" && denied) unexpectedDenies.push(cell);
      ledger.free();
    }
  }
  assert.equal(cells, TABLE.roles.length * Object.keys(TABLE.commands).length);
  assert.deepEqual(unexpectedAllows, []);
  assert.deepEqual(unexpectedDenies, []);
});

test("every sample is a well-formed command", () => {
  for (const type of Object.keys(TABLE.commands)) {
    const ledger = new Ledger();
    try {
      ledger.execute(envelope(type, "admin"));
    } catch (e) {
      assert.notEqual(e.kind, "input", `${type}: ${e.message}`);
    }
    ledger.free();
  }
});
