// renda for JavaScript: a thin, hand-written layer over the wasm-bindgen output in ../pkg.
//
// Every method converts its arguments to JSON text, calls one method of the wasm module
// (which calls one function of renda's JSON facade, `renda::api`), and parses the JSON text
// it returns. Errors arrive as the error's wire form and become typed `RendaError`s here.
// No domain logic lives in this file.

import __wbg_init, {
  initSync as wbgInitSync,
  Ledger as RawLedger,
  ruleSetPresetJson,
  labelsJson,
  checkFigureJson,
  isReproducible as rawIsReproducible,
  verifyLogJson,
  candidateGroupsJson,
  querySpecsJson,
  SuggestionLog as RawSuggestionLog,
  combineFiguresJson,
  NationalDataSet as RawNationalDataSet,
} from "../pkg/renda_wasm.js";
import {
  wasmModule,
  dateArg,
  inputError,
  json,
  optJson,
  filterJson,
  str,
  decimalsArg,
} from "./common.js";
import { columnarApi } from "./columnar.js";

export * from "./errors.js";

// ---------------------------------------------------------------- initialisation

const wasm = wasmModule(__wbg_init, wbgInitSync, new URL("../pkg/renda_wasm_bg.wasm", import.meta.url));
const { ensureReady, call } = wasm;

/**
 * Loads the WebAssembly module; call (and await) once before anything else. In node, `input`
 * may be omitted (the .wasm next to the generated JS is read), or be a path, a file URL, bytes
 * or a `WebAssembly.Module`. In a browser it is anything wasm-bindgen's init accepts (URL,
 * `Response`, bytes, `WebAssembly.Module`); omitted, the .wasm is fetched from beside the
 * generated JS.
 */
export const init = wasm.init;
/** Synchronous initialisation from the module's bytes or a compiled `WebAssembly.Module`. */
export const initSync = wasm.initSync;

// ---------------------------------------------------------------- the ledger

/** Spreadsheet bytes: a `Uint8Array` (or other view), an `ArrayBuffer`, or text (UTF-8 encoded). */
function sheetBytes(data) {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError("renda: the sheet must be a Uint8Array, an ArrayBuffer or a string");
}

/** Import options in camelCase → core's JSON (`office_id`, `max_rows`, `max_cell_chars`). */
function importOptions(options) {
  if (options === undefined || options === null) return undefined;
  const { officeId, maxRows, maxCellChars, ...rest } = options;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new TypeError(`renda: unknown import option ${unknown[0]}`);
  return JSON.stringify({ office_id: officeId, max_rows: maxRows, max_cell_chars: maxCellChars });
}

class Wrapped {
  constructor(raw) {
    this.raw = raw;
  }
}

// The wasm object of a Ledger, for `SuggestionLog.fromLedger` (set in Ledger's static block).
let rawLedgerOf;

/** An event-sourced ledger: commands in, events out; figures derived as of a date. */
export class Ledger {
  #raw;

  static {
    rawLedgerOf = (ledger) => {
      if (!(ledger instanceof Ledger)) throw new TypeError("renda: expected a Ledger");
      return ledger.#live();
    };
  }

  /** An empty ledger. `rules`: a rule-book spec (object, array or JSON text); default national. */
  constructor(rules) {
    if (rules instanceof Wrapped) {
      this.#raw = rules.raw;
    } else {
      const spec = optJson(rules);
      this.#raw = call(() => new RawLedger(spec));
    }
  }

  /** A ledger continuing from a snapshot (object or JSON text). */
  static restore(snapshot, rules) {
    const [snap, spec] = [json(snapshot), optJson(rules)];
    return new Ledger(new Wrapped(call(() => RawLedger.restoreJson(snap, spec))));
  }

  /** A ledger rebuilt from its event log (array or JSON text). */
  static replay(events, rules) {
    const [log, spec] = [json(events), optJson(rules)];
    return new Ledger(new Wrapped(call(() => RawLedger.replayJson(log, spec))));
  }

  #live() {
    if (this.#raw === null) throw new Error("renda: this Ledger has been freed");
    return this.#raw;
  }

  /** Executes a command envelope (object or JSON text); returns the events it recorded. */
  execute(command) {
    const [raw, text] = [this.#live(), json(command)];
    return JSON.parse(call(() => raw.executeJson(text)));
  }

  /** Checks a command without executing it; returns the event kinds it would record. */
  decide(command) {
    const [raw, text] = [this.#live(), json(command)];
    return JSON.parse(call(() => raw.decideJson(text)));
  }

  /**
   * The event log (since creation, or since the snapshot it was restored from). With `reader`
   * (an actor `{role, id}`): as that reader may see it (hidden ratings and personal data left out).
   */
  events(reader) {
    const raw = this.#live();
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.eventsJson()));
    const r = json(reader);
    return JSON.parse(call(() => raw.eventsAsJson(r)));
  }

