//! Class cases (类案): similar suggestions merged into one group with one lead unit (W1 step 4,
//! domain §1.3 `ClassCaseGroup`, §6.2 "Suggestion: merge into a class case").
//!
//! The deputy affairs office merges two or more suggestions (件) of one congress into a group
//! (项) with one lead unit ([`crate::Command::MergeSuggestions`]), adds more
//! ([`crate::Command::AddToClassCase`]) and splits one off again
//! ([`crate::Command::SplitSuggestion`]); a group left with a single member is dissolved. A
//! group changes nothing else: every suggestion keeps its own proposers, replies, ratings and
//! figures, so every proposer still gets their own reply. What a group fixes is the lead unit:
//! every member is (or will be) assigned to the group's lead unit (`class_case_lead_unit`).
//!
//! Committees *propose* groups (§6.2): the suggester of [`crate::similarity`] ranks candidate
//! groups from the titles ([`crate::Ledger::class_case_candidates`]) and never merges anything.
//!
//! Decisions where the documents are silent (see `docs/class-cases.md`):
//! - a suggestion may join a group while it is `accepted` (not yet assigned) or `assigned`
//!   (not yet replied) to the group's lead unit, and may be split off only while it has no
//!   reply;
//! - a suggestion belongs to at most one group at a time (`already_grouped`);
//! - a dissolved group keeps its record and its id (`class_case_dissolved` for later changes).
//!
//! ```
//! use renda::Ledger;
//! let mut l = Ledger::new(Default::default());
//! let office = r#"{"role":"deputy_affairs_office","id":"office"}"#;
//! let admin = r#"{"role":"admin","id":"a"}"#;
//! let run = |l: &mut Ledger, actor: &str, cmd: &str| {
//!     l.execute_json(&format!(r#"{{"at":"2024-01-10","actor":{actor},"command":{cmd}}}"#)).unwrap()
//! };
//! run(&mut l, admin, r#"{"type":"register_congress","congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}"#);
//! run(&mut l, admin, r#"{"type":"register_deputy","deputy":"D1","congress":"hd","name":"甲"}"#);
//! run(&mut l, admin, r#"{"type":"register_deputy","deputy":"D2","congress":"hd","name":"乙"}"#);
//! run(&mut l, admin, r#"{"type":"register_unit","unit":"edu","name":"区教委"}"#);
//! for (s, d, t) in [("S1", "D1", "关于增加幼儿园学位的建议"), ("S2", "D2", "关于扩大学前教育学位供给的建议")] {
//!     run(&mut l, &format!(r#"{{"role":"deputy","id":"{d}"}}"#), &format!(
//!         r#"{{"type":"submit_suggestion","suggestion":"{s}","congress":"hd","title":"{t}","lead":"{d}","during":"session"}}"#));
//!     run(&mut l, office, &format!(r#"{{"type":"accept_suggestion","suggestion":"{s}"}}"#));
//! }
//! let events = run(&mut l, office, r#"{"type":"merge_suggestions","group":"G1","title":"增加幼儿园学位",
//!     "suggestions":["S1","S2"],"lead_unit":"edu"}"#);
//! assert_eq!(events[0].event.type_name(), "class_case_formed");
//! let g = l.class_cases().next().unwrap();
//! assert_eq!(g.current_members().count(), 2);
//! ```

use crate::command::Command;
use crate::error::{rule_codes, RendaError, Result};
use crate::event::EventKind;
use crate::ids::{ClassCaseId, CongressId, SuggestionId, UnitId};
use crate::state::State;
use crate::suggestion::{Suggestion, SuggestionStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One membership of a suggestion in a class case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassCaseMember {
    /// The suggestion (件).
    pub suggestion: SuggestionId,
    /// The day it was merged into the group.
    pub joined_on: NaiveDate,
    /// The day it was split off (or the group dissolved), if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_on: Option<NaiveDate>,
}

/// A class case (类案): suggestions of one congress merged into one group (项) with one lead
/// unit (domain §1.3 `ClassCaseGroup`; [000] "增加幼儿园学位（11件并一类）").
///
/// ```
/// let g: renda::class_case::ClassCase = serde_json::from_str(r#"{"id":"G1","congress":"hd",
///   "title":"增加幼儿园学位","lead_unit":"edu","formed_on":"2024-01-10",
///   "members":[{"suggestion":"S1","joined_on":"2024-01-10"},
///              {"suggestion":"S2","joined_on":"2024-01-10","left_on":"2024-02-01"}]}"#).unwrap();
/// assert!(g.is_active());
/// assert_eq!(g.current_members().map(|s| s.as_str()).collect::<Vec<_>>(), ["S1"]);
/// assert_eq!(g.members_on("2024-01-31".parse().unwrap()).len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassCase {
    /// Id.
    pub id: ClassCaseId,
    /// The congress of every member.
    pub congress: CongressId,
    /// Topic of the group (e.g. 增加幼儿园学位).
    pub title: String,
    /// The one lead unit (主办单位) of every member.
    pub lead_unit: UnitId,
    /// The day the group was formed.
    pub formed_on: NaiveDate,
    /// The day the group was dissolved (left with one member), if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolved_on: Option<NaiveDate>,
    /// Every membership, in the order merged (a suggestion split off and merged again has two).
    pub members: Vec<ClassCaseMember>,
}

