//! Popolo export, import and semantic checks (issue 6 item 6; `docs/popolo.md`).
#![cfg(feature = "popolo")]

use crate::common;

use proptest::prelude::*;
use renda::popolo::{
    self, check, check_record, FindingCode, ImportOptions, PopoloExport, PopoloKind, ReportKind,
    Severity,
};
use renda::registry::Level;
use renda::{CongressId, Ledger};
use serde_json::{json, Value};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/popolo")
}

fn burundi() -> String {
    std::fs::read_to_string(fixtures().join("everypolitician/burundi-ep-popolo-v1.0.json"))
        .expect("the EveryPolitician fixture in shared/fixtures/popolo")
}

fn run(ledger: &mut Ledger, commands: &[Value]) {
    for c in commands {
        ledger
            .execute_json(&c.to_string())
            .unwrap_or_else(|e| panic!("{e}: {c}"));
    }
}

fn cmd(at: &str, role: &str, id: &str, command: Value) -> Value {
    json!({"at": at, "actor": {"role": role, "id": id}, "command": command})
}

fn office(at: &str, command: Value) -> Value {
    cmd(at, "deputy_affairs_office", "office", command)
}

/// A county congress: five deputies (a linked person, a by-election, groups, a delegation, the
/// three party statuses, a constituency and an electoral unit), three standing-committee members,
/// a refused and an accepted resignation, and a deputy elected after the export date.
fn county() -> Ledger {
    let mut l = Ledger::new(Default::default());
    run(
        &mut l,
        &[
            cmd(
                "2024-01-02",
                "admin",
                "admin",
                json!({"type": "register_congress", "congress": "hd-17",
                "name": "北京市海淀区第十七届人民代表大会", "level": "county", "term": 17,
                "term_start": "2021-11-01", "term_end": "2026-10-31"}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D001", "congress": "hd-17", "name": "王丽",
                "contact": {"phone": "13800000000"},
                "profile": {"person": "P-wangli", "gender": "female", "ethnicity": "汉族", "party": "cpc",
                            "elected_by": {"constituency": "第12选区"}, "groups": ["科技", "教育"],
                            "education": "master", "work_unit": "北京大学"}}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D002", "congress": "hd-17", "name": "李强",
                "profile": {"gender": "male", "party": "democratic_party", "delegation": "海淀代表团",
                            "elected_by": {"constituency": "第3选区"}, "groups": ["教育"]}}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D003", "congress": "hd-17", "name": "张敏",
                "profile": {"gender": "female", "party": "non_party", "elected_by": {"electoral_unit": "中关村街道"}}}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D004", "congress": "hd-17", "name": "赵刚",
                "elected_on": "2023-06-01", "mandate": "by_election", "profile": {"elected_by": {"constituency": "第12选区"}}}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D005", "congress": "hd-17", "name": "陈静",
                "profile": {"groups": ["教育"]}}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D006", "congress": "hd-17", "name": "周新",
                "elected_on": "2024-09-01", "mandate": "by_election"}),
            ),
            office(
                "2024-01-03",
                json!({"type": "join_standing_committee", "deputy": "D001", "post": "director", "full_time": true}),
            ),
            office(
                "2024-01-03",
                json!({"type": "join_standing_committee", "deputy": "D002", "post": "vice_director"}),
            ),
            office(
                "2024-01-04",
                json!({"type": "join_standing_committee", "deputy": "D003", "post": "secretary_general"}),
            ),
            cmd(
                "2024-03-01",
                "deputy",
                "D005",
                json!({"type": "submit_resignation", "deputy": "D005"}),
            ),
            cmd(
                "2024-03-20T15:00:00+08:00",
                "standing_committee",
                "sc",
                json!({"type": "decide_resignation", "deputy": "D005",
                "vote": {"members": 3, "present": 3, "yes": 1, "no": 2, "abstain": 0}}),
            ),
            cmd(
                "2024-04-01",
                "deputy",
                "D005",
                json!({"type": "submit_resignation", "deputy": "D005"}),
            ),
            cmd(
                "2024-04-25T15:00:00+08:00",
                "standing_committee",
                "sc",
                json!({"type": "decide_resignation", "deputy": "D005",
                "vote": {"members": 3, "present": 3, "yes": 2, "no": 0, "abstain": 0}}),
            ),
        ],
    );
    l
}

