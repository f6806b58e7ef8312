// Issue 8 item 1 through the JS binding: the hash chain, its head and verifyLog.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, Ledger, verifyLog, IntegrityError, InputError } from "../js/index.js";
import { seed } from "./helpers.mjs";

before(() => init());

function seeded() {
  const ledger = new Ledger({ preset: "national" });
  seed(ledger);
  return ledger;
}

test("events carry the chain; the head is the last event's hash", () => {
  const ledger = seeded();
  const events = ledger.events();
  assert.equal(events[0].prev, "0".repeat(64));
  for (let i = 1; i < events.length; i++) assert.equal(events[i].prev, events[i - 1].hash);
  assert.deepEqual(ledger.head(), { seq: events.length, hash: events.at(-1).hash });
  assert.deepEqual(verifyLog(events), { ok: true, events: events.length, head: ledger.head() });
  assert.deepEqual(verifyLog(JSON.stringify(events)), verifyLog(events));
});

for (const [what, tamper, index, problem] of [
  ["edit", (ev) => { ev[2].event.name = "改名"; }, 2, "hash"],
  ["delete", (ev) => { ev.splice(1, 1); }, 1, "sequence"],
  ["insert", (ev) => { ev.splice(3, 0, structuredClone(ev[0])); }, 3, "sequence"],
  ["swap", (ev) => { [ev[1], ev[2]] = [ev[2], ev[1]]; }, 1, "sequence"],
]) {
  test(`tampering (${what}) is reported at the first bad position`, () => {
    const events = seeded().events();
    tamper(events);
    const report = verifyLog(events);
    assert.equal(report.ok, false);
    assert.equal(report.break.index, index);
    assert.equal(report.break.problem, problem);
    assert.throws(() => Ledger.replay(events), (e) => {
      assert.ok(e instanceof IntegrityError);
      assert.equal(e.code, "chain_broken");
      assert.equal(e.kind, "integrity");
      assert.ok(e.field.startsWith(`events[${index}]`), e.field);
      return true;
    });
  });
}

test("verifyLog rejects what is not a log", () => {
  assert.throws(() => verifyLog("{not json"), InputError);
  assert.throws(() => verifyLog([{ seq: 1 }]), InputError);
});
