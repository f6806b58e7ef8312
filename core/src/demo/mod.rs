//! The demo district: a seeded, deterministic generator of a realistic fictional district
//! congress (示例区人大) over a whole five-year term, calibrated on the seeds (issue 6, item 1).
//!
//! What one district gets, per year unless said otherwise (sources in `shared/domain.md`):
//!
//! | What | Default | Source |
//! |---|---|---|
//! | deputies, with education and re-election mix | 445; 436 college or above, 247 postgraduate, 179 re-elected | S000-1…S000-4 |
//! | standing committee (24 new this term) | 45 | S000-6, L-6 |
//! | handling units (district departments) and organs | 16 + government, court, procuratorate | `scripts/make_demo_data.py` |
//! | homes and stations, duties 月进站·季回家·年述职 | 12 homes, 36 stations | R-D1 (`beijing-district`) |
//! | congress session, standing-committee and director meetings | 1, 7, 17 | S001-1 |
//! | reports heard, review opinions, resolutions and decisions | 46, 13, 19 | S001-2 |
//! | suggestions (session + recess), solved or progressing | 203 + 3, 126 (61.2%) | S001-13 |
//! | key-supervised suggestions: solved + major progress | 5: 3 + 2 | S001-15 |
//! | plan-ledger entries (列入计划), second replies the next year | about 6 | S001-16 |
//! | department work evaluations (W5) with their opinions | 7 | S001-2, S000-15 |
//! | livelihood projects (W19), all done on time, 19 monitored | 32 | S001-7 |
//! | motions (L-2), deputy activities, voter issues (W7), points (W6) | 3; ~500; ~400; yearly | illustrative |
//!
//! Every command goes through [`Ledger::execute`], so every rule is checked; the generated
//! log replays ([`Ledger::replay`]) to the same state, and the same seed gives the same log
//! byte for byte. The rule book is [`rule_book`]: the national rules with the Beijing
//! district practice (homes and stations, points) before 2025, and the `beijing-district`
//! preset from 2025.
//!
//! ```
//! use renda::demo::{self, DemoConfig};
//! let district = demo::generate(&DemoConfig::small()).unwrap();
//! let figures = district.ledger().figures("2022-12-31".parse().unwrap()).unwrap();
//! assert_eq!(figures.counts.submitted, 40);
//! assert!(district.commands().len() > 1000);
//! ```

mod activities;
mod meetings;
mod motions;
mod oversight;
pub(crate) mod rng;
mod roster;
mod suggestions;
mod timeline;

use crate::command::CommandEnvelope;
use crate::error::{RendaError, Result};
use crate::ledger::Ledger;
use crate::rules::{RuleBook, RuleSet};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What to generate. Every field has a default (the Haidian-calibrated district), so JSON
/// may give only what it changes; unknown fields are rejected.
///
/// ```
/// use renda::demo::DemoConfig;
/// let c: DemoConfig = serde_json::from_str(r#"{"seed": 7, "years": 2}"#).unwrap();
/// assert_eq!((c.seed, c.years, c.deputies), (7, 2, 445));
/// assert!(serde_json::from_str::<DemoConfig>(r#"{"sead": 7}"#).is_err());
/// assert_eq!(DemoConfig::default().suggestions_per_year, 206);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DemoConfig {
    /// The seed: the same seed gives the same event log.
    pub seed: u64,
    /// The first year of the term (the term runs from 1 January of this year for five years).
    pub first_year: i32,
    /// How many years of the term to generate (1 to 5).
    pub years: u8,
    /// Independent districts in one ledger (1 for the demo; more to scale up, e.g. for
    /// national-size benchmarks). Ids are prefixed `dNNNN.` when there is more than one.
    pub districts: u32,
    /// Deputies per district (S000-1: 445).
    pub deputies: u32,
    /// Members of the standing committee (S000-6: 45).
    pub standing_committee: u32,
    /// Suggestions per year and district (S001-13: 206).
    pub suggestions_per_year: u32,
    /// Of these, submitted in recess (S001-13: 3).
    pub recess_suggestions_per_year: u32,
    /// Key-supervised suggestions per year (S001-15: 5).
    pub key_suggestions_per_year: u32,
    /// District departments that handle suggestions (the list of `scripts/make_demo_data.py`
    /// first; more are numbered).
    pub units: u32,
    /// Deputies' homes (代表之家).
    pub homes: u32,
    /// Liaison stations (代表联络站), spread over the homes.
    pub stations: u32,
    /// Standing-committee meetings per year (S001-1: 7).
    pub standing_committee_meetings: u32,
    /// Director meetings per year (S001-1: 17).
    pub director_meetings: u32,
    /// Reports heard per year (S001-2: 46).
    pub reports_per_year: u32,
    /// Review-opinion documents per year (S001-2: 13).
    pub review_opinions_per_year: u32,
    /// Department work evaluations per year (S001-2: 7).
    pub work_evaluations_per_year: u32,
    /// Livelihood projects per year (S001-7: 32).
    pub livelihood_projects_per_year: u32,
    /// Motions per session.
    pub motions_per_session: u32,
}

