//! Popolo JSON (<https://www.popoloproject.com>): export of a congress's deputies,
//! organizations, memberships and votes, import of Popolo files such as EveryPolitician's, and
//! the semantic checks the Popolo JSON Schemas miss.
//!
//! # Export
//!
//! [`Ledger::to_popolo`] writes one congress as it stands at the end of an "as of" date: a
//! document with the collections `persons`, `organizations`, `memberships`, `posts`, `areas`,
//! `events`, `vote_events` and a `meta` object. Every record validates against the Popolo
//! schemas (draft-03); only properties the schemas define are written, plus
//! `legislative_period_id` on memberships, the EveryPolitician convention the schemas allow.
//! Personal data (phone, identity number, address) and performance records are never exported.
//!
//! | renda | Popolo |
//! |---|---|
//! | congress | organization, `classification` `legislature`, `founding_date`/`dissolution_date` = term; and an event `classification` `legislative period` (`<congress>/term`) with identifiers `renda_congress` and `renda_term` |
//! | its standing committee (not for a township congress) | organization `committee`, `parent_id` the congress, identifier `renda_body` = `standing_committee` |
//! | deputy | person (`person/<person id>` when the profile links a person across congresses, else `deputy/<deputy id>`; identifiers `renda_deputy`, `renda_person`; `gender`; ethnicity as `national_identity`) and membership `<deputy id>` in the congress: `role` `deputy`, `label` 代表 or 补选代表 (by-election), `start_date` = first day in office, `end_date` = the day the qualification terminated or the term's last day once past, `legislative_period_id`, `on_behalf_of_id` the party, `area_id` the constituency or electoral unit |
//! | party status | organization `party`: `party/cpc` 中国共产党, `party/democratic_party` 民主党派, `party/non_party` 无党派人士 |
//! | delegation, deputy groups | organizations `delegation` and `deputy group` (`parent_id` the congress) and memberships `<deputy>/delegation`, `<deputy>/group/<name>` |
//! | standing-committee member | membership `<deputy>/standing_committee` with `post_id` (posts 主任, 副主任, 秘书长, 委员) and `start_date` |
//! | resignation votes (L-9) | vote events with a `motion`, `result` `pass`/`fail` and counts `yes`, `no`, `abstain`, `absent` (and `not voting` when some present did not vote) |
//!
//! The department-evaluation satisfaction votes (W5) plug in through
//! [`vote_events_from_tallies`], which takes any tally ([`VoteTally`]: options such as 满意,
//! 基本满意, 不满意 with their counts).
//!
//! # Import
//!
//! [`import`] reads a Popolo document and returns the renda commands that register what the
//! model holds — one `register_congress` per legislative period of each legislature, one
//! `register_deputy` per membership of a legislature (name, gender, ethnicity, constituency,
//! party where it maps, delegation, deputy groups, the person link across terms, first day in
//! office, by-election), one `join_standing_committee` per membership of a standing committee
//! — and an [`ImportReport`] of what it does not hold, adjusted or could not map, with counts
//! per JSON path. [`check`] runs first: an error in a collection the import reads refuses the
//! import (`invalid_field` naming the JSON path); other findings go into the report.
//!
//! ```
//! use renda::{Ledger, popolo};
//! let mut ledger = Ledger::new(Default::default());
//! for c in [
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_congress",
//!      "congress":"hd","name":"海淀区第十七届人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
//!   r#"{"at":"2024-01-02","actor":{"role":"admin","id":"admin"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd",
//!      "name":"王丽","profile":{"gender":"female","party":"cpc","elected_by":{"constituency":"第12选区"}}}}"#,
//! ] { ledger.execute_json(c).unwrap(); }
//! let export = ledger.to_popolo(&"hd".parse().unwrap(), "2024-06-30".parse().unwrap()).unwrap();
//! assert_eq!(export.persons[0].id, "deputy/D1");
//! assert_eq!(export.memberships[0].on_behalf_of_id.as_deref(), Some("party/cpc"));
//! // Import it into a new ledger: the same export comes back.
//! let options = popolo::ImportOptions::new(renda::registry::Level::County);
//! let imported = popolo::import(&export.to_json(), &options).unwrap();
//! let mut copy = Ledger::new(Default::default());
//! for c in &imported.commands { copy.execute(c.clone()).unwrap(); }
//! assert_eq!(copy.to_popolo(&"hd".parse().unwrap(), "2024-06-30".parse().unwrap()).unwrap(), export);
//! ```

use crate::actor::{Actor, Role};
use crate::command::{Command, CommandEnvelope};
use crate::deputy::{
    CommitteePost, DeputyProfile, DeputyStatus, ElectedBy, Gender, Mandate, Party,
};
use crate::error::{RendaError, Result};
use crate::event::{Event, EventKind};
use crate::ids::{ActorId, CongressId, DeputyId, PersonId};
use crate::ledger::Ledger;
use crate::registry::{Congress, Deputy, Level};
use crate::rules::RuleBook;
use crate::state::State;
use crate::time::Timestamp;
use crate::vote::Vote;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Identifier scheme of a deputy id (persons).
pub const SCHEME_DEPUTY: &str = "renda_deputy";
/// Identifier scheme of a person id linking deputies across congresses (persons).
pub const SCHEME_PERSON: &str = "renda_person";
/// Identifier scheme of a congress id (legislative-period events).
pub const SCHEME_CONGRESS: &str = "renda_congress";
/// Identifier scheme of a term number (届; legislative-period events).
pub const SCHEME_TERM: &str = "renda_term";
/// Identifier scheme naming a body of the congress (`standing_committee`; organizations).
pub const SCHEME_BODY: &str = "renda_body";

// ---------------------------------------------------------------------------------------------
// The Popolo records renda writes.
// ---------------------------------------------------------------------------------------------

/// A Popolo document: the collections renda exports and `meta`.
///
/// ```
/// let doc = renda::popolo::PopoloExport::default();
/// assert!(doc.to_json().starts_with(r#"{"persons":[],"organizations":[]"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PopoloExport {
    /// People (one per deputy, or per linked person).
    #[serde(default)]
    pub persons: Vec<PopoloPerson>,
    /// The congress, its standing committee, parties, delegations and deputy groups.
    #[serde(default)]
    pub organizations: Vec<PopoloOrganization>,
    /// Deputies' memberships.
    #[serde(default)]
    pub memberships: Vec<PopoloMembership>,
    /// Posts of the standing committee.
    #[serde(default)]
    pub posts: Vec<PopoloPost>,
    /// Constituencies and electoral units.
    #[serde(default)]
    pub areas: Vec<PopoloArea>,
    /// The legislative period (the congress's term).
    #[serde(default)]
    pub events: Vec<PopoloEvent>,
    /// Votes with their counts.
    #[serde(default)]
    pub vote_events: Vec<PopoloVoteEvent>,
    /// What was exported, from where, as of when.
    #[serde(default)]
    pub meta: PopoloMeta,
}

impl PopoloExport {
    /// The document as JSON.
    pub fn to_json(&self) -> String {
        crate::wire::to_json(self)
    }
}

/// An issued identifier (Popolo `identifier.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloIdentifier {
    /// The identifier.
    pub identifier: String,
    /// Its scheme (`renda_deputy`, `renda_person`, …).
    pub scheme: String,
}

impl PopoloIdentifier {
    fn new(scheme: &str, identifier: impl Into<String>) -> Self {
        Self {
            identifier: identifier.into(),
            scheme: scheme.to_string(),
        }
    }
}

/// A person (Popolo `person.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloPerson {
    /// `person/<person id>` or `deputy/<deputy id>`.
    pub id: String,
    /// Name.
    pub name: String,
    /// `renda_deputy` (and `renda_person`) identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<PopoloIdentifier>,
    /// `female` or `male`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Ethnicity (民族).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_identity: Option<String>,
}

/// An organization (Popolo `organization.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloOrganization {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `legislature`, `committee`, `party`, `delegation` or `deputy group`.
    pub classification: String,
    /// The containing organization (the congress).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// First day (of the term, for a congress).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founding_date: Option<NaiveDate>,
    /// Last day (of the term, for a congress).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolution_date: Option<NaiveDate>,
    /// Identifiers (`renda_body`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<PopoloIdentifier>,
}

/// A membership (Popolo `membership.json`, with EveryPolitician's `legislative_period_id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloMembership {
    /// Id: the deputy id for the membership of the congress.
    pub id: String,
    /// 代表, 补选代表, or the post's Chinese name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// `deputy`, `member`, or the post (`director`, …).
    pub role: String,
    /// The person.
    pub person_id: String,
    /// The organization.
    pub organization_id: String,
    /// The post held (standing committee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    /// The party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of_id: Option<String>,
    /// The constituency or electoral unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_id: Option<String>,
    /// First day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// Last day, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// The legislative period (the congress's term event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legislative_period_id: Option<String>,
}

/// A post (Popolo `post.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloPost {
    /// Id.
    pub id: String,
    /// 主任, 副主任, 秘书长 or 委员.
    pub label: String,
    /// `director`, `vice_director`, `secretary_general` or `member`.
    pub role: String,
    /// The standing committee.
    pub organization_id: String,
}

/// An area (Popolo `area.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloArea {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `constituency` or `electoral_unit`.
    pub classification: String,
}

/// An event (Popolo `event.json`): the legislative period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloEvent {
    /// Id (`<congress>/term`).
    pub id: String,
    /// Name.
    pub name: String,
    /// `legislative period`.
    pub classification: String,
    /// The congress.
    pub organization_id: String,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
    /// `renda_congress` and `renda_term`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<PopoloIdentifier>,
}

/// A vote event (Popolo `vote_event.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloVoteEvent {
    /// Id.
    pub id: String,
    /// The voting body.
    pub organization_id: String,
    /// Category (`resignation`, `satisfaction`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    /// What was voted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motion: Option<PopoloMotion>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Timestamp>,
    /// `pass`, `fail`, or the winning option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// Votes per option.
    #[serde(default)]
    pub counts: Vec<PopoloCount>,
}

/// A motion (Popolo `motion.json`), embedded in its vote event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloMotion {
    /// Text.
    pub text: String,
    /// Category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    /// What it needs to pass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<String>,
    /// Outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

