//! The JSON facade the Python and JS bindings delegate to: text in, text out, typed errors.
//!
//! Every binding method is one of these calls plus a conversion, so a rule, a parse and an
//! error message live once, here in core. Rust users can use it too, or the typed API.

use crate::error::Result;
use crate::figures::FigureFilter;
use crate::ledger::{Ledger, Snapshot};
use crate::rules::RuleBook;
use crate::wire::{from_value_at, parse_json, to_json};
use crate::{CommandEnvelope, Event, SuggestionId};

/// A rule book from its JSON spec (see [`RuleBook::from_spec`]); `None` or `"null"` gives the
/// national default.
///
/// ```
/// let book = renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap();
/// assert_eq!(book.sets()[0].id.as_str(), "beijing-district");
/// ```
pub fn rule_book(spec: Option<&str>) -> Result<RuleBook> {
    match spec {
        None => Ok(RuleBook::default()),
        Some(text) => RuleBook::from_spec(&parse_json(text)?),
    }
}

/// A preset rule set as JSON (`national` or `beijing-district`).
///
/// ```
/// assert!(renda::api::rule_set_preset("national").unwrap().contains("\"reply_deadline\""));
/// ```
pub fn rule_set_preset(name: &str) -> Result<String> {
    Ok(to_json(&crate::rules::RuleSet::preset(name)?))
}

/// The label catalog ([`crate::labels::catalog`]) as JSON: groups of `{wire name: {"zh", "en"}}`.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&renda::api::labels_json()).unwrap();
/// assert_eq!(v["suggestion_status"]["in_plan"]["zh"], "列入计划");
/// ```
pub fn labels_json() -> String {
    to_json(&crate::labels::catalog())
}

/// Checks a published figure given as JSON ([`crate::stats::PublishedFigure`]); returns the
/// [`crate::stats::FigureCheck`] as JSON.
///
/// ```
/// let out = renda::api::check_figure_json(r#"{"numerator":247,"numerator_unit":"persons",
///   "denominator":445,"denominator_unit":"persons","stated_percent":"57.75"}"#).unwrap();
/// assert!(out.starts_with(r#"{"reproducible":false,"decimals":2,"computed_percent":"55.51""#));
/// ```
pub fn check_figure_json(figure_json: &str) -> Result<String> {
    let figure: crate::stats::PublishedFigure = from_value_at(parse_json(figure_json)?, "")?;
    Ok(to_json(&crate::stats::check(&figure)?))
}

/// Whether some whole numerator over `denominator` gives `stated` (see
/// [`crate::stats::is_reproducible`]).
///
/// ```
/// assert!(!renda::api::is_reproducible("62.8", 445).unwrap());
/// assert!(renda::api::is_reproducible("62.8", 433).unwrap());
/// ```
pub fn is_reproducible(stated: &str, denominator: u64) -> Result<bool> {
    crate::stats::is_reproducible(stated, denominator)
}

/// Parses an event log given as a JSON array of events.
pub fn parse_events(json: &str) -> Result<Vec<Event>> {
    from_value_at(parse_json(json)?, "events")
}

impl Ledger {
    /// Executes a command in wire form; returns the recorded events as a JSON array.
    ///
    /// ```
    /// let mut l = renda::Ledger::new(Default::default());
    /// let out = l.execute_to_json(r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},
    ///   "command":{"type":"register_unit","unit":"u","name":"区教委"}}"#).unwrap();
    /// assert!(out.starts_with(r#"[{"seq":1,"#));
    /// ```
    pub fn execute_to_json(&mut self, command: &str) -> Result<String> {
        let cmd = CommandEnvelope::from_json(command)?;
        Ok(to_json(&self.execute(cmd)?))
    }

    /// Checks a command without executing it; returns the events it would record (their
    /// `event` parts) as a JSON array.
    pub fn decide_to_json(&self, command: &str) -> Result<String> {
        let cmd = CommandEnvelope::from_json(command)?;
        Ok(to_json(&self.decide(&cmd)?))
    }

    /// The whole event log as a JSON array.
    pub fn events_to_json(&self) -> String {
        to_json(&self.events())
    }

