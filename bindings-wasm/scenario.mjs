// Runs one shared scenario file (tests/scenarios/*.json) through the JS API and prints its
// outcome as canonical JSON (sorted keys, compact): a port of core/examples/scenario.rs, whose
// output this must match byte for byte (and Python's `python -m renda.scenario`).
//
// Usage: node bindings-wasm/scenario.mjs FILE
// Exit status: 0 passed, 1 not passed, 2 usage, I/O, invalid JSON or a malformed `queries`
// entry (unknown query, missing or mistyped argument).
//
// The file is read with a small JSON reader that keeps serde_json's data model (integers and
// floats are different numbers, 1 != 1.0; nesting deeper than 127 and lone surrogates are
// errors) so `matches` and the echoed `name` behave as in Rust. Values handed to the API are
// written back as JSON text, so the binding parses exactly what the Rust runner parses.

import { readFileSync } from "node:fs";
import { init, Ledger, RendaError, queries } from "./js/index.js";

// ---------------------------------------------------------------- serde_json's data model

/** A JSON number as serde_json holds it: u64, i64 or f64. */
class Num {
  constructor(kind, value) {
    this.kind = kind; // "u" | "i" (value: BigInt) | "f" (value: number)
    this.value = value;
  }
}

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);

class JsonSyntaxError extends Error {}

/** Parses JSON text the way `serde_json::from_str::<Value>` does; objects become `Map`s. */
function parse(text) {
  let i = 0;
  const fail = (what) => {
    throw new JsonSyntaxError(`${what} at offset ${i}`);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) i++;
      else return;
    }
  };
  const hex4 = () => {
    const h = text.slice(i, i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) fail("invalid escape");
    i += 4;
    return parseInt(h, 16);
  };
  const string = () => {
    i++; // opening quote
    let out = "";
    let start = i;
    for (;;) {
      if (i >= text.length) fail("EOF while parsing a string");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail("control character in string");
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += text.slice(start, i);
      i++;
      const e = text[i++];
      const simple = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      if (e in simple) out += simple[e];
      else if (e === "u") {
        const n = hex4();
        if (n >= 0xdc00 && n <= 0xdfff) fail("lone leading surrogate in hex escape");
        if (n >= 0xd800 && n <= 0xdbff) {
          if (text[i] !== "\\" || text[i + 1] !== "u") fail("unexpected end of hex escape");
          i += 2;
          const n2 = hex4();
          if (n2 < 0xdc00 || n2 > 0xdfff) fail("lone leading surrogate in hex escape");
          out += String.fromCharCode(n, n2);
        } else out += String.fromCharCode(n);
      } else fail("invalid escape");
      start = i;
    }
  };
  const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
  const number = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail("invalid number");
    const tok = m[0];
    i += tok.length;
    if (!m[2] && !m[3]) {
      const b = BigInt(tok);
      if (b === 0n && tok.startsWith("-")) return new Num("f", -0);
      if (b >= 0n && b <= U64_MAX) return new Num("u", b);
      if (b < 0n && b >= I64_MIN) return new Num("i", b);
    }
    const f = Number(tok);
    if (!Number.isFinite(f)) fail("number out of range");
    return new Num("f", f);
  };
  let depth = 0;
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      if (++depth >= 128) fail("recursion limit exceeded");
      i++;
      let out;
      if (c === "[") {
        out = [];
        ws();
        if (text[i] === "]") i++;
        else
          for (;;) {
            out.push(value());
            ws();
            if (text[i] === ",") i++;
            else if (text[i] === "]") {
              i++;
              break;
            } else fail("expected `,` or `]`");
          }
      } else {
        out = new Map();
        ws();
        if (text[i] === "}") i++;
        else
          for (;;) {
            ws();
            if (text[i] !== '"') fail("key must be a string");
            const k = string();
            ws();
            if (text[i] !== ":") fail("expected `:`");
            i++;
            out.set(k, value());
            ws();
            if (text[i] === ",") i++;
            else if (text[i] === "}") {
              i++;
              break;
            } else fail("expected `,` or `}`");
          }
      }
      depth--;
      return out;
    }
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    for (const [word, v] of [
      ["null", null],
      ["true", true],
      ["false", false],
    ]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail(i >= text.length ? "EOF while parsing a value" : "expected value");
  };
  const v = value();
  ws();
  if (i < text.length) fail("trailing characters");
  return v;
}

