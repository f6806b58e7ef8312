// Figures of the national data set (renda::national; scale 0.04: ~107,000 suggestions) in
// node and in headless Chromium: loads the lean figures module (bindings-wasm/pkg-figures;
// `--full` for the full API), generates the data set with `nationalLog`, and prints the median
// time of `figures(yearEnd, undefined, rules)` (replay + figures under the data set's rule
// book) after a warm-up, of `figuresWithUnitTable` (the same with the units as typed columns),
// and of the figures of a partition combined. With `--native` it also runs
// the native counterpart (core/examples/figures_bench.rs, same data set, same operation, same
// runs) through cargo, or takes its median from `--native-ms MS`, and prints browser/native.
//
//   scripts/build-wasm.sh && node bindings-wasm/bench/browser-figures.mjs \
//       [--scale S] [--seed N] [--year Y] [--warmup N] [--runs N] [--full] \
//       [--native | --native-ms MS] [--json]
//
// Chromium is Debian's /usr/bin/chromium (CHROMIUM=…), launched as examples/web/test does;
// the page is examples/web/bench.html, served by examples/web/serve.mjs. Cargo is $CARGO or
// `cargo` on PATH. Prints; asserts nothing about the times.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, stopServer } from "../../examples/web/serve.mjs";
import { runFiguresBench } from "./figures-run.mjs";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const module = argv.includes("--full") ? "full" : "figures";
const config = {
  scale: opt("--scale", 0.04),
  seed: opt("--seed", 2024),
  year: opt("--year", 2024),
  warmup: opt("--warmup", 2),
  runs: opt("--runs", 7),
};

async function inNode() {
  const t = performance.now();
  const api = await import(module === "full" ? "../js/index.js" : "../js/figures.js");
  await api.init();
  const initMs = performance.now() - t;
  return { where: `node ${process.version}`, module, initMs, ...runFiguresBench(api, config) };
}

async function inChromium() {
  const { chromium } = await import("playwright-core");
  const { server, url } = await startServer({ port: 0 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "renda-bench-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      timeout: 20_000,
    });
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(new URL("bench.html", url).href);
    await page.waitForFunction(() => typeof window.runBench === "function", null, { timeout: 20_000 });
    const result = await page.evaluate(([m, c]) => window.runBench(m, c), [module, config]);
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    return { where: `chromium ${context.browser()?.version() ?? ""}`.trim(), ...result };
  } finally {
    if (context) await context.close();
    await stopServer(server);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The native median: `--native-ms`, or core/examples/figures_bench.rs run through cargo. */
function native() {
  const given = opt("--native-ms", undefined);
  if (given !== undefined) return { where: "native (given)", figuresMedianMs: given };
  if (!argv.includes("--native")) return null;
  const args = ["run", "--release", "-q", "-p", "renda", "--example", "figures_bench", "--",
    "--scale", String(config.scale), "--seed", String(config.seed), "--year", String(config.year),
    "--warmup", String(config.warmup), "--runs", String(config.runs), "--json"];
  const out = execFileSync(process.env.CARGO || "cargo", args, {
    cwd: fileURLToPath(new URL("../../", import.meta.url)),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return { where: "native", ...JSON.parse(out.trim().split("\n").at(-1)) };
}

const ms = (x) => `${x.toFixed(1)} ms`;
function line(r) {
  return (
    `${r.where} (${r.module} module): ${r.suggestions.toLocaleString("en")} suggestions, ` +
    `${r.events.toLocaleString("en")} events, ${r.congresses} congresses (${r.overdue} overdue listed); init ${ms(r.initMs)}, ` +
    `nationalLog ${ms(r.generateMs)}; figures(${r.asOf}, rules) median ${ms(r.figuresMedianMs)} ` +
    `(min ${ms(r.figuresMinMs)}, ${r.figuresRunsMs.length} runs after ${r.warmup} warm-up); ` +
    `figuresWithUnitTable (${r.units.toLocaleString("en")} units as typed columns) median ${ms(r.unitTableMedianMs)}; ${r.partitions} parts + ` +
    `combineFigures median ${ms(r.partitionedMedianMs)}`
  );
}

const nodeRun = await inNode();
const browserRun = await inChromium();
const nativeRun = native();
for (const [a, b] of [[nodeRun, browserRun], [nodeRun, nativeRun]]) {
  if (b?.suggestions !== undefined && (b.suggestions !== a.suggestions || b.events !== a.events)) {
    throw new Error(`${b.where} measured another data set: ${b.suggestions} suggestions, ${b.events} events`);
  }
}
const summary = {
  scale: config.scale,
  seed: config.seed,
  year: config.year,
  module: module,
  suggestions: nodeRun.suggestions,
  events: nodeRun.events,
  browserMs: browserRun.figuresMedianMs,
  nodeMs: nodeRun.figuresMedianMs,
  nativeMs: nativeRun?.figuresMedianMs ?? null,
  browserOverNative: nativeRun ? browserRun.figuresMedianMs / nativeRun.figuresMedianMs : null,
  nodeOverNative: nativeRun ? nodeRun.figuresMedianMs / nativeRun.figuresMedianMs : null,
  browserUnitTableMs: browserRun.unitTableMedianMs,
  nodeUnitTableMs: nodeRun.unitTableMedianMs,
  browserUnitTableOverNative: nativeRun ? browserRun.unitTableMedianMs / nativeRun.figuresMedianMs : null,
};
if (argv.includes("--json")) {
  console.log(JSON.stringify({ ...summary, node: nodeRun, browser: browserRun, native: nativeRun }));
} else {
  console.log(line(nodeRun));
  console.log(line(browserRun));
  if (nativeRun?.suggestions !== undefined) {
    console.log(`native: ${nativeRun.suggestions.toLocaleString("en")} suggestions, ${nativeRun.events.toLocaleString("en")} events; figures(${nativeRun.asOf}, rules) median ${ms(nativeRun.figuresMedianMs)} (min ${ms(nativeRun.figuresMinMs)})`);
  }
  const ratio = (x) => (x === null ? "–" : `${x.toFixed(2)}×`);
  console.log(
    `figures of the national data set at scale ${summary.scale} (${summary.suggestions.toLocaleString("en")} suggestions, ` +
      `${summary.events.toLocaleString("en")} events), median: browser ${ms(summary.browserMs)}, node ${ms(summary.nodeMs)}, ` +
      `native ${summary.nativeMs === null ? "– (--native or --native-ms MS)" : ms(summary.nativeMs)}; ` +
      `browser/native ${ratio(summary.browserOverNative)}, node/native ${ratio(summary.nodeOverNative)}`,
  );
  console.log(
    `with the unit table as typed columns (figuresWithUnitTable), median: browser ${ms(summary.browserUnitTableMs)}, ` +
      `node ${ms(summary.nodeUnitTableMs)}; browser/native ${ratio(summary.browserUnitTableOverNative)}`,
  );
}
