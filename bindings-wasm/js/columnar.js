// The columnar suggestion log (renda::columnar::SuggestionLog) for both JS entry points:
// typed arrays are checked for their type here and handed to wasm as they are; the rows are
// checked by core. No domain logic lives in this file.

import { json, optJson, filterJson, str, dateArg } from "./common.js";

/** `value` if it is a typed array of class `name` (checked by tag, so any realm's will do). */
function typed(name, field, value) {
  if (Object.prototype.toString.call(value) !== `[object ${name}]`) {
    throw new TypeError(`renda: ${field} must be a ${name}`);
  }
  return value;
}

/** A list of strings (ids, levels) as JSON text. */
function names(dims, key) {
  const v = dims[key];
  if (!Array.isArray(v)) throw new TypeError(`renda: dims.${key} must be an array of strings`);
  return v;
}

/**
 * The `SuggestionLog` class, `combineFigures` and `nationalLog` over one wasm module: `Raw` its
 * generated `SuggestionLog`, `rawCombine` its `combineFiguresJson`, `RawNational` its
 * `NationalDataSet`, `call` its call wrapper, and `fromLedger` (full module only) a function
 * from a `Ledger` to a raw log.
 */
export function columnarApi(Raw, rawCombine, RawNational, call, fromLedger) {
  const token = Symbol("SuggestionLog");
  /** The count column names of `figuresWithUnitTable`, from core, read once. */
  let countColumns;

  class SuggestionLog {
    #raw;

    /** Not for direct use: `SuggestionLog.fromColumns` (or `fromLedger`) make logs. */
    constructor(key, raw) {
      if (key !== token) throw new TypeError("renda: use SuggestionLog.fromColumns to make a SuggestionLog");
      this.#raw = raw;
    }

    /**
     * A log from its columns. `dims`: `{congresses, levels, units, suggestions}` (arrays of
     * strings) and `suggestionCongress` (`Uint32Array`: each suggestion's congress row),
     * `during` (`Uint8Array`: 0 session, 1 recess). Events, in log order: `suggestion`
     * (`Uint32Array`, suggestion rows), `day` (`Int32Array`, days since 1970-01-01), `kind`
     * (`Uint8Array`, lifecycle kind codes), `arg` (`Uint32Array`, payloads). Every row is
     * checked; a bad one throws an `InputError` naming it (`events[3].kind`).
     */
    static fromColumns(dims, suggestion, day, kind, arg) {
      if (dims === null || typeof dims !== "object") throw new TypeError("renda: dims must be an object");
      const text = json({
        congresses: names(dims, "congresses"),
        levels: names(dims, "levels"),
        units: names(dims, "units"),
        suggestions: names(dims, "suggestions"),
      });
      const cols = [
        typed("Uint32Array", "dims.suggestionCongress", dims.suggestionCongress),
        typed("Uint8Array", "dims.during", dims.during),
        typed("Uint32Array", "suggestion", suggestion),
        typed("Int32Array", "day", day),
        typed("Uint8Array", "kind", kind),
        typed("Uint32Array", "arg", arg),
      ];
      return new SuggestionLog(token, call(() => Raw.fromColumns(text, ...cols)));
    }

    #live() {
      if (this.#raw === null) throw new Error("renda: this SuggestionLog has been freed");
      return this.#raw;
    }

    /** Number of events. */
    get length() {
      const raw = this.#live();
      return call(() => raw.length);
    }

    /**
     * The figures as of the end of `asOf` (China time) of the suggestions submitted in this
     * log, optionally filtered (`{congress, submitted_from, submitted_to}`, as
     * `Ledger.figures`), under `rules` (a rule-book spec; default: the ledger's for a log
     * from a ledger, else the national rules). The same object `Ledger.figures` returns.
     */
    figures(asOf, filter, rules) {
      const [raw, date, f, r] = [this.#live(), str("asOf", dateArg(asOf)), filterJson(filter), optJson(rules)];
      return JSON.parse(call(() => raw.figuresJson(date, f, r)));
    }

    /**
     * `figures` with the per-unit figures apart, as columns: `{figures, units}`, where
     * `figures.units` is empty and `units` is `{length, unit, assigned, replied, …}`: `unit`
     * the unit ids (strings), and one `Float64Array` per count (`assigned`, `replied`,
     * `replied_on_time`, `overdue`, `closed`, `A`…`D`, `satisfied`, `basically_satisfied`,
     * `dissatisfied`; the rates follow from them). The form for many units: a national
     * year's units as objects cost more than the figures. Python: `figures_with_unit_table`.
     */
    figuresWithUnitTable(asOf, filter, rules) {
      const [raw, date, f, r] = [this.#live(), str("asOf", dateArg(asOf)), filterJson(filter), optJson(rules)];
      const split = call(() => raw.figuresSplit(date, f, r));
      try {
        const unit = JSON.parse(split.unitsJson());
        const counts = split.counts();
        const units = { length: unit.length, unit };
        (countColumns ??= JSON.parse(split.countColumnsJson())).forEach((name, i) => {
          units[name] = counts.subarray(i * unit.length, (i + 1) * unit.length);
        });
        return { figures: JSON.parse(split.figuresJson()), units };
      } finally {
        split.free();
      }
    }

    /**
     * The log split into `parts` logs, each holding whole congresses (congress row modulo
     * `parts`); their figures `combineFigures` into the figures of the whole.
     */
    partition(parts) {
      if (!Number.isInteger(parts) || parts < 1 || parts > 0xffffffff) {
        throw new RangeError("renda: parts must be a whole number from 1 to 2^32 - 1");
      }
      const raw = this.#live();
      return call(() => raw.partition(parts)).map((p) => new SuggestionLog(token, p));
    }

    /**
     * The columns, as `fromColumns` takes them: `{dims: {congresses, levels, units,
     * suggestions, suggestionCongress, during}, suggestion, day, kind, arg}` (copies).
     */
    columns() {
      const raw = this.#live();
      return call(() => ({
        dims: {
          ...JSON.parse(raw.dimensionsJson()),
          suggestionCongress: raw.suggestionCongress(),
          during: raw.during(),
        },
        suggestion: raw.suggestionColumn(),
        day: raw.dayColumn(),
        kind: raw.kindColumn(),
        arg: raw.argColumn(),
      }));
    }

    /** Frees the WebAssembly memory now (otherwise the garbage collector does it). Idempotent. */
    free() {
      if (this.#raw !== null) {
        const raw = this.#raw;
        this.#raw = null;
        raw.free();
      }
    }
  }

  if (fromLedger) {
    /** The suggestion lifecycle of a ledger's log; its figures default to the ledger's rules. */
    SuggestionLog.fromLedger = (ledger) => new SuggestionLog(token, fromLedger(ledger));
  }

  /** The figures of disjoint parts (all as of one date) added into the figures of the whole. */
  function combineFigures(parts) {
    if (!Array.isArray(parts)) throw new TypeError("renda: combineFigures takes an array of figures");
    const text = json(parts);
    return JSON.parse(call(() => rawCombine(text)));
  }

  /**
   * The national data set (renda::national): one year of suggestion handling in every congress
   * of the country at `scale` (1: ~2.5 M suggestions), deterministic for `{seed, scale, year}`
   * (each optional). Returns `{log, rules, summary, yearEnd}`: the log (its figures default to
   * the data set's rules), the rule book as a rules spec for `figures(asOf, filter, rules)`
   * (working-day deadlines at county and township level), what was generated, and the last day
   * of the year.
   */
  function nationalLog(config = {}) {
    if (config === null || typeof config !== "object") throw new TypeError("renda: config must be an object");
    const text = json(config);
    const raw = call(() => RawNational.generate(text));
    try {
      return call(() => ({
        log: new SuggestionLog(token, raw.takeLog()),
        rules: JSON.parse(raw.rulesJson()),
        summary: JSON.parse(raw.summaryJson()),
        yearEnd: raw.yearEnd,
      }));
    } finally {
      raw.free();
    }
  }

  return { SuggestionLog, combineFigures, nationalLog };
}