fn hd() -> CongressId {
    "hd-17".parse().unwrap()
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn export_maps_deputies_organizations_memberships_and_votes() {
    let doc = county().to_popolo(&hd(), date("2024-06-30")).unwrap();
    // D006 takes office after the export date.
    let ids: Vec<&str> = doc.persons.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "deputy/D002",
            "deputy/D003",
            "deputy/D004",
            "deputy/D005",
            "person/P-wangli"
        ]
    );
    let wang = &doc.persons[4];
    assert_eq!(wang.gender.as_deref(), Some("female"));
    assert_eq!(wang.national_identity.as_deref(), Some("汉族"));
    assert_eq!(
        serde_json::to_value(&wang.identifiers).unwrap(),
        json!([{"identifier": "P-wangli", "scheme": "renda_person"},
               {"identifier": "D001", "scheme": "renda_deputy"}])
    );
    // Nothing personal: no contact data, no education or work unit.
    let text = doc.to_json();
    for private in ["13800000000", "北京大学", "master"] {
        assert!(!text.contains(private), "{private} exported");
    }
    let org = |id: &str| doc.organizations.iter().find(|o| o.id == id).unwrap();
    assert_eq!(org("hd-17").classification, "legislature");
    assert_eq!(org("hd-17").founding_date, Some(date("2021-11-01")));
    assert_eq!(org("hd-17").dissolution_date, Some(date("2026-10-31")));
    assert_eq!(
        org("hd-17/standing_committee").parent_id.as_deref(),
        Some("hd-17")
    );
    assert_eq!(org("party/cpc").name, "中国共产党");
    assert_eq!(
        org("hd-17/delegation/海淀代表团").classification,
        "delegation"
    );
    assert_eq!(org("hd-17/group/教育").classification, "deputy group");
    let m = |id: &str| doc.memberships.iter().find(|m| m.id == id).unwrap();
    assert_eq!(m("D001").role, "deputy");
    assert_eq!(m("D001").start_date, Some(date("2021-11-01")));
    assert_eq!(m("D001").end_date, None);
    assert_eq!(
        m("D001").legislative_period_id.as_deref(),
        Some("hd-17/term")
    );
    assert_eq!(
        m("D001").area_id.as_deref(),
        Some("hd-17/constituency/第12选区")
    );
    assert_eq!(
        m("D003").area_id.as_deref(),
        Some("hd-17/electoral_unit/中关村街道")
    );
    assert_eq!(
        m("D002").on_behalf_of_id.as_deref(),
        Some("party/democratic_party")
    );
    assert_eq!(m("D004").label.as_deref(), Some("补选代表"));
    assert_eq!(m("D004").start_date, Some(date("2023-06-01")));
    // L-9: the resignation was accepted on 2024-04-25; the deputy left the standing committee.
    assert_eq!(m("D005").end_date, Some(date("2024-04-25")));
    assert_eq!(m("D005/group/教育").end_date, Some(date("2024-04-25")));
    assert_eq!(
        m("D001/standing_committee").post_id.as_deref(),
        Some("hd-17/standing_committee/director")
    );
    assert_eq!(
        m("D003/standing_committee").start_date,
        Some(date("2024-01-04"))
    );
    assert_eq!(
        doc.posts
            .iter()
            .map(|p| p.label.as_str())
            .collect::<Vec<_>>(),
        ["主任", "副主任", "秘书长"]
    );
    // Vote events: the refused and the accepted resignation.
    assert_eq!(doc.vote_events.len(), 2);
    let v = serde_json::to_value(&doc.vote_events[1]).unwrap();
    assert_eq!(v["result"], "pass");
    assert_eq!(v["organization_id"], "hd-17/standing_committee");
    assert_eq!(v["start_date"], "2024-04-25T15:00:00+08:00");
    assert_eq!(
        v["counts"],
        json!([{"option": "yes", "value": 2}, {"option": "no", "value": 0},
               {"option": "abstain", "value": 0}, {"option": "absent", "value": 0},
               {"option": "not voting", "value": 1}])
    );
    assert_eq!(doc.vote_events[0].result.as_deref(), Some("fail"));
    // The export passes its own semantic checks.
    assert_eq!(check(&text).unwrap(), vec![]);
}

