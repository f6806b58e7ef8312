//! The ledger (`renda::Ledger`) driven with JSON text, and the free functions of the full API.

use crate::{book, to_js, Table};
use renda::{api, RendaError};
use wasm_bindgen::prelude::*;

/// An event-sourced ledger (see `renda::Ledger`), driven with JSON text.
#[wasm_bindgen]
pub struct Ledger {
    pub(crate) inner: renda::Ledger,
}

#[wasm_bindgen]
impl Ledger {
    /// An empty ledger; `rules` is a rule-book spec in JSON (absent or `null`: national).
    #[wasm_bindgen(constructor)]
    pub fn new(rules: Option<String>) -> Result<Ledger, JsValue> {
        Ok(Ledger {
            inner: renda::Ledger::new(book(rules)?),
        })
    }

    /// A ledger continuing from a snapshot in JSON.
    #[wasm_bindgen(js_name = restoreJson)]
    pub fn restore_json(snapshot: &str, rules: Option<String>) -> Result<Ledger, JsValue> {
        let inner = renda::Ledger::restore_from_json(book(rules)?, snapshot).map_err(to_js)?;
        Ok(Ledger { inner })
    }

    /// A ledger rebuilt from an event log (a JSON array of events).
    #[wasm_bindgen(js_name = replayJson)]
    pub fn replay_json(events: &str, rules: Option<String>) -> Result<Ledger, JsValue> {
        let inner = renda::Ledger::replay_from_json(book(rules)?, events).map_err(to_js)?;
        Ok(Ledger { inner })
    }

    /// The demo district (`renda::demo`) generated from a JSON configuration (`{}`: the
    /// default district): every command executed through the rules.
    #[wasm_bindgen(js_name = demoDistrictJson)]
    pub fn demo_district_json(config: &str) -> Result<Ledger, JsValue> {
        let d = renda::demo::generate_json(config).map_err(to_js)?;
        Ok(Ledger {
            inner: d.into_ledger(),
        })
    }

    /// What a demo configuration generates (congresses, first year, years), as JSON.
    #[wasm_bindgen(js_name = demoSummaryJson)]
    pub fn demo_summary_json(config: &str) -> Result<String, JsValue> {
        renda::demo::DemoSummary::json(config).map_err(to_js)
    }

    /// Executes a command envelope; returns the recorded events as a JSON array.
    #[wasm_bindgen(js_name = executeJson)]
    pub fn execute_json(&mut self, command: &str) -> Result<String, JsValue> {
        self.inner.execute_to_json(command).map_err(to_js)
    }

    /// Checks a command without executing it; returns the event kinds it would record.
    #[wasm_bindgen(js_name = decideJson)]
    pub fn decide_json(&self, command: &str) -> Result<String, JsValue> {
        self.inner.decide_to_json(command).map_err(to_js)
    }

    /// The event log as a JSON array.
    #[wasm_bindgen(js_name = eventsJson)]
    pub fn events_json(&self) -> String {
        self.inner.events_to_json()
    }

    /// The snapshot as JSON.
    #[wasm_bindgen(js_name = snapshotJson)]
    pub fn snapshot_json(&self) -> String {
        self.inner.snapshot_to_json()
    }

    /// The table `name` as of `as_of` (`YYYY-MM-DD`; absent: the day of the last event), as
    /// `reader` (an actor in JSON) may see it when given.
    pub fn table(
        &self,
        name: &str,
        as_of: Option<String>,
        reader: Option<String>,
    ) -> Result<Table, JsValue> {
        let inner = self
            .inner
            .table_from_args(name, as_of.as_deref(), reader.as_deref())
            .map_err(to_js)?;
        Ok(Table { inner })
    }

    /// The names of the tables, in order.
    #[wasm_bindgen(js_name = tableNames)]
    pub fn table_names() -> Vec<String> {
        renda::table::TableName::ALL
            .map(|t| t.as_str().to_string())
            .to_vec()
    }

    /// Figures as of `as_of` (`YYYY-MM-DD`), with an optional filter in JSON.
    #[wasm_bindgen(js_name = figuresJson)]
    pub fn figures_json(&self, as_of: &str, filter: Option<String>) -> Result<String, JsValue> {
        self.inner
            .figures_to_json(as_of, filter.as_deref())
            .map_err(to_js)
    }