impl ClassCase {
    /// Whether the group still exists (not dissolved).
    pub fn is_active(&self) -> bool {
        self.dissolved_on.is_none()
    }

    /// The suggestions in the group now, in the order merged.
    pub fn current_members(&self) -> impl Iterator<Item = &SuggestionId> {
        self.members
            .iter()
            .filter(|m| m.left_on.is_none())
            .map(|m| &m.suggestion)
    }

    /// Whether the group existed at the end of `date`.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.formed_on <= date && self.dissolved_on.is_none_or(|d| d > date)
    }

    /// The suggestions in the group at the end of `date`, in the order merged.
    pub fn members_on(&self, date: NaiveDate) -> Vec<&SuggestionId> {
        self.members
            .iter()
            .filter(|m| m.joined_on <= date && m.left_on.is_none_or(|l| l > date))
            .map(|m| &m.suggestion)
            .collect()
    }

    /// Whether `suggestion` is in the group now.
    pub fn has_member(&self, suggestion: &SuggestionId) -> bool {
        self.current_members().any(|s| s == suggestion)
    }
}

/// The group `suggestion` belongs to now, if any.
pub fn group_of<'s>(state: &'s State, suggestion: &SuggestionId) -> Option<&'s ClassCase> {
    state
        .class_cases
        .values()
        .find(|g| g.is_active() && g.has_member(suggestion))
}

/// A class case as of a date, for reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassCaseView {
    /// Id.
    pub id: ClassCaseId,
    /// Congress.
    pub congress: CongressId,
    /// Title.
    pub title: String,
    /// Lead unit.
    pub lead_unit: UnitId,
    /// Day formed.
    pub formed_on: NaiveDate,
    /// Members at the end of the date, in the order merged.
    pub members: Vec<SuggestionId>,
}

/// Class-case figures as of a date: groups are counted in 项 ([`crate::stats::CountUnit::Topics`]),
/// grouped suggestions in 件 ([`crate::stats::CountUnit::Items`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassCaseFigures {
    /// Groups existing at the end of the date (项).
    pub groups: u64,
    /// Suggestions in those groups (件).
    pub suggestions_grouped: u64,
}

/// The class cases of a congress (or of every congress) as of a date, with their figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassCaseReport {
    /// The date (end of day, China time).
    pub as_of: NaiveDate,
    /// The groups existing then, ordered by id.
    pub groups: Vec<ClassCaseView>,
    /// Their figures.
    pub figures: ClassCaseFigures,
}

/// Builds the report over `state` (see [`crate::Ledger::class_case_report`]).
pub(crate) fn report(
    state: &State,
    as_of: NaiveDate,
    congress: Option<&CongressId>,
) -> Result<ClassCaseReport> {
    if let Some(c) = congress {
        state.congress(c, "congress")?;
    }
    let mut figures = ClassCaseFigures::default();
    let groups: Vec<ClassCaseView> = state
        .class_cases
        .values()
        .filter(|g| congress.is_none_or(|c| c == &g.congress) && g.active_on(as_of))
        .map(|g| {
            let members: Vec<SuggestionId> = g.members_on(as_of).into_iter().cloned().collect();
            figures.groups += 1;
            figures.suggestions_grouped += members.len() as u64;
            ClassCaseView {
                id: g.id.clone(),
                congress: g.congress.clone(),
                title: g.title.clone(),
                lead_unit: g.lead_unit.clone(),
                formed_on: g.formed_on,
                members,
            }
        })
        .collect();
    Ok(ClassCaseReport {
        as_of,
        groups,
        figures,
    })
}