    /// The snapshot as JSON.
    pub fn snapshot_to_json(&self) -> String {
        to_json(&self.snapshot())
    }

    /// A ledger restored from a snapshot in JSON.
    pub fn restore_from_json(rules: RuleBook, snapshot: &str) -> Result<Self> {
        let snap: Snapshot = from_value_at(parse_json(snapshot)?, "snapshot")?;
        Self::restore(rules, snap)
    }

    /// A ledger replayed from an event log in JSON.
    pub fn replay_from_json(rules: RuleBook, events: &str) -> Result<Self> {
        Self::replay(rules, parse_events(events)?)
    }

    /// Figures as of `as_of` (`YYYY-MM-DD`), with an optional filter in JSON, as JSON.
    pub fn figures_to_json(&self, as_of: &str, filter: Option<&str>) -> Result<String> {
        let date = crate::time::parse_date("as_of", as_of)?;
        let filter = parse_filter(filter)?;
        Ok(to_json(&self.figures_for(date, &filter)?))
    }

    /// A suggestion with its derived facts as of `as_of`, as JSON.
    pub fn suggestion_view_to_json(&self, id: &str, as_of: &str) -> Result<String> {
        let id = SuggestionId::new(id)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.suggestion_view(&id, date)?))
    }

    /// The current state as JSON.
    pub fn state_to_json(&self) -> String {
        to_json(self.state())
    }

    /// All suggestions (state records) as a JSON array ordered by id.
    pub fn suggestions_to_json(&self) -> String {
        to_json(&self.suggestions().collect::<Vec<_>>())
    }

    /// The state as the reader (an actor in JSON) may see it ([`crate::visibility`]).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert!(l.state_as_json(r#"{"role":"public","id":"visitor"}"#).is_ok());
    /// assert_eq!(l.state_as_json("{}").unwrap_err().code(), "missing_field");
    /// ```
    pub fn state_as_json(&self, reader: &str) -> Result<String> {
        Ok(to_json(&self.state_as(&parse_reader(reader)?)))
    }

    /// The event log as the reader may see it.
    pub fn events_as_json(&self, reader: &str) -> Result<String> {
        Ok(to_json(&self.events_as(&parse_reader(reader)?)))
    }

    /// The suggestions (ordered by id) as the reader may see them.
    pub fn suggestions_as_json(&self, reader: &str) -> Result<String> {
        let state = self.state_as(&parse_reader(reader)?);
        Ok(to_json(&state.suggestions.values().collect::<Vec<_>>()))
    }

    /// Figures as the reader may see them (`not_published` for the public before publication).
    pub fn figures_as_json(
        &self,
        reader: &str,
        as_of: &str,
        filter: Option<&str>,
    ) -> Result<String> {
        let reader = parse_reader(reader)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        let filter = parse_filter(filter)?;
        Ok(to_json(&self.figures_as(&reader, date, &filter)?))
    }

    /// The head of the hash chain, `{"seq":N,"hash":"…"}` ([`Ledger::head`]).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert!(l.head_to_json().starts_with(r#"{"seq":0,"hash":"000"#));
    /// ```
    pub fn head_to_json(&self) -> String {
        to_json(&self.head())
    }

    /// The deputies with their status on `as_of`, as a JSON array of flat records
    /// ([`crate::roster::deputies`]; no personal data).
    pub fn deputies_to_json(&self, as_of: &str) -> Result<String> {
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&crate::roster::deputies(self.state(), date)))
    }

    /// Every activity participation (one row per deputy and activity), as a JSON array.
    pub fn participations_to_json(&self) -> String {
        to_json(&crate::roster::participations(self.state()))
    }

    /// Every voter issue, as a JSON array of flat records.
    pub fn voter_issues_to_json(&self) -> String {
        to_json(&crate::roster::voter_issues(self.state()))
    }

    /// The voter issues the reader may see ([`crate::visibility::may_see_voter_issue`]).
    pub fn voter_issues_as_json(&self, reader: &str) -> Result<String> {
        let view = self.state_as(&parse_reader(reader)?);
        Ok(to_json(&crate::roster::voter_issues(&view)))
    }

    /// The points of a period as they stand now ([`Ledger::points`]); `scope` is
    /// `"congress"` (default) or `{"station":"…"}` in JSON, or the bare name `congress`.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.points_to_json("hd", "2024-Q5", None).unwrap_err().field(), Some("period"));
    /// ```
    pub fn points_to_json(
        &self,
        congress: &str,
        period: &str,
        scope: Option<&str>,
    ) -> Result<String> {
        let (congress, period, scope) = points_args(congress, period, scope)?;
        Ok(to_json(&self.points(&congress, period, &scope)?))
    }

    /// The points as the reader may see them ([`Ledger::points_as`]).
    pub fn points_as_json(
        &self,
        reader: &str,
        congress: &str,
        period: &str,
        scope: Option<&str>,
    ) -> Result<String> {
        let reader = parse_reader(reader)?;
        let (congress, period, scope) = points_args(congress, period, scope)?;
        Ok(to_json(
            &self.points_as(&reader, &congress, period, &scope)?,
        ))
    }

    /// The deputies recommended for an interview ([`Ledger::interview_recommendations`]).
    pub fn interview_recommendations_to_json(&self, congress: &str) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        Ok(to_json(&self.interview_recommendations(&congress)?))
    }

    /// Every points publication, in the order published, as a JSON array.
    pub fn points_publications_to_json(&self) -> String {
        to_json(&self.state().points_publications)
    }

    /// Duty compliance of a congress's deputies as of `as_of` ([`Ledger::compliance`]), as JSON.
    pub fn compliance_to_json(&self, congress: &str, as_of: &str) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.compliance(&congress, date)?))
    }

    /// The composition of a congress on `as_of` ([`Ledger::composition`]), as JSON.
    pub fn composition_to_json(
        &self,
        congress: &str,
        as_of: &str,
        decimals: u32,
    ) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.composition(&congress, date, decimals)?))
    }

    /// Activity participation from `from` to `to` ([`Ledger::participation`]), as JSON.
    pub fn participation_to_json(
        &self,
        congress: &str,
        from: &str,
        to: &str,
        decimals: u32,
    ) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let from = crate::time::parse_date("from", from)?;
        let to = crate::time::parse_date("to", to)?;
        Ok(to_json(&self.participation(&congress, from, to, decimals)?))
    }

    /// The organisation checks ([`Ledger::check_organisation`]), as JSON.
    pub fn check_organisation_to_json(&self, congress: &str, as_of: &str) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.check_organisation(&congress, date)?))
    }

    /// A deputy's performance archive ([`Ledger::archive`]), as JSON.
    pub fn archive_to_json(&self, deputy: &str) -> Result<String> {
        let deputy = crate::DeputyId::new(deputy)?;
        Ok(to_json(&self.archive(&deputy)?))
    }

    /// A deputy's performance archive as the reader may see it: built from
    /// [`Ledger::state_as`], so without the voter issues and performance records the reader
    /// may not see.
    pub fn archive_as_json(&self, reader: &str, deputy: &str) -> Result<String> {
        let view = self.state_as(&parse_reader(reader)?);
        let deputy = crate::DeputyId::new(deputy)?;
        Ok(to_json(&crate::archive::archive(&view, &deputy)?))
    }
}

