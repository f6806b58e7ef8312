// Types of renda's JS API and of its JSON wire format (commands, events, errors, state,
// snapshots, figures, rule sets). Dates are `YYYY-MM-DD` strings (China time); instants are
// RFC 3339 strings with an offset.

// ---------------------------------------------------------------- loading

/** Anything wasm-bindgen's loader accepts, or (in node) a path. */
export type InitInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response>;

/**
 * Loads the WebAssembly module; await it once before using anything else. In node the .wasm
 * next to the generated JS is read from disk unless `input` says otherwise.
 */
export function init(input?: InitInput): Promise<void>;

/** Synchronous initialisation from the module's bytes or a compiled module. */
export function initSync(module: BufferSource | WebAssembly.Module): void;

// ---------------------------------------------------------------- scalars

/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;
/** An instant, RFC 3339 with an offset (`2024-03-05T09:30:00+08:00`). */
export type Instant = string;

export type Role =
  | "deputy"
  | "deputy_affairs_office"
  | "handling_unit"
  | "government_office"
  | "special_committee"
  | "director_meeting"
  | "standing_committee"
  | "street_working_committee"
  | "third_party_evaluator"
  | "public"
  | "admin";

export type Level = "national" | "provincial" | "districted_city" | "county" | "township";
export type SubmissionPeriod = "session" | "recess";
export type ResultCategory = "A" | "B" | "C" | "D";
export type Satisfaction = "satisfied" | "basically_satisfied" | "dissatisfied";
export type SuggestionStatus =
  | "submitted"
  | "returned_for_revision"
  | "accepted"
  | "rejected"
  | "withdrawn"
  | "assigned"
  | "replied"
  | "rehandling"
  | "in_plan"
  | "closed";

export interface Actor {
  role: Role;
  /** The deputy id for deputies, the unit id for handling units. */
  id: string;
}

// ---------------------------------------------------------------- commands

export type Command =
  | {
      type: "register_congress";
      congress: string;
      name: string;
      level: Level;
      term: number;
      term_start: DateString;
      term_end: DateString;
    }
  | { type: "register_deputy"; deputy: string; congress: string; name: string; contact?: Contact | null }
  | { type: "register_unit"; unit: string; name: string }
  | {
      type: "submit_suggestion";
      suggestion: string;
      congress: string;
      title: string;
      lead: string;
      cosigners?: string[];
      during: SubmissionPeriod;
      topic?: string | null;
    }
  | { type: "revise_suggestion"; suggestion: string; title: string }
  | { type: "accept_suggestion"; suggestion: string }
  | { type: "return_suggestion"; suggestion: string; reason: string }
  | { type: "reject_suggestion"; suggestion: string; reason: string }
  | { type: "withdraw_suggestion"; suggestion: string; reason?: string | null }
  | { type: "assign_suggestion"; suggestion: string; lead_unit: string; co_units?: string[] }
  | { type: "extend_reply_deadline"; suggestion: string; reason: string }
  | { type: "submit_co_unit_opinion"; suggestion: string; opinion: string }
  | {
      type: "reply_suggestion";
      suggestion: string;
      result: ResultCategory;
      in_plan?: boolean;
      summary: string;
      reason?: string | null;
    }
  | { type: "give_feedback"; suggestion: string; rating: Satisfaction; comment?: string | null }
  | { type: "publish_results"; congress: string };

export type CommandType = Command["type"];

/** A command with who issued it and when. A `Date` for `at` is sent as its UTC instant. */
export interface CommandEnvelope {
  at: Instant | DateString | Date;
  actor: Actor;
  command: Command;
}

// ---------------------------------------------------------------- events