impl Default for DemoConfig {
    fn default() -> Self {
        Self {
            seed: 20240101,
            first_year: 2022,
            years: 5,
            districts: 1,
            deputies: 445,
            standing_committee: 45,
            suggestions_per_year: 206,
            recess_suggestions_per_year: 3,
            key_suggestions_per_year: 5,
            units: 16,
            homes: 12,
            stations: 36,
            standing_committee_meetings: 7,
            director_meetings: 17,
            reports_per_year: 46,
            review_opinions_per_year: 13,
            work_evaluations_per_year: 7,
            livelihood_projects_per_year: 32,
            motions_per_session: 3,
        }
    }
}

impl DemoConfig {
    /// A small district for quick tests: one year (2022), 120 deputies, 40 suggestions.
    ///
    /// ```
    /// let c = renda::demo::DemoConfig::small();
    /// assert_eq!((c.years, c.deputies), (1, 120));
    /// ```
    pub fn small() -> Self {
        Self {
            years: 1,
            deputies: 120,
            standing_committee: 25,
            suggestions_per_year: 40,
            recess_suggestions_per_year: 2,
            key_suggestions_per_year: 2,
            units: 8,
            homes: 4,
            stations: 8,
            reports_per_year: 14,
            review_opinions_per_year: 4,
            work_evaluations_per_year: 2,
            livelihood_projects_per_year: 8,
            motions_per_session: 2,
            ..Self::default()
        }
    }