/// The votes for one option (Popolo `count.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopoloCount {
    /// Option (`yes`, `no`, `abstain`, `absent`, 满意, …).
    pub option: String,
    /// Votes.
    pub value: u64,
}

/// The `meta` object of an export.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PopoloMeta {
    /// `renda`.
    #[serde(default)]
    pub generator: String,
    /// The congress exported.
    #[serde(default)]
    pub congress: String,
    /// The "as of" date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
}

// ---------------------------------------------------------------------------------------------
// Vote tallies → vote events.
// ---------------------------------------------------------------------------------------------

/// A vote to export: any tally with named options, such as a resignation decision (yes / no /
/// abstain / absent) or a satisfaction vote on a department (满意 / 基本满意 / 不满意, W5).
///
/// ```
/// use renda::popolo::{vote_events_from_tallies, VoteTally};
/// let t = VoteTally {
///     id: "hd/evaluation/2024/edu".into(),
///     organization_id: "hd/standing_committee".into(),
///     motion: "对区教委工作的满意度测评".into(),
///     classification: Some("satisfaction".into()),
///     requirement: None,
///     at: "2024-11-28T15:00:00+08:00".parse().unwrap(),
///     result: Some("满意".into()),
///     counts: vec![("满意".into(), 30), ("基本满意".into(), 8), ("不满意".into(), 2)],
/// };
/// let ve = vote_events_from_tallies(&[t]);
/// assert_eq!(ve[0].counts[1].option, "基本满意");
/// assert_eq!(ve[0].counts[1].value, 8);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteTally {
    /// Vote event id.
    pub id: String,
    /// The voting body's organization id.
    pub organization_id: String,
    /// What was voted on (the motion's text).
    pub motion: String,
    /// Category of the vote (`resignation`, `satisfaction`, …).
    pub classification: Option<String>,
    /// What the motion needs to pass.
    pub requirement: Option<String>,
    /// When the vote was taken.
    pub at: Timestamp,
    /// Outcome (`pass`, `fail`, or the winning option).
    pub result: Option<String>,
    /// Votes per option, in the order to write them.
    pub counts: Vec<(String, u64)>,
}

/// Popolo vote events, one per tally, in the order given.
pub fn vote_events_from_tallies(tallies: &[VoteTally]) -> Vec<PopoloVoteEvent> {
    tallies
        .iter()
        .map(|t| PopoloVoteEvent {
            id: t.id.clone(),
            organization_id: t.organization_id.clone(),
            classification: t.classification.clone(),
            motion: Some(PopoloMotion {
                text: t.motion.clone(),
                classification: t.classification.clone(),
                requirement: t.requirement.clone(),
                result: t.result.clone(),
            }),
            start_date: Some(t.at),
            result: t.result.clone(),
            counts: t
                .counts
                .iter()
                .map(|(option, value)| PopoloCount {
                    option: option.clone(),
                    value: *value,
                })
                .collect(),
        })
        .collect()
}

/// The counts of a [`Vote`]: `yes`, `no`, `abstain`, `absent` (members not present) and, when
/// some present did not vote, `not voting`.
///
/// ```
/// use renda::vote::Vote;
/// let v = Vote { members: 45, present: 40, yes: 23, no: 10, abstain: 6 };
/// let c = renda::popolo::vote_counts(&v);
/// assert_eq!(c.iter().map(|(o, n)| format!("{o}={n}")).collect::<Vec<_>>(),
///            ["yes=23", "no=10", "abstain=6", "absent=5", "not voting=1"]);
/// ```
pub fn vote_counts(vote: &Vote) -> Vec<(String, u64)> {
    let mut out = vec![
        ("yes".to_string(), u64::from(vote.yes)),
        ("no".to_string(), u64::from(vote.no)),
        ("abstain".to_string(), u64::from(vote.abstain)),
        (
            "absent".to_string(),
            u64::from(vote.members.saturating_sub(vote.present)),
        ),
    ];
    let cast = u64::from(vote.yes) + u64::from(vote.no) + u64::from(vote.abstain);
    let silent = u64::from(vote.present).saturating_sub(cast);
    if silent > 0 {
        out.push(("not voting".to_string(), silent));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Export.
// ---------------------------------------------------------------------------------------------

impl Ledger {
    /// The congress as a Popolo document as of the end of `as_of` (see the
    /// [module docs](crate::popolo)): deputies in office by then, their memberships (ended
    /// ones with their end date), the standing committee's current members, and the
    /// resignation votes this ledger's event log holds up to `as_of` (a ledger restored from a
    /// snapshot has none before it). `not_found` for an unknown congress.
    pub fn to_popolo(&self, congress: &CongressId, as_of: NaiveDate) -> Result<PopoloExport> {
        export(self.state(), self.events(), congress, as_of)
    }
}

/// [`Ledger::to_popolo`] over a state and the events to take votes from.
pub fn export(
    st: &State,
    events: &[Event],
    congress: &CongressId,
    as_of: NaiveDate,
) -> Result<PopoloExport> {
    let c = st.congress(congress, "congress")?;
    let cid = c.id.to_string();
    let period_id = format!("{cid}/term");
    let sc_id = format!("{cid}/standing_committee");
    let has_sc = c.level != Level::Township;

    let mut doc = PopoloExport {
        meta: PopoloMeta {
            generator: "renda".into(),
            congress: cid.clone(),
            as_of: Some(as_of),
        },
        ..Default::default()
    };
    doc.events.push(PopoloEvent {
        id: period_id.clone(),
        name: c.name.clone(),
        classification: "legislative period".into(),
        organization_id: cid.clone(),
        start_date: c.term_start,
        end_date: c.term_end,
        identifiers: vec![
            PopoloIdentifier::new(SCHEME_CONGRESS, cid.clone()),
            PopoloIdentifier::new(SCHEME_TERM, c.term.to_string()),
        ],
    });
    let mut orgs = vec![PopoloOrganization {
        id: cid.clone(),
        name: c.name.clone(),
        classification: "legislature".into(),
        parent_id: None,
        founding_date: Some(c.term_start),
        dissolution_date: Some(c.term_end),
        identifiers: Vec::new(),
    }];
    if has_sc {
        orgs.push(PopoloOrganization {
            id: sc_id.clone(),
            name: format!("{}常务委员会", c.name),
            classification: "committee".into(),
            parent_id: Some(cid.clone()),
            founding_date: None,
            dissolution_date: None,
            identifiers: vec![PopoloIdentifier::new(SCHEME_BODY, "standing_committee")],
        });
    }
    // Parties, delegations, groups and areas, keyed by id (sorted, each once).
    let mut other_orgs: BTreeMap<String, PopoloOrganization> = BTreeMap::new();
    let mut areas: BTreeMap<String, PopoloArea> = BTreeMap::new();
    let mut persons: BTreeMap<String, PopoloPerson> = BTreeMap::new();
    let mut posts: BTreeMap<u8, PopoloPost> = BTreeMap::new();

    let deputies: Vec<&Deputy> = st
        .deputies
        .values()
        .filter(|d| d.congress == c.id && d.first_day(c) <= as_of)
        .collect();
    for d in &deputies {
        let person_id = person_id_of(d);
        let person = persons
            .entry(person_id.clone())
            .or_insert_with(|| PopoloPerson {
                id: person_id.clone(),
                name: d.name.clone(),
                identifiers: d
                    .profile
                    .person
                    .iter()
                    .map(|p| PopoloIdentifier::new(SCHEME_PERSON, p.to_string()))
                    .collect(),
                gender: d.profile.gender.map(|g| gender_name(g).to_string()),
                national_identity: d.profile.ethnicity.clone(),
            });
        person
            .identifiers
            .push(PopoloIdentifier::new(SCHEME_DEPUTY, d.id.to_string()));

        let start = d.first_day(c);
        let end = end_date(d, c, as_of);
        let on_behalf_of_id = d.profile.party.map(|p| {
            let (id, name) = party_org(p);
            other_orgs
                .entry(id.to_string())
                .or_insert_with(|| PopoloOrganization {
                    id: id.to_string(),
                    name: name.to_string(),
                    classification: "party".into(),
                    parent_id: None,
                    founding_date: None,
                    dissolution_date: None,
                    identifiers: Vec::new(),
                });
            id.to_string()
        });
        let area_id = d.profile.elected_by.as_ref().map(|e| {
            let (kind, name) = match e {
                ElectedBy::Constituency(n) => ("constituency", n),
                ElectedBy::ElectoralUnit(n) => ("electoral_unit", n),
            };
            let id = format!("{cid}/{kind}/{name}");
            areas.entry(id.clone()).or_insert_with(|| PopoloArea {
                id: id.clone(),
                name: name.clone(),
                classification: kind.into(),
            });
            id
        });
        let membership =
            |id: String, role: &str, label: Option<&str>, org: String| PopoloMembership {
                id,
                label: label.map(str::to_string),
                role: role.into(),
                person_id: person_id.clone(),
                organization_id: org,
                post_id: None,
                on_behalf_of_id: None,
                area_id: None,
                start_date: Some(start),
                end_date: end,
                legislative_period_id: Some(period_id.clone()),
            };
        let label = match d.mandate {
            Mandate::Elected => "代表",
            Mandate::ByElection => "补选代表",
        };
        doc.memberships.push(PopoloMembership {
            on_behalf_of_id,
            area_id,
            ..membership(d.id.to_string(), "deputy", Some(label), cid.clone())
        });
        if let Some(name) = &d.profile.delegation {
            let org = group_org(&mut other_orgs, &cid, "delegation", "delegation", name);
            doc.memberships.push(membership(
                format!("{}/delegation", d.id),
                "member",
                Some("代表团成员"),
                org,
            ));
        }
        let groups: BTreeSet<&String> = d.profile.groups.iter().collect();
        for name in groups {
            let org = group_org(&mut other_orgs, &cid, "group", "deputy group", name);
            doc.memberships.push(membership(
                format!("{}/group/{name}", d.id),
                "member",
                Some("代表小组成员"),
                org,
            ));
        }
        if let Some(m) = st.committee_members.get(&d.id) {
            if has_sc && m.congress == c.id && m.from <= as_of {
                let (key, role, label) = post_names(m.post);
                let post_id = format!("{sc_id}/{role}");
                posts.entry(key).or_insert_with(|| PopoloPost {
                    id: post_id.clone(),
                    label: label.into(),
                    role: role.into(),
                    organization_id: sc_id.clone(),
                });
                doc.memberships.push(PopoloMembership {
                    post_id: Some(post_id),
                    start_date: Some(m.from),
                    ..membership(
                        format!("{}/standing_committee", d.id),
                        role,
                        Some(label),
                        sc_id.clone(),
                    )
                });
            }
        }
    }
    // Resignation votes (L-9): the standing committee's, or for a township deputy the
    // township congress's.
    let voting_body = if has_sc { &sc_id } else { &cid };
    let mut tallies = resignation_tallies(st, events, c, voting_body, as_of);
    // Satisfaction votes of department work evaluations (W5, R-E3), held by the standing
    // committee by the date.
    if has_sc {
        tallies.extend(
            crate::oversight::work_evaluation::vote_tallies(st, &c.id)
                .into_iter()
                .filter(|t| t.at.china_date() <= as_of),
        );
    }
    doc.vote_events = vote_events_from_tallies(&tallies);
    orgs.extend(other_orgs.into_values());
    doc.organizations = orgs;
    doc.persons = persons.into_values().collect();
    doc.posts = posts.into_values().collect();
    doc.areas = areas.into_values().collect();
    Ok(doc)
}

/// The resignation decisions (L-9) of `c`'s deputies in `events` up to `as_of`, as tallies of
/// `voting_body`.
fn resignation_tallies(
    st: &State,
    events: &[Event],
    c: &Congress,
    voting_body: &str,
    as_of: NaiveDate,
) -> Vec<VoteTally> {
    let mut tallies = Vec::new();
    for e in events {
        let (deputy, vote, accepted) = match &e.event {
            EventKind::ResignationAccepted { deputy, vote } => (deputy, vote, true),
            EventKind::ResignationNotAccepted { deputy, vote } => (deputy, vote, false),
            _ => continue,
        };
        let Some(d) = st.deputies.get(deputy) else {
            continue;
        };
        if d.congress != c.id || e.at.china_date() > as_of {
            continue;
        }
        tallies.push(VoteTally {
            id: format!("{}/vote/{}", c.id, e.seq),
            organization_id: voting_body.to_string(),
            motion: format!(
                "关于接受{}辞去代表职务的请求 / Resignation of {} as a deputy",
                d.name, d.name
            ),
            classification: Some("resignation".into()),
            requirement: Some("全体组成人员的过半数 / a majority of all members (L-4, L-9)".into()),
            at: e.at,
            result: Some(if accepted { "pass" } else { "fail" }.into()),
            counts: vote_counts(vote),
        });
    }
    tallies
}

fn person_id_of(d: &Deputy) -> String {
    match &d.profile.person {
        Some(p) => format!("person/{p}"),
        None => format!("deputy/{}", d.id),
    }
}

/// The day the membership ended, as of `as_of`: the qualification's termination, or the
/// term's last day once it is past.
fn end_date(d: &Deputy, c: &Congress, as_of: NaiveDate) -> Option<NaiveDate> {
    let terminated = d
        .history
        .iter()
        .find(|h| h.change == DeputyStatus::Terminated && h.on <= as_of)
        .map(|h| h.on);
    terminated.or((c.term_end < as_of).then_some(c.term_end))
}

fn gender_name(g: Gender) -> &'static str {
    match g {
        Gender::Female => "female",
        Gender::Male => "male",
    }
}

fn party_org(p: Party) -> (&'static str, &'static str) {
    match p {
        Party::Cpc => ("party/cpc", "中国共产党"),
        Party::DemocraticParty => ("party/democratic_party", "民主党派"),
        Party::NonParty => ("party/non_party", "无党派人士"),
    }
}

/// Sort key, role and Chinese label of a standing-committee post.
fn post_names(p: CommitteePost) -> (u8, &'static str, &'static str) {
    match p {
        CommitteePost::Director => (0, "director", "主任"),
        CommitteePost::ViceDirector => (1, "vice_director", "副主任"),
        CommitteePost::SecretaryGeneral => (2, "secretary_general", "秘书长"),
        CommitteePost::Member => (3, "member", "委员"),
    }
}

fn group_org(
    orgs: &mut BTreeMap<String, PopoloOrganization>,
    cid: &str,
    kind: &str,
    classification: &str,
    name: &str,
) -> String {
    let id = format!("{cid}/{kind}/{name}");
    orgs.entry(id.clone())
        .or_insert_with(|| PopoloOrganization {
            id: id.clone(),
            name: name.to_string(),
            classification: classification.into(),
            parent_id: Some(cid.to_string()),
            founding_date: None,
            dissolution_date: None,
            identifiers: Vec::new(),
        });
    id
}

// ---------------------------------------------------------------------------------------------
// Semantic checks.
// ---------------------------------------------------------------------------------------------

/// How serious a [`Finding`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The data contradicts itself; an import that reads it is refused.
    Error,
    /// Suspicious but usable.
    Warning,
}