#[test]
fn export_as_of_an_earlier_date_leaves_out_what_came_later() {
    let doc = county().to_popolo(&hd(), date("2024-03-31")).unwrap();
    let d5 = doc.memberships.iter().find(|m| m.id == "D005").unwrap();
    assert_eq!(d5.end_date, None);
    assert_eq!(doc.vote_events.len(), 1);
    // After the term, every membership ends on its last day.
    let doc = county().to_popolo(&hd(), date("2027-01-01")).unwrap();
    let d1 = doc.memberships.iter().find(|m| m.id == "D001").unwrap();
    assert_eq!(d1.end_date, Some(date("2026-10-31")));
    assert_eq!(
        county()
            .to_popolo(&"nope".parse().unwrap(), date("2024-01-01"))
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn a_township_congress_has_no_standing_committee_and_votes_itself() {
    let mut l = Ledger::new(Default::default());
    run(
        &mut l,
        &[
            cmd(
                "2024-01-02",
                "admin",
                "admin",
                json!({"type": "register_congress", "congress": "xz",
                "name": "某镇人大", "level": "township", "term": 18,
                "term_start": "2021-11-01", "term_end": "2026-10-31"}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "T1", "congress": "xz", "name": "甲"}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "T2", "congress": "xz", "name": "乙"}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "T3", "congress": "xz", "name": "丙"}),
            ),
            cmd(
                "2024-02-01",
                "deputy",
                "T1",
                json!({"type": "submit_resignation", "deputy": "T1"}),
            ),
            cmd(
                "2024-03-01",
                "street_working_committee",
                "town",
                json!({"type": "decide_resignation", "deputy": "T1",
                "vote": {"members": 3, "present": 2, "yes": 2, "no": 0, "abstain": 0}}),
            ),
        ],
    );
    let doc = l
        .to_popolo(&"xz".parse().unwrap(), date("2024-12-31"))
        .unwrap();
    assert!(doc
        .organizations
        .iter()
        .all(|o| o.classification != "committee"));
    assert_eq!(doc.vote_events[0].organization_id, "xz");
    assert_eq!(doc.vote_events[0].counts[3].value, 1); // absent
}

#[test]
fn round_trip_gives_the_same_export_modulo_the_report() {
    let as_of = date("2024-06-30");
    let first = county().to_popolo(&hd(), as_of).unwrap();
    let imported = popolo::import(&first.to_json(), &ImportOptions::new(Level::County)).unwrap();
    let kinds: Vec<&str> = imported
        .commands
        .iter()
        .map(|c| c.command.type_name())
        .collect();
    assert_eq!(
        kinds,
        [
            "register_congress",
            "register_deputy",
            "register_deputy",
            "register_deputy",
            "register_deputy",
            "register_deputy",
            "join_standing_committee",
            "join_standing_committee",
            "join_standing_committee"
        ]
    );
    let mut copy = Ledger::new(Default::default());
    imported.apply(&mut copy).unwrap();
    let second = copy.to_popolo(&hd(), as_of).unwrap();
    // What the report lists: the votes, the early end of D005's memberships, `meta`.
    let r = &imported.report;
    assert_eq!(
        r.entry(ReportKind::NotHeld, "vote_events").unwrap().count,
        2
    );
    assert_eq!(
        r.entry(ReportKind::NotHeld, "memberships[].end_date")
            .unwrap()
            .count,
        2
    );
    assert_eq!(r.entry(ReportKind::NotHeld, "meta").unwrap().count, 1);
    assert_eq!(r.entries.len(), 3, "{:#?}", r.entries);
    let mut expected: PopoloExport = first.clone();
    expected.vote_events.clear();
    for m in &mut expected.memberships {
        if m.id.starts_with("D005") {
            m.end_date = None;
        }
    }
    assert_eq!(second, expected);
    // Importing the second export gives the same commands again.
    let again = popolo::import(&second.to_json(), &ImportOptions::new(Level::County)).unwrap();
    assert_eq!(again.commands, imported.commands);
}