    /// Checks the ranges the generator needs.
    ///
    /// ```
    /// use renda::demo::DemoConfig;
    /// let bad = DemoConfig { years: 6, ..DemoConfig::default() };
    /// assert_eq!(bad.validate().unwrap_err().field(), Some("config.years"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        let bad = |field: &str, value: String, reason: &str| RendaError::InvalidField {
            field: format!("config.{field}"),
            value,
            reason: reason.into(),
        };
        if !(1..=5).contains(&self.years) {
            return Err(bad(
                "years",
                self.years.to_string(),
                "must be 1 to 5 (one term)",
            ));
        }
        if !(2015..=2022).contains(&self.first_year)
            || self.first_year + i32::from(self.years) - 1 > 2026
        {
            return Err(bad(
                "first_year",
                self.first_year.to_string(),
                "the generated years must lie within the working-day calendar (2015–2026)",
            ));
        }
        if self.districts == 0 || self.districts > 10_000 {
            return Err(bad(
                "districts",
                self.districts.to_string(),
                "must be 1 to 10000",
            ));
        }
        if self.standing_committee < 20 || self.standing_committee > 45 {
            return Err(bad(
                "standing_committee",
                self.standing_committee.to_string(),
                "must be 20 to 45 (L-6; work-evaluation teams need 19 members)",
            ));
        }
        if self.deputies < 2 * self.standing_committee + 20 || self.deputies > 5000 {
            return Err(bad(
                "deputies",
                self.deputies.to_string(),
                "must be at least twice the standing committee plus 20, and at most 5000",
            ));
        }
        if self.recess_suggestions_per_year > self.suggestions_per_year
            || self.key_suggestions_per_year * 4 > self.suggestions_per_year
        {
            return Err(bad(
                "suggestions_per_year",
                self.suggestions_per_year.to_string(),
                "must cover the recess suggestions and four times the key suggestions",
            ));
        }
        if self.units < 4 || self.units > 200 {
            return Err(bad("units", self.units.to_string(), "must be 4 to 200"));
        }
        if self.homes == 0 || self.stations < self.homes || self.stations > self.deputies / 2 {
            return Err(bad(
                "stations",
                self.stations.to_string(),
                "needs at least one home, at least as many stations as homes, and two deputies a station",
            ));
        }
        if !(6..=12).contains(&self.standing_committee_meetings) {
            return Err(bad(
                "standing_committee_meetings",
                self.standing_committee_meetings.to_string(),
                "must be 6 to 12 (L-5: at least every two months)",
            ));
        }
        if !(1..=40).contains(&self.director_meetings) {
            return Err(bad(
                "director_meetings",
                self.director_meetings.to_string(),
                "must be 1 to 40",
            ));
        }
        if self.review_opinions_per_year > self.reports_per_year || self.reports_per_year > 200 {
            return Err(bad(
                "review_opinions_per_year",
                self.review_opinions_per_year.to_string(),
                "must not exceed reports_per_year (at most 200)",
            ));
        }
        if self.work_evaluations_per_year > self.units {
            return Err(bad(
                "work_evaluations_per_year",
                self.work_evaluations_per_year.to_string(),
                "must not exceed the number of units",
            ));
        }
        if self.livelihood_projects_per_year > 200 || self.motions_per_session > 20 {
            return Err(bad(
                "livelihood_projects_per_year",
                self.livelihood_projects_per_year.to_string(),
                "at most 200 livelihood projects and 20 motions a session",
            ));
        }
        Ok(())
    }

    /// First day of the term.
    fn term_start(&self) -> NaiveDate {
        ymd(self.first_year, 1, 1)
    }

    /// Last day of the term (five years).
    fn term_end(&self) -> NaiveDate {
        ymd(self.first_year + 4, 12, 31)
    }

    /// Last day generated.
    fn horizon(&self) -> NaiveDate {
        ymd(self.first_year + i32::from(self.years) - 1, 12, 31)
    }
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The rule book of the demo district: the `beijing-district` preset from 2025 and, before
/// it, the same Beijing district practice (homes and stations with their duties R-D1, points
/// W6, meeting rules) with the national suggestion rules (no re-handling of "basically
/// satisfied", R-S4 dates from 2025).
///
/// ```
/// use renda::registry::Level;
/// let book = renda::demo::rule_book();
/// let d = |s: &str| s.parse().unwrap();
/// assert!(!book.in_force(Level::County, d("2024-06-01")).unwrap().suggestion.rehandle_on_basic_satisfied);
/// assert!(book.in_force(Level::County, d("2025-06-01")).unwrap().suggestion.rehandle_on_basic_satisfied);
/// ```
pub fn rule_book() -> RuleBook {
    let national = RuleSet::national();
    let current = RuleSet::beijing_district();
    let mut before = current.clone();
    before.version = current.version.saturating_sub(1);
    before.title = "北京市区级人大（2025年前） / Beijing district (before 2025)".into();
    before.effective_from = national.effective_from;
    before.effective_to = current.effective_from.pred_opt();
    before.suggestion = national.suggestion.clone();
    if before.version == current.version {
        before.version = current.version + 1;
    }
    RuleBook::new(vec![national, before, current]).unwrap_or_default()
}