export type EventKind =
  | {
      type: "congress_registered";
      congress: string;
      name: string;
      level: Level;
      term: number;
      term_start: DateString;
      term_end: DateString;
    }
  | { type: "deputy_registered"; deputy: string; congress: string; name: string; contact?: Contact }
  | { type: "unit_registered"; unit: string; name: string }
  | {
      type: "suggestion_submitted";
      suggestion: string;
      congress: string;
      title: string;
      lead: string;
      cosigners: string[];
      during: SubmissionPeriod;
      topic: string | null;
    }
  | { type: "suggestion_revised"; suggestion: string; title: string }
  | { type: "suggestion_accepted"; suggestion: string }
  | { type: "suggestion_returned"; suggestion: string; reason: string }
  | { type: "suggestion_rejected"; suggestion: string; reason: string }
  | { type: "suggestion_withdrawn"; suggestion: string; reason: string | null }
  | { type: "suggestion_assigned"; suggestion: string; lead_unit: string; co_units: string[] }
  | { type: "reply_deadline_extended"; suggestion: string; reason: string }
  | { type: "co_unit_opinion_submitted"; suggestion: string; unit: string; opinion: string }
  | {
      type: "suggestion_replied";
      suggestion: string;
      round: number;
      result: ResultCategory;
      in_plan: boolean;
      summary: string;
      reason: string | null;
    }
  | {
      type: "feedback_given";
      suggestion: string;
      deputy: string;
      round: number;
      rating: Satisfaction;
      comment: string | null;
    }
  | { type: "rehandling_started"; suggestion: string; round: number }
  | { type: "placed_in_plan"; suggestion: string }
  | { type: "suggestion_closed"; suggestion: string; rating: Satisfaction }
  | { type: "results_published"; congress: string };

export type EventType = EventKind["type"];

/** One recorded event. */
export interface Event {
  /** Position in the log, from 1, without gaps. */
  seq: number;
  /** Schema version it was written with. */
  schema: number;
  at: Instant;
  actor: Actor;
  event: EventKind;
  /** SHA-256 of the previous event (64 hex digits; zeros for the first). Absent in schema 1. */
  prev?: string;
  /** SHA-256 of this event without `hash`. Absent in schema 1. */
  hash?: string;
}

/** A position in a log and the hash of the event there. */
export interface Anchor {
  seq: number;
  /** 64 lowercase hex digits. */
  hash: string;
}

/** The first bad position of a log. */
export interface ChainBreak {
  /** 0-based index in the log given. */
  index: number;
  /** The seq expected there. */
  seq: number;
  problem: "sequence" | "link" | "hash" | "head";
  expected: string;
  found: string;
}

/** The result of verifying a log's hash chain. */
export type VerifyReport =
  | { ok: true; events: number; head: Anchor }
  | { ok: false; events: number; break: ChainBreak };

// ---------------------------------------------------------------- state

export interface Congress {
  id: string;
  name: string;
  level: Level;
  term: number;
  term_start: DateString;
  term_end: DateString;
}

/** A deputy's personal data: only the office, admins and the deputy see it. */
export interface Contact {
  phone?: string;
  id_number?: string;
  address?: string;
}

export interface Deputy {
  id: string;
  congress: string;
  name: string;
  /** Absent when none was given, or when the reader may not see it. */
  contact?: Contact;
}

export interface Unit {
  id: string;
  name: string;
}

export interface Assignment {
  lead_unit: string;
  co_units: string[];
  assigned_on: DateString;
}

export interface Reply {
  round: number;
  on: DateString;
  result: ResultCategory;
  in_plan: boolean;
  summary: string;
  reason: string | null;
}

export interface Feedback {
  deputy: string;
  round: number;
  rating: Satisfaction;
  on: DateString;
  comment: string | null;
}

export interface CoUnitOpinion {
  unit: string;
  round: number;
  on: DateString;
  opinion: string;
}

/** A suggestion as the ledger holds it (due dates are derived: see `SuggestionView`). */
export interface Suggestion {
  id: string;
  congress: string;
  title: string;
  lead: string;
  cosigners: string[];
  during: SubmissionPeriod;
  topic: string | null;
  status: SuggestionStatus;
  /** Each status with the date it was entered, oldest first. */
  history: [DateString, SuggestionStatus][];
  assignment: Assignment | null;
  extensions: DateString[];
  co_unit_opinions: CoUnitOpinion[];
  replies: Reply[];
  feedback: Feedback[];
  rehandling: DateString[];
}

export interface State {
  congresses: Record<string, Congress>;
  deputies: Record<string, Deputy>;
  units: Record<string, Unit>;
  suggestions: Record<string, Suggestion>;
  /** For each congress, the date its results were last published (absent when none). */
  published?: Record<string, DateString>;
}

export interface Snapshot {
  schema: number;
  /** Number of events the state reflects. */
  seq: number;
  last_at: Instant | null;
  /** Hash of the last event (schema 2). */
  head?: string;
  state: State;
}

/** A suggestion with facts derived as of a date. */
export interface SuggestionView {
  id: string;
  title: string;
  /** Status at the end of the day; null if not yet submitted then. */
  status: SuggestionStatus | null;
  /** Reply due date, if a reply is awaited. */
  due: DateString | null;
  /** Days past the due date, if overdue. */
  overdue_days: number | null;
  lead_unit: string | null;
  /** The rule set in force for the suggestion's congress on the view date; null if none. */
  rule_set: string | null;
  /** The rule set the due date was computed under (at assignment or start of re-handling). */
  due_rule_set: string | null;
}