/// What a [`Finding`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingCode {
    /// A record ends before it starts (`end_date` < `start_date`, dissolution before founding,
    /// death before birth).
    EndBeforeStart,
    /// A date that matches the schema's pattern but names no day (`2015-02-30`), or that is not
    /// a date at all.
    InvalidDate,
    /// An `…_id` naming no record of the document.
    DanglingReference,
    /// Two records of one collection with the same id.
    DuplicateId,
    /// A vote count below zero.
    NegativeCount,
    /// A value of the wrong JSON type where the import needs a collection or a record.
    WrongType,
    /// A membership starting before or ending after its legislative period.
    OutsidePeriod,
}

/// One problem the Popolo schemas do not catch.
///
/// ```
/// let doc = r#"{"memberships":[{"person_id":"p","start_date":"2015-06-01","end_date":"2015"}],
///               "persons":[{"id":"p","name":"A","birth_date":"2001-02-29"}]}"#;
/// let f = renda::popolo::check(doc).unwrap();
/// assert_eq!(f.len(), 1); // "2015" may be any day of 2015, so it is not before June
/// assert_eq!(f[0].path, "persons[0].birth_date");
/// assert_eq!(f[0].code, renda::popolo::FindingCode::InvalidDate);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem.
    pub code: FindingCode,
    /// JSON path (`memberships[3].end_date`).
    pub path: String,
    /// The offending value.
    pub value: String,
    /// Explanation.
    pub message: String,
}

/// The kind of a single Popolo record, for [`check_record`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopoloKind {
    /// `person.json`.
    Person,
    /// `organization.json`.
    Organization,
    /// `membership.json`.
    Membership,
    /// `post.json`.
    Post,
    /// `area.json`.
    Area,
    /// `event.json`.
    Event,
    /// `vote_event.json`.
    VoteEvent,
    /// `motion.json`.
    Motion,
    /// `count.json`.
    Count,
}

/// Collections of a Popolo document and the kind of their records.
const COLLECTIONS: [(&str, PopoloKind); 7] = [
    ("persons", PopoloKind::Person),
    ("organizations", PopoloKind::Organization),
    ("memberships", PopoloKind::Membership),
    ("posts", PopoloKind::Post),
    ("areas", PopoloKind::Area),
    ("events", PopoloKind::Event),
    ("vote_events", PopoloKind::VoteEvent),
];

/// Checks a Popolo document (an object of collections: `persons`, `organizations`,
/// `memberships`, `posts`, `areas`, `events`, `vote_events`, also `motions`) for what the
/// schemas miss: dates that name no day, records that end before they start, dangling and
/// duplicate ids, negative counts, memberships outside their legislative period. A reference
/// to a collection the document lacks altogether is a warning, not an error (it may live in
/// another file). `invalid_json` if the text is not JSON.
pub fn check(json: &str) -> Result<Vec<Finding>> {
    Ok(check_value(&crate::wire::parse_json(json)?))
}

/// [`check`] of a single record of the given kind (such as Popolo's `examples/vote_event.json`).
///
/// ```
/// use renda::popolo::{check_record, PopoloKind, FindingCode};
/// let f = check_record(r#"{"start_date":"2013-10-09T18:53:09Z","end_date":"2013-10-09T17:57:10Z"}"#,
///                      PopoloKind::VoteEvent).unwrap();
/// assert_eq!(f[0].code, FindingCode::EndBeforeStart);
/// assert_eq!(f[0].path, "end_date");
/// ```
pub fn check_record(json: &str, kind: PopoloKind) -> Result<Vec<Finding>> {
    let value = crate::wire::parse_json(json)?;
    let mut c = Checker::default();
    c.record(&value, kind, "");
    Ok(c.findings)
}

