//! Named queries: one entry point, [`Ledger::query_json`], for every read that the bindings and
//! the shared scenario files (`tests/scenarios`, `queries`) use. A query is a JSON object naming
//! the query and giving its arguments, e.g.
//! `{"query": "meeting_compliance", "congress": "hd-17", "year": "2024"}`; the answer is the
//! same JSON the query's own method returns (`Ledger::…_to_json`).
//!
//! The Python binding exposes it as `Ledger.query(name, **args)` and the JS binding as
//! `ledger.query(name, args)`, so every query in [`QUERIES`] is available in all three
//! languages with the same name and arguments.
//!
//! ```
//! use renda::Ledger;
//! let l = Ledger::new(Default::default());
//! assert_eq!(l.query_json(r#"{"query":"motions"}"#).unwrap(), "[]");
//! let e = l.query_json(r#"{"query":"motion_figures","congress":"hd"}"#).unwrap_err();
//! assert_eq!((e.code(), e.field()), ("missing_field", Some("query.as_of")));
//! ```

use crate::error::{RendaError, Result};
use crate::ledger::Ledger;
use serde::Serialize;
use serde_json::{Map, Value};

/// What an argument of a query may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArgKind {
    /// A string (an id, a date, a period, a year as text).
    Text,
    /// An integer from 0 to 6: decimal places of percentages.
    Decimals,
    /// A string or an object (a points scope).
    Scope,
    /// An object (a reader, a filter).
    Object,
}

impl ArgKind {
    fn accepts(self, v: &Value) -> bool {
        match self {
            Self::Text => v.is_string(),
            Self::Decimals => v.as_u64().is_some_and(|n| n <= 6),
            Self::Scope => v.is_string() || v.is_object(),
            Self::Object => v.is_object(),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Text => "a string",
            Self::Decimals => "an integer from 0 to 6",
            Self::Scope => "a string or an object",
            Self::Object => "an object",
        }
    }
}

/// One query: its name, required and optional arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuerySpec {
    /// The name (`query` field).
    pub name: &'static str,
    /// Arguments that must be given.
    pub required: &'static [(&'static str, ArgKind)],
    /// Arguments that may be given (absent or null: not given).
    pub optional: &'static [(&'static str, ArgKind)],
}

use ArgKind::{Decimals, Object, Scope, Text};

const fn q(
    name: &'static str,
    required: &'static [(&'static str, ArgKind)],
    optional: &'static [(&'static str, ArgKind)],
) -> QuerySpec {
    QuerySpec {
        name,
        required,
        optional,
    }
}

const CONGRESS_AS_OF: &[(&str, ArgKind)] = &[("congress", Text), ("as_of", Text)];
const CONGRESS_YEAR: &[(&str, ArgKind)] = &[("congress", Text), ("year", Text)];
const READER: &[(&str, ArgKind)] = &[("reader", Object)];
const FILTER_READER: &[(&str, ArgKind)] = &[("filter", Object), ("reader", Object)];

