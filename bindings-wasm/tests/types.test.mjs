// js/index.d.ts declares every command, event and error code core knows: the `type`
// discriminants of the `Command` and `EventKind` unions and the members of `ErrorCode` are
// compared with the label catalog, which core builds from `CommandKind::ALL`,
// `EventKind::TYPES` and `error::CODES`. (tsc checks that the declarations are consistent;
// this checks that they are complete.)
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { init, labels } from "../js/index.js";

const DTS = readFileSync(new URL("../js/index.d.ts", import.meta.url), "utf8");

before(async () => {
  await init();
});

/** The text of `export type NAME = … ;` (up to the `;` that ends it, before a blank line). */
function declaration(name) {
  const start = DTS.indexOf(`export type ${name} =`);
  assert.ok(start >= 0, `no declaration of ${name}`);
  const end = DTS.indexOf(";\n\n", start);
  return DTS.slice(start, end);
}

const discriminants = (name) => [...declaration(name).matchAll(/^\s*\|?\s*\{\s*type: "([a-z_]+)"/gm)].map((m) => m[1]);

for (const [union, group] of [["Command", "command"], ["EventKind", "event"]]) {
  test(`the ${union} union has one member per ${group} type`, () => {
    const declared = discriminants(union);
    assert.equal(new Set(declared).size, declared.length, "a type declared twice");
    assert.deepEqual([...declared].sort(), Object.keys(labels()[group]).sort());
  });
}

test("ErrorCode lists every code core reports", () => {
  const declared = [...declaration("ErrorCode").matchAll(/\| "([a-z_]+)"/g)].map((m) => m[1]);
  const known = Object.keys(labels().error_code);
  assert.deepEqual(known.filter((c) => !declared.includes(c)), []);
  assert.deepEqual(declared.filter((c) => !known.includes(c)), []);
});
