// renda's lean figures module for dashboards: the columnar suggestion log and its figures
// only, over the wasm-bindgen output in ../pkg-figures (a fraction of the full module's size:
// no ledger, rules engine, tables or reports). The same classes and errors as `index.js`.

import __wbg_init, {
  initSync as wbgInitSync,
  SuggestionLog as RawSuggestionLog,
  combineFiguresJson,
  NationalDataSet as RawNationalDataSet,
} from "../pkg-figures/renda_wasm.js";
import { wasmModule } from "./common.js";
import { columnarApi } from "./columnar.js";

export * from "./errors.js";

const wasm = wasmModule(__wbg_init, wbgInitSync, new URL("../pkg-figures/renda_wasm_bg.wasm", import.meta.url));

/** Loads the lean WebAssembly module (as `init` of the full API); await it once first. */
export const init = wasm.init;
/** Synchronous initialisation from the module's bytes or a compiled `WebAssembly.Module`. */
export const initSync = wasm.initSync;

const columnar = columnarApi(RawSuggestionLog, combineFiguresJson, RawNationalDataSet, wasm.call);

/** The suggestion lifecycle as columns: typed arrays in, figures out. */
export const SuggestionLog = columnar.SuggestionLog;
/** The figures of disjoint parts (all as of one date) added into the figures of the whole. */
export const combineFigures = columnar.combineFigures;
/** The national data set (renda::national) as `{log, rules, summary, yearEnd}`, as the full API's. */
export const nationalLog = columnar.nationalLog;