const RULE: &str = "W1 step 4 (类案: merge into a class case)";

/// A group that exists and is not dissolved.
fn active_group<'s>(state: &'s State, id: &ClassCaseId) -> Result<&'s ClassCase> {
    let g = state
        .class_cases
        .get(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "class_case",
            id: id.to_string(),
            field: "command.group".into(),
        })?;
    if let Some(d) = g.dissolved_on {
        return Err(RendaError::rule_violation(
            rule_codes::CLASS_CASE_DISSOLVED,
            RULE,
            Some("command.group"),
            Some(id.to_string()),
            format!("class case `{id}` was dissolved on {d}; form a new group"),
        ));
    }
    Ok(g)
}

/// Checks that `s` (named by `field`) may join a group of `congress` led by `lead_unit`.
fn check_joinable(
    state: &State,
    s: &Suggestion,
    field: &str,
    congress: &CongressId,
    lead_unit: &UnitId,
) -> Result<()> {
    if &s.congress != congress {
        return Err(RendaError::rule_violation(
            rule_codes::WRONG_CONGRESS,
            RULE,
            Some(field),
            Some(s.id.to_string()),
            format!(
                "suggestion `{}` was submitted to congress `{}`, not `{congress}`; a class case groups suggestions of one congress",
                s.id, s.congress
            ),
        ));
    }
    match s.status {
        SuggestionStatus::Accepted => {}
        SuggestionStatus::Assigned => {
            let a = s.assignment()?;
            if &a.lead_unit != lead_unit {
                return Err(RendaError::rule_violation(
                    rule_codes::CLASS_CASE_LEAD_UNIT,
                    RULE,
                    Some(field),
                    Some(s.id.to_string()),
                    format!(
                        "suggestion `{}` is assigned to `{}`, not to the group's lead unit `{lead_unit}`",
                        s.id, a.lead_unit
                    ),
                ));
            }
        }
        _ => {
            return Err(RendaError::InvalidTransition {
                entity: "suggestion",
                field: "command.suggestion",
                id: s.id.to_string(),
                status: s.status.as_str(),
                action: "merge into a class case",
                rule: RULE,
            })
        }
    }
    if let Some(g) = group_of(state, &s.id) {
        return Err(RendaError::rule_violation(
            rule_codes::ALREADY_GROUPED,
            RULE,
            Some(field),
            Some(s.id.to_string()),
            format!(
                "suggestion `{}` is already in class case `{}`; split it off first",
                s.id, g.id
            ),
        ));
    }
    Ok(())
}

/// Decides a class-case command (the permission matrix has been checked: only the deputy
/// affairs office merges, §6.2). Never changes anything.
pub(crate) fn decide(state: &State, command: &Command) -> Result<Vec<EventKind>> {
    match command {
        Command::MergeSuggestions {
            group,
            title,
            suggestions,
            lead_unit,
        } => {
            State::absent(&state.class_cases, group, "class_case")?;
            crate::ledger::check_name("command.title", title)?;
            if suggestions.len() < 2 {
                return Err(RendaError::InvalidField {
                    field: "command.suggestions".into(),
                    value: suggestions.len().to_string(),
                    reason: "a class case merges at least 2 suggestions".into(),
                });
            }
            state.unit(lead_unit, "command.lead_unit")?;
            let mut seen = BTreeSet::new();
            let mut congress: Option<&CongressId> = None;
            for (i, id) in suggestions.iter().enumerate() {
                let field = format!("command.suggestions[{i}]");
                if !seen.insert(id) {
                    return Err(RendaError::InvalidField {
                        field,
                        value: id.to_string(),
                        reason: "a suggestion appears once in a class case".into(),
                    });
                }
                let s = state
                    .suggestions
                    .get(id)
                    .ok_or_else(|| RendaError::NotFound {
                        entity: "suggestion",
                        id: id.to_string(),
                        field: field.clone(),
                    })?;
                let c = *congress.get_or_insert(&s.congress);
                check_joinable(state, s, &field, c, lead_unit)?;
            }
            let congress = congress.cloned().ok_or_else(|| RendaError::InvalidField {
                field: "command.suggestions".into(),
                value: String::new(),
                reason: "a class case merges at least 2 suggestions".into(),
            })?;
            Ok(vec![EventKind::ClassCaseFormed {
                group: group.clone(),
                congress,
                title: title.clone(),
                lead_unit: lead_unit.clone(),
                suggestions: suggestions.clone(),
            }])
        }
        Command::AddToClassCase { group, suggestion } => {
            let g = active_group(state, group)?;
            let s = state.suggestion(suggestion)?;
            check_joinable(state, s, "command.suggestion", &g.congress, &g.lead_unit)?;
            Ok(vec![EventKind::ClassCaseJoined {
                group: group.clone(),
                suggestion: suggestion.clone(),
            }])
        }
        Command::SplitSuggestion { group, suggestion } => {
            let g = active_group(state, group)?;
            let s = state.suggestion(suggestion)?;
            if !g.has_member(suggestion) {
                return Err(RendaError::rule_violation(
                    rule_codes::NOT_IN_CLASS_CASE,
                    RULE,
                    Some("command.suggestion"),
                    Some(suggestion.to_string()),
                    format!("suggestion `{suggestion}` is not in class case `{group}`"),
                ));
            }
            // Split only before the first reply: the reply was given as one group (decision,
            // docs/class-cases.md).
            if !s.replies.is_empty() {
                return Err(RendaError::InvalidTransition {
                    entity: "suggestion",
                    field: "command.suggestion",
                    id: s.id.to_string(),
                    status: s.status.as_str(),
                    action: "split from a class case",
                    rule: "W1 step 4 (split only before the first reply)",
                });
            }
            let mut events = vec![EventKind::ClassCaseSplit {
                group: group.clone(),
                suggestion: suggestion.clone(),
            }];
            if g.current_members().count() <= 2 {
                events.push(EventKind::ClassCaseDissolved {
                    group: group.clone(),
                });
            }
            Ok(events)
        }
        _ => unreachable!("decide is only called with class-case commands"),
    }
}