    /// A suggestion with its derived facts as of `as_of`.
    #[wasm_bindgen(js_name = suggestionViewJson)]
    pub fn suggestion_view_json(&self, id: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner.suggestion_view_to_json(id, as_of).map_err(to_js)
    }

    /// The current state as JSON.
    #[wasm_bindgen(js_name = stateJson)]
    pub fn state_json(&self) -> String {
        self.inner.state_to_json()
    }

    /// All suggestions as a JSON array ordered by id.
    #[wasm_bindgen(js_name = suggestionsJson)]
    pub fn suggestions_json(&self) -> String {
        self.inner.suggestions_to_json()
    }

    /// The deputies with their status on `as_of`, as a JSON array of flat records.
    #[wasm_bindgen(js_name = deputiesJson)]
    pub fn deputies_json(&self, as_of: &str) -> Result<String, JsValue> {
        self.inner.deputies_to_json(as_of).map_err(to_js)
    }

    /// Every activity participation (deputy × activity) as a JSON array.
    #[wasm_bindgen(js_name = participationsJson)]
    pub fn participations_json(&self) -> String {
        self.inner.participations_to_json()
    }

    /// Every voter issue as a JSON array.
    #[wasm_bindgen(js_name = voterIssuesJson)]
    pub fn voter_issues_json(&self) -> String {
        self.inner.voter_issues_to_json()
    }

    /// Live points of a period; `scope` in JSON.
    #[wasm_bindgen(js_name = pointsJson)]
    pub fn points_json(
        &self,
        congress: &str,
        period: &str,
        scope: Option<String>,
    ) -> Result<String, JsValue> {
        self.inner
            .points_to_json(congress, period, scope.as_deref())
            .map_err(to_js)
    }

    /// Live points as `reader` may see them.
    #[wasm_bindgen(js_name = pointsAsJson)]
    pub fn points_as_json(
        &self,
        reader: &str,
        congress: &str,
        period: &str,
        scope: Option<String>,
    ) -> Result<String, JsValue> {
        self.inner
            .points_as_json(reader, congress, period, scope.as_deref())
            .map_err(to_js)
    }

    /// The voter issues `reader` may see.
    #[wasm_bindgen(js_name = voterIssuesAsJson)]
    pub fn voter_issues_as_json(&self, reader: &str) -> Result<String, JsValue> {
        self.inner.voter_issues_as_json(reader).map_err(to_js)
    }

    /// A deputy's archive as `reader` may see it.
    #[wasm_bindgen(js_name = archiveAsJson)]
    pub fn archive_as_json(&self, reader: &str, deputy: &str) -> Result<String, JsValue> {
        self.inner.archive_as_json(reader, deputy).map_err(to_js)
    }

    /// Deputies recommended for an interview, as a JSON array.
    #[wasm_bindgen(js_name = interviewRecommendationsJson)]
    pub fn interview_recommendations_json(&self, congress: &str) -> Result<String, JsValue> {
        self.inner
            .interview_recommendations_to_json(congress)
            .map_err(to_js)
    }

    /// Every points publication as a JSON array.
    #[wasm_bindgen(js_name = pointsPublicationsJson)]
    pub fn points_publications_json(&self) -> String {
        self.inner.points_publications_to_json()
    }

    /// Duty compliance as of `as_of`, as JSON.
    #[wasm_bindgen(js_name = complianceJson)]
    pub fn compliance_json(&self, congress: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner
            .compliance_to_json(congress, as_of)
            .map_err(to_js)
    }

    /// Composition figures as of `as_of`, as JSON.
    #[wasm_bindgen(js_name = compositionJson)]
    pub fn composition_json(
        &self,
        congress: &str,
        as_of: &str,
        decimals: u32,
    ) -> Result<String, JsValue> {
        self.inner
            .composition_to_json(congress, as_of, decimals)
            .map_err(to_js)
    }