/// Every query, in documentation order.
///
/// ```
/// assert!(renda::query::QUERIES.iter().any(|q| q.name == "plan_ledger"));
/// ```
pub const QUERIES: &[QuerySpec] = &[
    q("composition", CONGRESS_AS_OF, &[("decimals", Decimals)]),
    q(
        "participation",
        &[("congress", Text), ("from", Text), ("to", Text)],
        &[("decimals", Decimals)],
    ),
    q("check_organisation", CONGRESS_AS_OF, &[]),
    q("compliance", CONGRESS_AS_OF, &[]),
    q(
        "points",
        &[("congress", Text), ("period", Text)],
        &[("scope", Scope), ("reader", Object)],
    ),
    q("points_publications", &[], &[]),
    q("deputies", &[("as_of", Text)], &[]),
    q("voter_issues", &[], READER),
    q("archive", &[("deputy", Text)], READER),
    q("key_figures", CONGRESS_AS_OF, &[]),
    q(
        "key_assessment",
        &[("suggestion", Text), ("as_of", Text)],
        READER,
    ),
    q("supervision_monitor", CONGRESS_AS_OF, &[]),
    q("evaluations", &[], READER),
    q(
        "evaluation_sample",
        &[("evaluation", Text), ("as_of", Text)],
        READER,
    ),
    q("motions", &[], &[]),
    q("motion_figures", CONGRESS_AS_OF, &[]),
    q("class_cases", CONGRESS_AS_OF, &[]),
    q(
        "class_case_candidates",
        &[("congress", Text), ("min_score", Text)],
        &[],
    ),
    q("unit_scores", &[("as_of", Text)], FILTER_READER),
    q(
        "figures_by",
        &[("as_of", Text), ("by", Text)],
        FILTER_READER,
    ),
    q("plan_ledger", CONGRESS_AS_OF, &[]),
    q("meeting", &[("meeting", Text)], &[]),
    q(
        "ballots",
        &[("congress", Text), ("from", Text), ("to", Text)],
        &[],
    ),
    q("meeting_compliance", CONGRESS_YEAR, &[]),
    q(
        "oversight_figures",
        &[("congress", Text), ("from", Text), ("to", Text)],
        &[],
    ),
    q("supervision_plan", CONGRESS_YEAR, &[]),
    q(
        "report_calendar",
        &[("congress", Text), ("year", Text), ("as_of", Text)],
        &[],
    ),
    q("inspections", CONGRESS_YEAR, &[]),
    q("inspection_obligations", CONGRESS_YEAR, &[]),
    q(
        "deliberation_opinions",
        &[("congress", Text), ("session", Text)],
        &[],
    ),
    q("resolution_follow_up", CONGRESS_YEAR, &[]),
    q("livelihood_projects", CONGRESS_YEAR, &[]),
    q("evaluation_coverage", CONGRESS_AS_OF, &[]),
    q("work_evaluations", CONGRESS_YEAR, &[]),
    q("escalations", CONGRESS_YEAR, &[]),
    q("escalation_compliance", CONGRESS_YEAR, &[]),
    q("filing_review", CONGRESS_YEAR, &[]),
    q("normative_documents", &[], &[]),
    q("budget_pre_review_coverage", CONGRESS_YEAR, &[]),
    q("key_budget_review", CONGRESS_YEAR, &[]),
    q("audit_double_list", CONGRESS_YEAR, &[]),
    q("budget_records", &[("congress", Text)], &[]),
];

/// Queries of the `popolo` feature (left out of the wasm build for size).
#[cfg(feature = "popolo")]
pub const POPOLO_QUERIES: &[QuerySpec] = &[q(
    "ballots_popolo",
    &[("congress", Text), ("from", Text), ("to", Text)],
    &[],
)];
#[cfg(not(feature = "popolo"))]
const POPOLO_QUERIES: &[QuerySpec] = &[];

/// Every query of this build: [`QUERIES`] and, with the `popolo` feature, the Popolo exports.
///
/// ```
/// assert!(renda::query::all().count() >= renda::query::QUERIES.len());
/// ```
pub fn all() -> impl Iterator<Item = &'static QuerySpec> {
    QUERIES.iter().chain(POPOLO_QUERIES.iter())
}

/// The spec of the query `name`.
///
/// ```
/// assert!(renda::query::spec("motions").is_some());
/// assert!(renda::query::spec("nope").is_none());
/// ```
pub fn spec(name: &str) -> Option<&'static QuerySpec> {
    all().find(|s| s.name == name)
}

/// Every query spec as JSON (for the bindings' runners and documentation).
///
/// ```
/// assert!(renda::query::specs_json().starts_with(r#"[{"name":"composition""#));
/// ```
pub fn specs_json() -> String {
    serde_json::to_string(&all().collect::<Vec<_>>()).expect("query specs serialise")
}

/// Checks a query object against its spec: a known name, every required argument of the
/// right kind, no unknown argument. `ignore` lists keys to skip (a scenario's `expect`).
///
/// ```
/// let q = serde_json::json!({"query": "motions", "expect": []});
/// assert!(renda::query::check(q.as_object().unwrap(), &["expect"]).is_ok());
/// let q = serde_json::json!({"query": "motions", "extra": 1});
/// assert_eq!(renda::query::check(q.as_object().unwrap(), &[]).unwrap_err().field(), Some("query.extra"));
/// ```
pub fn check(q: &Map<String, Value>, ignore: &[&str]) -> Result<&'static QuerySpec> {
    let name = q
        .get("query")
        .and_then(Value::as_str)
        .ok_or_else(|| RendaError::MissingField {
            field: "query.query".into(),
        })?;
    let s = spec(name).ok_or_else(|| RendaError::InvalidField {
        field: "query.query".into(),
        value: crate::ids::truncate(name),
        reason: format!(
            "unknown query (known: {})",
            all().map(|s| s.name).collect::<Vec<_>>().join(", ")
        ),
    })?;
    for (arg, kind) in s.required {
        match q.get(*arg) {
            None | Some(Value::Null) => {
                return Err(RendaError::MissingField {
                    field: format!("query.{arg}"),
                })
            }
            Some(v) if !kind.accepts(v) => return Err(bad_kind(arg, *kind, v)),
            Some(_) => {}
        }
    }
    for (key, v) in q {
        let key = key.as_str();
        if key == "query" || ignore.contains(&key) || s.required.iter().any(|(a, _)| *a == key) {
            continue;
        }
        match s.optional.iter().find(|(a, _)| *a == key) {
            None => {
                return Err(RendaError::InvalidField {
                    field: format!("query.{key}"),
                    value: crate::ids::truncate(&v.to_string()),
                    reason: format!("{name} takes no argument `{key}`"),
                })
            }
            Some((_, kind)) if !v.is_null() && !kind.accepts(v) => {
                return Err(bad_kind(key, *kind, v))
            }
            Some(_) => {}
        }
    }
    Ok(s)
}