// Key suggestions, supervision overlays and third-party evaluation of handling (issue 4:
// `docs/key-suggestions.md`).
impl Ledger {
    /// The key-suggestion figures of `congress` as of `as_of` ([`Ledger::key_figures`]), as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.key_figures_to_json("hd", "2024-12-31").unwrap_err().code(), "not_found");
    /// ```
    pub fn key_figures_to_json(&self, congress: &str, as_of: &str) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.key_figures(&congress, date)?))
    }

    /// A key suggestion's back-to-back assessment as of `as_of`, for a trusted back end
    /// ([`Ledger::key_assessment`]), as JSON.
    pub fn key_assessment_to_json(&self, suggestion: &str, as_of: &str) -> Result<String> {
        let id = SuggestionId::new(suggestion)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.key_assessment(&id, date)?))
    }

    /// A key suggestion's back-to-back assessment as the reader (an actor in JSON) may see it
    /// ([`Ledger::key_assessment_as`]: `not_published` for a handling unit before the
    /// announcement), as JSON.
    pub fn key_assessment_as_json(
        &self,
        reader: &str,
        suggestion: &str,
        as_of: &str,
    ) -> Result<String> {
        let reader = parse_reader(reader)?;
        let id = SuggestionId::new(suggestion)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.key_assessment_as(&reader, &id, date)?))
    }

    /// The suggestions of `congress` under active supervision on `as_of`
    /// ([`Ledger::supervision_monitor`]), as a JSON array.
    pub fn supervision_monitor_to_json(&self, congress: &str, as_of: &str) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.supervision_monitor(&congress, date)?))
    }

    /// Every third-party evaluation with its report distribution ([`Ledger::evaluations`]), as
    /// a JSON array.
    pub fn evaluations_to_json(&self) -> String {
        to_json(&self.evaluations())
    }

    /// The evaluations the reader may see ([`Ledger::evaluations_as`]), as a JSON array.
    pub fn evaluations_as_json(&self, reader: &str) -> Result<String> {
        Ok(to_json(&self.evaluations_as(&parse_reader(reader)?)))
    }

    /// An evaluation's sampled suggestions as of `as_of` ([`Ledger::evaluation_sample`]), as a
    /// JSON array of suggestion views.
    pub fn evaluation_sample_to_json(&self, evaluation: &str, as_of: &str) -> Result<String> {
        let id = crate::EvaluationId::new(evaluation)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.evaluation_sample(&id, date)?))
    }

    /// An evaluation's sampled suggestions as the reader may see them
    /// ([`Ledger::evaluation_sample_as`]: `not_party` for another evaluator), as JSON.
    pub fn evaluation_sample_as_json(
        &self,
        reader: &str,
        evaluation: &str,
        as_of: &str,
    ) -> Result<String> {
        let reader = parse_reader(reader)?;
        let id = crate::EvaluationId::new(evaluation)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.evaluation_sample_as(&reader, &id, date)?))
    }

    /// A suggestion view as the reader may see it ([`Ledger::suggestion_view_as`]: `not_party`
    /// for a third-party evaluator outside its sample), as JSON.
    pub fn suggestion_view_as_json(&self, reader: &str, id: &str, as_of: &str) -> Result<String> {
        let reader = parse_reader(reader)?;
        let id = SuggestionId::new(id)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.suggestion_view_as(&reader, &id, date)?))
    }
}

