//! Duty compliance (R-D1, R-D8; issue 3 item 5) and the performance archive (R-D4; item 7),
//! driven through the ledger with commands. Every expected value below is worked out by hand
//! in the comments from the story, not copied from a run.

use renda::activity::ActivityKind;
use renda::compliance::{Compliance, DutyRow};
use renda::{Ledger, State};
use serde_json::{json, Value};

const OFFICE: &str = "deputy_affairs_office";

/// Deputy, due, met, missed, open, rate.
type Summary<'a> = (&'a str, u32, u32, u32, u32, Option<&'a str>);
/// Station, deputies assigned, due, met, rate.
type StationTotals<'a> = (&'a str, Vec<&'a str>, u32, u32, Option<&'a str>);

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// Executes one command at `at` (a date, `T09:00` China time, unless a time is given).
fn run(l: &mut Ledger, at: &str, role: &str, id: &str, command: Value) {
    try_run(l, at, role, id, command).unwrap_or_else(|e| panic!("{at}: {e}"));
}

fn try_run(l: &mut Ledger, at: &str, role: &str, id: &str, command: Value) -> renda::Result<()> {
    let at = if at.contains('T') {
        at.to_string()
    } else {
        format!("{at}T09:00:00+08:00")
    };
    let env = json!({"at": at, "actor": {"role": role, "id": id}, "command": command});
    l.execute_json(&env.to_string()).map(|_| ())
}

fn visit(l: &mut Ledger, id: &str, on: &str, kind: &str, station: Option<&str>, who: &[&str]) {
    let mut c = json!({"type": "record_activity", "activity": id, "congress": "hd",
        "kind": kind, "on": on, "title": "进家站接待选民", "participants": who,
        "voters_received": 5, "opinions_collected": 2});
    if let Some(s) = station {
        c["station"] = json!(s);
    }
    if kind == "debrief" {
        c["debrief"] = json!("yearly");
    }
    run(l, on, OFFICE, "office", c);
}