  /** A snapshot of the current state. */
  snapshot() {
    const raw = this.#live();
    return JSON.parse(call(() => raw.snapshotJson()));
  }

  /**
   * The figures as of the end of `asOf` (China time), optionally filtered; with `reader`, as
   * that actor may see them (the public only up to the last publication: `not_published`).
   */
  figures(asOf, filter, reader) {
    const [raw, date, f] = [this.#live(), str("asOf", dateArg(asOf)), filterJson(filter)];
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.figuresJson(date, f)));
    const r = json(reader);
    return JSON.parse(call(() => raw.figuresAsJson(r, date, f)));
  }

  /**
   * The table `name` (one of `Ledger.tables()`) as of the end of `asOf` (absent: the day of the
   * last event); with `reader`, as that actor may see it. Returns `{ name, asOf, length,
   * columns, types, labels }`: `columns` maps each column name to a typed array or an array —
   * `int64` and `float64` columns a `Float64Array` (NaN where missing), `date` columns a
   * `Float64Array` of days since 1970-01-01 (NaN where missing; `new Date(d * 86400000)`),
   * `bool` columns a `Uint8Array` (0, 1; 2 where missing), `category` and `utf8` columns an
   * array of strings (`null` where missing). `labels` maps each column to `{zh, en}`.
   */
  table(name, asOf, reader) {
    const raw = this.#live();
    const n = str("name", name);
    const d = asOf === undefined || asOf === null ? undefined : str("asOf", dateArg(asOf));
    const r = reader === undefined || reader === null ? undefined : json(reader);
    const t = call(() => raw.table(n, d, r));
    try {
      const specs = JSON.parse(t.columnsJson());
      const columns = {};
      const types = {};
      const labels = {};
      specs.forEach((c, i) => {
        types[c.name] = c.type;
        labels[c.name] = c.label;
        switch (c.type) {
          case "int64":
          case "float64":
          case "date":
            columns[c.name] = t.numbers(i);
            break;
          case "bool":
            columns[c.name] = t.flags(i);
            break;
          case "category": {
            const dict = t.dictionary(i);
            columns[c.name] = Array.from(t.codes(i), (k) => (k < 0 ? null : dict[k]));
            break;
          }
          default:
            columns[c.name] = JSON.parse(t.textsJson(i));
        }
      });
      return { name: t.name, asOf: t.asOf, length: t.length, columns, types, labels };
    } finally {
      t.free();
    }
  }

  /** The names of the tables `table` offers, in order. */
  static tables() {
    return call(() => RawLedger.tableNames());
  }

  /** A suggestion with its derived facts (status, due date, overdue days) as of `asOf`. */
  suggestionView(id, asOf, reader) {
    const [raw, sid, date] = [this.#live(), str("id", id), str("asOf", dateArg(asOf))];
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.suggestionViewJson(sid, date)));
    const r = json(reader);
    return JSON.parse(call(() => raw.suggestionViewAsJson(r, sid, date)));
  }

  // -------------------------------------------------------------- motions (议案, W4)

  /** Every motion (议案) with sponsors, review decision, handling years and status, by id. */
  motions() {
    const raw = this.#live();
    return JSON.parse(call(() => raw.motionsJson()));
  }

  /** Every scheduled congress session with its motion submission window (L-2). */
  sessions() {
    const raw = this.#live();
    return JSON.parse(call(() => raw.sessionsJson()));
  }

  /** Motion figures of a congress as of `asOf` (件, 项, phases, completion, participation). */
  motionFigures(congress, asOf) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return JSON.parse(call(() => raw.motionFiguresJson(str("congress", congress), d)));
  }

  // ------------------------------------------- key suggestions, supervision, evaluation (W2, W3)

  /** Key-suggestion figures (W2): designations, meetings, outcomes, published assessment. */
  keyFigures(congress, asOf) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return JSON.parse(call(() => raw.keyFiguresJson(str("congress", congress), d)));
  }

  /** A key suggestion's back-to-back assessment (R-S8); with `reader`, `not_published` for a
   * handling unit, the government office or the public until it is announced. */
  keyAssessment(suggestion, asOf, reader) {
    const raw = this.#live();
    const [s, d] = [str("suggestion", suggestion), dateArg(asOf)];
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.keyAssessmentJson(s, d)));
    const r = json(reader);
    return JSON.parse(call(() => raw.keyAssessmentAsJson(r, s, d)));
  }

  /** Suggestions under an active supervision overlay on `asOf`, with leads, monitors and due dates. */
  supervisionMonitor(congress, asOf) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return JSON.parse(call(() => raw.supervisionMonitorJson(str("congress", congress), d)));
  }

  /** Third-party evaluations of suggestion handling (W3); with `reader`, those it may see. */
  evaluations(reader) {
    const raw = this.#live();
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.evaluationsJson()));
    const r = json(reader);
    return JSON.parse(call(() => raw.evaluationsAsJson(r)));
  }

  /** An evaluation's sampled suggestions as views; an evaluator reader sees only its own sample. */
  evaluationSample(evaluation, asOf, reader) {
    const raw = this.#live();
    const [e, d] = [str("evaluation", evaluation), dateArg(asOf)];
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.evaluationSampleJson(e, d)));
    const r = json(reader);
    return JSON.parse(call(() => raw.evaluationSampleAsJson(r, e, d)));
  }

  // ------------------------------------------- class cases, unit scores, breakdowns (W1, R-S5, R-S6)

  /** Every class case (类案: similar suggestions merged under one lead unit), by id. */
  classCases() {
    const raw = this.#live();
    return JSON.parse(call(() => raw.classCasesJson()));
  }

  /** The class cases as of `asOf` (of one congress, or all) with their figures (项 and 件). */
  classCaseReport(asOf, congress) {
    const raw = this.#live();
    const d = dateArg(asOf);
    const c = congress === undefined || congress === null ? undefined : str("congress", congress);
    return JSON.parse(call(() => raw.classCaseReportJson(d, c)));
  }

  /** Candidate class-case groups among ungrouped suggestions, ranked by Chinese text
   * similarity; never merges (a person decides with `merge_suggestions`). */
  classCaseCandidates(congress, minScore = "0.15") {
    const raw = this.#live();
    if (typeof minScore !== "number" && typeof minScore !== "string") {
      throw inputError("invalid_field", "min_score", "min_score must be a number or a string");
    }
    const c = str("congress", congress);
    return JSON.parse(call(() => raw.classCaseCandidatesJson(c, String(minScore))));
  }

  /** Handling units ranked by a configurable score (timeliness, results, feedback; R-S6). */
  unitScores(asOf, filter, reader) {
    const raw = this.#live();
    const [d, f] = [dateArg(asOf), filterJson(filter)];
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.unitScoresJson(d, f)));
    const r = json(reader);
    return JSON.parse(call(() => raw.unitScoresAsJson(r, d, f)));
  }

  /** Figures broken down by "unit", "topic", "level", "year", "quarter" or "month". */
  figuresBy(asOf, by, filter, reader) {
    const raw = this.#live();
    const [d, b, f] = [dateArg(asOf), str("by", by), filterJson(filter)];
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.figuresByJson(d, b, f)));
    const r = json(reader);
    return JSON.parse(call(() => raw.figuresByAsJson(r, d, b, f)));
  }

  /**
   * Runs the named query with its arguments (an object; `queries()` lists every query with
   * its arguments, the same as Rust's `Ledger::query_json` and Python's `Ledger.query`) and
   * returns its answer. Dates may be `Date`s; a numeric `year` is sent as text.
   */
  query(name, args) {
    const raw = this.#live();
    const q = { query: str("name", name) };
    for (const [k, v] of Object.entries(args ?? {})) {
      q[k] = v instanceof Date ? dateArg(v) : k === "year" && typeof v === "number" ? String(v) : v;
    }
    return JSON.parse(call(() => raw.queryJson(JSON.stringify(q))));
  }

  /** The plan ledger (列入计划, R-S5) per year and over the term as of `asOf` (S001-16). */
  planLedger(congress, asOf) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return JSON.parse(call(() => raw.planLedgerJson(str("congress", congress), d)));
  }

  /** Reply due dates of a scope (`{unit}`, `{deputy}` or `{congress}`) as iCalendar text. */
  toIcal(asOf, scope) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return call(() => raw.toIcal(d, json(scope)));
  }

  /**
   * The annual work report (年度工作报告) for `request` (`{congress, year}` or
   * `{congress, from, to}`, optional `office` figures). `format` "json" (default) returns the
   * typed report as an object; "markdown" and "html" return text in `lang` ("zh" or "en").
   */
  annualReport(request, { format = "json", lang = "zh" } = {}) {
    const raw = this.#live();
    const text = call(() => raw.annualReport(json(request), str("format", format), str("lang", lang)));
    return format === "json" ? JSON.parse(text) : text;
  }

  /** The current state; with `reader`, as that actor may see it. */
  state(reader) {
    const raw = this.#live();
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.stateJson()));
    const r = json(reader);
    return JSON.parse(call(() => raw.stateAsJson(r)));
  }

  /** The deputies, one flat record each, with their status on `asOf` (no personal data). */
  deputies(asOf) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return JSON.parse(call(() => raw.deputiesJson(d)));
  }

  /** One record per deputy and activity (counting rows counts 人次). */
  participations() {
    const raw = this.#live();
    return JSON.parse(call(() => raw.participationsJson()));
  }

  /** One flat record per voter issue (W7); with `reader`, only those that actor may see. */
  voterIssues(reader) {
    const raw = this.#live();
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.voterIssuesJson()));
    const r = json(reader);
    return JSON.parse(call(() => raw.voterIssuesAsJson(r)));
  }

  /** The points of `period` ("2025" or "2025-Q1") as they stand now; `scope` is "congress"
   * (default) or `{station: id}`. With `reader`: the public sees only publications
   * (`not_published`), a deputy only their own row. */
  points(congress, period, scope, reader) {
    const raw = this.#live();
    const sc = optJson(scope);
    const c = str("congress", congress);
    const p = str("period", period);
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.pointsJson(c, p, sc)));
    const r = json(reader);
    return JSON.parse(call(() => raw.pointsAsJson(r, c, p, sc)));
  }

  /** Deputies below the interview threshold (约谈, R-D2) in the latest annual publication. */
  interviewRecommendations(congress) {
    const raw = this.#live();
    return JSON.parse(call(() => raw.interviewRecommendationsJson(str("congress", congress))));
  }

  /** Every points publication, rows frozen as published. */
  pointsPublications() {
    const raw = this.#live();
    return JSON.parse(call(() => raw.pointsPublicationsJson()));
  }

  /** Duty compliance (R-D1) of a congress's deputies as of `asOf`. */
  compliance(congress, asOf) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return JSON.parse(call(() => raw.complianceJson(str("congress", congress), d)));
  }

  /** Composition figures of a congress as of `asOf` (typed counts, explicit rounding). */
  composition(congress, asOf, decimals = 2) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return JSON.parse(call(() => raw.compositionJson(str("congress", congress), d, decimalsArg(decimals))));
  }

  /** Activity person-times over deputies in office (with a unit-mismatch warning, S000-8). */
  participation(congress, from, to, decimals = 1) {
    const raw = this.#live();
    const f = dateArg(from);
    const t = dateArg(to);
    return JSON.parse(call(() => raw.participationJson(str("congress", congress), f, t, decimalsArg(decimals))));
  }

  /** The organisation checks: deputy quota (L-7), committee size (L-6), two-term share (R-O1). */
  checkOrganisation(congress, asOf) {
    const raw = this.#live();
    const d = dateArg(asOf);
    return JSON.parse(call(() => raw.checkOrganisationJson(str("congress", congress), d)));
  }

  /** A deputy's performance archive (履职档案). */
  archive(deputy, reader) {
    const raw = this.#live();
    const d = str("deputy", deputy);
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.archiveJson(d)));
    const r = json(reader);
    return JSON.parse(call(() => raw.archiveAsJson(r, d)));
  }

  /** All suggestions, ordered by id; with `reader`, as that actor may see them. */
  suggestions(reader) {
    const raw = this.#live();
    if (reader === undefined || reader === null) return JSON.parse(call(() => raw.suggestionsJson()));
    const r = json(reader);
    return JSON.parse(call(() => raw.suggestionsAsJson(r)));
  }

  /**
   * Imports the suggestion ledger (建议台账) from CSV (UTF-8, with or without BOM): the commands
   * that bring the ledger to what the sheet says, executed all or nothing. Returns the plan
   * executed, `{commands: [{row, column, value, command}], ignored_columns}`. A bad sheet throws
   * a `SheetError` listing every row error, and changes nothing. `options`: `{officeId,
   * maxRows, maxCellChars}` (the office submits, accepts and assigns; default id `office`).
   */
  importCsv(data, options) {
    const [raw, bytes, opts] = [this.#live(), sheetBytes(data), importOptions(options)];
    return JSON.parse(call(() => raw.importCsvJson(bytes, opts, true)));
  }

  /** The plan `importCsv` would execute, without executing it. */
  planImportCsv(data, options) {
    const [raw, bytes, opts] = [this.#live(), sheetBytes(data), importOptions(options)];
    return JSON.parse(call(() => raw.importCsvJson(bytes, opts, false)));
  }

  /**
   * The suggestion ledger as CSV bytes: one row per suggestion, Chinese headers, dates
   * `YYYY-MM-DD`, zh labels; a UTF-8 BOM (for Excel) unless `{bom: false}`; only the
   * suggestions to `congress` if given. `importCsv` reads it back.
   */
  exportCsv(options) {
    const raw = this.#live();
    const opts = options === undefined || options === null
      ? undefined
      : JSON.stringify({ bom: options.bom, congress: options.congress });
    return call(() => raw.exportCsv(opts));
  }

  /** Sequence number of the last event (0 when empty). */
  get seq() {
    const raw = this.#live();
    return call(() => raw.seq);
  }

  /** The head of the hash chain `{seq, hash}`; keep or publish it to detect later truncation. */
  head() {
    const raw = this.#live();
    return JSON.parse(call(() => raw.headJson()));
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

/** A preset rule set by name: `national` or `beijing-district`. */
/**
 * The demo district (renda::demo): a fictional district congress over (up to) a five-year term,
 * calibrated on the seeds and deterministic for a seed, generated by executing every command
 * through the rules. `config` may give any field of the configuration (`{}`: the default
 * district). Returns `{ ledger, congress, congresses, firstYear, years }`.
 */
export function demoDistrict(config = {}) {
  ensureReady();
  const text = json(config);
  const summary = JSON.parse(call(() => RawLedger.demoSummaryJson(text)));
  const ledger = new Ledger(new Wrapped(call(() => RawLedger.demoDistrictJson(text))));
  return {
    ledger,
    congress: summary.congresses[0],
    congresses: summary.congresses,
    firstYear: summary.first_year,
    years: summary.years,
  };
}

export function ruleSetPreset(name) {
  const n = str("name", name);
  return JSON.parse(call(() => ruleSetPresetJson(n)));
}

// ---------------------------------------------------------------- the columnar suggestion log

const columnar = columnarApi(RawSuggestionLog, combineFiguresJson, RawNationalDataSet, call, (ledger) => {
  const raw = rawLedgerOf(ledger);
  return call(() => RawSuggestionLog.fromLedger(raw));
});

/**
 * The suggestion lifecycle as columns (renda::columnar): typed arrays in, figures out, at
 * memory speed over a national year. `SuggestionLog.fromLedger(ledger)` takes a ledger's.
 */
export const SuggestionLog = columnar.SuggestionLog;
/** The figures of disjoint parts (all as of one date) added into the figures of the whole. */
export const combineFigures = columnar.combineFigures;
/**
 * The national data set (renda::national), deterministic for `{seed, scale, year}`:
 * `{log, rules, summary, yearEnd}`; `log.figures(yearEnd, undefined, rules)` are its annual
 * figures under its rule book (working-day deadlines at county and township level).
 */
export const nationalLog = columnar.nationalLog;

// ---------------------------------------------------------------- labels and statistics

let labelCache = null;

/** Every named query with its required and optional arguments (`ledger.query`). */
export function queries() {
  return JSON.parse(call(() => querySpecsJson()));
}

/**
 * The label catalog: for each group (`role`, `suggestion_status`, `event`, `error_code`, …)
 * the wire name of each value mapped to `{zh, en}`. Read once from core, then cached; each
 * call returns a fresh copy.
 */
export function labels() {
  if (labelCache === null) labelCache = call(() => labelsJson());
  return JSON.parse(labelCache);
}

/**
 * Checks a published percentage `{numerator, numerator_unit, denominator, denominator_unit,
 * stated_percent}` (object or JSON text): `{reproducible, decimals, computed_percent, warnings}`.
 */
export function checkFigure(figure) {
  const text = json(figure);
  return JSON.parse(call(() => checkFigureJson(text)));
}

/** Whether some whole numerator in 0..=denominator gives `stated` at its own precision. */
export function isReproducible(stated, denominator) {
  const s = str("stated", stated);
  if (typeof denominator !== "number") throw new TypeError("renda: denominator must be a number");
  return call(() => rawIsReproducible(s, denominator));
}

/**
 * Verifies the SHA-256 hash chain of an event log (array or JSON text):
 * `{ok: true, events, head}` or `{ok: false, events, break: {index, seq, problem, expected, found}}`.
 */
/** Candidate class-case groups among free-standing items `[{suggestion, title}]`, ranked. */
export function candidateGroups(items, params) {
  const [i, p] = [json(items), optJson(params)];
  return JSON.parse(call(() => candidateGroupsJson(i, p)));
}

export function verifyLog(events) {
  const text = json(events);
  return JSON.parse(call(() => verifyLogJson(text)));
}