/** A plain JS value (as the API returns it) in the same model. */
function fromJs(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (Number.isInteger(v) && !Object.is(v, -0)) return new Num(v < 0 ? "i" : "u", BigInt(v));
    return new Num("f", v);
  }
  if (Array.isArray(v)) return v.map(fromJs);
  if (typeof v === "object") return new Map(Object.entries(v).map(([k, x]) => [k, fromJs(x)]));
  return v;
}

/** serde_json's f64 text (zmij): shortest digits, `.0` on integers, exponent outside 1e-5..1e16. */
function floatText(f) {
  if (f === 0) return Object.is(f, -0) ? "-0.0" : "0.0";
  const sign = f < 0 ? "-" : "";
  const [mant, exp] = Math.abs(f).toExponential().split("e");
  const digits = mant.replace(".", "");
  const e = Number(exp);
  if (e >= -5 && e <= 15) {
    if (digits.length - 1 <= e) return sign + digits + "0".repeat(e - digits.length + 1) + ".0";
    if (e >= 0) return sign + digits.slice(0, e + 1) + "." + digits.slice(e + 1);
    return sign + "0." + "0".repeat(-e - 1) + digits;
  }
  const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  return `${sign}${m}e${e < 0 ? "-" : "+"}${Math.abs(e)}`;
}

/** Compact JSON as `serde_json::to_string` writes it. */
function write(v) {
  if (v === null) return "null";
  if (v === true) return "true";
  if (v === false) return "false";
  if (typeof v === "string") return JSON.stringify(v); // same escapes as serde_json
  if (v instanceof Num) return v.kind === "f" ? floatText(v.value) : v.value.toString();
  if (Array.isArray(v)) return `[${v.map(write).join(",")}]`;
  return `{${[...v].map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(",")}}`;
}

/** `serde_json::Value == Value`. */
function equal(a, b) {
  if (a instanceof Num || b instanceof Num) {
    if (!(a instanceof Num && b instanceof Num)) return false;
    if ((a.kind === "f") !== (b.kind === "f")) return false;
    return a.value === b.value;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, k) => equal(x, b[k]));
  }
  if (a instanceof Map || b instanceof Map) {
    return a instanceof Map && b instanceof Map && a.size === b.size && [...a].every(([k, x]) => b.has(k) && equal(x, b.get(k)));
  }
  return a === b;
}

/** `value[key]` of serde_json's `Index`: null unless an object with that key. */
const get = (v, key) => (v instanceof Map && v.has(key) ? v.get(key) : null);

// ---------------------------------------------------------------- the runner

function errorJson(e) {
  return new Map([["error", fromJs(e.info)]]);
}