fn group_mut<'s>(state: &'s mut State, id: &ClassCaseId) -> Result<&'s mut ClassCase> {
    state
        .class_cases
        .get_mut(id)
        .ok_or_else(|| RendaError::NotFound {
            entity: "class_case",
            id: id.to_string(),
            field: "event.group".into(),
        })
}

fn known_suggestion(state: &State, id: &SuggestionId, field: &str) -> Result<()> {
    if state.suggestions.contains_key(id) {
        Ok(())
    } else {
        Err(RendaError::NotFound {
            entity: "suggestion",
            id: id.to_string(),
            field: field.into(),
        })
    }
}

/// Applies a class-case event. Safe on hostile logs: dangling references are `not_found`, a
/// repeated group `already_exists`; [`State::validate`] checks the rest afterwards.
pub(crate) fn apply(state: &mut State, date: NaiveDate, event: &EventKind) -> Result<()> {
    match event {
        EventKind::ClassCaseFormed {
            group,
            congress,
            title,
            lead_unit,
            suggestions,
        } => {
            State::absent(&state.class_cases, group, "class_case")?;
            state.congress(congress, "event.congress")?;
            state.unit(lead_unit, "event.lead_unit")?;
            for s in suggestions {
                known_suggestion(state, s, "event.suggestions")?;
            }
            state.class_cases.insert(
                group.clone(),
                ClassCase {
                    id: group.clone(),
                    congress: congress.clone(),
                    title: title.clone(),
                    lead_unit: lead_unit.clone(),
                    formed_on: date,
                    dissolved_on: None,
                    members: suggestions
                        .iter()
                        .map(|s| ClassCaseMember {
                            suggestion: s.clone(),
                            joined_on: date,
                            left_on: None,
                        })
                        .collect(),
                },
            );
        }
        EventKind::ClassCaseJoined { group, suggestion } => {
            known_suggestion(state, suggestion, "event.suggestion")?;
            group_mut(state, group)?.members.push(ClassCaseMember {
                suggestion: suggestion.clone(),
                joined_on: date,
                left_on: None,
            });
        }
        EventKind::ClassCaseSplit { group, suggestion } => {
            let g = group_mut(state, group)?;
            let m = g
                .members
                .iter_mut()
                .find(|m| &m.suggestion == suggestion && m.left_on.is_none())
                .ok_or_else(|| RendaError::NotFound {
                    entity: "class_case member",
                    id: suggestion.to_string(),
                    field: "event.suggestion".into(),
                })?;
            m.left_on = Some(date);
        }
        EventKind::ClassCaseDissolved { group } => {
            let g = group_mut(state, group)?;
            g.dissolved_on = Some(date);
            for m in g.members.iter_mut().filter(|m| m.left_on.is_none()) {
                m.left_on = Some(date);
            }
        }
        _ => unreachable!("apply is only called with class-case events"),
    }
    Ok(())
}

