// The figures benchmark body, the same in node and in a browser page (examples/web/bench.html):
// builds a SuggestionLog of synthetic columns (./synth.mjs) with the module given (the lean
// `renda/figures` or the full API), then times `figures(asOf)`: `warmup` untimed runs, then
// `runs` timed ones. Returns the timings in milliseconds; asserts nothing about them.
import { synthColumns } from "./synth.mjs";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * `api`: a loaded module exporting `SuggestionLog`. `config`: `{suggestions, congresses,
 * units, seed, warmup, runs, partitions}`.
 */
export function runFiguresBench(api, { warmup = 2, runs = 7, partitions = 4, ...synth } = {}) {
  const now = () => performance.now();
  let t = now();
  const c = synthColumns(synth);
  const synthMs = now() - t;
  t = now();
  const log = api.SuggestionLog.fromColumns(c.dims, c.suggestion, c.day, c.kind, c.arg);
  const fromColumnsMs = now() - t;
  let figures;
  for (let i = 0; i < warmup; i++) figures = log.figures(c.asOf);
  const times = [];
  for (let i = 0; i < runs; i++) {
    t = now();
    figures = log.figures(c.asOf);
    times.push(now() - t);
  }
  // The same figures from a partition, combined (what a dashboard does per province).
  const parts = log.partition(partitions);
  const partTimes = [];
  for (let i = 0; i < runs; i++) {
    t = now();
    api.combineFigures(parts.map((p) => p.figures(c.asOf)));
    partTimes.push(now() - t);
  }
  parts.forEach((p) => p.free());
  const result = {
    suggestions: c.dims.suggestions.length,
    congresses: c.dims.congresses.length,
    events: log.length,
    asOf: c.asOf,
    submitted: figures.counts.submitted,
    overdue: figures.overdue.length,
    synthMs,
    fromColumnsMs,
    figuresMedianMs: median(times),
    figuresMinMs: Math.min(...times),
    figuresRunsMs: times,
    partitionedMedianMs: median(partTimes),
    partitions,
  };
  log.free();
  return result;
}