#[test]
fn an_id_prefix_keeps_two_imports_apart() {
    let doc = county()
        .to_popolo(&hd(), date("2024-06-30"))
        .unwrap()
        .to_json();
    let mut o = ImportOptions::new(Level::County);
    o.id_prefix = "copy:".into();
    let imported = popolo::import(&doc, &o).unwrap();
    let mut l = county();
    // The commands are dated at the start of the term: they go into a ledger of their own.
    let mut fresh = Ledger::new(Default::default());
    imported.apply(&mut fresh).unwrap();
    assert!(fresh
        .state()
        .congresses
        .contains_key(&"copy:hd-17".parse().unwrap()));
    assert!(fresh
        .state()
        .deputies
        .contains_key(&"copy:D001".parse().unwrap()));
    assert_eq!(imported.apply(&mut l).unwrap_err().code(), "out_of_order");
}

#[test]
fn the_everypolitician_fixture_imports_with_a_report_of_what_is_dropped() {
    let mut o = ImportOptions::new(Level::National);
    o.id_prefix = "bi:".into();
    let imported = popolo::import(&burundi(), &o).unwrap();
    let congresses: Vec<_> = imported
        .commands
        .iter()
        .filter(|c| c.command.type_name() == "register_congress")
        .collect();
    assert_eq!(congresses.len(), 2);
    let deputies = imported
        .commands
        .iter()
        .filter(|c| c.command.type_name() == "register_deputy")
        .count();
    assert_eq!(deputies, 227);
    let mut ledger = Ledger::new(Default::default());
    let events = imported.apply(&mut ledger).unwrap();
    assert_eq!(events, 229);
    let st = ledger.state();
    let c2010 = &st.congresses[&"bi:term/2010".parse().unwrap()];
    // "2010" is read as the first day of 2010 (reported), the end as given.
    assert_eq!(
        (c2010.term_start, c2010.term_end),
        (date("2010-01-01"), date("2015-04-30"))
    );
    assert_eq!(c2010.name, "Assemblée nationale 2010–2015");
    assert_eq!(c2010.term, 1);
    let c2015 = &st.congresses[&"bi:term/2015".parse().unwrap()];
    // No end given: five years (option term_years).
    assert_eq!(
        (c2015.term_start, c2015.term_end),
        (date("2015-07-27"), date("2020-07-26"))
    );
    assert_eq!(c2015.term, 2);
    assert_eq!(c2015.level, Level::National);
    assert_eq!(
        st.deputies
            .values()
            .filter(|d| d.congress == c2015.id)
            .count(),
        121
    );
    // A deputy: name, gender, ethnicity, constituency, the person link.
    let d = &st.deputies[&"bi:term/2015/4c56a67b-9ccb-4e4f-a7eb-75a5400faa07"
        .parse()
        .unwrap()];
    assert_eq!(d.name, "AHISHAKIYE Gloriose");
    assert_eq!(d.profile.gender, Some(renda::deputy::Gender::Female));
    assert_eq!(d.profile.ethnicity.as_deref(), Some("HUTU"));
    assert_eq!(
        d.profile.person.as_ref().map(|p| p.as_str()),
        Some("4c56a67b-9ccb-4e4f-a7eb-75a5400faa07")
    );
    assert!(d.profile.elected_by.is_some());
    assert_eq!(d.profile.party, None);
    assert_eq!(
        st.deputies
            .values()
            .filter(|d| d.profile.gender.is_some())
            .count(),
        121
    );
    let r = &imported.report;
    let count = |kind, path: &str| r.entry(kind, path).map_or(0, |e| e.count);
    assert_eq!(count(ReportKind::NotHeld, "persons[].identifiers"), 227);
    assert_eq!(count(ReportKind::NotHeld, "persons[].sources"), 106);
    assert_eq!(
        count(ReportKind::Unmatched, "memberships[].on_behalf_of_id"),
        227
    );
    assert_eq!(count(ReportKind::Adjusted, "events[].start_date"), 1);
    assert_eq!(count(ReportKind::Adjusted, "events[].end_date"), 1);
    assert_eq!(count(ReportKind::Skipped, "events[] (general election)"), 9);
    assert_eq!(count(ReportKind::Skipped, "organizations[] (party)"), 8);
    assert_eq!(count(ReportKind::NotHeld, "organizations[].identifiers"), 1);
    assert_eq!(count(ReportKind::NotHeld, "organizations[].seats"), 1);
    assert_eq!(count(ReportKind::NotHeld, "meta"), 1);
    assert_eq!(
        count(ReportKind::Rejected, "memberships[] (legislature)"),
        0
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    // Exported again, it passes the checks.
    let doc = ledger.to_popolo(&c2015.id, date("2016-01-01")).unwrap();
    assert_eq!(doc.persons.len(), 121);
    assert_eq!(check(&doc.to_json()).unwrap(), vec![]);
}

#[test]
fn the_popolo_examples_pass_the_checks_except_the_vote_event_that_ends_before_it_starts() {
    let kinds = [
        ("area", PopoloKind::Area),
        ("count", PopoloKind::Count),
        ("event", PopoloKind::Event),
        ("membership", PopoloKind::Membership),
        ("motion", PopoloKind::Motion),
        ("organization", PopoloKind::Organization),
        ("person", PopoloKind::Person),
        ("post", PopoloKind::Post),
        ("vote_event", PopoloKind::VoteEvent),
        ("embedding-person", PopoloKind::Person),
        ("embedding-organization", PopoloKind::Organization),
        ("embedding-membership", PopoloKind::Membership),
        ("embedding-post", PopoloKind::Post),
    ];
    for (name, kind) in kinds {
        let text =
            std::fs::read_to_string(fixtures().join(format!("examples/{name}.json"))).unwrap();
        let findings = check_record(&text, kind).unwrap();
        if name == "vote_event" {
            assert_eq!(findings.len(), 1, "{findings:?}");
            assert_eq!(findings[0].code, FindingCode::EndBeforeStart);
            assert_eq!(findings[0].path, "end_date");
            assert_eq!(findings[0].value, "2013-10-09T17:57:10Z");
        } else {
            assert!(findings.is_empty(), "{name}: {findings:?}");
        }
    }
    assert!(check(&burundi()).unwrap().is_empty());
}

#[test]
fn checks_find_what_the_schemas_miss() {
    let doc = json!({
        "persons": [{"id": "p1", "name": "A", "birth_date": "1980-02-30"}, {"id": "p1", "name": "B"}],
        "organizations": [{"id": "o", "name": "X", "classification": "legislature",
                           "founding_date": "2020", "dissolution_date": "2019-12"}],
        "memberships": [
            {"person_id": "p9", "organization_id": "o", "start_date": "2020-05-01", "end_date": "2020-04-30"},
            {"person_id": "p1", "organization_id": "o", "legislative_period_id": "t", "start_date": "2019"}
        ],
        "events": [{"id": "t", "classification": "legislative period", "organization_id": "o", "start_date": "2020-01-01"}],
        "vote_events": [{"organization_id": "o", "counts": [{"option": "yes", "value": -1}]}]
    });
    let findings = check(&doc.to_string()).unwrap();
    let got: Vec<(Severity, FindingCode, &str)> = findings
        .iter()
        .map(|f| (f.severity, f.code, f.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Severity::Error,
                FindingCode::InvalidDate,
                "persons[0].birth_date"
            ),
            (Severity::Error, FindingCode::DuplicateId, "persons[1].id"),
            (
                Severity::Error,
                FindingCode::EndBeforeStart,
                "organizations[0].dissolution_date"
            ),
            (
                Severity::Error,
                FindingCode::EndBeforeStart,
                "memberships[0].end_date"
            ),
            (
                Severity::Error,
                FindingCode::NegativeCount,
                "vote_events[0].counts[0].value"
            ),
            (
                Severity::Error,
                FindingCode::DanglingReference,
                "memberships[0].person_id"
            ),
            (
                Severity::Warning,
                FindingCode::OutsidePeriod,
                "memberships[1].start_date"
            ),
        ]
    );
    // Date-times in the short forms Popolo's pattern allows, compared as instants.
    let f = check(
        r#"{"memberships":[
        {"start_date":"2013-10-09T18Z","end_date":"2013-10-10T01:30+08"},
        {"start_date":"2013-10-09T18Z","end_date":"2013-10-10T02:30+0800"},
        {"start_date":"2013-10-09T18:61Z"}]}"#,
    )
    .unwrap();
    let got: Vec<(FindingCode, &str)> = f.iter().map(|f| (f.code, f.path.as_str())).collect();
    assert_eq!(
        got,
        [
            (FindingCode::EndBeforeStart, "memberships[0].end_date"),
            (FindingCode::InvalidDate, "memberships[2].start_date"),
        ]
    );
    // A reference to a collection the document does not have is only a warning.
    let f = check(r#"{"memberships":[{"person_id":"p","area_id":"a"}],"persons":[{"id":"p"}]}"#)
        .unwrap();
    assert_eq!(
        (f[0].severity, f[0].code),
        (Severity::Warning, FindingCode::DanglingReference)
    );
    assert_eq!(check("[1]").unwrap()[0].code, FindingCode::WrongType);
    assert_eq!(check(r#"{"persons":{}}"#).unwrap()[0].path, "persons");
    assert_eq!(check("{").unwrap_err().code(), "invalid_json");
}

#[test]
fn import_refuses_errors_in_what_it_reads_and_reports_the_rest() {
    let o = ImportOptions::new(Level::County);
    let e = popolo::import(
        r#"{"persons":[{"id":"p","name":"A"}],"memberships":[{"person_id":"p","start_date":"2020-05-01","end_date":"2020-04-30"}]}"#,
        &o,
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_field");
    assert_eq!(e.field(), Some("popolo.memberships[0].end_date"));
    assert_eq!(
        popolo::import("[]", &o).unwrap_err().field(),
        Some("popolo")
    );
    // Popolo's Hong Kong vote event ends before it starts: not read, so reported.
    let ve = std::fs::read_to_string(fixtures().join("examples/vote_event.json")).unwrap();
    let doc = format!(r#"{{"vote_events":[{ve}]}}"#);
    let imported = popolo::import(&doc, &o).unwrap();
    assert!(imported.commands.is_empty());
    let f = &imported.report.findings;
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(
        (f[0].severity, f[0].path.as_str()),
        (Severity::Error, "vote_events[0].end_date")
    );
    // Its organization lives in another document: a warning.
    assert_eq!(
        (f[1].severity, f[1].code),
        (Severity::Warning, FindingCode::DanglingReference)
    );
}

#[test]
fn import_leaves_out_what_a_dry_run_refuses_and_maps_committees_and_parties_by_name() {
    let doc = json!({
        "persons": [
            {"id": "a", "name": "甲", "gender": "男"},
            {"id": "b", "name": "乙", "gender": "other"},
            {"id": "c", "name": "x\u{0007}y"}
        ],
        "organizations": [
            {"id": "L", "name": "某市人大", "classification": "legislature", "founding_date": "2022-01-01", "dissolution_date": "2026-12-31"},
            {"id": "SC", "name": "某市人大常务委员会", "classification": "committee", "parent_id": "L"},
            {"id": "cpc", "name": "中国共产党", "classification": "party"},
            {"id": "mg", "name": "民革", "classification": "party"},
            {"id": "fin", "name": "财经委员会", "classification": "committee", "parent_id": "L"}
        ],
        "memberships": [
            {"person_id": "a", "organization_id": "L", "on_behalf_of_id": "cpc", "start_date": "2022-01-01"},
            {"person_id": "b", "organization_id": "L", "on_behalf_of_id": "mg", "start_date": "2023-03-01", "label": "补选"},
            {"person_id": "c", "organization_id": "L"},
            {"person_id": "a", "organization_id": "SC", "role": "副主任", "start_date": "2022-01-05"},
            {"person_id": "b", "organization_id": "SC", "role": "委员", "start_date": "2022-06-01"},
            {"person_id": "a", "organization_id": "fin", "role": "member"}
        ]
    });
    let imported =
        popolo::import(&doc.to_string(), &ImportOptions::new(Level::DistrictedCity)).unwrap();
    let mut l = Ledger::new(Default::default());
    imported.apply(&mut l).unwrap();
    let st = l.state();
    let c = &st.congresses[&"L".parse().unwrap()];
    assert_eq!(
        (c.term_start, c.term_end, c.term),
        (date("2022-01-01"), date("2026-12-31"), 1)
    );
    let a = &st.deputies[&"L/a".parse().unwrap()];
    assert_eq!(a.profile.party, Some(renda::deputy::Party::Cpc));
    assert_eq!(a.profile.gender, Some(renda::deputy::Gender::Male));
    let b = &st.deputies[&"L/b".parse().unwrap()];
    assert_eq!(b.profile.party, Some(renda::deputy::Party::DemocraticParty));
    assert_eq!(b.mandate, renda::deputy::Mandate::ByElection);
    assert_eq!(b.elected_on, Some(date("2023-03-01")));
    assert_eq!(b.profile.gender, None);
    // The standing committee: 甲 as vice-director; 乙 was not in office yet on 2022-06-01.
    let m = &st.committee_members[&a.id];
    assert_eq!(
        (m.post, m.from),
        (
            renda::deputy::CommitteePost::ViceDirector,
            date("2022-01-05")
        )
    );
    assert_eq!(st.committee_members.len(), 1);
    let r = &imported.report;
    let count = |kind, path: &str| r.entry(kind, path).map_or(0, |e| e.count);
    assert_eq!(
        count(ReportKind::Rejected, "memberships[] (legislature)"),
        1
    ); // the bad name
    assert_eq!(
        count(ReportKind::Rejected, "memberships[] (standing committee)"),
        1
    );
    assert_eq!(count(ReportKind::Unmatched, "persons[].gender"), 1);
    assert_eq!(count(ReportKind::Skipped, "memberships[] (committee)"), 1);
    assert_eq!(count(ReportKind::Skipped, "organizations[] (committee)"), 1);
    assert!(r
        .entry(ReportKind::Rejected, "memberships[] (legislature)")
        .unwrap()
        .note
        .contains("register_deputy refused (invalid_field)"));
}

#[test]
fn import_options_from_json_name_the_field() {
    assert_eq!(
        ImportOptions::from_json(r#"{"level":"county","prefix":"x"}"#)
            .unwrap_err()
            .field(),
        Some("options.prefix")
    );
    let o =
        ImportOptions::from_json(r#"{"level":"township","term_years":3,"first_term":18}"#).unwrap();
    assert_eq!(
        (o.level, o.term_years, o.first_term),
        (Level::Township, 3, 18)
    );
    let out = renda::api::popolo_import_json(&burundi(), r#"{"level":"national"}"#).unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["commands"].as_array().unwrap().len(), 229);
    assert_eq!(
        v["report"]["entries"][0],
        json!({"kind": "skipped", "path": "events[] (general election)",
        "count": 9, "note": "only legislative periods of imported legislatures become congresses: skipped"})
    );
    let l = county();
    let text = l.to_popolo_json("hd-17", "2024-06-30").unwrap();
    assert_eq!(
        text,
        l.to_popolo(&hd(), date("2024-06-30")).unwrap().to_json()
    );
    assert_eq!(
        l.to_popolo_json("hd-17", "2024-13-01").unwrap_err().field(),
        Some("as_of")
    );
    assert_eq!(
        renda::api::popolo_check_json(r#"{"persons":[1]}"#).unwrap(),
        r#"[{"severity":"error","code":"wrong_type","path":"persons[0]","value":"1","message":"must be an object"}]"#
    );
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..3000).prop_map(Value::from),
        prop_oneof![
            Just("2010"),
            Just("2015-07-27"),
            Just("2015-02-30"),
            Just("2013-10-09T18:53:09Z"),
            Just("legislature"),
            Just("legislative period"),
            Just("p"),
            Just("o"),
            Just("t"),
            Just("party"),
            Just("committee"),
            Just("male"),
            Just("补选"),
            Just(""),
            Just("中国共产党"),
        ]
        .prop_map(Value::from),
    ];
    let keys = prop_oneof![
        Just("id"),
        Just("name"),
        Just("classification"),
        Just("person_id"),
        Just("organization_id"),
        Just("legislative_period_id"),
        Just("start_date"),
        Just("end_date"),
        Just("founding_date"),
        Just("parent_id"),
        Just("on_behalf_of_id"),
        Just("identifiers"),
        Just("persons"),
        Just("organizations"),
        Just("memberships"),
        Just("events"),
        Just("counts"),
        Just("value"),
        Just("gender"),
        Just("role"),
        Just("label"),
        Just("area_id"),
        Just("post_id"),
    ];
    leaf.prop_recursive(4, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(keys.clone().prop_map(String::from), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Hostile documents never panic; an import either is refused or yields commands that a
    /// fresh ledger accepts, all of them.
    #[test]
    fn import_and_check_never_panic_and_imports_always_execute(doc in arb_json()) {
        let text = doc.to_string();
        let _ = check(&text).unwrap();
        let _ = check_record(&text, PopoloKind::VoteEvent).unwrap();
        if let Ok(imported) = popolo::import(&text, &ImportOptions::new(Level::County)) {
            let mut l = Ledger::new(Default::default());
            prop_assert!(imported.apply(&mut l).is_ok());
        }
    }
}

/// Ballots (L-4) export as Popolo vote events with their organization, classification, result
/// and counts (issue 5 item 1), on the story of `tests/scenarios/mt_l4_majority_of_all_sc.json`:
/// a director-meeting decision, a resolution that fails with 22 of 45 (a majority of those
/// present but not of all members), an adopted one and an appointment.
#[test]
fn ballots_export_as_popolo_vote_events() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/scenarios/mt_l4_majority_of_all_sc.json");
    let scenario: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut ledger = Ledger::new(Default::default());
    for s in scenario["steps"].as_array().unwrap() {
        let envelope = json!({"at": s["at"], "actor": s["actor"], "command": s["command"]});
        let _ = ledger.execute_json(&envelope.to_string());
    }
    let out: Value = serde_json::from_str(
        &ledger
            .query_json(r#"{"query":"ballots_popolo","congress":"hd-17","from":"2024-01-01","to":"2024-12-31"}"#)
            .unwrap(),
    )
    .unwrap();
    let ids: Vec<&str> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "hd-17/ballot/d1",
            "hd-17/ballot/b1",
            "hd-17/ballot/b2",
            "hd-17/ballot/b7"
        ]
    );
    assert_eq!(out[0]["organization_id"], "hd-17/director_meeting");
    assert_eq!(out[1]["organization_id"], "hd-17/standing_committee");
    assert_eq!(out[1]["classification"], "resolution");
    assert_eq!(out[1]["result"], "fail");
    assert_eq!(
        out[1]["counts"],
        json!([{"option": "yes", "value": 22}, {"option": "no", "value": 10},
               {"option": "abstain", "value": 8}, {"option": "absent", "value": 5}])
    );
    assert_eq!(
        (out[2]["result"].as_str(), out[3]["result"].as_str()),
        (Some("pass"), Some("pass"))
    );
    assert_eq!(out[3]["classification"], "appointment");
}

/// The seven W5 satisfaction votes of Haidian 2024 (S001-2) become vote events of the
/// standing committee, with one count per option of the scale; none before they were held.
#[test]
fn satisfaction_votes_of_work_evaluations_are_vote_events() {
    let l = common::haidian_2024();
    let congress: CongressId = "hd-17".parse().unwrap();
    let doc = l.to_popolo(&congress, date("2024-12-31")).unwrap();
    let votes: Vec<&popolo::PopoloVoteEvent> = doc
        .vote_events
        .iter()
        .filter(|v| v.classification.as_deref() == Some("satisfaction"))
        .collect();
    assert_eq!(votes.len(), 7);
    for v in &votes {
        assert_eq!(v.organization_id, "hd-17/standing_committee");
        let motion = serde_json::to_string(&v.motion).unwrap();
        assert!(motion.contains("满意度测评"), "{motion}");
        assert_eq!(v.result.as_deref(), Some("pass"));
        assert!(!v.counts.is_empty());
    }
    let v = serde_json::to_value(&doc).unwrap();
    for ve in v["vote_events"].as_array().unwrap() {
        let findings = check_record(&ve.to_string(), PopoloKind::VoteEvent).unwrap();
        assert!(findings.is_empty(), "{ve}: {findings:?}");
    }
    let early = l.to_popolo(&congress, date("2024-01-31")).unwrap();
    assert!(early
        .vote_events
        .iter()
        .all(|v| v.classification.as_deref() != Some("satisfaction")));
}