// ---------------------------------------------------------------- figures

/** A rate; `percent` is rounded half up and carried as text (`"61.2"`), null when 0/0. */
export interface Rate {
  numerator: number;
  denominator: number;
  percent: string | null;
}

export interface Counts {
  submitted: number;
  during_session: number;
  during_recess: number;
  awaiting_vetting: number;
  accepted: number;
  rejected: number;
  withdrawn: number;
  assigned: number;
  replied: number;
  replied_on_time: number;
  rehandling: number;
  in_plan: number;
  closed: number;
  overdue: number;
}

export interface Results {
  A: number;
  B: number;
  C: number;
  D: number;
}

export interface Ratings {
  satisfied: number;
  basically_satisfied: number;
  dissatisfied: number;
}

export interface PlanLedger {
  entered: number;
  open: number;
  second_replied: number;
  solved: number;
}

export interface OverdueItem {
  suggestion: string;
  lead_unit: string;
  due: DateString;
  days_overdue: number;
}

export interface UnitFigures {
  unit: string;
  assigned: number;
  replied: number;
  replied_on_time: number;
  overdue: number;
  closed: number;
  results: Results;
  ratings: Ratings;
  reply_rate: Rate;
  solved_or_progressing_rate: Rate;
  satisfaction_rate: Rate;
}

/** The suggestion-handling figures as of a date. */
export interface Figures {
  as_of: DateString;
  counts: Counts;
  reply_rate: Rate;
  on_time_reply_rate: Rate;
  completion_rate: Rate;
  solved_or_progressing_rate: Rate;
  satisfaction_rate: Rate;
  results: Results;
  ratings: Ratings;
  plan_ledger: PlanLedger;
  /** Most overdue first. */
  overdue: OverdueItem[];
  /** One row per lead unit, ordered by unit id. */
  units: UnitFigures[];
}

/** Which suggestions the figures cover. `Date`s are taken as China-time dates. */
export interface FigureFilter {
  congress?: string | null;
  submitted_from?: DateString | Date | null;
  submitted_to?: DateString | Date | null;
}

// ---------------------------------------------------------------- rules

export type DurationUnit = "calendar_days" | "calendar_months" | "working_days";

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export interface SuggestionRules {
  reply_deadline: Duration;
  extended_reply_deadline: Duration;
  max_extensions: number;
  rehandle_deadline: Duration;
  max_rehandling_rounds: number;
  rehandle_on_basic_satisfied: boolean;
  feedback_from: "lead_deputy" | "all_proposers";
  withdraw_until: "before_assignment" | "before_reply";
  reply_requires_co_unit_opinions: boolean;
  reason_required_for_c: boolean;
  max_cosigners: number | null;
  max_title_chars: number;
  /** Back-to-back rating: ratings hidden from handling units until published. */
  back_to_back_feedback?: boolean;
}

export interface RuleSet {
  id: string;
  version: number;
  title: string;
  jurisdiction: { name: string; level: Level | null };
  effective_from: DateString;
  effective_to: DateString | null;
  legal_basis: string[];
  suggestion: SuggestionRules;
}

export type PresetName = "national" | "beijing-district";

type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** One rule set: a preset with optional overrides (a JSON merge patch), or a complete set. */
export type RuleSetSpec = { preset: PresetName; overrides?: DeepPartial<RuleSet> } | RuleSet;

/**
 * A rule book: undefined or null (the national default), one spec, a list of specs, or any
 * of these as JSON text.
 */
export type RulesSpec = RuleSetSpec | RuleSetSpec[] | string | null | undefined;

// ---------------------------------------------------------------- errors

export type ErrorKind =
  | "input"
  | "permission"
  | "not_found"
  | "conflict"
  | "rule"
  | "calendar"
  | "rule_set"
  | "integrity";

export type ErrorCode =
  | "invalid_json"
  | "unknown_command"
  | "missing_field"
  | "invalid_field"
  | "permission_denied"
  | "not_party"
  | "not_found"
  | "already_exists"
  | "out_of_order"
  | "invalid_transition"
  | "date_outside_calendar"
  | "no_rule_set"
  | "invalid_rule_set"
  | "chain_broken"
  | "not_published"
  // rule violations
  | "co_unit_opinions_missing"
  | "extension_limit_reached"
  | "feedback_already_given"
  | "in_plan_requires_b"
  | "opinion_already_submitted"
  | "reason_required"
  | "too_many_cosigners"
  | "withdrawal_too_late"
  | "wrong_congress"
  // codes added by later versions
  | (string & {});