/// [`check`] of a parsed document.
pub fn check_value(doc: &Value) -> Vec<Finding> {
    let mut c = Checker::default();
    let Some(top) = doc.as_object() else {
        c.push(
            Severity::Error,
            FindingCode::WrongType,
            "",
            doc,
            "a Popolo document is an object of collections",
        );
        return c.findings;
    };
    let mut ids: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (name, kind) in COLLECTIONS
        .iter()
        .chain([("motions", PopoloKind::Motion)].iter())
    {
        let Some(v) = top.get(*name) else { continue };
        let Some(items) = v.as_array() else {
            c.push(
                Severity::Error,
                FindingCode::WrongType,
                name,
                v,
                "must be an array of records",
            );
            continue;
        };
        let seen = ids.entry(name).or_default();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{name}[{i}]");
            c.record(item, *kind, &path);
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                if !seen.insert(id) {
                    c.push(
                        Severity::Error,
                        FindingCode::DuplicateId,
                        &format!("{path}.id"),
                        &Value::String(id.into()),
                        &format!("another record of `{name}` has this id"),
                    );
                }
            }
        }
    }
    // References between the collections.
    let refs: [(&str, &str, &str); 11] = [
        ("memberships", "person_id", "persons"),
        ("memberships", "organization_id", "organizations"),
        ("memberships", "on_behalf_of_id", "organizations"),
        ("memberships", "post_id", "posts"),
        ("memberships", "area_id", "areas"),
        ("memberships", "legislative_period_id", "events"),
        ("organizations", "parent_id", "organizations"),
        ("organizations", "area_id", "areas"),
        ("posts", "organization_id", "organizations"),
        ("events", "organization_id", "organizations"),
        ("vote_events", "organization_id", "organizations"),
    ];
    for (from, field, to) in refs {
        let Some(items) = top.get(from).and_then(Value::as_array) else {
            continue;
        };
        let targets = ids.get(to);
        for (i, item) in items.iter().enumerate() {
            let Some(target) = item.get(field).and_then(Value::as_str) else {
                continue;
            };
            if targets.is_some_and(|t| t.contains(target)) {
                continue;
            }
            let (severity, message) = if targets.is_some() {
                (Severity::Error, format!("no record of `{to}` has this id"))
            } else {
                (
                    Severity::Warning,
                    format!("the document has no `{to}` to resolve it"),
                )
            };
            c.push(
                severity,
                FindingCode::DanglingReference,
                &format!("{from}[{i}].{field}"),
                &Value::String(target.into()),
                &message,
            );
        }
    }
    // Memberships within their legislative period.
    if let (Some(ms), Some(evs)) = (
        top.get("memberships").and_then(Value::as_array),
        top.get("events").and_then(Value::as_array),
    ) {
        let periods: BTreeMap<&str, &Value> = evs
            .iter()
            .filter_map(|e| e.get("id").and_then(Value::as_str).map(|id| (id, e)))
            .collect();
        for (i, m) in ms.iter().enumerate() {
            let Some(p) = m
                .get("legislative_period_id")
                .and_then(Value::as_str)
                .and_then(|id| periods.get(id))
            else {
                continue;
            };
            let before = date_bounds(m.get("start_date"))
                .zip(date_bounds(p.get("start_date")))
                .is_some_and(|(ms, ps)| ms.1 < ps.0);
            let after = date_bounds(m.get("end_date"))
                .zip(date_bounds(p.get("end_date")))
                .is_some_and(|(me, pe)| me.0 > pe.1);
            for (bad, field) in [(before, "start_date"), (after, "end_date")] {
                if bad {
                    c.push(
                        Severity::Warning,
                        FindingCode::OutsidePeriod,
                        &format!("memberships[{i}].{field}"),
                        m.get(field).unwrap_or(&Value::Null),
                        "falls outside the membership's legislative period",
                    );
                }
            }
        }
    }
    c.findings
}

#[derive(Default)]
struct Checker {
    findings: Vec<Finding>,
}

impl Checker {
    fn push(
        &mut self,
        severity: Severity,
        code: FindingCode,
        path: &str,
        value: &Value,
        msg: &str,
    ) {
        let value = match value {
            Value::String(s) => crate::ids::truncate(s),
            other => crate::ids::truncate(&other.to_string()),
        };
        self.findings.push(Finding {
            severity,
            code,
            path: path.to_string(),
            value,
            message: msg.to_string(),
        });
    }

    /// Checks one record and the records embedded in it.
    fn record(&mut self, v: &Value, kind: PopoloKind, path: &str) {
        let Some(obj) = v.as_object() else {
            self.push(
                Severity::Error,
                FindingCode::WrongType,
                path,
                v,
                "must be an object",
            );
            return;
        };
        let at = |field: &str| {
            if path.is_empty() {
                field.to_string()
            } else {
                format!("{path}.{field}")
            }
        };
        let pairs: &[(&str, &str)] = match kind {
            PopoloKind::Person => &[("birth_date", "death_date")],
            PopoloKind::Organization => &[("founding_date", "dissolution_date")],
            PopoloKind::Membership
            | PopoloKind::Post
            | PopoloKind::Event
            | PopoloKind::VoteEvent => &[("start_date", "end_date")],
            _ => &[],
        };
        for (start, end) in pairs {
            let s = self.date_field(obj, start, &at(start));
            let e = self.date_field(obj, end, &at(end));
            if let (Some(s), Some(e)) = (s, e) {
                if e.1 < s.0 {
                    self.push(
                        Severity::Error,
                        FindingCode::EndBeforeStart,
                        &at(end),
                        &obj[*end],
                        &format!("is before {start} `{}`", value_text(&obj[*start])),
                    );
                }
            }
        }
        for field in ["created_at", "updated_at", "date"] {
            self.date_field(obj, field, &at(field));
        }
        if kind == PopoloKind::Count {
            if let Some(n) = obj.get("value").and_then(Value::as_i64) {
                if n < 0 {
                    self.push(
                        Severity::Error,
                        FindingCode::NegativeCount,
                        &at("value"),
                        &obj["value"],
                        "a number of votes is not negative",
                    );
                }
            }
        }
        for (i, other) in array(obj, "other_names") {
            let p = format!("{}[{i}]", at("other_names"));
            if let Some(o) = other.as_object() {
                let s = self.date_field(o, "start_date", &format!("{p}.start_date"));
                let e = self.date_field(o, "end_date", &format!("{p}.end_date"));
                if let (Some(s), Some(e)) = (s, e) {
                    if e.1 < s.0 {
                        self.push(
                            Severity::Error,
                            FindingCode::EndBeforeStart,
                            &format!("{p}.end_date"),
                            &o["end_date"],
                            "is before start_date",
                        );
                    }
                }
            }
        }
        // Embedded records.
        let embedded: &[(&str, PopoloKind)] = match kind {
            PopoloKind::Person => &[("memberships", PopoloKind::Membership)],
            PopoloKind::Organization => &[
                ("memberships", PopoloKind::Membership),
                ("posts", PopoloKind::Post),
                ("children", PopoloKind::Organization),
                ("vote_events", PopoloKind::VoteEvent),
                ("motions", PopoloKind::Motion),
            ],
            PopoloKind::Post => &[("memberships", PopoloKind::Membership)],
            PopoloKind::VoteEvent => &[("counts", PopoloKind::Count)],
            PopoloKind::Motion => &[("vote_events", PopoloKind::VoteEvent)],
            _ => &[],
        };
        for (field, k) in embedded {
            for (i, item) in array(obj, field) {
                // A motion's vote_events may be ids (Popolo's own motion example).
                if item.is_object() {
                    self.record(item, *k, &format!("{}[{i}]", at(field)));
                }
            }
        }
        let single: &[(&str, PopoloKind)] = match kind {
            PopoloKind::Membership => &[
                ("person", PopoloKind::Person),
                ("organization", PopoloKind::Organization),
                ("post", PopoloKind::Post),
            ],
            PopoloKind::VoteEvent => &[("motion", PopoloKind::Motion)],
            _ => &[],
        };
        for (field, k) in single {
            if let Some(item) = obj.get(*field).filter(|v| v.is_object()) {
                self.record(item, *k, &at(field));
            }
        }
    }

    /// The bounds of a date field, or an `invalid_date` finding.
    fn date_field(
        &mut self,
        obj: &Map<String, Value>,
        field: &str,
        path: &str,
    ) -> Option<(DateKey, DateKey)> {
        let v = obj.get(field)?;
        if v.is_null() {
            return None;
        }
        let bounds = date_bounds(Some(v));
        if bounds.is_none() {
            self.push(
                Severity::Error,
                FindingCode::InvalidDate,
                path,
                v,
                "is not a date (YYYY, YYYY-MM, YYYY-MM-DD) or date-time that names a real day",
            );
        }
        bounds
    }
}

fn array<'v>(obj: &'v Map<String, Value>, field: &str) -> impl Iterator<Item = (usize, &'v Value)> {
    obj.get(field)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => crate::ids::truncate(s),
        other => crate::ids::truncate(&other.to_string()),
    }
}

/// A comparable instant: seconds since the epoch (dates at their first or last second, UTC).
type DateKey = i64;

/// The earliest and latest instant a Popolo date or date-time may stand for: `2015` is all of
/// 2015, `2015-06` all of June, `2015-06-01` that day; a date-time is itself.
fn date_bounds(v: Option<&Value>) -> Option<(DateKey, DateKey)> {
    let s = v?.as_str()?;
    if s.len() > 10 {
        let k = date_time(s)?;
        return Some((k, k));
    }
    let (first, last) = partial_date(s)?;
    let start = first.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    let end = last.and_hms_opt(23, 59, 59)?.and_utc().timestamp();
    Some((start, end))
}

/// Seconds since the epoch of a date-time: RFC 3339, or the shorter forms Popolo's membership
/// and event pattern also allows (`2013-10-09T18Z`, `2013-10-09T18:53+08`, offsets `+0800`).
fn date_time(s: &str) -> Option<i64> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.timestamp());
    }
    let date = crate::time::parse_iso_date(s.get(..10)?)?;
    let rest = s.get(10..)?.strip_prefix('T')?;
    let zone_at = rest.find(['Z', '+', '-'])?;
    let (clock, zone) = rest.split_at(zone_at);
    let mut hms = [0u32; 3];
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.is_empty() || parts.len() > 3 {
        return None;
    }
    for (slot, part) in hms.iter_mut().zip(&parts) {
        if part.len() != 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    let local = date
        .and_hms_opt(hms[0], hms[1], hms[2])?
        .and_utc()
        .timestamp();
    let offset = match zone {
        "Z" => 0,
        _ => {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            if !(digits.len() == 2 || digits.len() == 4)
                || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            let h: i64 = digits[..2].parse().ok()?;
            let m: i64 = if digits.len() == 4 {
                digits[2..].parse().ok()?
            } else {
                0
            };
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60)
        }
    };
    Some(local - offset)
}