// Popolo and iCalendar (issue 6: `docs/popolo.md`, `docs/ical.md`).

#[cfg(feature = "popolo")]
impl Ledger {
    /// A congress as a Popolo document as of `as_of` ([`Ledger::to_popolo`]), as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.to_popolo_json("hd", "2024-01-01").unwrap_err().code(), "not_found");
    /// ```
    pub fn to_popolo_json(&self, congress: &str, as_of: &str) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(self.to_popolo(&congress, date)?.to_json())
    }
}

/// Imports a Popolo document ([`crate::popolo::import`]) with options in JSON
/// ([`crate::popolo::ImportOptions`]: `level` required); returns
/// `{"commands": [...], "report": {"entries": [...], "findings": [...]}}`.
///
/// ```
/// let out = renda::api::popolo_import_json(r#"{"persons":[]}"#, r#"{"level":"county"}"#).unwrap();
/// assert!(out.starts_with(r#"{"commands":[],"report":{"entries":[]"#));
/// ```
#[cfg(feature = "popolo")]
pub fn popolo_import_json(json: &str, options_json: &str) -> Result<String> {
    let options = crate::popolo::ImportOptions::from_json(options_json)?;
    Ok(crate::popolo::import(json, &options)?.to_json())
}

/// The semantic checks of a Popolo document ([`crate::popolo::check`]), as a JSON array of
/// findings.
#[cfg(feature = "popolo")]
pub fn popolo_check_json(json: &str) -> Result<String> {
    Ok(to_json(&crate::popolo::check(json)?))
}