/// The story, in time order, under the `beijing-district` preset (in force from 2025-01-01):
///
/// - congress `hd` (county, term 2025-01-01 … 2029-12-31); city congress `bj` with deputy C1;
/// - home H1 (tier `home`), stations S1 and S2 (tier `station`) under it;
/// - D1 in H1 + S1; D2 in H1 + S2, suspended 2025-03-10 (10:00) … reinstated 2025-05-01;
///   D3 elected in a by-election on 2025-05-15, in S1.
///
/// Visits (station_visit = sv, home_visit = hv):
///
/// | month | D1                      | D2                          | D3        |
/// |-------|-------------------------|-----------------------------|-----------|
/// | Jan   | sv S1 (A01)             | sv S2 (B01), hv H1 (B02)    |           |
/// | Feb   | sv S1 (A02), hv H1 (A03)| sv S2 (B03)                 |           |
/// | Mar   | sv S1 (A04)             | sv S2 on 03-10 09:00 (B04), suspended 10:00 |  |
/// | Apr   | sv **at H1** (A05)      | suspended                   |           |
/// | May   | sv S1 with C1 (A06)     | sv S2 (B05), hv H1 (B06)    | elected 15th |
/// | Jun   | sv S1 (A07)             | sv S2 (B07)                 | sv S1 (C01) |
/// | Jul   | sv S1 (A08)             |                             |           |
fn story() -> Ledger {
    let book = renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap();
    let mut l = Ledger::new(book);
    let day = "2025-01-02";
    run(
        &mut l,
        day,
        "admin",
        "admin",
        json!({"type": "register_congress", "congress": "hd",
        "name": "海淀区第十八届人大", "level": "county", "term": 18,
        "term_start": "2025-01-01", "term_end": "2029-12-31"}),
    );
    run(
        &mut l,
        day,
        "admin",
        "admin",
        json!({"type": "register_congress", "congress": "bj",
        "name": "北京市第十六届人大", "level": "districted_city", "term": 16,
        "term_start": "2023-01-01", "term_end": "2027-12-31"}),
    );
    for (deputy, congress, profile) in [
        (
            "D1",
            "hd",
            json!({"elected_by": {"constituency": "第3选区"}}),
        ),
        (
            "D2",
            "hd",
            json!({"elected_by": {"constituency": "第5选区"}, "education": "master"}),
        ),
        ("C1", "bj", json!({})),
    ] {
        run(
            &mut l,
            day,
            OFFICE,
            "office",
            json!({"type": "register_deputy", "deputy": deputy,
            "congress": congress, "name": format!("代表{deputy}"), "profile": profile,
            "contact": {"phone": "13800000000"}}),
        );
    }
    for (station, tier, parent) in [
        ("H1", "home", None),
        ("S1", "station", Some("H1")),
        ("S2", "station", Some("H1")),
    ] {
        run(
            &mut l,
            day,
            OFFICE,
            "office",
            json!({"type": "register_station", "station": station,
            "congress": "hd", "name": format!("{station}代表家站"), "tier": tier, "parent": parent}),
        );
    }
    for (deputy, station) in [("D1", "H1"), ("D1", "S1"), ("D2", "H1"), ("D2", "S2")] {
        run(
            &mut l,
            day,
            OFFICE,
            "office",
            json!({"type": "assign_station", "deputy": deputy, "station": station}),
        );
    }
    run(
        &mut l,
        day,
        OFFICE,
        "office",
        json!({"type": "join_standing_committee",
        "deputy": "D2", "post": "member", "can_serve_two_terms": true}),
    );
    run(
        &mut l,
        "2025-01-10",
        OFFICE,
        "office",
        json!({"type": "record_absence",
        "deputy": "D2", "session": "hd-18-1", "excused": true}),
    );

    visit(
        &mut l,
        "A01",
        "2025-01-15",
        "station_visit",
        Some("S1"),
        &["D1"],
    );
    visit(
        &mut l,
        "B01",
        "2025-01-16",
        "station_visit",
        Some("S2"),
        &["D2"],
    );
    run(
        &mut l,
        "2025-01-16",
        "deputy",
        "D2",
        json!({"type": "record_voter_issue", "issue": "V1",
        "congress": "hd", "summary": "小区停车难", "deputy": "D2", "station": "S2", "activity": "B01"}),
    );
    run(
        &mut l,
        "2025-01-16",
        "street_working_committee",
        "street",
        json!({"type": "triage_voter_issue", "issue": "V1",
        "triage": {"outcome": "resolved_on_site"}}),
    );
    visit(
        &mut l,
        "B02",
        "2025-01-25",
        "home_visit",
        Some("H1"),
        &["D2"],
    );
    run(
        &mut l,
        "2025-02-10",
        "deputy",
        "D1",
        json!({"type": "submit_suggestion", "suggestion": "SG1",
        "congress": "hd", "title": "关于增设社区停车位的建议", "lead": "D1", "cosigners": ["D2"],
        "during": "recess"}),
    );
    visit(
        &mut l,
        "A02",
        "2025-02-12",
        "station_visit",
        Some("S1"),
        &["D1"],
    );
    visit(
        &mut l,
        "B03",
        "2025-02-14",
        "station_visit",
        Some("S2"),
        &["D2"],
    );
    visit(
        &mut l,
        "A03",
        "2025-02-20",
        "home_visit",
        Some("H1"),
        &["D1"],
    );
    visit(
        &mut l,
        "A04",
        "2025-03-05",
        "station_visit",
        Some("S1"),
        &["D1"],
    );
    // Recorded at 09:00; the suspension recorded at 10:00 takes effect the same day, so the
    // visit falls on a day of suspension.
    visit(
        &mut l,
        "B04",
        "2025-03-10",
        "station_visit",
        Some("S2"),
        &["D2"],
    );
    run(
        &mut l,
        "2025-03-10T10:00:00+08:00",
        OFFICE,
        "office",
        json!({"type": "suspend_deputy", "deputy": "D2", "reason": "刑事拘留"}),
    );
    run(
        &mut l,
        "2025-04-02",
        "street_working_committee",
        "street",
        json!({"type": "publish_points", "congress": "hd",
        "period": "2025-Q1", "scope": {"station": "S2"}}),
    );
    // A station visit recorded at the home: the wrong tier for 月进站.
    visit(
        &mut l,
        "A05",
        "2025-04-08",
        "station_visit",
        Some("H1"),
        &["D1"],
    );
    run(
        &mut l,
        "2025-05-01",
        OFFICE,
        "office",
        json!({"type": "reinstate_deputy", "deputy": "D2"}),
    );
    // A city deputy visits with a district deputy.
    visit(
        &mut l,
        "A06",
        "2025-05-06",
        "station_visit",
        Some("S1"),
        &["D1", "C1"],
    );
    visit(
        &mut l,
        "B05",
        "2025-05-08",
        "station_visit",
        Some("S2"),
        &["D2"],
    );
    run(
        &mut l,
        "2025-05-15",
        OFFICE,
        "office",
        json!({"type": "register_deputy", "deputy": "D3",
        "congress": "hd", "name": "代表D3", "elected_on": "2025-05-15", "mandate": "by_election"}),
    );
    run(
        &mut l,
        "2025-05-15",
        OFFICE,
        "office",
        json!({"type": "assign_station", "deputy": "D3", "station": "S1"}),
    );
    visit(
        &mut l,
        "B06",
        "2025-05-20",
        "home_visit",
        Some("H1"),
        &["D2"],
    );
    visit(
        &mut l,
        "A07",
        "2025-06-03",
        "station_visit",
        Some("S1"),
        &["D1"],
    );
    visit(
        &mut l,
        "C01",
        "2025-06-10",
        "station_visit",
        Some("S1"),
        &["D3"],
    );
    visit(
        &mut l,
        "B07",
        "2025-06-11",
        "station_visit",
        Some("S2"),
        &["D2"],
    );
    visit(
        &mut l,
        "A08",
        "2025-07-03",
        "station_visit",
        Some("S1"),
        &["D1"],
    );
    l
}