/// The first and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date names.
fn partial_date(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|x| x.iter().all(u8::is_ascii_digit))
            .and_then(|_| s[r].parse::<u32>().ok())
    };
    match b.len() {
        4 => {
            let y = i32::try_from(digits(0..4)?).ok()?;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        7 if b[4] == b'-' => {
            let y = i32::try_from(digits(0..4)?).ok()?;
            let m = digits(5..7)?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        10 => crate::time::parse_iso_date(s).map(|d| (d, d)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Import.
// ---------------------------------------------------------------------------------------------

/// How to import a Popolo document.
///
/// ```
/// let o: renda::popolo::ImportOptions = serde_json::from_str(
///     r#"{"level":"national","id_prefix":"bi:","first_term":1}"#).unwrap();
/// assert_eq!(o.term_years, 5);
/// assert_eq!(o.admin_id.as_str(), "admin");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportOptions {
    /// The level of the congresses registered (Popolo does not say).
    pub level: Level,
    /// Prepended to every congress and deputy id made (`bi:` → `bi:term/2010`).
    #[serde(default)]
    pub id_prefix: String,
    /// Term number of a legislature's first period when the file gives none (`renda_term`
    /// identifier); later periods count up from it.
    #[serde(default = "default_first_term")]
    pub first_term: u32,
    /// Length of a term whose end the file does not give, in years (the term then ends the day
    /// before the anniversary of its start).
    #[serde(default = "default_term_years")]
    pub term_years: u32,
    /// Import only this legislature (organization id); `None`: every organization classified
    /// `legislature`.
    #[serde(default)]
    pub legislature: Option<String>,
    /// Actor id of the admin who registers the congresses.
    #[serde(default = "default_admin")]
    pub admin_id: ActorId,
    /// Actor id of the deputy affairs office that registers the deputies and the
    /// standing-committee members.
    #[serde(default = "default_office")]
    pub office_id: ActorId,
}

fn default_first_term() -> u32 {
    1
}
fn default_term_years() -> u32 {
    5
}
fn default_admin() -> ActorId {
    ActorId::new("admin").expect("a valid id")
}
fn default_office() -> ActorId {
    ActorId::new("office").expect("a valid id")
}

impl ImportOptions {
    /// Defaults for congresses of `level`.
    pub fn new(level: Level) -> Self {
        Self {
            level,
            id_prefix: String::new(),
            first_term: default_first_term(),
            term_years: default_term_years(),
            legislature: None,
            admin_id: default_admin(),
            office_id: default_office(),
        }
    }

    /// Options from JSON, with errors naming the field under `options`.
    ///
    /// ```
    /// let e = renda::popolo::ImportOptions::from_json("{}").unwrap_err();
    /// assert_eq!(e.field(), Some("options.level"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self> {
        crate::wire::from_value_at(crate::wire::parse_json(json)?, "options")
    }
}

/// What an import entry says about a part of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// The model does not hold this property: dropped.
    NotHeld,
    /// A value the model holds only in another form (a year-only date made a full date, a
    /// missing term end computed).
    Adjusted,
    /// A value the model could not map (a party that is not one of the party statuses, a
    /// gender it does not record).
    Unmatched,
    /// A whole record not imported (an election, an organization that is neither a
    /// legislature nor a body renda knows).
    Skipped,
    /// A command that a dry run on a fresh ledger refused; it is left out.
    Rejected,
}

/// One line of an [`ImportReport`]: a kind of JSON path and how many values it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportEntry {
    /// What happened to it.
    pub kind: ReportKind,
    /// JSON path kind (`persons[].sources`, `events[].start_date`, `organizations[] (party)`).
    pub path: String,
    /// How many values or records.
    pub count: usize,
    /// Why, and what was done.
    pub note: String,
}

/// What the import did not carry over, or changed, and what the checks found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportReport {
    /// Entries sorted by path, then kind.
    pub entries: Vec<ReportEntry>,
    /// Findings of [`check`] that did not refuse the import (warnings, and errors in
    /// collections the import does not read).
    pub findings: Vec<Finding>,
}

impl ImportReport {
    /// The entry for a path and kind, if any.
    pub fn entry(&self, kind: ReportKind, path: &str) -> Option<&ReportEntry> {
        self.entries
            .iter()
            .find(|e| e.kind == kind && e.path == path)
    }
}

/// The result of [`import`]: the commands in execution order, and the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PopoloImport {
    /// Commands to execute in order on a ledger whose last event is not later than the first
    /// command (e.g. a fresh one).
    pub commands: Vec<CommandEnvelope>,
    /// What was not carried over.
    pub report: ImportReport,
}

impl PopoloImport {
    /// `{"commands": [...], "report": {"entries": [...], "findings": [...]}}`.
    pub fn to_json(&self) -> String {
        crate::wire::to_json(self)
    }

    /// Executes the commands on `ledger`, all or nothing; returns the number of events.
    pub fn apply(&self, ledger: &mut Ledger) -> Result<usize> {
        let mut scratch = ledger.clone();
        let mut n = 0;
        for c in &self.commands {
            n += scratch.execute(c.clone())?.len();
        }
        *ledger = scratch;
        Ok(n)
    }
}

#[derive(Default)]
struct Report {
    entries: BTreeMap<(String, ReportKind), (usize, String)>,
}

impl Report {
    fn add(&mut self, kind: ReportKind, path: impl Into<String>, note: impl Into<String>) {
        let e = self
            .entries
            .entry((path.into(), kind))
            .or_insert_with(|| (0, note.into()));
        e.0 += 1;
    }

    /// Reports every non-null key of `obj` not in `known` as not held.
    fn rest(&mut self, obj: &Map<String, Value>, known: &[&str], collection: &str) {
        for (k, v) in obj {
            if !v.is_null() && !known.contains(&k.as_str()) {
                self.add(
                    ReportKind::NotHeld,
                    format!("{collection}[].{k}"),
                    "not held by the model: dropped",
                );
            }
        }
    }

    fn finish(self, findings: Vec<Finding>) -> ImportReport {
        ImportReport {
            entries: self
                .entries
                .into_iter()
                .map(|((path, kind), (count, note))| ReportEntry {
                    kind,
                    path,
                    count,
                    note,
                })
                .collect(),
            findings,
        }
    }
}

const END_NOTE: &str = "an end before the term's last day is not imported: renda records the end of a qualification with its legal reason (L-11: terminate_qualification; L-9: decide_resignation), and keeps only the current standing-committee members";

/// A legislative period to register as a congress.
struct PlannedCongress<'v> {
    id: CongressId,
    legislature: &'v str,
    period: String,
    name: String,
    term: u32,
    start: NaiveDate,
    end: NaiveDate,
}

/// A deputy to register.
struct PlannedDeputy {
    id: DeputyId,
    congress: usize,
    person: String,
    name: String,
    profile: DeputyProfile,
    elected_on: Option<NaiveDate>,
    mandate: Mandate,
}

/// Reads a Popolo document and returns the commands that register what renda holds of it,
/// with a report of the rest (see the [module docs](crate::popolo) and `docs/popolo.md`).
///
/// Errors: `invalid_json`; `invalid_field` naming the JSON path (`popolo.memberships[3].end_date`)
/// for an error [`check`] finds in a collection the import reads, or for a document that is
/// not an object; an import that finds no legislature is not an error (no commands).
pub fn import(json: &str, options: &ImportOptions) -> Result<PopoloImport> {
    let doc = crate::wire::parse_json(json)?;
    let findings = refuse_errors(check_value(&doc))?;
    let Some(top) = doc.as_object() else {
        return Err(popolo_field(
            "",
            &doc.to_string(),
            "a Popolo document is an object",
        ));
    };
    let mut im = Importer::new(top, options);
    im.report_other_collections(top);
    im.congresses();
    im.memberships();
    im.report_unused();
    let commands = im.commands();
    let commands = im.dry_run(commands);
    Ok(PopoloImport {
        commands,
        report: im.rep.finish(findings),
    })
}

/// Collections whose errors refuse an import (`""`: the document itself).
const READ: [&str; 7] = [
    "persons",
    "organizations",
    "memberships",
    "events",
    "areas",
    "posts",
    "",
];

fn collection_of(path: &str) -> &str {
    path.split(['[', '.']).next().unwrap_or_default()
}

fn popolo_field(path: &str, value: &str, reason: &str) -> RendaError {
    RendaError::InvalidField {
        field: if path.is_empty() {
            "popolo".into()
        } else {
            format!("popolo.{path}")
        },
        value: crate::ids::truncate(value),
        reason: reason.to_string(),
    }
}

/// The first error in a collection the import reads, as `invalid_field`; else the findings
/// to report.
fn refuse_errors(findings: Vec<Finding>) -> Result<Vec<Finding>> {
    let read = |f: &Finding| READ.contains(&collection_of(&f.path));
    if let Some(f) = findings
        .iter()
        .find(|f| f.severity == Severity::Error && read(f))
    {
        return Err(popolo_field(&f.path, &f.value, &f.message));
    }
    Ok(findings
        .into_iter()
        .filter(|f| f.severity == Severity::Warning || !read(f))
        .collect())
}

type Record<'v> = &'v Map<String, Value>;

/// One import in progress: the document's collections, what has been planned and used, the
/// report.
struct Importer<'v, 'o> {
    options: &'o ImportOptions,
    persons: Vec<Record<'v>>,
    orgs: Vec<Record<'v>>,
    memberships: Vec<Record<'v>>,
    events: Vec<Record<'v>>,
    areas: Vec<Record<'v>>,
    posts: Vec<Record<'v>>,
    person_ix: BTreeMap<&'v str, usize>,
    org_ix: BTreeMap<&'v str, usize>,
    area_ix: BTreeMap<&'v str, usize>,
    post_ix: BTreeMap<&'v str, usize>,
    congresses: Vec<PlannedCongress<'v>>,
    deputies: Vec<PlannedDeputy>,
    /// Standing-committee seats: first day, deputy (index), post.
    joins: Vec<(NaiveDate, usize, CommitteePost)>,
    used_persons: BTreeSet<usize>,
    used_orgs: BTreeSet<usize>,
    used_events: BTreeSet<usize>,
    used_areas: BTreeSet<usize>,
    used_posts: BTreeSet<usize>,
    rep: Report,
}

