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