/** The wire form of an error. */
export interface ErrorInfo {
  code: ErrorCode;
  kind: ErrorKind;
  /** Human-readable (English). */
  message: string;
  /** Offending field as a dotted path, e.g. `command.title`. */
  field: string | null;
  value: string | null;
  /** The rule enforced (R-…, L-…, `permission-matrix`). */
  rule: string | null;
}

/** Any error renda reports. A rejected command never changes the ledger. */
export class RendaError extends Error {
  constructor(info: ErrorInfo);
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly field: string | null;
  readonly value: string | null;
  readonly rule: string | null;
  readonly info: ErrorInfo;
  /** The subclass matching `info.kind`. */
  static fromInfo(info: ErrorInfo): RendaError;
}
/** Malformed input: bad JSON, unknown command, missing or invalid field. */
export class InputError extends RendaError {}
/** The actor's role may not issue the command, or not on this item. */
export class PermissionDeniedError extends RendaError {}
/** A referenced entity does not exist. */
export class NotFoundError extends RendaError {}
/** The entity exists already, or the command is out of time order. */
export class ConflictError extends RendaError {}
/** A lifecycle rule forbids the command now. */
export class RuleViolationError extends RendaError {}
/** A date falls outside the working-day calendar data. */
export class CalendarError extends RendaError {}
/** A rule set is invalid, or none is in force. */
export class RuleSetError extends RendaError {}
/** A log or snapshot fails its integrity check: an event was edited, deleted, inserted or moved. */
export class IntegrityError extends RendaError {}

// ---------------------------------------------------------------- spreadsheets

/** One problem in a spreadsheet. */
export interface SheetRowError {
  /** The row as the spreadsheet shows it (the header is usually row 1); 0: the whole file. */
  row: number;
  /** The column's header text. */
  column: string | null;
  value: string | null;
  /** Why (English). */
  reason: string;
  /** A sheet code (`invalid_value`, `conflicting_fact`, `out_of_order`, …) or a ledger error code. */
  code: string;
}
/** A spreadsheet that cannot be imported (`code: "invalid_sheet"`); nothing changed. */
export class SheetError extends InputError {
  readonly errors: SheetRowError[];
}
/** Options of `Ledger.importCsv`. */
export interface ImportCsvOptions {
  /** The deputy affairs office's actor id (default `office`). */
  officeId?: string;
  /** Most data rows read (default 1 000 000). */
  maxRows?: number;
  /** Longest cell, in characters (default 32 767). */
  maxCellChars?: number;
}
/** Options of `Ledger.exportCsv`. */
export interface ExportCsvOptions {
  /** Start with a UTF-8 byte order mark (default true). */
  bom?: boolean;
  /** Only the suggestions to this congress. */
  congress?: string | null;
}
/** One command of an import plan, with the row and column it comes from. */
export interface PlannedCommand {
  row: number;
  column: string;
  value: string;
  command: CommandEnvelope;
}
/** The commands an import executes (or would execute), in time order. */
export interface ImportPlan {
  commands: PlannedCommand[];
  /** Headers renda does not read. */
  ignored_columns: string[];
}

// ---------------------------------------------------------------- the ledger