impl<'v, 'o> Importer<'v, 'o> {
    fn new(top: &'v Map<String, Value>, options: &'o ImportOptions) -> Self {
        let list = |name: &str| -> Vec<Record<'v>> {
            top.get(name)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_object).collect())
                .unwrap_or_default()
        };
        let index = |items: &[Record<'v>]| -> BTreeMap<&'v str, usize> {
            items
                .iter()
                .enumerate()
                .filter_map(|(i, o)| str_of(o, "id").map(|id| (id, i)))
                .collect()
        };
        let (persons, orgs, areas, posts) = (
            list("persons"),
            list("organizations"),
            list("areas"),
            list("posts"),
        );
        Self {
            options,
            person_ix: index(&persons),
            org_ix: index(&orgs),
            area_ix: index(&areas),
            post_ix: index(&posts),
            persons,
            orgs,
            memberships: list("memberships"),
            events: list("events"),
            areas,
            posts,
            congresses: Vec::new(),
            deputies: Vec::new(),
            joins: Vec::new(),
            used_persons: BTreeSet::new(),
            used_orgs: BTreeSet::new(),
            used_events: BTreeSet::new(),
            used_areas: BTreeSet::new(),
            used_posts: BTreeSet::new(),
            rep: Report::default(),
        }
    }

    /// Top-level entries other than the collections read (`vote_events`, `meta`, …).
    fn report_other_collections(&mut self, top: &Map<String, Value>) {
        for (k, v) in top {
            if READ.contains(&k.as_str()) {
                continue;
            }
            let note = if k == "vote_events" {
                "votes are recorded only with the decision they belong to (decide_resignation): not imported"
            } else {
                "not held by the model: dropped"
            };
            for _ in 0..v.as_array().map_or(1, Vec::len) {
                self.rep.add(ReportKind::NotHeld, k.clone(), note);
            }
        }
    }

    fn is_legislature(&self, o: Record) -> bool {
        str_of(o, "classification").is_some_and(|c| c.eq_ignore_ascii_case("legislature"))
            && self
                .options
                .legislature
                .as_deref()
                .is_none_or(|l| str_of(o, "id") == Some(l))
    }

    /// Every legislative period of every legislature → a congress.
    fn congresses(&mut self) {
        for oi in 0..self.orgs.len() {
            let o = self.orgs[oi];
            if !self.is_legislature(o) {
                continue;
            }
            let Some(lid) = str_of(o, "id") else {
                self.rep.add(
                    ReportKind::Skipped,
                    "organizations[] (legislature)",
                    "a legislature without an id cannot be referred to: skipped",
                );
                continue;
            };
            self.used_orgs.insert(oi);
            self.rep.rest(
                o,
                &[
                    "id",
                    "name",
                    "classification",
                    "founding_date",
                    "dissolution_date",
                ],
                "organizations",
            );
            let mut periods: Vec<(usize, Record<'v>)> = self
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    str_of(e, "classification")
                        .is_some_and(|c| c.eq_ignore_ascii_case("legislative period"))
                        && str_of(e, "organization_id") == Some(lid)
                })
                .map(|(i, e)| (i, *e))
                .collect();
            periods.sort_by_key(|(i, e)| (date_bounds(e.get("start_date")).map(|b| b.0), *i));
            if periods.is_empty() {
                // A legislature without periods is one period: founding to dissolution.
                self.congress(o, lid, None, 0);
            }
            for (n, (ei, p)) in periods.into_iter().enumerate() {
                self.used_events.insert(ei);
                self.congress(o, lid, Some(p), n);
            }
        }
    }

    /// The `n`-th period `p` of legislature `o` (`None`: the legislature itself) → a congress.
    fn congress(&mut self, o: Record<'v>, lid: &'v str, p: Option<Record<'v>>, n: usize) {
        let (rec, start_key, end_key, path) = match p {
            Some(p) => (p, "start_date", "end_date", "events[]"),
            None => (o, "founding_date", "dissolution_date", "organizations[]"),
        };
        let rep = &mut self.rep;
        let Some(start) = full_date(
            rec.get(start_key),
            false,
            &format!("{path}.{start_key}"),
            rep,
        ) else {
            rep.add(
                ReportKind::Skipped,
                format!("{path} (legislative period)"),
                "a legislative period without a first day: skipped with its memberships",
            );
            return;
        };
        let years = self.options.term_years.max(1);
        let end = full_date(rec.get(end_key), true, &format!("{path}.{end_key}"), rep)
            .unwrap_or_else(|| {
                rep.add(
                    ReportKind::Adjusted,
                    format!("{path}.{end_key}"),
                    format!("missing: the term taken to last {years} years (option term_years)"),
                );
                start
                    .checked_add_months(chrono::Months::new(12 * years))
                    .and_then(|d| d.pred_opt())
                    .unwrap_or(start)
            });
        let idents = identifiers(rec);
        let ident = |scheme: &str| {
            idents
                .iter()
                .find(|(s, _)| s == scheme)
                .map(|(_, i)| i.clone())
        };
        let period = p.map_or(Some(lid), |p| str_of(p, "id"));
        let base = ident(SCHEME_CONGRESS)
            .or_else(|| period.map(str::to_string))
            .unwrap_or_else(|| format!("{lid}/{n}"));
        let term = ident(SCHEME_TERM)
            .and_then(|t| t.parse().ok())
            .unwrap_or(self.options.first_term.saturating_add(n as u32));
        let org_name = str_of(o, "name").unwrap_or(lid);
        let name = match p.and_then(|p| str_of(p, "name")) {
            Some(pn) if pn.contains(org_name) => pn.to_string(),
            Some(pn) => format!("{org_name} {pn}"),
            None => org_name.to_string(),
        };
        if let Some(p) = p {
            rep.rest(
                p,
                &[
                    "id",
                    "name",
                    "classification",
                    "organization_id",
                    "start_date",
                    "end_date",
                    "identifiers",
                ],
                "events",
            );
            report_identifiers(p, &[SCHEME_CONGRESS, SCHEME_TERM], "events", rep);
        }
        let Ok(id) = CongressId::new(format!("{}{base}", self.options.id_prefix)) else {
            rep.add(
                ReportKind::Rejected,
                format!("{path} (legislative period)"),
                "the congress id it would get is not a valid id (1 to 64 characters): skipped with its memberships",
            );
            return;
        };
        self.congresses.push(PlannedCongress {
            id,
            legislature: lid,
            period: period.unwrap_or_default().to_string(),
            name,
            term,
            start,
            end,
        });
    }

    /// Memberships of a legislature → deputies; then those of the congresses' bodies.
    fn memberships(&mut self) {
        let mut others = Vec::new();
        for mi in 0..self.memberships.len() {
            let m = self.memberships[mi];
            let org = str_of(m, "organization_id");
            match org.and_then(|o| resolve_period(&self.congresses, o, m)) {
                Some(ci) => self.deputy(m, ci),
                None => {
                    let of_legislature = org
                        .and_then(|o| self.org_ix.get(o))
                        .is_some_and(|&i| self.is_legislature(self.orgs[i]));
                    if of_legislature {
                        self.rep.add(
                            ReportKind::Skipped,
                            "memberships[] (legislature)",
                            "no legislative period of the legislature matches it: skipped",
                        );
                    } else {
                        others.push(m);
                    }
                }
            }
        }
        for m in others {
            self.body_membership(m);
        }
    }

    /// A membership of congress `ci` → a deputy.
    fn deputy(&mut self, m: Record<'v>, ci: usize) {
        let Some(pi) = str_of(m, "person_id")
            .and_then(|p| self.person_ix.get(p))
            .copied()
        else {
            self.rep.add(
                ReportKind::Skipped,
                "memberships[] (legislature)",
                "no person: skipped",
            );
            return;
        };
        let p = self.persons[pi];
        let Some(name) = person_name(p) else {
            self.rep.add(
                ReportKind::Skipped,
                "memberships[] (legislature)",
                "the person has no name: skipped",
            );
            return;
        };
        self.used_persons.insert(pi);
        let pid = str_of(p, "id").unwrap_or_default().to_string();
        self.rep.rest(
            m,
            &[
                "id",
                "person_id",
                "organization_id",
                "legislative_period_id",
                "start_date",
                "end_date",
                "role",
                "label",
                "area_id",
                "on_behalf_of_id",
            ],
            "memberships",
        );
        let mut profile = DeputyProfile {
            person: person_link(&pid),
            ethnicity: str_of(p, "national_identity").map(str::to_string),
            ..Default::default()
        };
        if let Some(g) = str_of(p, "gender") {
            profile.gender = gender_of(g);
            if profile.gender.is_none() {
                self.rep.add(
                    ReportKind::Unmatched,
                    "persons[].gender",
                    "neither female nor male: not recorded",
                );
            }
        }
        profile.elected_by = self.area(m);
        profile.party = self.party(m);
        let (c_start, c_end) = (self.congresses[ci].start, self.congresses[ci].end);
        let rep = &mut self.rep;
        let elected_on =
            match full_date(m.get("start_date"), false, "memberships[].start_date", rep) {
                Some(s) if s > c_start => Some(s),
                Some(s) if s < c_start => {
                    rep.add(
                        ReportKind::Adjusted,
                        "memberships[].start_date",
                        "before the term's first day: taken as the first day",
                    );
                    None
                }
                _ => None,
            };
        if full_date(m.get("end_date"), true, "memberships[].end_date", rep)
            .is_some_and(|end| end < c_end)
        {
            rep.add(ReportKind::NotHeld, "memberships[].end_date", END_NOTE);
        }
        let label = format!(
            "{} {}",
            str_of(m, "label").unwrap_or_default(),
            str_of(m, "role").unwrap_or_default()
        )
        .to_lowercase();
        let by_election = ["补选", "by-election", "by_election"]
            .iter()
            .any(|w| label.contains(w));
        let Some(id) = self.deputy_id(m, ci, &pid) else {
            return;
        };
        self.deputies.push(PlannedDeputy {
            id,
            congress: ci,
            person: pid,
            name,
            profile,
            elected_on,
            mandate: if by_election {
                Mandate::ByElection
            } else {
                Mandate::Elected
            },
        });
    }

    /// The deputy id: prefix + the membership's id, or + `<period>/<person>`; numbered within
    /// the congress when too long.
    fn deputy_id(&mut self, m: Record, ci: usize, pid: &str) -> Option<DeputyId> {
        let prefix = self.options.id_prefix.as_str();
        let cid = self.congresses[ci].id.as_str();
        let base = match str_of(m, "id") {
            Some(id) => id.to_string(),
            None => format!("{}/{pid}", cid.strip_prefix(prefix).unwrap_or(cid)),
        };
        if let Ok(id) = DeputyId::new(format!("{prefix}{base}")) {
            return Some(id);
        }
        match DeputyId::new(format!("{cid}/{}", self.deputies.len() + 1)) {
            Ok(id) => {
                self.rep.add(
                    ReportKind::Adjusted,
                    "memberships[].id",
                    "too long for a deputy id: numbered within the congress instead",
                );
                Some(id)
            }
            Err(_) => {
                self.rep.add(
                    ReportKind::Rejected,
                    "memberships[] (legislature)",
                    "no valid deputy id can be made: skipped",
                );
                None
            }
        }
    }

    /// The constituency or electoral unit of a membership's area.
    fn area(&mut self, m: Record) -> Option<ElectedBy> {
        let ai = str_of(m, "area_id")
            .and_then(|a| self.area_ix.get(a))
            .copied()?;
        let a = self.areas[ai];
        self.used_areas.insert(ai);
        let name = str_of(a, "name")?.to_string();
        let kind = str_of(a, "classification")
            .or_else(|| str_of(a, "type"))
            .unwrap_or("constituency")
            .to_lowercase();
        Some(
            if matches!(
                kind.as_str(),
                "electoral_unit" | "electoral unit" | "选举单位"
            ) {
                ElectedBy::ElectoralUnit(name)
            } else {
                ElectedBy::Constituency(name)
            },
        )
    }

    /// The party status of a membership's `on_behalf_of_id`.
    fn party(&mut self, m: Record) -> Option<Party> {
        let party_id = str_of(m, "on_behalf_of_id")?;
        let found = self.org_ix.get(party_id).and_then(|&i| {
            party_of(party_id, str_of(self.orgs[i], "name").unwrap_or_default()).map(|p| (i, p))
        });
        match found {
            Some((i, p)) => {
                self.used_orgs.insert(i);
                Some(p)
            }
            None => {
                self.rep.add(
                    ReportKind::Unmatched,
                    "memberships[].on_behalf_of_id",
                    "a party that is not one of the party statuses renda records (中国共产党, 民主党派, 无党派人士): not recorded",
                );
                None
            }
        }
    }

    /// A membership of a delegation, a deputy group or a standing committee.
    fn body_membership(&mut self, m: Record<'v>) {
        let Some(oi) = str_of(m, "organization_id")
            .and_then(|o| self.org_ix.get(o))
            .copied()
        else {
            self.rep.add(
                ReportKind::Skipped,
                "memberships[] (no organization)",
                "its organization is not in the document: skipped",
            );
            return;
        };
        let o = self.orgs[oi];
        let class = str_of(o, "classification")
            .unwrap_or("unclassified")
            .to_lowercase();
        let body = if is_standing_committee(o, &self.congresses) {
            "standing committee"
        } else if matches!(class.as_str(), "delegation" | "代表团") {
            "delegation"
        } else if matches!(class.as_str(), "deputy group" | "代表小组") {
            "group"
        } else {
            self.rep.add(
                ReportKind::Skipped,
                format!("memberships[] ({class})"),
                "a membership of an organization that is neither a congress nor one of its bodies renda records: skipped",
            );
            return;
        };
        let person = str_of(m, "person_id").unwrap_or_default();
        let period = str_of(m, "legislative_period_id");
        let candidates: Vec<usize> = (0..self.deputies.len())
            .filter(|&i| {
                let d = &self.deputies[i];
                d.person == person && period.is_none_or(|p| self.congresses[d.congress].period == p)
            })
            .collect();
        let di = match candidates.as_slice() {
            [one] => *one,
            [] => {
                self.rep.add(
                    ReportKind::Skipped,
                    format!("memberships[] ({body})"),
                    "the person has no imported membership of the congress in that period: skipped",
                );
                return;
            }
            _ => {
                self.rep.add(
                    ReportKind::Skipped,
                    format!("memberships[] ({body})"),
                    "the person sits in several imported periods and the membership names none (legislative_period_id): skipped",
                );
                return;
            }
        };
        self.used_orgs.insert(oi);
        self.rep.rest(
            m,
            &[
                "id",
                "person_id",
                "organization_id",
                "legislative_period_id",
                "start_date",
                "end_date",
                "role",
                "label",
                "post_id",
            ],
            "memberships",
        );
        let (first, term_end) = {
            let d = &self.deputies[di];
            let c = &self.congresses[d.congress];
            (d.elected_on.unwrap_or(c.start), c.end)
        };
        if full_date(
            m.get("end_date"),
            true,
            "memberships[].end_date",
            &mut self.rep,
        )
        .is_some_and(|end| end < term_end)
        {
            self.rep
                .add(ReportKind::NotHeld, "memberships[].end_date", END_NOTE);
        }
        let name = str_of(o, "name").unwrap_or_default().to_string();
        let profile = &mut self.deputies[di].profile;
        match body {
            "delegation" if profile.delegation.is_some() => self.rep.add(
                ReportKind::NotHeld,
                "memberships[] (delegation)",
                "a second delegation: renda records one per deputy; dropped",
            ),
            "delegation" => profile.delegation = Some(name).filter(|n| !n.is_empty()),
            "group" => {
                if !name.is_empty() && !profile.groups.contains(&name) {
                    profile.groups.push(name);
                }
            }
            _ => {
                let from = full_date(
                    m.get("start_date"),
                    false,
                    "memberships[].start_date",
                    &mut self.rep,
                )
                .unwrap_or(first);
                let post_rec = str_of(m, "post_id")
                    .and_then(|p| self.post_ix.get(p))
                    .copied();
                if let Some(pi) = post_rec {
                    self.used_posts.insert(pi);
                }
                let post_role = post_rec.and_then(|pi| {
                    str_of(self.posts[pi], "role").or_else(|| str_of(self.posts[pi], "label"))
                });
                let post = [post_role, str_of(m, "role"), str_of(m, "label")]
                    .into_iter()
                    .flatten()
                    .find_map(post_of)
                    .unwrap_or(CommitteePost::Member);
                self.joins.push((from, di, post));
            }
        }
    }

    /// Reports the records not used and the properties of used ones the model does not hold.
    fn report_unused(&mut self) {
        let rep = &mut self.rep;
        for (i, p) in self.persons.iter().enumerate() {
            if self.used_persons.contains(&i) {
                rep.rest(
                    p,
                    &["id", "name", "gender", "national_identity", "identifiers"],
                    "persons",
                );
                report_identifiers(p, &[SCHEME_DEPUTY, SCHEME_PERSON], "persons", rep);
            } else {
                rep.add(
                    ReportKind::Skipped,
                    "persons[]",
                    "no membership of an imported legislature: skipped",
                );
            }
        }
        for (i, o) in self.orgs.iter().enumerate() {
            // A congress's standing committee comes with the congress.
            let used = self.used_orgs.contains(&i) || is_standing_committee(o, &self.congresses);
            let legislature =
                str_of(o, "classification").is_some_and(|c| c.eq_ignore_ascii_case("legislature"));
            if !used {
                let class = str_of(o, "classification")
                    .unwrap_or("unclassified")
                    .to_lowercase();
                rep.add(
                    ReportKind::Skipped,
                    format!("organizations[] ({class})"),
                    "not a congress, a party status or a body of the congress renda records: skipped",
                );
            } else if !legislature {
                rep.rest(
                    o,
                    &["id", "name", "classification", "parent_id", "identifiers"],
                    "organizations",
                );
                report_identifiers(o, &[SCHEME_BODY], "organizations", rep);
            }
        }
        for (i, e) in self.events.iter().enumerate() {
            if !self.used_events.contains(&i) {
                let class = str_of(e, "classification")
                    .unwrap_or("unclassified")
                    .to_lowercase();
                rep.add(
                    ReportKind::Skipped,
                    format!("events[] ({class})"),
                    "only legislative periods of imported legislatures become congresses: skipped",
                );
            }
        }
        for (i, a) in self.areas.iter().enumerate() {
            if self.used_areas.contains(&i) {
                rep.rest(a, &["id", "name", "classification", "type"], "areas");
            } else {
                rep.add(
                    ReportKind::Skipped,
                    "areas[]",
                    "no imported deputy was elected there: skipped",
                );
            }
        }
        for (i, p) in self.posts.iter().enumerate() {
            if self.used_posts.contains(&i) {
                rep.rest(p, &["id", "label", "role", "organization_id"], "posts");
            } else {
                rep.add(
                    ReportKind::Skipped,
                    "posts[]",
                    "not a standing-committee post held by an imported deputy: skipped",
                );
            }
        }
    }

    /// The commands, each with the kind of record it comes from. Registrations are dated at
    /// the first day of the earliest term, standing-committee seats at their first day.
    fn commands(&mut self) -> Vec<(CommandEnvelope, &'static str)> {
        let Some(first) = self.congresses.iter().map(|c| c.start).min() else {
            return Vec::new();
        };
        let at = Timestamp::start_of_china_day(first);
        let admin = Actor {
            role: Role::Admin,
            id: self.options.admin_id.clone(),
        };
        let office = Actor {
            role: Role::DeputyAffairsOffice,
            id: self.options.office_id.clone(),
        };
        let envelope = |at, actor: &Actor, command| CommandEnvelope {
            at,
            actor: actor.clone(),
            command,
        };
        let mut out = Vec::new();
        for c in &self.congresses {
            let command = Command::RegisterCongress {
                congress: c.id.clone(),
                name: c.name.clone(),
                level: self.options.level,
                term: c.term,
                term_start: c.start,
                term_end: c.end,
                population: None,
            };
            out.push((
                envelope(at, &admin, command),
                "events[] (legislative period)",
            ));
        }
        for d in &self.deputies {
            let command = Command::RegisterDeputy {
                deputy: d.id.clone(),
                congress: self.congresses[d.congress].id.clone(),
                name: d.name.clone(),
                contact: None,
                profile: d.profile.clone(),
                elected_on: d.elected_on,
                mandate: d.mandate,
            };
            out.push((
                envelope(at, &office, command),
                "memberships[] (legislature)",
            ));
        }
        self.joins.sort_by_key(|(from, di, _)| (*from, *di));
        for &(from, di, post) in &self.joins {
            let command = Command::JoinStandingCommittee {
                deputy: self.deputies[di].id.clone(),
                post,
                full_time: false,
                can_serve_two_terms: None,
                new_this_term: None,
            };
            let when = Timestamp::start_of_china_day(from).max(at);
            out.push((
                envelope(when, &office, command),
                "memberships[] (standing committee)",
            ));
        }
        out
    }

    /// Executes the commands on a fresh ledger; leaves out and reports what it refuses.
    fn dry_run(&mut self, commands: Vec<(CommandEnvelope, &'static str)>) -> Vec<CommandEnvelope> {
        let mut scratch = Ledger::new(RuleBook::default());
        let mut accepted = Vec::with_capacity(commands.len());
        for (cmd, source) in commands {
            match scratch.execute(cmd.clone()) {
                Ok(_) => accepted.push(cmd),
                Err(e) => self.rep.add(
                    ReportKind::Rejected,
                    source,
                    format!(
                        "{} refused ({}): left out",
                        cmd.command.type_name(),
                        e.code()
                    ),
                ),
            }
        }
        accepted
    }
}