impl Ledger {
    /// The reply due dates in a scope as an iCalendar file ([`Ledger::to_ical`]); `scope` is
    /// JSON: `{"unit": …}`, `{"deputy": …}` or `{"congress": …}`.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.to_ical_json("2024-01-01", r#"{"unit":"edu"}"#).unwrap_err().code(), "not_found");
    /// ```
    pub fn to_ical_json(&self, as_of: &str, scope: &str) -> Result<String> {
        let date = crate::time::parse_date("as_of", as_of)?;
        let scope = crate::ical::parse_scope(scope)?;
        self.to_ical(date, &scope)
    }
}

fn parse_filter(filter: Option<&str>) -> Result<FigureFilter> {
    match filter {
        Some(f) => from_value_at(parse_json(f)?, "filter"),
        None => Ok(FigureFilter::default()),
    }
}

type PointsArgs = (
    crate::CongressId,
    crate::period::Period,
    crate::points::PublicationScope,
);

fn points_args(congress: &str, period: &str, scope: Option<&str>) -> Result<PointsArgs> {
    let congress = crate::CongressId::new(congress)?;
    let period: crate::period::Period = period.parse()?;
    // A scope is JSON text (`"congress"`, `{"station": …}`) or a bare name (`congress`).
    let scope = match scope {
        None => crate::points::PublicationScope::Congress,
        Some(s) if !s.trim_start().starts_with(['{', '"']) => {
            from_value_at(serde_json::Value::String(s.to_string()), "scope")?
        }
        Some(s) => from_value_at(parse_json(s)?, "scope")?,
    };
    Ok((congress, period, scope))
}

fn parse_reader(reader: &str) -> Result<crate::Actor> {
    from_value_at(parse_json(reader)?, "reader")
}

/// Verifies an event log in wire form: see [`crate::chain::verify_json`].
pub fn verify_log_json(events: &str) -> Result<String> {
    crate::chain::verify_json(events)
}

// Motions and sessions (issue 4: `docs/motions.md`).
impl Ledger {
    /// Every motion (state records, [`crate::motion::Motion`]) as a JSON array ordered by id.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.motions_to_json(), "[]");
    /// ```
    pub fn motions_to_json(&self) -> String {
        to_json(&self.motions().collect::<Vec<_>>())
    }

    /// Every scheduled session ([`crate::session::Session`]) as a JSON array ordered by id.
    pub fn sessions_to_json(&self) -> String {
        to_json(&self.sessions().collect::<Vec<_>>())
    }

    /// The motion figures of `congress` as of `as_of` (`YYYY-MM-DD`;
    /// [`Ledger::motion_figures`]), as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.motion_figures_to_json("hd", "2024-13-01").unwrap_err().field(), Some("as_of"));
    /// ```
    pub fn motion_figures_to_json(&self, congress: &str, as_of: &str) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.motion_figures(&congress, date)?))
    }
}

// Class cases, the suggester, unit scores, breakdowns and the plan ledger (issue 4:
// `docs/class-cases.md`).
impl Ledger {
    /// Every class case (state records, [`crate::class_case::ClassCase`], dissolved ones too)
    /// as a JSON array ordered by id.
    ///
    /// ```
    /// assert_eq!(renda::Ledger::new(Default::default()).class_cases_to_json(), "[]");
    /// ```
    pub fn class_cases_to_json(&self) -> String {
        to_json(&self.class_cases().collect::<Vec<_>>())
    }

    /// The class cases existing at the end of `as_of`, of `congress` (or of every congress),
    /// with their figures ([`Ledger::class_case_report`]), as JSON.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert!(l.class_case_report_to_json("2024-12-31", None).unwrap().contains(r#""groups":[]"#));
    /// assert_eq!(l.class_case_report_to_json("2024-12-31", Some("hd")).unwrap_err().code(), "not_found");
    /// ```
    pub fn class_case_report_to_json(&self, as_of: &str, congress: Option<&str>) -> Result<String> {
        let date = crate::time::parse_date("as_of", as_of)?;
        let congress = congress.map(crate::CongressId::new).transpose()?;
        Ok(to_json(&self.class_case_report(date, congress.as_ref())?))
    }