function run(s) {
  const mismatches = [];
  const rules = write(get(s, "rules"));
  let ledger;
  try {
    ledger = new Ledger(rules);
  } catch (e) {
    if (!(e instanceof RendaError)) throw e;
    return new Map([
      ["name", get(s, "name")],
      ["rules_error", fromJs(e.info)],
      ["passed", false],
      ["mismatches", ["rules"]],
    ]);
  }
  const steps = [];
  const stepList = get(s, "steps");
  for (const [i, step] of (Array.isArray(stepList) ? stepList : []).entries()) {
    // The step's own command envelope is the step minus its `expect`.
    let envelope = step;
    let expect = null;
    if (step instanceof Map) {
      envelope = new Map(step);
      if (envelope.has("expect")) {
        expect = envelope.get("expect");
        envelope.delete("expect");
      }
    }
    let outcome;
    try {
      const events = ledger.execute(write(envelope));
      outcome = new Map([["ok", events.map((e) => e.event.type)]]);
    } catch (e) {
      if (!(e instanceof RendaError)) throw e;
      outcome = errorJson(e);
    }
    if (!matches(expect, outcome)) mismatches.push(`steps[${i}]`);
    steps.push(outcome);
  }
  const figures = [];
  const figureList = get(s, "figures");
  for (const [k, f] of (Array.isArray(figureList) ? figureList : []).entries()) {
    const filter = f instanceof Map && f.has("filter") ? write(f.get("filter")) : undefined;
    const asOf = get(f, "as_of");
    let got;
    try {
      got = fromJs(ledger.figures(typeof asOf === "string" ? asOf : "", filter));
    } catch (e) {
      if (!(e instanceof RendaError)) throw e;
      got = errorJson(e);
    }
    if (!matches(get(f, "expect"), got)) mismatches.push(`figures[${k}]`);
    figures.push(got);
  }
  const views = [];
  const viewList = get(s, "views");
  for (const [k, v] of (Array.isArray(viewList) ? viewList : []).entries()) {
    const id = get(v, "suggestion");
    const asOf = get(v, "as_of");
    let got;
    try {
      got = fromJs(
        ledger.suggestionView(typeof id === "string" ? id : "", typeof asOf === "string" ? asOf : ""),
      );
    } catch (e) {
      if (!(e instanceof RendaError)) throw e;
      got = errorJson(e);
    }
    if (!matches(get(v, "expect"), got)) mismatches.push(`views[${k}]`);
    views.push(got);
  }
  // Queries: only when the file has a `queries` key (checked by `checkQueries`), so the output
  // of files without one is unchanged.
  let queries = null;
  if (s instanceof Map && s.has("queries")) {
    queries = [];
    for (const [k, q] of s.get("queries").entries()) {
      let got;
      try {
        got = fromJs(query(ledger, q));
      } catch (e) {
        if (!(e instanceof RendaError)) throw e;
        got = errorJson(e);
      }
      if (!matches(get(q, "expect"), got)) mismatches.push(`queries[${k}]`);
      queries.push(got);
    }
  }
  // State is a function of the events: replaying the log and restoring a snapshot both
  // reproduce it exactly.
  const snapshot = JSON.stringify(ledger.snapshot());
  const again = (make) => {
    try {
      return JSON.stringify(make().snapshot()) === snapshot;
    } catch (e) {
      if (!(e instanceof RendaError)) throw e;
      return false;
    }
  };
  const replayEqual = again(() => Ledger.replay(ledger.events(), rules));
  const snapshotEqual = again(() => Ledger.restore(ledger.snapshot(), rules));
  if (!replayEqual) mismatches.push("replay");
  if (!snapshotEqual) mismatches.push("snapshot");
  const out = new Map([
    ["name", get(s, "name")],
    ["steps", steps],
    ["figures", figures],
    ["views", views],
    ["events", new Num("u", BigInt(ledger.events().length))],
    ["replay_equal", replayEqual],
    ["snapshot_equal", snapshotEqual],
    ["mismatches", mismatches],
    ["passed", mismatches.length === 0],
  ]);
  if (queries !== null) out.set("queries", queries);
  return out;
}

/**
 * The queries a scenario may ask: name → [required arguments, optional arguments], besides
 * `query` and `expect`. Required arguments are strings; `decimals` is an integer from 0 to 6,
 * `scope` a string or an object, `reader` an object; an optional argument that is absent or
 * null is not given.
 */
/** name → [required, optional] arguments, from core's list (`queries()`, filled after init). */
const QUERIES = new Map();

class QueryError extends Error {}

/** Checks the `queries` key before anything runs: a malformed query is an error in the file,
 * like invalid JSON (exit 2), not an outcome to compare. */
function checkQueries(s) {
  if (!(s instanceof Map) || !s.has("queries")) return;
  const list = s.get("queries");
  if (!Array.isArray(list)) throw new QueryError("`queries` must be an array of queries");
  for (const [k, q] of list.entries()) {
    if (!(q instanceof Map)) throw new QueryError(`queries[${k}] must be an object`);
    const name = q.get("query");
    if (typeof name !== "string") throw new QueryError(`queries[${k}].query must be a string naming the query`);
    if (!QUERIES.has(name)) {
      throw new QueryError(`queries[${k}]: unknown query \`${name}\` (known: ${[...QUERIES.keys()].join(", ")})`);
    }
    const [required, optional] = QUERIES.get(name);
    for (const arg of required) {
      if (typeof q.get(arg) !== "string") throw new QueryError(`queries[${k}].${arg} must be a string (${name})`);
    }
    for (const [key, v] of q) {
      if (key === "query" || key === "expect" || required.includes(key)) continue;
      if (!optional.includes(key)) throw new QueryError(`queries[${k}]: unknown argument \`${key}\` for ${name}`);
      let ok;
      let want;
      if (key === "decimals") {
        [ok, want] = [v instanceof Num && v.kind === "u" && v.value <= 6n, "an integer from 0 to 6"];
      } else if (key === "scope") {
        [ok, want] = [typeof v === "string" || v instanceof Map, "a string or an object"];
      } else {
        [ok, want] = [v instanceof Map, "an object"];
      }
      if (!ok && v !== null) throw new QueryError(`queries[${k}].${key} must be ${want} (${name})`);
    }
  }
}

