// Each test file runs in its own process, so this one sees the module before init().
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { init, initSync, Ledger } from "../js/index.js";

test("using the API before init() fails with a clear message", () => {
  assert.throws(() => new Ledger(), /await init\(\)/);
});

test("init accepts the module's bytes and is idempotent", async () => {
  const bytes = await readFile(new URL("../pkg/renda_wasm_bg.wasm", import.meta.url));
  await init(bytes);
  await init();
  initSync(bytes);
  assert.equal(new Ledger().seq, 0);
});