    /// Candidate class cases of `congress` ([`Ledger::class_case_candidates`]); `min_score` is
    /// a number from 0 to 1 as text (`"0.3"`). Returns a JSON array of
    /// [`crate::similarity::CandidateGroup`].
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.class_case_candidates_to_json("hd", "2").unwrap_err().field(), Some("min_score"));
    /// ```
    pub fn class_case_candidates_to_json(&self, congress: &str, min_score: &str) -> Result<String> {
        let min_score = crate::similarity::parse_min_score("min_score", min_score)?;
        let congress = crate::CongressId::new(congress)?;
        Ok(to_json(&self.class_case_candidates(&congress, min_score)?))
    }

    /// The ranked unit scores as of `as_of` with an optional filter in JSON
    /// ([`Ledger::unit_scores`]), as a JSON array.
    pub fn unit_scores_to_json(&self, as_of: &str, filter: Option<&str>) -> Result<String> {
        let date = crate::time::parse_date("as_of", as_of)?;
        let filter = parse_filter(filter)?;
        Ok(to_json(&self.unit_scores(date, &filter)?))
    }

    /// The unit scores as the reader may see them ([`Ledger::unit_scores_as`]).
    pub fn unit_scores_as_json(
        &self,
        reader: &str,
        as_of: &str,
        filter: Option<&str>,
    ) -> Result<String> {
        let reader = parse_reader(reader)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        let filter = parse_filter(filter)?;
        Ok(to_json(&self.unit_scores_as(&reader, date, &filter)?))
    }

    /// The figures broken down `by` `unit`, `topic`, `level`, `year`, `quarter` or `month`
    /// ([`Ledger::figures_by`]), as a JSON array of rows.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// assert_eq!(l.figures_by_to_json("2024-12-31", "year", None).unwrap(), "[]");
    /// assert_eq!(l.figures_by_to_json("2024-12-31", "week", None).unwrap_err().field(), Some("by"));
    /// ```
    pub fn figures_by_to_json(
        &self,
        as_of: &str,
        by: &str,
        filter: Option<&str>,
    ) -> Result<String> {
        let date = crate::time::parse_date("as_of", as_of)?;
        let by: crate::breakdown::Breakdown = by.parse()?;
        let filter = parse_filter(filter)?;
        Ok(to_json(&self.figures_by(date, &filter, by)?))
    }

    /// The breakdown as the reader may see it ([`Ledger::figures_by_as`]).
    pub fn figures_by_as_json(
        &self,
        reader: &str,
        as_of: &str,
        by: &str,
        filter: Option<&str>,
    ) -> Result<String> {
        let reader = parse_reader(reader)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        let by: crate::breakdown::Breakdown = by.parse()?;
        let filter = parse_filter(filter)?;
        Ok(to_json(&self.figures_by_as(&reader, date, &filter, by)?))
    }

    /// The plan ledger of `congress`'s term as of `as_of`, per year of entry with totals
    /// ([`Ledger::plan_ledger`]), as JSON.
    pub fn plan_ledger_to_json(&self, congress: &str, as_of: &str) -> Result<String> {
        let congress = crate::CongressId::new(congress)?;
        let date = crate::time::parse_date("as_of", as_of)?;
        Ok(to_json(&self.plan_ledger(&congress, date)?))
    }
}

/// Candidate class cases among titles given as JSON, `[{"suggestion": id, "title": text}, …]`,
/// with optional parameters in JSON ([`crate::similarity::SimilarityParams`], e.g.
/// `{"min_score": 0.4}`); returns a JSON array of [`crate::similarity::CandidateGroup`].
///
/// ```
/// let out = renda::api::candidate_groups_json(r#"[{"suggestion":"S1","title":"关于增加幼儿园学位的建议"},
///   {"suggestion":"S2","title":"关于增加幼儿园学位供给的建议"},{"suggestion":"S3","title":"关于治理噪声扰民的建议"}]"#,
///   None).unwrap();
/// assert!(out.starts_with(r#"[{"suggestions":["S1","S2"],"score":"#));
/// ```
pub fn candidate_groups_json(items: &str, params: Option<&str>) -> Result<String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        suggestion: SuggestionId,
        title: String,
    }
    let items: Vec<Item> = from_value_at(parse_json(items)?, "items")?;
    let params: crate::similarity::SimilarityParams = match params {
        Some(p) => from_value_at(parse_json(p)?, "params")?,
        None => Default::default(),
    };
    if !(0.0..=1.0).contains(&params.min_score) {
        return Err(crate::RendaError::InvalidField {
            field: "params.min_score".into(),
            value: params.min_score.to_string(),
            reason: "must be a number from 0 to 1".into(),
        });
    }
    let pairs: Vec<(SuggestionId, &str)> = items
        .iter()
        .map(|i| (i.suggestion.clone(), i.title.as_str()))
        .collect();
    let groups = crate::similarity::candidate_groups(&pairs, &params);
    Ok(to_json(&groups))
}