/// Calls `sink` with every command of the demo district, in time order, one year at a time
/// (memory holds about one year's plans): the streaming form of [`commands`], for large
/// configurations. The commands depend on `config` only, not on a ledger.
///
/// ```
/// let mut n = 0;
/// renda::demo::for_each_command(&renda::demo::DemoConfig::small(), |_| { n += 1; Ok(()) }).unwrap();
/// assert!(n > 1000);
/// ```
pub fn for_each_command(
    config: &DemoConfig,
    mut sink: impl FnMut(CommandEnvelope) -> Result<()>,
) -> Result<()> {
    config.validate()?;
    let book = rule_book();
    let mut timeline = timeline::Timeline::new(config.horizon().min(config.term_end()));
    let districts: Vec<roster::Roster> = (0..config.districts)
        .map(|k| roster::Roster::plan(config, k))
        .collect::<Result<_>>()?;
    for d in &districts {
        d.register(config, &mut timeline)?;
    }
    for year in config.first_year..config.first_year + i32::from(config.years) {
        for d in &districts {
            let cal = meetings::generate(config, d, year, &mut timeline)?;
            suggestions::generate(config, &book, d, &cal, year, &mut timeline)?;
            motions::generate(config, &book, d, &cal, year, &mut timeline)?;
            oversight::generate(config, d, &cal, year, &mut timeline)?;
            activities::generate(config, d, &cal, year, &mut timeline)?;
        }
        for c in timeline.release_through(ymd(year, 12, 31)) {
            sink(c)?;
        }
    }
    Ok(())
}

/// Every command of the demo district, in time order (see [`for_each_command`]).
///
/// ```
/// let a = renda::demo::commands(&renda::demo::DemoConfig::small()).unwrap();
/// assert_eq!(a[0].command.type_name(), "register_congress");
/// ```
pub fn commands(config: &DemoConfig) -> Result<Vec<CommandEnvelope>> {
    let mut out = Vec::new();
    for_each_command(config, |c| {
        out.push(c);
        Ok(())
    })?;
    Ok(out)
}

