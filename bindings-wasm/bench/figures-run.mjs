// The figures benchmark body, the same in node and in a browser page (examples/web/bench.html):
// generates the national data set (`nationalLog`, renda::national) with the module given (the
// lean `renda/figures` or the full API), then times `figures(yearEnd, undefined, rules)`, the
// year-end figures replayed from the log under the data set's rule book (replay + figures),
// and `figuresWithUnitTable` (the same, the per-unit figures as typed columns instead of
// objects): `warmup` untimed runs, then `runs` timed ones. core/examples/figures_bench.rs
// times the same operation natively. Returns the timings in milliseconds; asserts nothing about them.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * `api`: a loaded module exporting `nationalLog`, `SuggestionLog` and `combineFigures`.
 * `config`: `{seed, scale, year, warmup, runs, partitions}`.
 */
export function runFiguresBench(api, { warmup = 2, runs = 7, partitions = 4, seed = 2024, scale = 0.04, year = 2024 } = {}) {
  const now = () => performance.now();
  let t = now();
  const { log, rules, summary, yearEnd } = api.nationalLog({ seed, scale, year });
  const generateMs = now() - t;
  /** `warmup` untimed runs of `f`, then the times of `runs` timed ones; and the last result. */
  const time = (f) => {
    let last;
    for (let i = 0; i < warmup; i++) last = f();
    const times = [];
    for (let i = 0; i < runs; i++) {
      t = now();
      last = f();
      times.push(now() - t);
    }
    return [times, last];
  };
  // The figures as one object (per-unit rows as objects), and with the per-unit figures as
  // typed columns (what a dashboard of many units reads).
  const [times, figures] = time(() => log.figures(yearEnd, undefined, rules));
  const [tableTimes, split] = time(() => log.figuresWithUnitTable(yearEnd, undefined, rules));
  if (split.units.length !== figures.units.length || split.figures.counts.submitted !== figures.counts.submitted) {
    throw new Error("figuresWithUnitTable disagrees with figures");
  }
  // The same figures from a partition, combined (what a dashboard does per province).
  const parts = log.partition(partitions);
  const partTimes = [];
  for (let i = 0; i < runs; i++) {
    t = now();
    api.combineFigures(parts.map((p) => p.figures(yearEnd, undefined, rules)));
    partTimes.push(now() - t);
  }
  parts.forEach((p) => p.free());
  const result = {
    seed,
    scale,
    year,
    suggestions: summary.suggestions,
    congresses: summary.congresses_by_level.reduce((a, b) => a + b, 0),
    events: log.length,
    asOf: yearEnd,
    submitted: figures.counts.submitted,
    overdue: figures.overdue.length,
    generateMs,
    warmup,
    figuresMedianMs: median(times),
    figuresMinMs: Math.min(...times),
    figuresRunsMs: times,
    units: split.units.length,
    unitTableMedianMs: median(tableTimes),
    unitTableMinMs: Math.min(...tableTimes),
    partitionedMedianMs: median(partTimes),
    partitions,
  };
  log.free();
  return result;
}
