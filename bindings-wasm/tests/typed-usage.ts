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
} from "../js/index.js";

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

  return `${percent} ${overdue} ${seq} ${national.id} ${isError.name} ${ok}`;
}
