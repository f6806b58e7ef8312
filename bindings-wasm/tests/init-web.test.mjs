// The browser's loading path (wasm-bindgen's async init with a fetch Response), run in node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { init, Ledger } from "../js/index.js";

test("init from a Response, as in a browser", async () => {
  const bytes = await readFile(new URL("../pkg/renda_wasm_bg.wasm", import.meta.url));
  await init(new Response(bytes, { headers: { "content-type": "application/wasm" } }));
  assert.equal(new Ledger().seq, 0);
});