// Tables (issue 6: `docs/tables.md`).
impl Ledger {
    /// The table named `name` ([`crate::table::TableName`]) as of `as_of` (`YYYY-MM-DD`;
    /// `None`: the day of the last event), as `reader` (an actor in JSON) may see it, or
    /// unredacted without a reader: the bindings' one entry to [`Ledger::table`] and
    /// [`Ledger::table_as`].
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let t = l.table_from_args("units", Some("2024-12-31"), None).unwrap();
    /// assert_eq!(t.as_of.to_string(), "2024-12-31");
    /// assert_eq!(l.table_from_args("unit", None, None).unwrap_err().code(), "invalid_field");
    /// let reader = r#"{"role":"public","id":"p"}"#;
    /// assert!(l.table_from_args("deputies", None, Some(reader)).is_ok());
    /// ```
    pub fn table_from_args(
        &self,
        name: &str,
        as_of: Option<&str>,
        reader: Option<&str>,
    ) -> Result<crate::table::Table> {
        let name: crate::table::TableName = name.parse()?;
        let as_of = as_of
            .map(|d| crate::time::parse_date("as_of", d))
            .transpose()?;
        match reader {
            Some(r) => self.table_as(&parse_reader(r)?, name, as_of),
            None => self.table(name, as_of),
        }
    }
}

/// The figures of a columnar suggestion log as of `as_of` (`YYYY-MM-DD`), for the suggestions
/// passing `filter` (a [`FigureFilter`] in JSON), with due dates under `rules` (a rule-book spec
/// as [`rule_book`] takes; `None`: the national preset) and the China working-day calendar,
/// as JSON: the same document [`Ledger::figures_to_json`] gives.
///
/// ```
/// let log = renda::columnar::SuggestionLog::new();
/// let json = renda::api::log_figures_to_json(&log, "2024-12-31", None, None).unwrap();
/// assert!(json.contains("\"as_of\":\"2024-12-31\""));
/// let err = renda::api::log_figures_to_json(&log, "2024-12-31", Some(r#"{"congres": "x"}"#), None);
/// assert_eq!(err.unwrap_err().field(), Some("filter.congres"));
/// ```
pub fn log_figures_to_json(
    log: &crate::columnar::SuggestionLog,
    as_of: &str,
    filter: Option<&str>,
    rules: Option<&str>,
) -> Result<String> {
    let date = crate::time::parse_date("as_of", as_of)?;
    let filter = parse_filter(filter)?;
    let book = rule_book(rules)?;
    let figures = log.figures_with(&filter, &book, crate::calendar::WorkCalendar::china(), date)?;
    Ok(to_json(&figures))
}

/// [`log_figures_to_json`] with the per-unit figures apart, as a record batch
/// ([`crate::columnar::arrow::unit_figures_batch`]), and the JSON's `units` list empty: the
/// form for national figures, whose units would make the JSON hundreds of megabytes.
///
/// ```
/// let log = renda::columnar::SuggestionLog::new();
/// let (json, units) = renda::api::log_figures_split(&log, "2024-12-31", None, None).unwrap();
/// assert!(json.contains(r#""units":[]"#));
/// assert_eq!(units.num_rows(), 0);
/// ```
#[cfg(feature = "arrow")]
pub fn log_figures_split(
    log: &crate::columnar::SuggestionLog,
    as_of: &str,
    filter: Option<&str>,
    rules: Option<&str>,
) -> Result<(String, arrow_array::RecordBatch)> {
    let date = crate::time::parse_date("as_of", as_of)?;
    let filter = parse_filter(filter)?;
    let book = rule_book(rules)?;
    let mut figures =
        log.figures_with(&filter, &book, crate::calendar::WorkCalendar::china(), date)?;
    let units = crate::columnar::arrow::unit_figures_batch(&figures.units)?;
    figures.units = Vec::new();
    Ok((to_json(&figures), units))
}