fn rows(c: &Compliance, deputy: &str) -> Vec<(String, String, u32, bool)> {
    c.rows
        .iter()
        .filter(|r| r.deputy.as_str() == deputy)
        .map(|r| (r.duty[..9].to_string(), r.period.to_string(), r.done, r.met))
        .collect()
}

fn row(duty: &str, period: &str, done: u32, met: bool) -> (String, String, u32, bool) {
    (duty.to_string(), period.to_string(), done, met)
}

// "月进站" etc. are 9 bytes in UTF-8.
const MONTH: &str = "月进站";
const QUARTER: &str = "季回家";
const YEAR: &str = "年述职";

fn hd() -> renda::CongressId {
    "hd".parse().unwrap()
}

#[test]
fn duties_per_deputy_as_of_mid_july() {
    let l = story();
    let c = l.compliance(&hd(), d("2025-07-15")).unwrap();
    assert_eq!(c.rule_set.as_str(), "beijing-district");
    assert_eq!(c.decimals, 1);

    // D1, in office throughout: every month met but April, where the only station visit was
    // at the home (wrong tier); Q1 met by the home visit of 02-20, Q2 has none.
    assert_eq!(
        rows(&c, "D1"),
        [
            row(MONTH, "2025-01", 1, true),
            row(MONTH, "2025-02", 1, true),
            row(MONTH, "2025-03", 1, true),
            row(MONTH, "2025-04", 0, false),
            row(MONTH, "2025-05", 1, true),
            row(MONTH, "2025-06", 1, true),
            row(QUARTER, "2025-Q1", 1, true),
            row(QUARTER, "2025-Q2", 0, false),
        ]
    );
    // D2: in office 01-01…03-09 and from 05-01. March is due (nine days in office) and
    // missed: the visit of 03-10 fell on the first day of the suspension. April, suspended
    // throughout, is not due. Q2 is due (in office in May and June) and met on 05-20.
    assert_eq!(
        rows(&c, "D2"),
        [
            row(MONTH, "2025-01", 1, true),
            row(MONTH, "2025-02", 1, true),
            row(MONTH, "2025-03", 0, false),
            row(MONTH, "2025-05", 1, true),
            row(MONTH, "2025-06", 1, true),
            row(QUARTER, "2025-Q1", 1, true),
            row(QUARTER, "2025-Q2", 1, true),
        ]
    );
    // D3, elected 05-15: nothing due before May or in Q1; May missed, June met, Q2 missed.
    assert_eq!(
        rows(&c, "D3"),
        [
            row(MONTH, "2025-05", 0, false),
            row(MONTH, "2025-06", 1, true),
            row(QUARTER, "2025-Q2", 0, false),
        ]
    );
    // The city deputy is not a deputy of `hd`.
    assert!(c
        .rows
        .iter()
        .chain(&c.open)
        .all(|r| r.deputy.as_str() != "C1"));
    assert!(c.deputies.iter().all(|s| s.deputy.as_str() != "C1"));

    // Open periods: July, Q3 and the year 2025, for each deputy; D1's July visit already
    // meets July, nothing else is met yet — and none of it counts as missed.
    let open: Vec<(&str, String, u32, bool)> = c
        .open
        .iter()
        .map(|r: &DutyRow| (r.deputy.as_str(), r.period.to_string(), r.done, r.met))
        .collect();
    assert_eq!(
        open,
        [
            ("D1", "2025-07".to_string(), 1, true),
            ("D1", "2025-Q3".to_string(), 0, false),
            ("D1", "2025".to_string(), 0, false),
            ("D2", "2025-07".to_string(), 0, false),
            ("D2", "2025-Q3".to_string(), 0, false),
            ("D2", "2025".to_string(), 0, false),
            ("D3", "2025-07".to_string(), 0, false),
            ("D3", "2025-Q3".to_string(), 0, false),
            ("D3", "2025".to_string(), 0, false),
        ]
    );
    assert_eq!(c.open[2].kind, ActivityKind::Debrief);
    assert!(c.open[2].tier.is_none());
    assert_eq!(c.rows[0].tier.as_ref().map(|t| t.as_str()), Some("station"));

    // Per deputy: D1 6 of 8 = 75.0 %, D2 6 of 7 = 85.714… → 85.7 %, D3 1 of 3 = 33.3 %.
    let summary: Vec<Summary> = c
        .deputies
        .iter()
        .map(|s| {
            (
                s.deputy.as_str(),
                s.due,
                s.met,
                s.missed,
                s.open,
                s.rate.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("D1", 8, 6, 2, 3, Some("75.0")),
            ("D2", 7, 6, 1, 3, Some("85.7")),
            ("D3", 3, 1, 2, 3, Some("33.3")),
        ]
    );
    // Per home/station, over the deputies assigned now: H1 = D1 + D2 = 12 of 15 = 80.0 %;
    // S1 = D1 + D3 = 7 of 11 = 63.636… → 63.6 %; S2 = D2 = 6 of 7 = 85.7 %.
    let stations: Vec<StationTotals> = c
        .stations
        .iter()
        .map(|s| {
            (
                s.station.as_str(),
                s.deputies.iter().map(|d| d.as_str()).collect(),
                s.due,
                s.met,
                s.rate.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        stations,
        [
            ("H1", vec!["D1", "D2"], 15, 12, Some("80.0")),
            ("S1", vec!["D1", "D3"], 11, 7, Some("63.6")),
            ("S2", vec!["D2"], 7, 6, Some("85.7")),
        ]
    );

    // Every table is a list of flat records (loads into a DataFrame).
    let v = serde_json::to_value(&c).unwrap();
    assert_eq!(
        v["rows"][3],
        json!({"deputy": "D1", "duty": "月进站 / Station visit every month",
               "kind": "station_visit", "tier": "station", "period": "2025-04",
               "required": 1, "done": 0, "met": false})
    );
    assert_eq!(v["stations"][1]["rate"], "63.6");
}

#[test]
fn as_of_any_date_and_ended_years() {
    let mut l = story();
    let before = l.compliance(&hd(), d("2025-07-15")).unwrap();
    // As of the end of January: one month ended per deputy in office (D3 not yet elected).
    let jan = l.compliance(&hd(), d("2025-01-31")).unwrap();
    assert_eq!(
        jan.rows
            .iter()
            .map(|r| (r.deputy.as_str(), r.met))
            .collect::<Vec<_>>(),
        [("D1", true), ("D2", true)]
    );
    // D3 is not yet elected: no open period is due either.
    assert!(jan.open.iter().all(|r| r.deputy.as_str() != "D3"));
    assert_eq!(jan.deputies[2].rate, None);

    // Later records dated after the "as of" day do not change the answer for that day.
    visit(&mut l, "A09", "2025-12-20", "debrief", None, &["D1"]);
    assert_eq!(l.compliance(&hd(), d("2025-07-15")).unwrap(), before);

    // As of 2026-01-01 the year 2025 has ended: D1 debriefed (年述职 met, no tier needed),
    // D2 and D3 did not.
    let c = l.compliance(&hd(), d("2026-01-01")).unwrap();
    let years: Vec<(&str, &str, u32, bool)> = c
        .rows
        .iter()
        .filter(|r| r.period.to_string() == "2025")
        .map(|r| (r.deputy.as_str(), &r.duty[..9], r.done, r.met))
        .collect();
    assert_eq!(
        years,
        [
            ("D1", YEAR, 1, true),
            ("D2", YEAR, 0, false),
            ("D3", YEAR, 0, false)
        ]
    );
    // D1 over 2025: months Jan–Jun as before (5 of 6) and Jul met, Aug–Dec missed (1 of 6);
    // Q1 met, Q2–Q4 missed; the year met: 6 + 1 + 1 = 8 of 12 + 4 + 1 = 17 → 47.1 %.
    let d1 = &c.deputies[0];
    assert_eq!((d1.due, d1.met, d1.rate.as_deref()), (17, 8, Some("47.1")));
    // The open periods on 2026-01-01: January 2026, Q1 2026, 2026.
    assert_eq!(
        c.open
            .iter()
            .filter(|r| r.deputy.as_str() == "D1")
            .map(|r| r.period.to_string())
            .collect::<Vec<_>>(),
        ["2026-01", "2026-Q1", "2026"]
    );
}

#[test]
fn suspended_days_and_unknown_congresses() {
    let mut l = story();
    // A visit during the suspension cannot be recorded through the ledger (L-11) …
    let err = try_run(
        &mut l,
        "2025-07-20",
        OFFICE,
        "office",
        json!({"type": "record_activity",
        "activity": "X1", "congress": "hd", "kind": "station_visit", "on": "2025-03-20",
        "title": "进站", "participants": ["D2"], "station": "S2"}),
    )
    .unwrap_err();
    assert_eq!(err.code(), "not_in_office");
    // … and in a state from outside (a snapshot) it would not count either: March stays
    // missed, April stays not due.
    let mut state: State = l.state().clone();
    for (id, on) in [("X1", "2025-03-20"), ("X2", "2025-04-15")] {
        let a: renda::activity::Activity = serde_json::from_value(json!({"id": id,
            "congress": "hd", "kind": "station_visit", "on": on, "title": "进站",
            "participants": ["D2"], "station": "S2"}))
        .unwrap();
        state.activities.insert(a.id.clone(), a);
    }
    let c = renda::compliance::compliance(&state, l.rules(), &hd(), d("2025-07-15")).unwrap();
    assert_eq!(c, l.compliance(&hd(), d("2025-07-15")).unwrap());

    // The district rules do not apply to the city congress: no rule set in force.
    let err = l
        .compliance(&"bj".parse().unwrap(), d("2025-07-15"))
        .unwrap_err();
    assert_eq!(err.code(), "no_rule_set");
    let err = l
        .compliance(&"xx".parse().unwrap(), d("2025-07-15"))
        .unwrap_err();
    assert_eq!((err.code(), err.field()), ("not_found", Some("congress")));
}

/// Periods under an earlier rule set carry its duties (here: none); a configured duty (R-D8:
/// contact voters every quarter, here twice, anywhere) is checked like the others.
#[test]
fn duties_follow_the_rule_set_of_each_period() {
    let spec = json!([
        {"preset": "national"},
        {"preset": "beijing-district", "overrides": {"stations": {"duties": [
            {"name": "联系选民 / Voter contact twice a quarter", "kind": "voter_contact",
             "every": "quarter", "at_least": 2}
        ]}}}
    ]);
    let mut l = Ledger::new(renda::api::rule_book(Some(&spec.to_string())).unwrap());
    run(
        &mut l,
        "2024-07-01",
        "admin",
        "admin",
        json!({"type": "register_congress",
        "congress": "hd", "name": "海淀区人大", "level": "county", "term": 17,
        "term_start": "2024-07-01", "term_end": "2029-06-30"}),
    );
    run(
        &mut l,
        "2024-07-01",
        OFFICE,
        "office",
        json!({"type": "register_deputy", "deputy": "D1", "congress": "hd", "name": "王丽"}),
    );
    let voter_contact = |l: &mut Ledger, id: &str, on: &str| {
        run(
            l,
            on,
            OFFICE,
            "office",
            json!({"type": "record_activity", "activity": id,
            "congress": "hd", "kind": "voter_contact", "on": on, "title": "联系选民",
            "participants": ["D1"]}),
        );
    };
    voter_contact(&mut l, "V1", "2024-10-15");
    voter_contact(&mut l, "V2", "2025-02-15");
    voter_contact(&mut l, "V3", "2025-04-10");
    voter_contact(&mut l, "V4", "2025-05-10");

    // Under the national rules (2024) there are no duties.
    let c = l.compliance(&hd(), d("2024-12-31")).unwrap();
    assert_eq!(c.rule_set.as_str(), "national");
    assert!(c.rows.is_empty() && c.open.is_empty());
    assert_eq!(c.deputies[0].rate, None);

    // As of 2025-07-01: 2024-Q3 and 2024-Q4 fell under the national rules (no duties); Q1
    // 2025 had one contact of two required, Q2 two of two; Q3 is open.
    let c = l.compliance(&hd(), d("2025-07-01")).unwrap();
    assert_eq!(c.rule_set.as_str(), "beijing-district");
    let got: Vec<(String, u32, u32, bool)> = c
        .rows
        .iter()
        .map(|r| (r.period.to_string(), r.required, r.done, r.met))
        .collect();
    assert_eq!(
        got,
        [
            ("2025-Q1".to_string(), 2, 1, false),
            ("2025-Q2".to_string(), 2, 2, true)
        ]
    );
    assert_eq!(c.open.len(), 1);
    assert_eq!(c.deputies[0].rate.as_deref(), Some("50.0"));
    assert!(c.stations.is_empty());
}

#[test]
fn archive_collects_everything_the_deputy_did() {
    let mut l = story();
    // The year 2025 is published (D2: 13 points < 20), D2 is interviewed, 2026 is published
    // (D2: 0 points, no improvement) and the standing committee advises resignation (R-D2).
    run(
        &mut l,
        "2026-01-05",
        "standing_committee",
        "sc",
        json!({"type": "publish_points",
        "congress": "hd", "period": "2025", "scope": "congress"}),
    );
    run(
        &mut l,
        "2026-01-06",
        OFFICE,
        "office",
        json!({"type": "record_interview", "deputy": "D2"}),
    );
    run(
        &mut l,
        "2027-01-05",
        "standing_committee",
        "sc",
        json!({"type": "publish_points",
        "congress": "hd", "period": "2026", "scope": "congress"}),
    );
    run(
        &mut l,
        "2027-01-06",
        "standing_committee",
        "sc",
        json!({"type": "advise_resignation", "deputy": "D2"}),
    );

    let a = l.archive(&"D2".parse().unwrap()).unwrap();
    assert_eq!((a.name.as_str(), a.congress.as_str()), ("代表D2", "hd"));
    assert_eq!(a.first_day, d("2025-01-01"));
    assert_eq!(
        a.profile.elected_by.as_ref().map(|e| e.name()),
        Some("第5选区")
    );
    let history: Vec<(String, &str)> = a
        .history
        .iter()
        .map(|h| (h.on.to_string(), h.change.as_str()))
        .collect();
    assert_eq!(
        history,
        [
            ("2025-03-10".to_string(), "suspended"),
            ("2025-05-01".to_string(), "in_office")
        ]
    );
    assert_eq!(a.committee.as_ref().map(|m| m.from), Some(d("2025-01-02")));
    assert_eq!(a.absences.len(), 1);
    assert!(a.absences[0].excused);
    assert_eq!(
        a.stations
            .iter()
            .map(|s| (s.station.as_str(), s.tier.as_str()))
            .collect::<Vec<_>>(),
        [("H1", "home"), ("S2", "station")]
    );
    // Every activity, by date — including the one on the day of the suspension.
    assert_eq!(
        a.activities
            .iter()
            .map(|x| x.id.as_str())
            .collect::<Vec<_>>(),
        ["B01", "B02", "B03", "B04", "B05", "B06", "B07"]
    );
    assert!(a.suggestions_led.is_empty());
    assert_eq!(a.suggestions_cosigned.len(), 1);
    assert_eq!(a.suggestions_cosigned[0].suggestion.as_str(), "SG1");
    assert_eq!(a.suggestions_cosigned[0].title, "关于增设社区停车位的建议");
    assert_eq!(a.suggestions_cosigned[0].submitted_on, d("2025-02-10"));
    assert_eq!(a.voter_issues.len(), 1);
    assert_eq!(
        a.voter_issues[0].triage.as_ref().map(|t| t.as_str()),
        Some("resolved_on_site")
    );
    // Points: 2025-Q1 at S2 — B01 2 + B02 2 + B03 2 (B04 fell on a suspended day) + the
    // co-signature 1 = 7 over 68 days (01-01…03-09); 2025 for the congress — 7 + B05, B06,
    // B07 at 2 each = 13 over 68 + 245 = 313 days; 2026 — 0 over 365 days.
    let points: Vec<(String, u32, u32, u32, u32)> = a
        .points
        .iter()
        .map(|p| {
            (
                p.period.to_string(),
                p.row.points,
                p.row.activities,
                p.row.suggestions_cosigned,
                p.row.days_in_office,
            )
        })
        .collect();
    assert_eq!(
        points,
        [
            ("2025-Q1".to_string(), 7, 3, 1, 68),
            ("2025".to_string(), 13, 6, 1, 313),
            ("2026".to_string(), 0, 0, 0, 365),
        ]
    );
    assert_eq!(a.interviews, [d("2026-01-06")]);
    assert_eq!(a.resignation_advised, Some(d("2027-01-06")));
    // No personal data in the archive.
    let json = serde_json::to_string(&a).unwrap();
    assert!(!json.contains("13800000000") && !json.contains("contact"));

    // D1: the suggestion led, every visit (the wrong-tier one too), no publication rows
    // (not assigned to S2; 2025 lists D1 with 7 station visits + 1 home visit = 16 + led 3
    // = 19 points).
    let a1 = l.archive(&"D1".parse().unwrap()).unwrap();
    assert_eq!(
        serde_json::to_value(a1.suggestions_led[0].status).unwrap(),
        "submitted"
    );
    assert_eq!(a1.activities.len(), 8);
    assert_eq!(a1.activities[4].id.as_str(), "A05");
    assert_eq!(
        a1.points
            .iter()
            .map(|p| (p.period.to_string(), p.row.points))
            .collect::<Vec<_>>(),
        [("2025".to_string(), 19), ("2026".to_string(), 0)]
    );
    // The city deputy's archive holds the district visit they joined.
    let c1 = l.archive(&"C1".parse().unwrap()).unwrap();
    assert_eq!(
        c1.activities
            .iter()
            .map(|x| x.id.as_str())
            .collect::<Vec<_>>(),
        ["A06"]
    );
    assert_eq!(
        l.archive(&"D9".parse().unwrap()).unwrap_err().code(),
        "not_found"
    );
}