    /// Activity participation over a window, as JSON.
    #[wasm_bindgen(js_name = participationJson)]
    pub fn participation_json(
        &self,
        congress: &str,
        from: &str,
        to: &str,
        decimals: u32,
    ) -> Result<String, JsValue> {
        self.inner
            .participation_to_json(congress, from, to, decimals)
            .map_err(to_js)
    }

    /// The organisation checks (L-6, L-7, R-O1), as JSON.
    #[wasm_bindgen(js_name = checkOrganisationJson)]
    pub fn check_organisation_json(&self, congress: &str, as_of: &str) -> Result<String, JsValue> {
        self.inner
            .check_organisation_to_json(congress, as_of)
            .map_err(to_js)
    }

    /// A deputy's performance archive, as JSON.
    #[wasm_bindgen(js_name = archiveJson)]
    pub fn archive_json(&self, deputy: &str) -> Result<String, JsValue> {
        self.inner.archive_to_json(deputy).map_err(to_js)
    }

    /// Sequence number of the last event (0 when empty). A JS number: exact up to 2^53.
    #[wasm_bindgen(getter)]
    pub fn seq(&self) -> f64 {
        self.inner.seq() as f64
    }

    /// The state as `reader` (an actor in JSON) may see it.
    #[wasm_bindgen(js_name = stateAsJson)]
    pub fn state_as_json(&self, reader: &str) -> Result<String, JsValue> {
        self.inner.state_as_json(reader).map_err(to_js)
    }

    /// The event log as `reader` may see it.
    #[wasm_bindgen(js_name = eventsAsJson)]
    pub fn events_as_json(&self, reader: &str) -> Result<String, JsValue> {
        self.inner.events_as_json(reader).map_err(to_js)
    }

    /// The suggestions as `reader` may see them.
    #[wasm_bindgen(js_name = suggestionsAsJson)]
    pub fn suggestions_as_json(&self, reader: &str) -> Result<String, JsValue> {
        self.inner.suggestions_as_json(reader).map_err(to_js)
    }

    /// Figures as `reader` may see them.
    #[wasm_bindgen(js_name = figuresAsJson)]
    pub fn figures_as_json(
        &self,
        reader: &str,
        as_of: &str,
        filter: Option<String>,
    ) -> Result<String, JsValue> {
        self.inner
            .figures_as_json(reader, as_of, filter.as_deref())
            .map_err(to_js)
    }

    /// The head of the hash chain as JSON (`{"seq":N,"hash":"…"}`).
    #[wasm_bindgen(js_name = headJson)]
    pub fn head_json(&self) -> String {
        self.inner.head_to_json()
    }
}

/// Verifies the hash chain of an event log (JSON); returns the report as JSON.
#[wasm_bindgen(js_name = verifyLogJson)]
pub fn verify_log_json(events: &str) -> Result<String, JsValue> {
    api::verify_log_json(events).map_err(to_js)
}

/// A preset rule set (`national`, `beijing-district`) as JSON.
#[wasm_bindgen(js_name = ruleSetPresetJson)]
pub fn rule_set_preset_json(name: &str) -> Result<String, JsValue> {
    api::rule_set_preset(name).map_err(to_js)
}

/// The label catalog (zh-Hans and English for every enumerated value) as JSON.
#[wasm_bindgen(js_name = labelsJson)]
pub fn labels_json() -> String {
    api::labels_json()
}

/// Checks a published figure (JSON); returns the check as JSON.
#[wasm_bindgen(js_name = checkFigureJson)]
pub fn check_figure_json(figure: &str) -> Result<String, JsValue> {
    api::check_figure_json(figure).map_err(to_js)
}

/// Whether some whole numerator over `denominator` gives the stated percentage. The
/// denominator is a JS number: a non-integer, negative or unsafe one is an `invalid_field`.
#[wasm_bindgen(js_name = isReproducible)]
pub fn is_reproducible(stated: &str, denominator: f64) -> Result<bool, JsValue> {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    if !(denominator.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&denominator)) {
        return Err(to_js(RendaError::InvalidField {
            field: "denominator".into(),
            value: denominator.to_string(),
            reason: "must be a whole number from 0 to 2^53 - 1".into(),
        }));
    }
    api::is_reproducible(stated, denominator as u64).map_err(to_js)
}