/// The deputy figures of a deputy log ([`crate::columnar::deputies::DeputyLog::figures`]):
/// points over `period` (`2024`, `2024-Q1`, `2024-03`) and duty compliance as of `as_of`,
/// under `rules` (a rules spec in JSON; `None`: the national preset); returns the whole log's
/// sums as JSON (`period`, `as_of`, `totals` with `duty_rate`) and the per-deputy and
/// per-congress record batches ([`crate::columnar::deputies::DeputyFigures::to_record_batches`]).
///
/// ```
/// let log = renda::columnar::deputies::DeputyLog::new();
/// let (json, deputies, congresses) =
///     renda::api::deputy_figures_split(&log, "2024", "2024-12-31", None).unwrap();
/// assert!(json.contains(r#""duties_due":0"#));
/// assert_eq!((deputies.num_rows(), congresses.num_rows()), (0, 0));
/// assert_eq!(renda::api::deputy_figures_split(&log, "2024-13", "2024-12-31", None)
///     .unwrap_err().field(), Some("period"));
/// ```
#[cfg(feature = "arrow")]
pub fn deputy_figures_split(
    log: &crate::columnar::deputies::DeputyLog,
    period: &str,
    as_of: &str,
    rules: Option<&str>,
) -> Result<(String, arrow_array::RecordBatch, arrow_array::RecordBatch)> {
    let period: crate::period::Period = period.parse()?;
    let date = crate::time::parse_date("as_of", as_of)?;
    let book = rule_book(rules)?;
    let figures = log.figures(&book, period, date)?;
    let (deputies, congresses) = figures.to_record_batches(log)?;
    let totals = serde_json::json!({
        "period": figures.period,
        "as_of": figures.as_of,
        "totals": figures.totals,
        "duty_rate": figures.totals.duty_rate(),
        "decimals": crate::compliance::RATE_DECIMALS,
    });
    Ok((to_json(&totals), deputies, congresses))
}

/// The figures of disjoint parts (a JSON array of figures documents, all as of one date)
/// added into the figures of the whole ([`crate::figures::SuggestionFigures::combine`]), as
/// JSON.
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let f = ledger.figures_to_json("2024-12-31", None).unwrap();
/// let both = renda::api::combine_figures_json(&format!("[{f},{f}]")).unwrap();
/// assert_eq!(both, f);
/// assert_eq!(renda::api::combine_figures_json("[]").unwrap_err().field(), Some("parts"));
/// ```
pub fn combine_figures_json(parts: &str) -> Result<String> {
    let parts: Vec<crate::figures::SuggestionFigures> = from_value_at(parse_json(parts)?, "parts")?;
    Ok(to_json(&crate::figures::SuggestionFigures::combine(parts)?))
}

/// [`combine_figures_json`] with each part its own JSON document (`parts[i]` in errors), so
/// that national figures, whose per-unit lists run to hundreds of megabytes, combine when
/// each part is within the document size limit ([`crate::wire::MAX_JSON_BYTES`]).
///
/// ```
/// let ledger = renda::Ledger::new(Default::default());
/// let f = ledger.figures_to_json("2024-12-31", None).unwrap();
/// assert_eq!(renda::api::combine_figure_documents(&[&f, &f]).unwrap(), f);
/// let err = renda::api::combine_figure_documents(&[&f, "{}"]).unwrap_err();
/// assert!(err.field().unwrap().starts_with("parts[1]"), "{err}");
/// ```
pub fn combine_figure_documents(parts: &[&str]) -> Result<String> {
    let parts = parts
        .iter()
        .enumerate()
        .map(|(i, p)| from_value_at(parse_json(p)?, &format!("parts[{i}]")))
        .collect::<Result<Vec<crate::figures::SuggestionFigures>>>()?;
    Ok(to_json(&crate::figures::SuggestionFigures::combine(parts)?))
}
