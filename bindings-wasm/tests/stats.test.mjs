import { test, before } from "node:test";
import assert from "node:assert/strict";
import { init, checkFigure, isReproducible, InputError, labels } from "../js/index.js";

before(() => init());

const figure = (numerator, denominator, stated_percent, numerator_unit = "persons") => ({
  numerator, numerator_unit, denominator, denominator_unit: "persons", stated_percent,
});

test("S000-3: 247 of 445 stated as 57.75 % is flagged", () => {
  assert.deepEqual(checkFigure(figure(247, 445, "57.75")), {
    reproducible: false,
    decimals: 2,
    computed_percent: "55.51",
    warnings: [{ code: "percent_mismatch", stated_percent: "57.75", computed_percent: "55.51" }],
  });
});

test("S000-5: 62.8 % cannot come from 445, can from 433", () => {
  assert.equal(isReproducible("62.8", 445), false);
  assert.equal(isReproducible("62.8", 433), true);
  const c = checkFigure(figure(280, 445, "62.8"));
  assert.deepEqual(c.warnings.map((w) => w.code), ["percent_mismatch", "no_numerator_fits"]);
});

test("consistent figures pass; person-times over persons is warned", () => {
  assert.deepEqual(checkFigure(figure(436, 445, "97.98")).warnings, []);
  const c = checkFigure(JSON.stringify(figure(357, 433, "82.4", "person_times")));
  assert.equal(c.reproducible, true);
  assert.equal(c.warnings[0].code, "unit_mismatch");
});

test("bad input is a typed InputError naming the field", () => {
  for (const f of [() => checkFigure(figure(1, 2, "abc")), () => isReproducible("-3", 10)]) {
    assert.throws(f, (e) => e instanceof InputError && e.code === "invalid_field" && e.field === "stated_percent");
  }
  assert.throws(() => isReproducible("50", 1.5), (e) => e instanceof InputError && e.field === "denominator");
  assert.throws(() => checkFigure(figure(1, 0, "50")), (e) => e instanceof InputError && e.field === "denominator");
});

test("labels: groups, known values, a copy each time", () => {
  const cat = labels();
  assert.deepEqual(Object.keys(cat).sort(), [
    "activity_kind", "agenda_item_kind", "audit_finding_status", "ballot_kind", "budget_part", "command",
    "count_unit", "day_kind", "deputy_status", "duration_unit", "education", "error_code", "error_kind",
    "escalation_kind", "escalation_status", "evaluation_grade", "evaluation_status", "evaluation_use",
    "event", "filing_status", "follow_up_kind", "handling_phase", "hearing_mode", "inspection_status",
    "interpellation_answer_mode", "interpellation_rating", "investigation_method", "issuer_kind",
    "key_designator", "key_meeting_kind", "key_outcome", "law_kind", "level", "look_back_outcome",
    "meeting_body", "meeting_kind", "motion_kind", "motion_status", "opinion_about", "opinion_route",
    "opinion_status", "organ", "plan_status", "project_status", "proposal_origin", "reminder_kind",
    "report_kind", "report_status", "report_to", "report_version", "resolution_duty", "result_category",
    "review_mode", "role", "sample_category", "satisfaction", "satisfaction_result", "speech_kind",
    "state_assets_kind", "submission_period", "suggestion_status", "supervision_mode", "termination_reason",
    "topic_source", "topic_status", "triage_outcome", "work_evaluation_escalation", "work_evaluation_phase",
    "work_evaluation_status", "year_outcome",
  ]);
  assert.equal(cat.activity_kind.debrief.zh, "述职");
  assert.equal(cat.suggestion_status.in_plan.zh, "列入计划");
  assert.equal(cat.result_category.C.zh, "因条件限制暂时无法解决");
  assert.equal(cat.event.placed_in_plan.en, "Placed in the plan ledger");
  assert.equal(cat.error_code.reason_required.zh, "必须说明理由");
  cat.role.deputy.zh = "x";
  assert.equal(labels().role.deputy.zh, "人大代表");
});