/** An event-sourced ledger: commands in, events out; figures derived as of a date. */
export class Ledger {
  /** An empty ledger under `rules` (default: the national rules). */
  constructor(rules?: RulesSpec);
  /** A ledger continuing from a snapshot (object or JSON text). */
  static restore(snapshot: Snapshot | string, rules?: RulesSpec): Ledger;
  /** A ledger rebuilt from an event log (array or JSON text). */
  static replay(events: Event[] | string, rules?: RulesSpec): Ledger;
  /** Executes a command (object or JSON text); returns the events it recorded. */
  execute(command: CommandEnvelope | string): Event[];
  /** Checks a command without executing it; returns the event kinds it would record. */
  decide(command: CommandEnvelope | string): EventKind[];
  /** The events recorded since creation (or since the snapshot restored from). */
  /** With `reader`: the log as that actor may see it (hidden ratings and personal data left out). */
  events(reader?: Actor | null): Event[];
  snapshot(): Snapshot;
  /** Figures as of the end of `asOf` (a `Date` is taken as its China-time date). */
  figures(asOf: DateString | Date, filter?: FigureFilter | string | null, reader?: Actor | null): Figures;
  /** A suggestion with its status, due date and overdue days as of `asOf`. */
  suggestionView(id: string, asOf: DateString | Date): SuggestionView;
  /** With `reader`: the state as that actor may see it. */
  state(reader?: Actor | null): State;
  /** All suggestions, ordered by id. */
  suggestions(reader?: Actor | null): Suggestion[];
  /** The deputies, one flat record each, with their status on `asOf` (no personal data). */
  deputies(asOf: DateString | Date): DeputyRecord[];
  /** One record per deputy and activity (counting rows counts 人次). */
  participations(): ParticipationRecord[];
  /** One flat record per voter issue (W7). */
  voterIssues(reader?: Actor | null): VoterIssueRecord[];
  /** The points of `period` ("2025" or "2025-Q1") as they stand now. */
  points(congress: string, period: string, scope?: PublicationScope | string | null, reader?: Actor | null): PointsRow[];
  /** Every points publication, rows frozen as published. */
  pointsPublications(): PointsPublication[];
  /** Deputies below the interview threshold (约谈, R-D2) in the latest annual publication. */
  interviewRecommendations(congress: string): InterviewRecommendation[];
  /** Duty compliance (R-D1) of a congress's deputies as of `asOf`. */
  compliance(congress: string, asOf: DateString | Date): Compliance;
  /** A deputy's performance archive (履职档案). */
  archive(deputy: string, reader?: Actor | null): Archive;
  /** Composition figures of a congress as of `asOf` (typed counts, explicit rounding). */
  composition(congress: string, asOf: DateString | Date, decimals?: number): Composition;
  /** Activity person-times over deputies in office (carries a unit-mismatch warning, S000-8). */
  participation(congress: string, from: DateString | Date, to: DateString | Date, decimals?: number): Share;
  /** The organisation checks L-6, L-7 and R-O1. */
  checkOrganisation(congress: string, asOf: DateString | Date): Finding[];
  /** Imports the suggestion ledger from CSV, all or nothing; returns the plan executed. */
  importCsv(data: Uint8Array | ArrayBuffer | ArrayBufferView | string, options?: ImportCsvOptions | null): ImportPlan;
  /** The plan `importCsv` would execute, without executing it. */
  planImportCsv(data: Uint8Array | ArrayBuffer | ArrayBufferView | string, options?: ImportCsvOptions | null): ImportPlan;
  /** The suggestion ledger as CSV bytes (Chinese headers, UTF-8 with BOM unless `bom: false`). */
  exportCsv(options?: ExportCsvOptions | null): Uint8Array;
  /** Sequence number of the last event (0 when empty). */
  readonly seq: number;
  /** The head of the hash chain; keep or publish it to detect later truncation. */
  head(): Anchor;
  /** Frees the WebAssembly memory now (otherwise the garbage collector does). */
  free(): void;
}

/** A preset rule set by name. */
export function ruleSetPreset(name: PresetName | string): RuleSet;

// ---------------------------------------------------------------- labels

/** A label in simplified Chinese and English. */
export interface Label {
  zh: string;
  en: string;
}

/** The label catalog: per group, the wire name of each value mapped to its label. */
export interface LabelCatalog {
  role: Record<Role, Label>;
  level: Record<Level, Label>;
  suggestion_status: Record<SuggestionStatus, Label>;
  result_category: Record<ResultCategory, Label>;
  satisfaction: Record<Satisfaction, Label>;
  submission_period: Record<SubmissionPeriod, Label>;
  command: Record<CommandType, Label>;
  event: Record<EventType, Label>;
  error_code: Record<string, Label>;
  error_kind: Record<ErrorKind, Label>;
  day_kind: Record<DayKind, Label>;
  duration_unit: Record<DurationUnit, Label>;
  count_unit: Record<CountUnit, Label>;
  activity_kind: Record<string, Label>;
  deputy_status: Record<DeputyStatus, Label>;
  termination_reason: Record<string, Label>;
  education: Record<string, Label>;
  triage_outcome: Record<string, Label>;
}

export type DayKind = "workday" | "weekend" | "holiday" | "makeup_workday";

/** The label catalog, read once from core and cached (each call returns a copy). */
export function labels(): LabelCatalog;

// ---------------------------------------------------------------- statistics

/** What a count counts: 人, 人次, 件, 件次, 项, 条. */
export type CountUnit = "persons" | "person_times" | "items" | "item_times" | "topics" | "entries";

