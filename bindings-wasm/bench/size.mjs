// Sizes of the wasm packages as shipped: raw, gzip -9 and brotli (quality 11, node's zlib),
// for the .wasm and the JS of each module (pkg: the full API; pkg-figures: the lean figures
// module) and the hand-written JS layer. Run after scripts/build-wasm.sh:
//
//   node bindings-wasm/bench/size.mjs          # a table
//   node bindings-wasm/bench/size.mjs --json   # one JSON object per file
//
// The target of the full package is 300 KB gzip (BENCHMARKS.md, "WebAssembly package size").
import { readFileSync, existsSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const ROOT = new URL("../", import.meta.url);

const FILES = [
  ["pkg", "renda_wasm_bg.wasm"],
  ["pkg", "renda_wasm.js"],
  ["pkg-figures", "renda_wasm_bg.wasm"],
  ["pkg-figures", "renda_wasm.js"],
  ["js", "index.js"],
  ["js", "figures.js"],
  ["js", "columnar.js"],
  ["js", "common.js"],
  ["js", "errors.js"],
];

/** Raw, gzip -9 and brotli (max quality) sizes of `bytes`. */
function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

const rows = [];
for (const [dir, name] of FILES) {
  const url = new URL(`${dir}/${name}`, ROOT);
  if (!existsSync(url)) {
    console.error(`size: ${dir}/${name} missing (run scripts/build-wasm.sh)`);
    continue;
  }
  rows.push({ file: `${dir}/${name}`, ...sizes(readFileSync(url)) });
}

if (process.argv.includes("--json")) {
  for (const r of rows) console.log(JSON.stringify(r));
} else {
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`.padStart(11);
  console.log(`${"file".padEnd(30)}${"raw".padStart(11)}${"gzip -9".padStart(11)}${"brotli 11".padStart(11)}`);
  for (const r of rows) console.log(`${r.file.padEnd(30)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
}
