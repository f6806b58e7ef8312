//! The demo district generator (renda::demo): deterministic, every command accepted, the log
//! replays to the same state, and the figures match the seeds it is calibrated on.
#![cfg(feature = "demo")]

use renda::demo::{self, DemoConfig};
use renda::Ledger;
use serde_json::Value;
use std::sync::OnceLock;

/// Executes the commands one by one, naming the first one rejected.
fn build(config: &DemoConfig) -> Ledger {
    let mut ledger = Ledger::new(demo::rule_book());
    for (i, c) in demo::commands(config).unwrap().into_iter().enumerate() {
        let text = serde_json::to_string(&c).unwrap();
        if let Err(e) = ledger.execute(c) {
            panic!(
                "command {i} rejected: {e} ({:?} {:?})\n{text}",
                e.code(),
                e.field()
            );
        }
    }
    ledger
}

/// The default (Haidian-calibrated, five-year) district, built once for all tests.
fn district() -> &'static Ledger {
    static L: OnceLock<Ledger> = OnceLock::new();
    L.get_or_init(|| build(&DemoConfig::default()))
}

fn query(ledger: &Ledger, q: Value) -> Value {
    serde_json::from_str(&ledger.query_json(&q.to_string()).unwrap()).unwrap()
}

fn events_json(ledger: &Ledger) -> String {
    serde_json::to_string(ledger.events()).unwrap()
}

#[test]
fn small_district_has_no_rejected_command() {
    let ledger = build(&DemoConfig::small());
    assert!(ledger.events().len() > 1000);
}

#[test]
fn default_district_has_no_rejected_command_and_covers_the_four_families() {
    let ledger = district();
    let mut types = std::collections::BTreeSet::new();
    for e in ledger.events() {
        types.insert(e.event.type_name());
    }
    for t in [
        "deputy_registered",
        "standing_committee_joined",
        "activity_recorded",
        "suggestion_submitted",
        "suggestion_replied",
        "motion_submitted",
        "work_report_heard",
        "work_evaluation_started",
        "evaluation_opinion_issued",
        "ballot_held",
    ] {
        assert!(types.contains(t), "no {t} event");
    }
}

#[test]
fn same_seed_same_log_other_seed_other_log() {
    let config = DemoConfig::small();
    let a = events_json(&build(&config));
    let b = events_json(&build(&config));
    assert_eq!(a, b);
    let c = events_json(&build(&DemoConfig { seed: 99, ..config }));
    assert_ne!(a, c);
}

#[test]
fn generate_and_generate_into_agree() {
    let config = DemoConfig::small();
    let d = demo::generate(&config).unwrap();
    let mut ledger = Ledger::new(demo::rule_book());
    let n = demo::generate_into(&config, &mut ledger).unwrap();
    assert_eq!(n as usize, d.commands().len());
    assert_eq!(events_json(&ledger), events_json(d.ledger()));
}

#[test]
fn the_log_replays_to_the_same_state() {
    let ledger = district();
    let replayed = Ledger::replay(demo::rule_book(), ledger.events().to_vec()).unwrap();
    assert_eq!(replayed.state(), ledger.state());
    assert_eq!(replayed.head(), ledger.head());
    // Through the wire form too.
    let from_json = renda::api::parse_events(&events_json(ledger)).unwrap();
    let again = Ledger::replay(demo::rule_book(), from_json).unwrap();
    assert_eq!(again.state(), ledger.state());
}

#[test]
fn each_year_has_s001_13_suggestion_figures() {
    let by_year = query(
        district(),
        serde_json::json!({"query": "figures_by", "as_of": "2026-12-31", "by": "year",
                           "filter": {"congress": "demo-17"}}),
    );
    let rows = by_year.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    for row in rows {
        let c = &row["counts"];
        assert_eq!(c["submitted"], 206, "{}", row["key"]);
        assert_eq!(c["during_session"], 203);
        assert_eq!(c["during_recess"], 3);
        assert_eq!(c["replied"], 206);
        assert_eq!(row["solved_or_progressing_rate"]["numerator"], 126);
        assert_eq!(row["solved_or_progressing_rate"]["percent"], "61.2");
    }
}