/** A published percentage with its numerator and denominator. */
export interface PublishedFigure {
  numerator: number;
  numerator_unit: CountUnit;
  /** Must be positive. */
  denominator: number;
  denominator_unit: CountUnit;
  /** As published, without `%` (e.g. `"57.75"`); its decimals set the precision. */
  stated_percent: string;
}

/** A problem found in a published figure. */
export type StatsWarning =
  | { code: "unit_mismatch"; numerator_unit: CountUnit; denominator_unit: CountUnit }
  | { code: "percent_mismatch"; stated_percent: string; computed_percent: string }
  | { code: "no_numerator_fits"; denominator: number };

/** The result of `checkFigure`. */
export interface FigureCheck {
  /** The stated percentage follows from numerator / denominator at its precision. */
  reproducible: boolean;
  /** Decimals written in the stated percentage. */
  decimals: number;
  /** numerator / denominator × 100, rounded half up at `decimals` places. */
  computed_percent: string;
  warnings: StatsWarning[];
}

/** Checks a published figure; a malformed one throws an `InputError` naming the field. */
export function checkFigure(figure: PublishedFigure | string): FigureCheck;

/** Whether some whole numerator in 0..=denominator gives `stated` at its own precision. */
export function isReproducible(stated: string, denominator: number): boolean;

/**
 * Verifies the SHA-256 hash chain of an event log (array or JSON text): the head, or the first
 * bad position. Text that is not an event log throws an `InputError`.
 */
export function verifyLog(events: Event[] | string): VerifyReport;

// ---------------------------------------------------------------- deputies (issue 3)

/** A deputy's status on a date. */
export type DeputyStatus = "not_yet_elected" | "in_office" | "suspended" | "terminated" | "term_ended";

/** One deputy, flattened (see docs/deputies.md §5). */
export interface DeputyRecord {
  id: string; congress: string; name: string; status: DeputyStatus; elected_on: DateString;
  mandate: "elected" | "by_election"; person: string | null;
  gender: "female" | "male" | null;
  education: "secondary_or_below" | "college" | "bachelor" | "master" | "doctorate" | null;
  re_elected: boolean | null; resident_unit: boolean | null;
  party: "cpc" | "democratic_party" | "non_party" | null;
  elected_by_kind: "constituency" | "electoral_unit" | null; elected_by: string | null;
  delegation: string | null; groups: string[]; work_unit: string | null; stations: string[];
  committee_post: "director" | "vice_director" | "secretary_general" | "member" | null;
}

/** One deputy's participation in one activity. */
export interface ParticipationRecord {
  activity: string; congress: string; kind: string; on: DateString; title: string;
  deputy: string; deputy_congress: string; station: string | null;
  voters_received: number; opinions_collected: number; debrief: "yearly" | "mid_term" | null;
}

/** One voter issue, flattened. */
export interface VoterIssueRecord {
  id: string; congress: string; received_on: DateString; summary: string;
  deputy: string | null; station: string | null; outcome: string | null;
  triaged_on: DateString | null; target: string | null;
  answered_on: DateString | null; closed_on: DateString | null;
}

/** Where points are published. */
export type PublicationScope = "congress" | { station: string };

/** One deputy's points in a period. */
export interface PointsRow {
  deputy: string; points: number; activities: number; suggestions_led: number;
  suggestions_cosigned: number; days_in_office: number;
}

/** A deputy recommended for an interview (R-D2). */
export interface InterviewRecommendation {
  deputy: string; period: string; points: number; threshold: number; interviewed_on: DateString[];
}

/** A points publication, frozen as published. */
export interface PointsPublication {
  congress: string; period: string; scope: PublicationScope; published_on: DateString;
  through_seq: number; rows: PointsRow[];
}

/** Duty compliance (fields as in core `compliance::Compliance`). */
export interface Compliance { congress: string; as_of: DateString; rows: object[]; open: object[]; deputies: object[]; stations: object[]; [key: string]: unknown }
/** A deputy's archive (fields as in core `archive::Archive`). */
export interface Archive { [key: string]: unknown }
/** Composition figures (fields as in core `composition::Composition`). */
export interface Composition { [key: string]: unknown }
/** A share with typed counts and explicit rounding. */
export interface Share { numerator: { value: number; unit: string }; denominator: { value: number; unit: string }; decimals: number; percent: string; warnings: object[]; [key: string]: unknown }
/** One organisation check. */
export interface Finding { rule: string; [key: string]: unknown }
