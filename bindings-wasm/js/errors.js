// The typed errors of renda's JS API, shared by both entry points (`index.js`, `figures.js`).
// The wasm modules throw an error's wire form; `RendaError.fromInfo` picks its class.

/** Any error renda reports; `info` is its wire form `{code, kind, message, field, value, rule}`. */
export class RendaError extends Error {
  constructor(info) {
    super(info.message);
    this.code = info.code;
    this.kind = info.kind;
    this.field = info.field ?? null;
    this.value = info.value ?? null;
    this.rule = info.rule ?? null;
    this.info = info;
  }

  /** The `RendaError` subclass for an error's wire form. */
  static fromInfo(info) {
    const Class = Array.isArray(info.errors) ? SheetError : CLASSES[info.kind] ?? RendaError;
    return new Class(info);
  }
}

/** Malformed input: bad JSON, unknown command, missing or invalid field (`kind: "input"`). */
export class InputError extends RendaError {}
/** The actor may not issue the command, or not on this item (`kind: "permission"`). */
export class PermissionDeniedError extends RendaError {}
/** A referenced entity does not exist (`kind: "not_found"`). */
export class NotFoundError extends RendaError {}
/** The entity exists already, or the command is out of time order (`kind: "conflict"`). */
export class ConflictError extends RendaError {}
/** A lifecycle rule forbids the command now (`kind: "rule"`). */
export class RuleViolationError extends RendaError {}
/** A date falls outside the working-day calendar data (`kind: "calendar"`). */
export class CalendarError extends RendaError {}
/** A rule set is invalid or none is in force (`kind: "rule_set"`). */
export class RuleSetError extends RendaError {}
/** A log or snapshot fails its integrity check: an event was edited, deleted, inserted or moved (`kind: "integrity"`). */
export class IntegrityError extends RendaError {}
/**
 * A spreadsheet that cannot be imported (`code: "invalid_sheet"`, `kind: "input"`); nothing
 * changed. `errors` lists every problem: `{row, column, value, reason, code}`, `row` as the
 * spreadsheet shows it (the header is usually row 1; 0: the file as a whole).
 */
export class SheetError extends InputError {
  constructor(info) {
    super(info);
    this.errors = info.errors ?? [];
  }
}

const CLASSES = {
  input: InputError,
  permission: PermissionDeniedError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rule: RuleViolationError,
  calendar: CalendarError,
  rule_set: RuleSetError,
  integrity: IntegrityError,
};
// Spelled out (not `C.name`) so minifiers cannot change them.
for (const [C, name] of [
  [RendaError, "RendaError"],
  [InputError, "InputError"],
  [PermissionDeniedError, "PermissionDeniedError"],
  [NotFoundError, "NotFoundError"],
  [ConflictError, "ConflictError"],
  [RuleViolationError, "RuleViolationError"],
  [CalendarError, "CalendarError"],
  [RuleSetError, "RuleSetError"],
  [IntegrityError, "IntegrityError"],
  [SheetError, "SheetError"],
]) {
  Object.defineProperty(C.prototype, "name", { value: name, writable: true, configurable: true });
}
