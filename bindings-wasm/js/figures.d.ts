// Types of renda's lean figures module (`renda/figures`): the columnar suggestion log and its
// figures only. The types are those of the full API (`./index.js`).

import type * as T from "./index.js";

export type {
  DateString,
  FigureFilter,
  Figures,
  InitInput,
  NationalConfig,
  NationalSummary,
  RulesSpec,
  SuggestionColumns,
  SuggestionDimensions,
  SuggestionLogOps,
  UnitFigureTable,
} from "./index.js";
export {
  RendaError,
  InputError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RuleViolationError,
  CalendarError,
  RuleSetError,
  IntegrityError,
  SheetError,
} from "./index.js";

/** Loads the lean WebAssembly module; await it once before using anything else. */
export function init(input?: T.InitInput): Promise<void>;

/** Synchronous initialisation from the module's bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;

/** The suggestion lifecycle as columns, as the full API's `SuggestionLog`, without `fromLedger`. */
export class SuggestionLog {
  private constructor();
  /** A log from its columns; a bad row throws an `InputError` naming it (`events[3].kind`). */
  static fromColumns(
    dims: T.SuggestionDimensions, suggestion: Uint32Array, day: Int32Array, kind: Uint8Array, arg: Uint32Array,
  ): SuggestionLog;
}
export interface SuggestionLog extends T.SuggestionLogOps<SuggestionLog> {}

/** The figures of disjoint parts (all as of one date) added into the figures of the whole. */
export function combineFigures(parts: T.Figures[]): T.Figures;

/** The national data set (renda::national), as the full API's `nationalLog`. */
export function nationalLog(config?: T.NationalConfig): T.NationalLog<SuggestionLog>;