/** Runs one (checked) query through the JS API. */
function query(ledger, q) {
  const arg = (k) => q.get(k);
  // Optional JSON arguments reach the binding as JSON text, numbers as written in the file.
  const opt = (k) => (get(q, k) === null ? undefined : write(q.get(k)));
  const decimals = get(q, "decimals") === null ? undefined : Number(q.get("decimals").value);
  switch (arg("query")) {
    case "composition":
      return ledger.composition(arg("congress"), arg("as_of"), decimals);
    case "participation":
      return ledger.participation(arg("congress"), arg("from"), arg("to"), decimals);
    case "check_organisation":
      return ledger.checkOrganisation(arg("congress"), arg("as_of"));
    case "compliance":
      return ledger.compliance(arg("congress"), arg("as_of"));
    case "points":
      return ledger.points(arg("congress"), arg("period"), opt("scope"), opt("reader"));
    case "points_publications":
      return ledger.pointsPublications();
    case "deputies":
      return ledger.deputies(arg("as_of"));
    case "voter_issues":
      return ledger.voterIssues(opt("reader"));
    case "archive":
      return ledger.archive(arg("deputy"), opt("reader"));
    case "key_figures":
      return ledger.keyFigures(arg("congress"), arg("as_of"));
    case "key_assessment":
      return ledger.keyAssessment(arg("suggestion"), arg("as_of"), opt("reader"));
    case "supervision_monitor":
      return ledger.supervisionMonitor(arg("congress"), arg("as_of"));
    case "evaluations":
      return ledger.evaluations(opt("reader"));
    case "evaluation_sample":
      return ledger.evaluationSample(arg("evaluation"), arg("as_of"), opt("reader"));
    case "motions":
      return ledger.motions();
    case "motion_figures":
      return ledger.motionFigures(arg("congress"), arg("as_of"));
    case "class_cases":
      return ledger.classCaseReport(arg("as_of"), arg("congress"));
    case "class_case_candidates":
      return ledger.classCaseCandidates(arg("congress"), arg("min_score"));
    case "unit_scores":
      return ledger.unitScores(arg("as_of"), opt("filter"), opt("reader"));
    case "figures_by":
      return ledger.figuresBy(arg("as_of"), arg("by"), opt("filter"), opt("reader"));
    case "plan_ledger":
      return ledger.planLedger(arg("congress"), arg("as_of"));
    default: {
      // Queries without a named method here run through `ledger.query`.
      const args = {};
      for (const [k, v] of q) if (k !== "query" && k !== "expect") args[k] = v;
      return ledger.query(arg("query"), args);
    }
  }
}

/**
 * `expected` matches `actual` when every key of an expected object matches the same key of
 * the actual object (extra actual keys are ignored), arrays match element by element with the
 * same length, and other values are equal. A null expectation matches anything.
 */
function matches(expected, actual) {
  if (expected === null) return true;
  if (expected instanceof Map && actual instanceof Map) {
    return [...expected].every(([k, v]) => actual.has(k) && matches(v, actual.get(k)));
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length === actual.length && expected.every((x, k) => matches(x, actual[k]));
  }
  return equal(expected, actual);
}

/** Keys in UTF-8 byte order, as Rust sorts `String`s. */
function byCodePoint(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Compact JSON with object keys sorted at every level. */
function canonical(v) {
  const sort = (x) => {
    if (x instanceof Map) {
      return new Map([...x.keys()].sort(byCodePoint).map((k) => [k, sort(x.get(k))]));
    }
    if (Array.isArray(x)) return x.map(sort);
    return x;
  };
  return write(sort(v));
}

// ---------------------------------------------------------------- main

async function main() {
  const path = process.argv[2];
  if (path === undefined) {
    process.stderr.write("usage: scenario FILE\n");
    return 2;
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(path));
  } catch (e) {
    process.stderr.write(`cannot read ${path}: ${e.message}\n`);
    return 2;
  }
  let scenario;
  try {
    scenario = parse(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    process.stderr.write(`${path}: invalid JSON: ${e.message}\n`);
    return 2;
  }
  await init();
  for (const s of queries()) QUERIES.set(s.name, [s.required.map(([a]) => a), s.optional.map(([a]) => a)]);
  try {
    checkQueries(scenario);
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    process.stderr.write(`${path}: ${e.message}\n`);
    return 2;
  }
  const out = run(scenario);
  process.stdout.write(canonical(out) + "\n");
  return out.get("passed") === true ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // Where the Rust runner would panic.
    process.stderr.write(`scenario: internal error: ${e?.stack ?? e}\n`);
    process.exitCode = 101;
  },
);
