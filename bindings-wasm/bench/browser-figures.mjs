// Figures over ≥ 100,000 suggestions in headless Chromium and in node: loads the lean figures
// module (bindings-wasm/pkg-figures; `--full` for the full API), builds a SuggestionLog of
// synthetic columns (./synth.mjs), and prints the median time of `figures(asOf)` after a
// warm-up, with the time to build the log and of the figures of a partition combined.
//
//   scripts/build-wasm.sh && node bindings-wasm/bench/browser-figures.mjs \
//       [--suggestions N] [--runs N] [--full] [--json]
//
// Chromium is Debian's /usr/bin/chromium (CHROMIUM=…), launched as examples/web/test does;
// the page is examples/web/bench.html, served by examples/web/serve.mjs. Prints; asserts
// nothing about the times.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
const config = { suggestions: opt("--suggestions", 100_000), runs: opt("--runs", 7), seed: 7 };

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

const ms = (x) => `${x.toFixed(1)} ms`;
function print(r) {
  if (argv.includes("--json")) {
    console.log(JSON.stringify(r));
    return;
  }
  console.log(
    `${r.where} (${r.module} module): ${r.suggestions.toLocaleString("en")} suggestions, ` +
      `${r.events.toLocaleString("en")} events, ${r.congresses} congresses (${r.overdue} overdue listed); init ${ms(r.initMs)}, ` +
      `fromColumns ${ms(r.fromColumnsMs)}; figures(${r.asOf}) median ${ms(r.figuresMedianMs)} ` +
      `(min ${ms(r.figuresMinMs)}, ${r.figuresRunsMs.length} runs); ${r.partitions} parts + ` +
      `combineFigures median ${ms(r.partitionedMedianMs)}`,
  );
}

print(await inNode());
print(await inChromium());
