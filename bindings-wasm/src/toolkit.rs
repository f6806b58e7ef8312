//! Queries of the suggestion-supervision toolkit and the motion family (issue 4), and the
//! iCalendar export: each delegates to one call of the JSON facade in `renda::api`.

use crate::{to_js, Ledger};
use renda::RendaError;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Ledger {
    /// Every motion, ordered by id, as a JSON array.
    #[wasm_bindgen(js_name = motionsJson)]
    pub fn motions_json(&self) -> Result<String, JsValue> {
        Ok::<_, RendaError>(self.inner.motions_to_json()).map_err(to_js)
    }

    /// Every scheduled congress session, as a JSON array.
    #[wasm_bindgen(js_name = sessionsJson)]
    pub fn sessions_json(&self) -> Result<String, JsValue> {
        Ok::<_, RendaError>(self.inner.sessions_to_json()).map_err(to_js)
    }

    /// The motion figures of a congress as of `as_of`, as JSON.
    #[wasm_bindgen(js_name = motionFiguresJson)]
    pub fn motion_figures_json(&self, congress: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner
            .motion_figures_to_json(congress, as_of)
            .map_err(to_js)
    }

    /// The key-suggestion figures of a congress as of `as_of`, as JSON.
    #[wasm_bindgen(js_name = keyFiguresJson)]
    pub fn key_figures_json(&self, congress: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner
            .key_figures_to_json(congress, as_of)
            .map_err(to_js)
    }

    /// A key suggestion's back-to-back assessment as of `as_of`, as JSON.
    #[wasm_bindgen(js_name = keyAssessmentJson)]
    pub fn key_assessment_json(&self, suggestion: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner
            .key_assessment_to_json(suggestion, as_of)
            .map_err(to_js)
    }

    /// A key suggestion's assessment as `reader` may see it (R-S8), as JSON.
    #[wasm_bindgen(js_name = keyAssessmentAsJson)]
    pub fn key_assessment_as_json(
        &self,
        reader: &str,
        suggestion: &str,
        as_of: &str,
    ) -> Result<String, JsValue> {
        self.inner
            .key_assessment_as_json(reader, suggestion, as_of)
            .map_err(to_js)
    }

    /// The suggestions under active supervision on `as_of`, as a JSON array.
    #[wasm_bindgen(js_name = supervisionMonitorJson)]
    pub fn supervision_monitor_json(&self, congress: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner
            .supervision_monitor_to_json(congress, as_of)
            .map_err(to_js)
    }

    /// Every third-party evaluation of suggestion handling, as a JSON array.
    #[wasm_bindgen(js_name = evaluationsJson)]
    pub fn evaluations_json(&self) -> Result<String, JsValue> {
        Ok::<_, RendaError>(self.inner.evaluations_to_json()).map_err(to_js)
    }

    /// The evaluations `reader` may see, as a JSON array.
    #[wasm_bindgen(js_name = evaluationsAsJson)]
    pub fn evaluations_as_json(&self, reader: &str) -> Result<String, JsValue> {
        self.inner.evaluations_as_json(reader).map_err(to_js)
    }

    /// An evaluation's sampled suggestions as of `as_of`, as a JSON array of views.
    #[wasm_bindgen(js_name = evaluationSampleJson)]
    pub fn evaluation_sample_json(&self, evaluation: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner
            .evaluation_sample_to_json(evaluation, as_of)
            .map_err(to_js)
    }

    /// An evaluation's sample as `reader` may see it.
    #[wasm_bindgen(js_name = evaluationSampleAsJson)]
    pub fn evaluation_sample_as_json(
        &self,
        reader: &str,
        evaluation: &str,
        as_of: &str,
    ) -> Result<String, JsValue> {
        self.inner
            .evaluation_sample_as_json(reader, evaluation, as_of)
            .map_err(to_js)
    }

    /// A suggestion view as `reader` may see it, as JSON.
    #[wasm_bindgen(js_name = suggestionViewAsJson)]
    pub fn suggestion_view_as_json(
        &self,
        reader: &str,
        id: &str,
        as_of: &str,
    ) -> Result<String, JsValue> {
        self.inner
            .suggestion_view_as_json(reader, id, as_of)
            .map_err(to_js)
    }

    /// Reply due dates in a scope (JSON) as an iCalendar file.
    #[wasm_bindgen(js_name = toIcal)]
    pub fn to_ical(&self, as_of: &str, scope: &str) -> Result<String, JsValue> {
        self.inner.to_ical_json(as_of, scope).map_err(to_js)
    }

    /// The annual work report for a JSON request as `format` (`json`, `markdown`, `html`) in
    /// `lang` (`zh`, `en`).
    #[wasm_bindgen(js_name = annualReport)]
    pub fn annual_report(
        &self,
        request: &str,
        format: &str,
        lang: &str,
    ) -> Result<String, JsValue> {
        self.inner
            .annual_report_to(request, format, lang)
            .map_err(to_js)
    }

    /// Every class case (类案), as a JSON array.
    #[wasm_bindgen(js_name = classCasesJson)]
    pub fn class_cases_json(&self) -> String {
        self.inner.class_cases_to_json()
    }

    /// The class cases as of `as_of` (optionally of one congress) with their figures.
    #[wasm_bindgen(js_name = classCaseReportJson)]
    pub fn class_case_report_json(
        &self,
        as_of: &str,
        congress: Option<String>,
    ) -> Result<String, JsValue> {
        self.inner
            .class_case_report_to_json(as_of, congress.as_deref())
            .map_err(to_js)
    }

    /// Candidate class-case groups at or above `min_score` (decimal text).
    #[wasm_bindgen(js_name = classCaseCandidatesJson)]
    pub fn class_case_candidates_json(
        &self,
        congress: &str,
        min_score: &str,
    ) -> Result<String, JsValue> {
        self.inner
            .class_case_candidates_to_json(congress, min_score)
            .map_err(to_js)
    }

    /// The handling units' scores, ranked; `filter` in JSON.
    #[wasm_bindgen(js_name = unitScoresJson)]
    pub fn unit_scores_json(&self, as_of: &str, filter: Option<String>) -> Result<String, JsValue> {
        self.inner
            .unit_scores_to_json(as_of, filter.as_deref())
            .map_err(to_js)
    }

    /// The unit scores as `reader` may see them.
    #[wasm_bindgen(js_name = unitScoresAsJson)]
    pub fn unit_scores_as_json(
        &self,
        reader: &str,
        as_of: &str,
        filter: Option<String>,
    ) -> Result<String, JsValue> {
        self.inner
            .unit_scores_as_json(reader, as_of, filter.as_deref())
            .map_err(to_js)
    }

    /// The figures broken down by `by`; `filter` in JSON.
    #[wasm_bindgen(js_name = figuresByJson)]
    pub fn figures_by_json(
        &self,
        as_of: &str,
        by: &str,
        filter: Option<String>,
    ) -> Result<String, JsValue> {
        self.inner
            .figures_by_to_json(as_of, by, filter.as_deref())
            .map_err(to_js)
    }

    /// The breakdown as `reader` may see it.
    #[wasm_bindgen(js_name = figuresByAsJson)]
    pub fn figures_by_as_json(
        &self,
        reader: &str,
        as_of: &str,
        by: &str,
        filter: Option<String>,
    ) -> Result<String, JsValue> {
        self.inner
            .figures_by_as_json(reader, as_of, by, filter.as_deref())
            .map_err(to_js)
    }

    /// Runs a named query given as a JSON object (`renda::query`); returns its answer as JSON.
    #[wasm_bindgen(js_name = queryJson)]
    pub fn query_json(&self, query: &str) -> Result<String, JsValue> {
        self.inner.query_json(query).map_err(to_js)
    }

    /// The plan ledger (列入计划, R-S5) per year as of `as_of`.
    #[wasm_bindgen(js_name = planLedgerJson)]
    pub fn plan_ledger_json(&self, congress: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner
            .plan_ledger_to_json(congress, as_of)
            .map_err(to_js)
    }
}

/// Every named query with its arguments (`renda::query::QUERIES`), as JSON.
#[wasm_bindgen(js_name = querySpecsJson)]
pub fn query_specs_json() -> String {
    renda::query::specs_json()
}

/// Candidate class-case groups of free-standing items (JSON `[{suggestion, title}]`).
#[wasm_bindgen(js_name = candidateGroupsJson)]
pub fn candidate_groups_json(items: &str, params: Option<String>) -> Result<String, JsValue> {
    renda::api::candidate_groups_json(items, params.as_deref()).map_err(to_js)
}