fn gender_of(g: &str) -> Option<Gender> {
    match g.trim().to_lowercase().as_str() {
        "female" | "f" | "woman" | "女" => Some(Gender::Female),
        "male" | "m" | "man" | "男" => Some(Gender::Male),
        _ => None,
    }
}

fn str_of<'v>(o: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    o.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// `(scheme, identifier)` pairs of a record's `identifiers`.
fn identifiers(o: &Map<String, Value>) -> Vec<(String, String)> {
    array(o, "identifiers")
        .filter_map(|(_, i)| {
            Some((
                i.get("scheme")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                i.get("identifier")?.as_str()?.to_string(),
            ))
        })
        .collect()
}

fn report_identifiers(
    o: &Map<String, Value>,
    consumed: &[&str],
    collection: &str,
    rep: &mut Report,
) {
    for (scheme, _) in identifiers(o) {
        if !consumed.contains(&scheme.as_str()) {
            rep.add(
                ReportKind::NotHeld,
                format!("{collection}[].identifiers"),
                "identifiers of other schemes are not held: dropped",
            );
        }
    }
}

/// A full date from a Popolo date: a year-only or year-month date becomes its first day (a
/// start) or its last day (an end), a date-time its date; each such change is reported.
fn full_date(v: Option<&Value>, end: bool, path: &str, rep: &mut Report) -> Option<NaiveDate> {
    let s = v?.as_str()?;
    if s.len() > 10 {
        // A date-time (memberships and events may have one): its date, in its own offset.
        date_bounds(v)?;
        let date = crate::time::parse_iso_date(s.get(..10)?)?;
        rep.add(
            ReportKind::Adjusted,
            path,
            "a date-time: its date (in its own offset) kept, the time dropped",
        );
        return Some(date);
    }
    let (first, last) = partial_date(s)?;
    if first != last {
        rep.add(
            ReportKind::Adjusted,
            path,
            if end {
                "a year-only or year-month end date: read as the last day of that year or month"
            } else {
                "a year-only or year-month date: read as the first day of that year or month"
            },
        );
    }
    Some(if end { last } else { first })
}

