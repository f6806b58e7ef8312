// Compiled by `npx tsc --noEmit -p bindings-wasm` (never run): the public API as a TypeScript
// user sees it. Lines marked @ts-expect-error must stay type errors.
import {
  init,
  Ledger,
  RendaError,
  InputError,
  RuleViolationError,
  ruleSetPreset,
  labels,
  checkFigure,
  isReproducible,
  candidateGroups,
  PermissionDeniedError,
  type BreakdownRow,
  type CandidateGroup,
  type ClassCaseReport,
  type Command,
  type EvaluationReport,
  type KeyAssessment,
  type KeyFigures,
  type Motion,
  type MotionFigures,
  type PlanLedgerReport,
  type Session,
  type SupervisionRow,
  type UnitScore,
  type LabelCatalog,
  type FigureCheck,
  type CommandEnvelope,
  type Event,
  type EventKind,
  type ErrorInfo,
  type Figures,
  type RuleSet,
  type RulesSpec,
  type Snapshot,
  type SuggestionView,
  SuggestionLog,
  combineFigures,
  nationalLog,
  type SuggestionColumns,
} from "../js/index.js";
import * as lean from "../js/figures.js";

export async function usage(): Promise<string> {
  await init();
  const rules: RulesSpec = {
    preset: "beijing-district",
    overrides: { suggestion: { reply_deadline: { amount: 15, unit: "working_days" } } },
  };
  const ledger = new Ledger(rules);
  const register: CommandEnvelope = {
    at: "2024-01-02T09:00:00+08:00",
    actor: { role: "admin", id: "admin" },
    command: {
      type: "register_congress",
      congress: "hd-17",
      name: "北京市海淀区第十七届人民代表大会",
      level: "county",
      term: 17,
      term_start: "2021-11-01",
      term_end: "2026-10-31",
    },
  };
  const events: Event[] = ledger.execute(register);
  const first: EventKind = events[0].event;
  if (first.type === "congress_registered") {
    const term: number = first.term; // narrowed by the discriminant
    void term;
  }
  ledger.execute({ at: new Date(), actor: { role: "admin", id: "a" }, command: { type: "register_unit", unit: "edu", name: "区教委" } });
  ledger.execute('{"at":"2024-01-03","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"fin","name":"区财政局"}}');
  const would: EventKind[] = ledger.decide(register);
  void would;

  const figures: Figures = ledger.figures(new Date("2024-05-01T00:00:00+08:00"), { congress: "hd-17" });
  const percent: string | null = figures.reply_rate.percent;
  const overdue: number = figures.counts.overdue;
  try {
    const view: SuggestionView = ledger.suggestionView("S1", "2024-05-01");
    const due: string | null = view.due;
    void due;
  } catch (e) {
    if (e instanceof RuleViolationError && e.code === "invalid_transition") throw e;
    if (e instanceof RendaError) {
      const info: ErrorInfo = e.info;
      const field: string | null = e.field;
      void info, field;
    }
  }

  const snap: Snapshot = ledger.snapshot();
  const restored = Ledger.restore(snap, rules);
  const replayed = Ledger.replay(ledger.events(), rules);
  const seq: number = restored.seq + replayed.seq;
  const national: RuleSet = ruleSetPreset("national");
  const err = new InputError({ code: "missing_field", kind: "input", message: "m", field: "command.title", value: null, rule: null });
  const isError: Error = err;
  ledger.free();
  const cat: LabelCatalog = labels();
  const inPlan: string = cat.suggestion_status.in_plan.zh;
  const fc: FigureCheck = checkFigure({ numerator: 1, numerator_unit: "persons", denominator: 2, denominator_unit: "persons", stated_percent: "50" });
  const ok: boolean = isReproducible("62.8", 433) && fc.reproducible && inPlan.length > 0;
  // @ts-expect-error: not a count unit
  checkFigure({ numerator: 1, numerator_unit: "people", denominator: 2, denominator_unit: "persons", stated_percent: "50" });

  // @ts-expect-error: not a command type
  ledger.execute({ at: "2024-01-02", actor: { role: "admin", id: "a" }, command: { type: "fly" } });
  // @ts-expect-error: not a role
  ledger.execute({ at: "2024-01-02", actor: { role: "king", id: "a" }, command: { type: "register_unit", unit: "u", name: "n" } });
  // @ts-expect-error: missing field `name`
  ledger.execute({ at: "2024-01-02", actor: { role: "admin", id: "a" }, command: { type: "register_unit", unit: "u" } });
  // @ts-expect-error: seq is read-only
  ledger.seq = 3;
  // @ts-expect-error: not a preset
  new Ledger({ preset: "mars" });

  // Issue 4: motions, key suggestions, evaluation, class cases, breakdowns, iCalendar.
  const office = { role: "deputy_affairs_office", id: "office" } as const;
  const motion: Command = {
    type: "submit_motion",
    motion: "M1",
    congress: "hd-17",
    session: "hd-17-3",
    title: "关于加强学前教育的议案",
    sponsor: { by: "deputies", lead: "D001", cosigners: ["D002", "D003"] },
    kind: "supervisory",
  };
  replayed.decide({ at: "2024-01-09", actor: { role: "deputy", id: "D001" }, command: motion });
  replayed.decide({ at: "2024-01-12", actor: office, command: { type: "review_motion", motion: "M1", decision: { as: "merged", into: "M2" } } });
  replayed.decide({
    at: "2024-03-01",
    actor: { role: "director_meeting", id: "dm" },
    command: { type: "hold_key_meeting", meeting: "supervision", suggestions: ["S1"], on_the_spot: [{ deputy: "D001", rating: "satisfied" }] },
  });
  replayed.decide({ at: "2024-03-01", actor: office, command: { type: "merge_suggestions", group: "G1", title: "学位", suggestions: ["S1", "S2"], lead_unit: "edu" } });
  for (const e of replayed.events()) {
    if (e.event.type === "motion_year_started") {
      const phase: "supervision" | "tracking" = e.event.phase;
      void phase;
    } else if (e.event.type === "key_quality_rated") {
      const by: string = e.event.recorded_by;
      void by;
    }
  }
  const motions: Motion[] = replayed.motions();
  const sessions: Session[] = replayed.sessions();
  const mf: MotionFigures = replayed.motionFigures("hd-17", "2024-12-31");
  const kf: KeyFigures = replayed.keyFigures("hd-17", "2024-12-31");
  const solved: number = kf.outcomes.solved + kf.meetings.before_handling;
  try {
    const ka: KeyAssessment = replayed.keyAssessment("S1", "2024-12-31", { role: "handling_unit", id: "edu" });
    const rated: string | undefined = ka.ratings[0]?.rating;
    void rated;
  } catch (e) {
    if (!(e instanceof PermissionDeniedError && e.code === "not_published")) throw e;
  }
  const monitor: SupervisionRow[] = replayed.supervisionMonitor("hd-17", "2024-06-30");
  const evaluations: EvaluationReport[] = replayed.evaluations({ role: "third_party_evaluator", id: "ev" });
  const grades: number = evaluations.length ? evaluations[0].grades.excellent : 0;
  const sample = replayed.evaluationSample("EV1", "2024-12-31", { role: "third_party_evaluator", id: "ev" });
  const dueInSample: (string | null)[] = sample.map((v) => v.due);
  const cases: ClassCaseReport = replayed.classCaseReport("2024-12-31", "hd-17");
  const candidates: CandidateGroup[] = replayed.classCaseCandidates("hd-17", 0.3);
  const free: CandidateGroup[] = candidateGroups([{ suggestion: "S1", title: "关于增加幼儿园学位的建议" }], { min_score: 0.4 });
  const scores: UnitScore[] = replayed.unitScores("2024-12-31", { congress: "hd-17" });
  const byUnit: BreakdownRow[] = replayed.figuresBy("2024-12-31", "quarter", null, { role: "public", id: "p" });
  const plan: PlanLedgerReport = replayed.planLedger("hd-17", "2024-12-31");
  const ics: string = replayed.toIcal("2024-02-01", { unit: "edu" });
  const issue4 = [motions.length, sessions.length, mf.items, solved, monitor.length, grades, dueInSample.length,
    cases.figures.groups, candidates.length, free.length, scores[0]?.score, byUnit[0]?.key, plan.total.solved_rate.percent,
    ics.length, cat.motion_status.in_handling.zh, cat.supervision_mode.key.en];
  // @ts-expect-error: not a breakdown
  replayed.figuresBy("2024-12-31", "week");
  // @ts-expect-error: not an iCalendar scope
  replayed.toIcal("2024-02-01", { room: "101" });
  // @ts-expect-error: not a review decision
  replayed.decide({ at: "2024-01-12", actor: office, command: { type: "review_motion", motion: "M1", decision: { as: "maybe" } } });
  // @ts-expect-error: a deputies' sponsor needs its lead
  replayed.decide({ at: "2024-01-12", actor: office, command: { ...motion, sponsor: { by: "deputies" } } });

  const units = replayed.table("units", "2024-12-31", office);
  const assigned = units.columns.assigned as Float64Array;
  const zh: string = units.labels.assigned.zh;
  const names: string[] = Ledger.tables();
  // @ts-expect-error: not a table
  replayed.table("unit");

  const log = SuggestionLog.fromLedger(replayed);
  const cols: SuggestionColumns = log.columns();
  const copy = lean.SuggestionLog.fromColumns(cols.dims, cols.suggestion, cols.day, cols.kind, cols.arg);
  const whole: Figures = combineFigures(log.partition(2).map((p) => p.figures("2024-12-31", { congress: "hd-17" })));
  const leanWhole: lean.Figures = lean.combineFigures([copy.figures(new Date(), null, rules)]);
  // @ts-expect-error: the lean module has no ledger
  lean.SuggestionLog.fromLedger(replayed);
  // @ts-expect-error: days are an Int32Array
  SuggestionLog.fromColumns(cols.dims, cols.suggestion, new Float64Array(1), cols.kind, cols.arg);
  const nat = lean.nationalLog({ seed: 1, scale: 0.001 });
  const natFigures: lean.Figures = nat.log.figures(nat.yearEnd, undefined, nat.rules);
  const natFull: SuggestionLog = nationalLog({ year: 2024, scale: 0.001 }).log;
  const split: { figures: lean.Figures; units: lean.UnitFigureTable } = nat.log.figuresWithUnitTable(nat.yearEnd);
  const assignedColumn: Float64Array = split.units.assigned;
  // @ts-expect-error: no such count column
  split.units.answered;
  // @ts-expect-error: no such field
  nationalLog({ scal: 0.5 });

  return `${natFigures.counts.submitted} ${assignedColumn.length} ${nat.summary.events} ${natFull.length} ${whole.counts.submitted} ${leanWhole.as_of} ${log.length} ${percent} ${overdue} ${seq} ${national.id} ${isError.name} ${ok} ${issue4.join(" ")} ${assigned[0]} ${zh} ${names.length} ${units.types.assigned}`;
}
