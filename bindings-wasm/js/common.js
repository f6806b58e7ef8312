// Shared by renda's two JS entry points, `index.js` (the full API, ../pkg) and `figures.js`
// (the lean figures module, ../pkg-figures): loading a wasm-bindgen module and the argument
// conversions (the typed errors are in errors.js). No domain logic lives in this file.

import { RendaError, InputError } from "./errors.js";

// ---------------------------------------------------------------- loading

const isNode =
  typeof process === "object" &&
  process !== null &&
  typeof process.versions === "object" &&
  process.versions !== null &&
  typeof process.versions.node === "string";

// Kept out of a literal import so browser bundlers do not try to resolve it.
const NODE_FS = "node:fs/promises";

/**
 * The loader and the call wrapper of one wasm-bindgen module: `wbgInit` and `wbgInitSync` are
 * its generated init functions, `defaultWasm` the URL of its .wasm (read from disk in node).
 * Returns `{init, initSync, ensureReady, call}`.
 */
export function wasmModule(wbgInit, wbgInitSync, defaultWasm) {
  let ready = false;
  // The wasm module throws the error's wire form as a JSON string. Anything else it throws is
  // a trap (`WebAssembly.RuntimeError`): a bug in renda, after which the module's memory
  // cannot be trusted, so every later call fails fast instead of computing on corrupt state.
  let broken = null;

  /**
   * Loads the WebAssembly module; call (and await) once before anything else.
   * In node, `input` may be omitted (the .wasm next to the generated JS is read), or be a
   * path, a file URL, bytes or a `WebAssembly.Module`. In a browser it is anything
   * wasm-bindgen's init accepts (URL, `Response`, bytes, `WebAssembly.Module`); omitted, the
   * .wasm is fetched from beside the generated JS.
   */
  async function init(input) {
    if (ready) return;
    if (isNode && (input === undefined || typeof input === "string" || input instanceof URL)) {
      const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS);
      let where = input ?? defaultWasm;
      if (typeof where === "string" && where.startsWith("file:")) where = new URL(where);
      wbgInitSync({ module: await readFile(where) });
    } else {
      await wbgInit(input === undefined ? undefined : { module_or_path: input });
    }
    ready = true;
  }

  /** Synchronous initialisation from the module's bytes or a compiled `WebAssembly.Module`. */
  function initSync(module) {
    if (ready) return;
    wbgInitSync({ module });
    ready = true;
  }

  function ensureReady() {
    if (!ready) throw new Error("renda: the WebAssembly module is not loaded; `await init()` first");
    if (broken) throw new Error("renda: the WebAssembly module failed earlier (a bug in renda) and must be reloaded", { cause: broken });
  }

  function call(f) {
    ensureReady();
    try {
      return f();
    } catch (e) {
      if (typeof e === "string") {
        let info;
        try {
          info = JSON.parse(e);
        } catch {
          throw new Error(e);
        }
        throw RendaError.fromInfo(info);
      }
      if (e instanceof WebAssembly.RuntimeError) {
        broken = e;
        throw new Error(`renda: internal error in the WebAssembly module (${e.message}); this is a bug in renda. The module cannot be used again until the page or process is reloaded.`, { cause: e });
      }
      throw e;
    }
  }

  return { init, initSync, ensureReady, call };
}

// ---------------------------------------------------------------- conversions

/**
 * A JS `Date` as its exact instant (RFC 3339); core takes its date in China time. Strings pass
 * through.
 */
export function dateArg(d) {
  if (!(d instanceof Date)) return d;
  return Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString(); // core reports bad dates
}

/**
 * Whether a string is well-formed UTF-16. A lone surrogate would silently become U+FFFD on
 * its way into wasm, so such text is refused instead.
 */
export const wellFormed = (s) => (typeof s.isWellFormed === "function" ? s.isWellFormed() : !/\p{Cs}/u.test(s));

/** An `InputError` raised here, shaped like core's. */
export function inputError(code, field, message) {
  return new InputError({ code, kind: "input", message, field, value: null, rule: null });
}

/** JSON text for a value; strings are taken to be JSON text already. */
export function json(value) {
  if (typeof value === "string") {
    if (!wellFormed(value)) throw inputError("invalid_json", null, "invalid JSON: text is not valid Unicode (lone surrogate)");
    return value;
  }
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    // Nesting deeper than the JS stack: not JSON renda could take either.
    if (e instanceof RangeError) throw inputError("invalid_json", null, `invalid JSON: the value cannot be written as JSON (${e.message})`);
    throw e;
  }
  if (text === undefined) throw new TypeError("renda: expected an object, an array or JSON text");
  return text;
}

/** An optional JSON argument: `undefined` and `null` mean "not given". */
export function optJson(value) {
  return value === undefined || value === null ? undefined : json(value);
}

export function filterJson(filter) {
  if (filter === undefined || filter === null) return undefined;
  if (typeof filter !== "object" || Array.isArray(filter)) return json(filter);
  const out = {};
  for (const [k, v] of Object.entries(filter)) out[k] = dateArg(v);
  return json(out);
}

// The wire field each plain string argument stands for, for errors.
const FIELD_OF = { asOf: "as_of", id: "suggestion", name: "rules.preset", stated: "stated_percent" };

export function str(name, value) {
  if (typeof value !== "string") throw new TypeError(`renda: ${name} must be a string`);
  const field = FIELD_OF[name] ?? name;
  if (!wellFormed(value)) throw inputError("invalid_field", field, `invalid value for \`${field}\`: not valid Unicode (lone surrogate)`);
  return value;
}

/** A number of decimals, 0 to 6. */
export function decimalsArg(n) {
  if (!Number.isInteger(n) || n < 0 || n > 6) throw new RangeError("renda: decimals must be an integer from 0 to 6");
  return n;
}