#[test]
fn each_year_has_s001_1_meetings_and_s001_2_outputs() {
    for year in 2022..=2026 {
        let o = query(
            district(),
            serde_json::json!({"query": "oversight_figures", "congress": "demo-17",
                               "from": format!("{year}-01-01"), "to": format!("{year}-12-31")}),
        );
        assert_eq!(o["congress_sessions"], 1, "{year}");
        assert_eq!(o["standing_committee_meetings"], 7, "{year}");
        assert_eq!(o["director_meetings"], 17, "{year}");
        let out = &o["outputs"];
        assert_eq!(out["reports_heard"], 46, "{year}");
        assert_eq!(out["resolutions_and_decisions"], 19, "{year}");
        assert_eq!(out["review_opinions"], 13, "{year}");
        assert_eq!(out["evaluation_opinions"], 7, "{year}");
    }
}

#[test]
fn deputies_match_s000_composition_and_turnover() {
    let at_start = query(
        district(),
        serde_json::json!({"query": "composition", "congress": "demo-17", "as_of": "2022-01-02"}),
    );
    assert_eq!(at_start["elected"]["value"], 445);
    assert_eq!(at_start["college_or_above"]["count"]["value"], 436);
    assert_eq!(at_start["postgraduate"]["count"]["value"], 247);
    assert_eq!(at_start["re_elected"]["count"]["value"], 179);
    let at_end = query(
        district(),
        serde_json::json!({"query": "composition", "congress": "demo-17", "as_of": "2026-12-31"}),
    );
    // S000-5's in-office denominator: 433 of 445.
    assert_eq!(at_end["holding_mandate"]["value"], 433);
}

#[test]
fn key_suggestions_livelihood_and_plan_ledger_follow_the_seeds() {
    let keys = query(
        district(),
        serde_json::json!({"query": "key_figures", "congress": "demo-17", "as_of": "2022-12-31"}),
    );
    assert_eq!(keys["designated"], 5);
    assert_eq!(keys["outcomes"]["solved"], 3);
    assert_eq!(keys["outcomes"]["major_progress"], 2);
    let projects = query(
        district(),
        serde_json::json!({"query": "livelihood_projects", "congress": "demo-17", "year": "2024"}),
    );
    assert_eq!(projects["approved"], 32);
    assert_eq!(projects["completed_on_time"], 32);
    assert_eq!(projects["monitored"], 19);
    let ledger = query(
        district(),
        serde_json::json!({"query": "plan_ledger", "congress": "demo-17", "as_of": "2026-12-31"}),
    );
    let entered = ledger["total"]["entered"].as_u64().unwrap();
    assert!(
        (25..=35).contains(&entered),
        "{entered} plan-ledger entries"
    );
    let coverage = query(
        district(),
        serde_json::json!({"query": "evaluation_coverage", "congress": "demo-17", "as_of": "2026-12-31"}),
    );
    assert_eq!(coverage["complete"], true);
}

#[test]
fn stations_duties_and_points_are_generated() {
    let compliance = query(
        district(),
        serde_json::json!({"query": "compliance", "congress": "demo-17", "as_of": "2024-12-31"}),
    );
    let rows = compliance["rows"].as_array().unwrap();
    let met = rows.iter().filter(|r| r["met"] == true).count();
    // Most duties are met, not all (turnout is about 92% at station visits).
    assert!(
        met * 10 > rows.len() * 8 && met < rows.len(),
        "{met} of {}",
        rows.len()
    );
    let points = query(
        district(),
        serde_json::json!({"query": "points", "congress": "demo-17", "period": "2024"}),
    );
    assert!(points.to_string().contains("D001"));
    let published = query(
        district(),
        serde_json::json!({"query": "points_publications"}),
    );
    assert_eq!(
        published.as_array().unwrap().len(),
        4,
        "2022–2025 published; 2026's falls after the term"
    );
}

#[test]
fn several_districts_scale_in_one_ledger() {
    let config = DemoConfig {
        districts: 3,
        ..DemoConfig::small()
    };
    let ledger = build(&config);
    let single = build(&DemoConfig::small());
    let subs = |l: &Ledger| l.suggestions().count();
    assert_eq!(subs(&ledger), 3 * subs(&single));
    assert_eq!(ledger.congresses().count(), 3);
}

#[test]
fn bad_configs_are_typed_errors() {
    let e = demo::generate(&DemoConfig {
        years: 0,
        ..DemoConfig::small()
    })
    .unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("invalid_field", Some("config.years"))
    );
    let e = serde_json::from_str::<DemoConfig>(r#"{"deputes": 10}"#).unwrap_err();
    assert!(e.to_string().contains("deputes"));
}