/// Checks the class cases of a state from outside ([`State::validate`]): ids match keys,
/// references resolve, members belong to the group's congress, dates run forward, a suggestion
/// is in at most one group at a time, and a group that exists has at least two members.
pub(crate) fn validate(state: &State) -> Result<()> {
    let bad = |id: &ClassCaseId, reason: &str| RendaError::InvalidField {
        field: "state.class_cases".into(),
        value: id.to_string(),
        reason: format!("inconsistent class case: {reason}"),
    };
    let mut grouped = BTreeSet::new();
    for (id, g) in &state.class_cases {
        if &g.id != id {
            return Err(bad(id, "the record's id differs from its key"));
        }
        state.congress(&g.congress, "state.class_cases.congress")?;
        state.unit(&g.lead_unit, "state.class_cases.lead_unit")?;
        if g.dissolved_on.is_some_and(|d| d < g.formed_on) {
            return Err(bad(id, "dissolved before it was formed"));
        }
        for m in &g.members {
            let s = state
                .suggestions
                .get(&m.suggestion)
                .ok_or_else(|| RendaError::NotFound {
                    entity: "suggestion",
                    id: m.suggestion.to_string(),
                    field: "state.class_cases.members".into(),
                })?;
            if s.congress != g.congress {
                return Err(bad(id, "a member belongs to another congress"));
            }
            if m.joined_on < g.formed_on || m.left_on.is_some_and(|l| l < m.joined_on) {
                return Err(bad(id, "membership dates run backwards"));
            }
            if m.left_on.is_none() {
                if g.dissolved_on.is_some() {
                    return Err(bad(id, "a dissolved group has members"));
                }
                if !grouped.insert(&m.suggestion) {
                    return Err(bad(id, "a suggestion is in two groups at once"));
                }
            }
        }
        if g.is_active() && g.current_members().count() < 2 {
            return Err(bad(id, "a group has at least two members"));
        }
    }
    Ok(())
}

impl crate::Ledger {
    /// Every class case (dissolved ones too), ordered by id.
    pub fn class_cases(&self) -> impl Iterator<Item = &ClassCase> {
        self.state().class_cases.values()
    }

    /// The class cases existing at the end of `as_of`, of one congress or of all, with their
    /// figures (groups in 项, suggestions in 件).
    pub fn class_case_report(
        &self,
        as_of: NaiveDate,
        congress: Option<&CongressId>,
    ) -> Result<ClassCaseReport> {
        report(self.state(), as_of, congress)
    }

    /// Candidate class cases among a congress's suggestions that could be merged now (status
    /// `accepted` or `assigned`, in no group), ranked; the congress's other suggestions join
    /// the corpus the term weights are learned from. See [`crate::similarity`]. A candidate
    /// may mix suggestions already assigned to different units: merging it would be refused
    /// (`class_case_lead_unit`); the office decides.
    pub fn class_case_candidates(
        &self,
        congress: &CongressId,
        min_score: f64,
    ) -> Result<Vec<crate::similarity::CandidateGroup>> {
        self.class_case_candidates_with(
            congress,
            &crate::similarity::SimilarityParams::with_min_score(min_score),
        )
    }

    /// [`crate::Ledger::class_case_candidates`] with every parameter of the suggester.
    pub fn class_case_candidates_with(
        &self,
        congress: &CongressId,
        params: &crate::similarity::SimilarityParams,
    ) -> Result<Vec<crate::similarity::CandidateGroup>> {
        let st = self.state();
        st.congress(congress, "congress")?;
        let grouped: BTreeSet<&SuggestionId> = st
            .class_cases
            .values()
            .filter(|g| g.is_active())
            .flat_map(|g| g.current_members())
            .collect();
        let mut items = Vec::new();
        let mut background = Vec::new();
        for s in st.suggestions.values().filter(|s| &s.congress == congress) {
            let eligible = matches!(
                s.status,
                SuggestionStatus::Accepted | SuggestionStatus::Assigned
            ) && !grouped.contains(&s.id);
            if eligible {
                items.push((s.id.clone(), s.title.as_str()));
            } else {
                background.push(s.title.as_str());
            }
        }
        Ok(crate::similarity::candidate_groups_with_background(
            &items,
            &background,
            params,
        ))
    }
}