/// The congress a legislature membership belongs to: by `legislative_period_id`, else the
/// period containing its start date, else the legislature's only period.
fn resolve_period(
    congresses: &[PlannedCongress],
    org: &str,
    m: &Map<String, Value>,
) -> Option<usize> {
    let mine: Vec<usize> = congresses
        .iter()
        .enumerate()
        .filter(|(_, c)| c.legislature == org)
        .map(|(i, _)| i)
        .collect();
    if mine.is_empty() {
        return None;
    }
    if let Some(p) = str_of(m, "legislative_period_id") {
        return mine.into_iter().find(|&i| congresses[i].period == p);
    }
    if let Some((s, _)) = date_bounds(m.get("start_date")) {
        if let Some(i) = mine.iter().copied().find(|&i| {
            let c = &congresses[i];
            let from = c
                .start
                .and_hms_opt(0, 0, 0)
                .map(|t| t.and_utc().timestamp());
            let to = c
                .end
                .and_hms_opt(23, 59, 59)
                .map(|t| t.and_utc().timestamp());
            from.zip(to).is_some_and(|(a, b)| a <= s && s <= b)
        }) {
            return Some(i);
        }
    }
    (mine.len() == 1).then(|| mine[0])
}

fn person_name(p: &Map<String, Value>) -> Option<String> {
    if let Some(n) = str_of(p, "name") {
        return Some(n.to_string());
    }
    let parts: Vec<&str> = ["family_name", "given_name"]
        .iter()
        .filter_map(|k| str_of(p, k))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The person link: `person/X` → X; `deputy/X` (renda's own export of an unlinked deputy) →
/// none; any other id → itself, when it is a valid id.
fn person_link(pid: &str) -> Option<PersonId> {
    if pid.starts_with("deputy/") {
        return None;
    }
    PersonId::new(pid.strip_prefix("person/").unwrap_or(pid)).ok()
}

/// The party status an organization stands for, by renda's ids or by name.
fn party_of(id: &str, name: &str) -> Option<Party> {
    match id {
        "party/cpc" => return Some(Party::Cpc),
        "party/democratic_party" => return Some(Party::DemocraticParty),
        "party/non_party" => return Some(Party::NonParty),
        _ => {}
    }
    let n = name.trim().to_lowercase();
    const CPC: [&str; 7] = [
        "中国共产党",
        "中共",
        "中共党员",
        "communist party of china",
        "chinese communist party",
        "cpc",
        "ccp",
    ];
    const DEMOCRATIC: [&str; 17] = [
        "民主党派",
        "中国国民党革命委员会",
        "民革",
        "中国民主同盟",
        "民盟",
        "中国民主建国会",
        "民建",
        "中国民主促进会",
        "民进",
        "中国农工民主党",
        "农工党",
        "中国致公党",
        "致公党",
        "九三学社",
        "台湾民主自治同盟",
        "台盟",
        "democratic parties",
    ];
    const NON_PARTY: [&str; 4] = ["无党派人士", "无党派", "non-party", "independent"];
    if CPC.contains(&n.as_str()) {
        Some(Party::Cpc)
    } else if DEMOCRATIC.contains(&n.as_str()) {
        Some(Party::DemocraticParty)
    } else if NON_PARTY.contains(&n.as_str()) {
        Some(Party::NonParty)
    } else {
        None
    }
}

fn post_of(text: &str) -> Option<CommitteePost> {
    match text.trim().to_lowercase().as_str() {
        "director" | "主任" | "chair" | "chairman" | "chairperson" => {
            Some(CommitteePost::Director)
        }
        "vice_director" | "vice director" | "副主任" | "vice chair" | "vice-chair"
        | "vice chairman" => Some(CommitteePost::ViceDirector),
        "secretary_general" | "secretary general" | "secretary-general" | "秘书长" => {
            Some(CommitteePost::SecretaryGeneral)
        }
        "member" | "委员" => Some(CommitteePost::Member),
        _ => None,
    }
}

/// Whether an organization is the standing committee of an imported legislature: marked
/// `renda_body` = `standing_committee`, or a committee of the legislature named 常务委员会 /
/// 常委会 / standing committee.
fn is_standing_committee(o: &Map<String, Value>, congresses: &[PlannedCongress]) -> bool {
    let marked = identifiers(o)
        .iter()
        .any(|(s, i)| s == SCHEME_BODY && i == "standing_committee");
    let parent_ok =
        str_of(o, "parent_id").is_some_and(|p| congresses.iter().any(|c| c.legislature == p));
    let name = str_of(o, "name").unwrap_or_default().to_lowercase();
    let named = name.contains("常务委员会")
        || name.contains("常委会")
        || name.contains("standing committee");
    parent_ok && (marked || named)
}

// ---------------------------------------------------------------------------------------------
// Meeting ballots → vote events (issue 5, L-4).
// ---------------------------------------------------------------------------------------------

impl crate::Ledger {
    /// The ballots of `congress`'s meetings held from `from` to `to` ([`crate::Ledger::ballots`])
    /// as Popolo vote events: organization `<congress>` (congress sittings),
    /// `<congress>/standing_committee` or `<congress>/director_meeting`; classification the
    /// ballot kind; result `pass` or `fail`; counts as [`vote_counts`].
    ///
    /// ```
    /// let l = renda::Ledger::new(Default::default());
    /// let d = |s: &str| s.parse().unwrap();
    /// assert!(l.ballots_to_popolo(&"hd".parse().unwrap(), d("2024-01-01"), d("2024-12-31")).is_err());
    /// ```
    pub fn ballots_to_popolo(
        &self,
        congress: &CongressId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<PopoloVoteEvent>> {
        use crate::oversight::meeting::Body;
        let st = self.state();
        let tallies: Vec<VoteTally> = self
            .ballots(congress, from, to)?
            .into_iter()
            .map(|b| {
                let body = st.meetings.get(&b.meeting).map(|m| m.body);
                let (org, requirement) = match body {
                    Some(Body::DirectorMeeting) => (
                        format!("{congress}/director_meeting"),
                        "主任会议表决 / director meeting (rule set's majority)",
                    ),
                    Some(Body::StandingCommittee) => (
                        format!("{congress}/standing_committee"),
                        "全体组成人员的过半数 / a majority of all members (L-4)",
                    ),
                    _ => (
                        congress.to_string(),
                        "全体代表的过半数 / a majority of all deputies (L-4)",
                    ),
                };
                VoteTally {
                    id: format!("{congress}/ballot/{}", b.id),
                    organization_id: org,
                    motion: b.subject.clone(),
                    classification: Some(b.kind.as_str().into()),
                    requirement: Some(requirement.into()),
                    at: b.at,
                    result: Some(if b.adopted { "pass" } else { "fail" }.into()),
                    counts: vote_counts(&b.vote),
                }
            })
            .collect();
        Ok(vote_events_from_tallies(&tallies))
    }

    /// [`crate::Ledger::ballots_to_popolo`] as JSON (an array of vote events).
    pub fn ballots_to_popolo_json(&self, congress: &str, from: &str, to: &str) -> Result<String> {
        let congress = CongressId::new(congress)?;
        let from = crate::time::parse_date("from", from)?;
        let to = crate::time::parse_date("to", to)?;
        Ok(crate::wire::to_json(
            &self.ballots_to_popolo(&congress, from, to)?,
        ))
    }
}