fn bad_kind(arg: &str, kind: ArgKind, v: &Value) -> RendaError {
    RendaError::InvalidField {
        field: format!("query.{arg}"),
        value: crate::ids::truncate(&v.to_string()),
        reason: format!("must be {}", kind.describe()),
    }
}

impl Ledger {
    /// Runs the named query given as a JSON object (see [`QUERIES`]) and returns its answer as
    /// JSON text.
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let e = l.query_json(r#"{"query":"nope"}"#).unwrap_err();
    /// assert_eq!((e.code(), e.field()), ("invalid_field", Some("query.query")));
    /// ```
    pub fn query_json(&self, query: &str) -> Result<String> {
        let v = crate::wire::parse_json(query)?;
        let q = v.as_object().ok_or_else(|| RendaError::InvalidField {
            field: "query".into(),
            value: crate::ids::truncate(query),
            reason: "must be a JSON object naming the query".into(),
        })?;
        self.query_map(q, &[])
    }

    /// Runs a query given as a parsed JSON object, skipping the keys in `ignore` (such as a
    /// scenario's `expect`).
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let q = serde_json::json!({"query": "evaluations", "expect": []});
    /// assert_eq!(l.query_map(q.as_object().unwrap(), &["expect"]).unwrap(), "[]");
    /// ```
    pub fn query_map(&self, q: &Map<String, Value>, ignore: &[&str]) -> Result<String> {
        let s = check(q, ignore)?;
        let arg = |k: &str| q.get(k).and_then(Value::as_str).unwrap_or("");
        // Optional JSON arguments reach the methods as JSON text, as the bindings pass them.
        let text = |k: &str| q.get(k).filter(|v| !v.is_null()).map(Value::to_string);
        let decimals = |default: u32| {
            q.get("decimals")
                .and_then(Value::as_u64)
                .map_or(default, |n| n as u32)
        };
        match s.name {
            "composition" => self.composition_to_json(arg("congress"), arg("as_of"), decimals(2)),
            "participation" => {
                self.participation_to_json(arg("congress"), arg("from"), arg("to"), decimals(1))
            }
            "check_organisation" => self.check_organisation_to_json(arg("congress"), arg("as_of")),
            "compliance" => self.compliance_to_json(arg("congress"), arg("as_of")),
            "points" => {
                let scope = text("scope");
                match text("reader") {
                    Some(r) => {
                        self.points_as_json(&r, arg("congress"), arg("period"), scope.as_deref())
                    }
                    None => self.points_to_json(arg("congress"), arg("period"), scope.as_deref()),
                }
            }
            "points_publications" => Ok(self.points_publications_to_json()),
            "deputies" => self.deputies_to_json(arg("as_of")),
            "voter_issues" => match text("reader") {
                Some(r) => self.voter_issues_as_json(&r),
                None => Ok(self.voter_issues_to_json()),
            },
            "archive" => match text("reader") {
                Some(r) => self.archive_as_json(&r, arg("deputy")),
                None => self.archive_to_json(arg("deputy")),
            },
            "key_figures" => self.key_figures_to_json(arg("congress"), arg("as_of")),
            "key_assessment" => match text("reader") {
                Some(r) => self.key_assessment_as_json(&r, arg("suggestion"), arg("as_of")),
                None => self.key_assessment_to_json(arg("suggestion"), arg("as_of")),
            },
            "supervision_monitor" => {
                self.supervision_monitor_to_json(arg("congress"), arg("as_of"))
            }
            "evaluations" => match text("reader") {
                Some(r) => self.evaluations_as_json(&r),
                None => Ok(self.evaluations_to_json()),
            },
            "evaluation_sample" => match text("reader") {
                Some(r) => self.evaluation_sample_as_json(&r, arg("evaluation"), arg("as_of")),
                None => self.evaluation_sample_to_json(arg("evaluation"), arg("as_of")),
            },
            "motions" => Ok(self.motions_to_json()),
            "motion_figures" => self.motion_figures_to_json(arg("congress"), arg("as_of")),
            "class_cases" => self.class_case_report_to_json(arg("as_of"), Some(arg("congress"))),
            "class_case_candidates" => {
                self.class_case_candidates_to_json(arg("congress"), arg("min_score"))
            }
            "unit_scores" => {
                let filter = text("filter");
                match text("reader") {
                    Some(r) => self.unit_scores_as_json(&r, arg("as_of"), filter.as_deref()),
                    None => self.unit_scores_to_json(arg("as_of"), filter.as_deref()),
                }
            }
            "figures_by" => {
                let filter = text("filter");
                match text("reader") {
                    Some(r) => {
                        self.figures_by_as_json(&r, arg("as_of"), arg("by"), filter.as_deref())
                    }
                    None => self.figures_by_to_json(arg("as_of"), arg("by"), filter.as_deref()),
                }
            }
            "plan_ledger" => self.plan_ledger_to_json(arg("congress"), arg("as_of")),
            "meeting" => self.meeting_to_json(arg("meeting")),
            "ballots" => self.ballots_to_json(arg("congress"), arg("from"), arg("to")),
            #[cfg(feature = "popolo")]
            "ballots_popolo" => {
                self.ballots_to_popolo_json(arg("congress"), arg("from"), arg("to"))
            }
            "meeting_compliance" => self.meeting_compliance_to_json(arg("congress"), arg("year")),
            "oversight_figures" => {
                self.oversight_figures_to_json(arg("congress"), arg("from"), arg("to"))
            }
            "supervision_plan" => self.supervision_plan_to_json(arg("congress"), arg("year")),
            "report_calendar" => {
                self.report_calendar_to_json(arg("congress"), arg("year"), arg("as_of"))
            }
            "inspections" => self.inspections_to_json(arg("congress"), arg("year")),
            "inspection_obligations" => {
                self.inspection_obligations_to_json(arg("congress"), arg("year"))
            }
            "deliberation_opinions" => {
                self.deliberation_opinions_to_json(arg("congress"), arg("session"))
            }
            "resolution_follow_up" => {
                self.resolution_follow_up_to_json(arg("congress"), arg("year"))
            }
            "livelihood_projects" => self.livelihood_projects_to_json(arg("congress"), arg("year")),
            "evaluation_coverage" => {
                self.evaluation_coverage_to_json(arg("congress"), arg("as_of"))
            }
            "work_evaluations" => self.work_evaluations_to_json(arg("congress"), arg("year")),
            "escalations" => self.escalations_to_json(arg("congress"), arg("year")),
            "escalation_compliance" => {
                self.escalation_compliance_to_json(arg("congress"), arg("year"))
            }
            "filing_review" => self.filing_review_to_json(arg("congress"), arg("year")),
            "normative_documents" => Ok(self.normative_documents_to_json()),
            "budget_pre_review_coverage" => {
                self.budget_pre_review_coverage_to_json(arg("congress"), arg("year"))
            }
            "key_budget_review" => self.key_budget_review_to_json(arg("congress"), arg("year")),
            "audit_double_list" => self.audit_double_list_to_json(arg("congress"), arg("year")),
            "budget_records" => self.budget_records_to_json(arg("congress")),
            other => Err(RendaError::InvalidField {
                field: "query.query".into(),
                value: other.into(),
                reason: "listed in QUERIES but not dispatched (a bug in renda)".into(),
            }),
        }
    }
}

/// Whether every listed query is dispatched: run each with empty-but-valid arguments and check
/// that none reports the "not dispatched" bug.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_query_is_dispatched() {
        let l = Ledger::new(Default::default());
        for s in all() {
            let mut q = Map::new();
            q.insert("query".into(), Value::String(s.name.into()));
            for (a, kind) in s.required {
                let v = match kind {
                    Text => Value::String("x".into()),
                    Decimals => Value::from(1),
                    Scope | Object => Value::Object(Map::new()),
                };
                q.insert((*a).into(), v);
            }
            if let Err(e) = l.query_map(&q, &[]) {
                assert!(!e.to_string().contains("not dispatched"), "{}: {e}", s.name);
            }
        }
    }

    #[test]
    fn names_are_unique() {
        let names: std::collections::BTreeSet<&str> = all().map(|s| s.name).collect();
        assert_eq!(names.len(), all().count());
    }
}