/// Executes every command of the demo district in `ledger` (which should use
/// [`rule_book`]), without keeping the commands; returns how many were executed. A rejected
/// command is a generator bug: its error is returned, with nothing after it executed.
///
/// ```
/// let mut ledger = renda::Ledger::new(renda::demo::rule_book());
/// let n = renda::demo::generate_into(&renda::demo::DemoConfig::small(), &mut ledger).unwrap();
/// assert!(ledger.events().len() as u64 >= n);
/// ```
pub fn generate_into(config: &DemoConfig, ledger: &mut Ledger) -> Result<u64> {
    let mut n = 0u64;
    for_each_command(config, |c| {
        ledger.execute(c)?;
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// A generated demo district: its commands and the ledger they built.
///
/// ```
/// let d = renda::demo::generate(&renda::demo::DemoConfig::small()).unwrap();
/// let ledger = d.ledger().clone();
/// assert_eq!(ledger.events().len(), d.into_ledger().events().len());
/// ```
#[derive(Debug, Clone)]
pub struct DemoDistrict {
    config: DemoConfig,
    commands: Vec<CommandEnvelope>,
    ledger: Ledger,
}

impl DemoDistrict {
    /// The configuration it was generated from (see [`generate`]).
    pub fn config(&self) -> &DemoConfig {
        &self.config
    }

    /// The commands, in the order executed.
    ///
    /// ```
    /// let d = renda::demo::generate(&renda::demo::DemoConfig::small()).unwrap();
    /// assert!(d.commands().windows(2).all(|w| w[0].at <= w[1].at));
    /// ```
    pub fn commands(&self) -> &[CommandEnvelope] {
        &self.commands
    }

    /// The ledger the commands built (rule book: [`rule_book`]).
    ///
    /// ```
    /// let d = renda::demo::generate(&renda::demo::DemoConfig::small()).unwrap();
    /// assert_eq!(d.ledger().congresses().count(), 1);
    /// ```
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The ledger, consuming the district.
    ///
    /// ```
    /// let d = renda::demo::generate(&renda::demo::DemoConfig::small()).unwrap();
    /// let n = d.commands().len();
    /// assert!(d.into_ledger().events().len() >= n);
    /// ```
    pub fn into_ledger(self) -> Ledger {
        self.ledger
    }

    /// The congress of district `k` (0-based), e.g. `demo-17` for a single district.
    ///
    /// ```
    /// let d = renda::demo::generate(&renda::demo::DemoConfig::small()).unwrap();
    /// assert_eq!(d.congress(0).unwrap().as_str(), "demo-17");
    /// ```
    pub fn congress(&self, k: u32) -> Option<crate::ids::CongressId> {
        (k < self.config.districts)
            .then(|| roster::congress_id(&self.config, k).ok())
            .flatten()
    }
}

/// Generates the demo district: every command executed in a new ledger with [`rule_book`].
/// A rejected command is a generator bug and is returned as the error.
///
/// ```
/// use renda::demo::{generate, DemoConfig};
/// let d = generate(&DemoConfig { seed: 3, ..DemoConfig::small() }).unwrap();
/// assert_eq!(d.config().seed, 3);
/// assert_eq!(d.ledger().suggestions().count(), 40);
/// ```
pub fn generate(config: &DemoConfig) -> Result<DemoDistrict> {
    let mut ledger = Ledger::new(rule_book());
    let commands = commands(config)?;
    for c in &commands {
        ledger.execute(c.clone())?;
    }
    Ok(DemoDistrict {
        config: config.clone(),
        commands,
        ledger,
    })
}

/// [`generate`] from a JSON configuration (every field optional; `{}` is the default
/// district): the entry point of the bindings. Errors name the field under `config`
/// (`config.years`, `config.sead`, …).
///
/// ```
/// let d = renda::demo::generate_json(r#"{"years": 1, "deputies": 120, "suggestions_per_year": 40,
///   "units": 8, "standing_committee": 25, "homes": 4, "stations": 8}"#).unwrap();
/// assert_eq!(d.config().years, 1);
/// assert_eq!(renda::demo::generate_json(r#"{"sead": 1}"#).unwrap_err().field(), Some("config.sead"));
/// ```
pub fn generate_json(config: &str) -> Result<DemoDistrict> {
    let config: DemoConfig =
        crate::wire::from_value_at(crate::wire::parse_json(config)?, "config")?;
    generate(&config)
}

/// What a configuration generates, without generating it: the congresses (one per district),
/// the first year and the number of years. The bindings return it with the ledger.
///
/// ```
/// let s = renda::demo::DemoSummary::of(&renda::demo::DemoConfig::default()).unwrap();
/// assert_eq!((s.congresses[0].as_str(), s.first_year, s.years), ("demo-17", 2022, 5));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    /// The congress of each district, in order.
    pub congresses: Vec<crate::ids::CongressId>,
    /// The first year of the term.
    pub first_year: i32,
    /// The years generated.
    pub years: u8,
}

impl DemoSummary {
    /// The summary of `config` (its errors are [`DemoConfig::validate`]'s).
    ///
    /// ```
    /// use renda::demo::{DemoConfig, DemoSummary};
    /// assert!(DemoSummary::of(&DemoConfig { years: 9, ..DemoConfig::default() }).is_err());
    /// ```
    pub fn of(config: &DemoConfig) -> Result<Self> {
        config.validate()?;
        Ok(Self {
            congresses: (0..config.districts)
                .map(|k| roster::congress_id(config, k))
                .collect::<Result<_>>()?,
            first_year: config.first_year,
            years: config.years,
        })
    }

    /// [`Self::of`] a JSON configuration, as JSON.
    ///
    /// ```
    /// let s = renda::demo::DemoSummary::json(r#"{"years": 3}"#).unwrap();
    /// assert_eq!(s, r#"{"congresses":["demo-17"],"first_year":2022,"years":3}"#);
    /// ```
    pub fn json(config: &str) -> Result<String> {
        let config: DemoConfig =
            crate::wire::from_value_at(crate::wire::parse_json(config)?, "config")?;
        Ok(crate::wire::to_json(&Self::of(&config)?))
    }
}
