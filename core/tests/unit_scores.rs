//! Evaluation of handling units (issue 4 item 7): the score per unit from timeliness, results
//! and feedback, worked out by hand, ranked; configurable weights and points; the reader's
//! view (back-to-back ratings hidden from units, R-S8; the public before publication).

use renda::figures::{FigureFilter, Rate, Ratings, Results, UnitFigures};
use renda::rules::RuleBook;
use renda::unit_score::{score_units, UnitScoreRules};
use renda::{Actor, Ledger, Role};
use serde_json::{json, Value};

fn exec(l: &mut Ledger, at: &str, role: &str, id: &str, command: Value) {
    let env = json!({"at": at, "actor": {"role": role, "id": id}, "command": command});
    l.execute_json(&env.to_string())
        .unwrap_or_else(|e| panic!("{command}: {e}"));
}

/// Units edu, traffic, health and idle; S1–S6 assigned on 2024-01-15 (reply due 2024-04-15):
/// - edu: S1 A on time, satisfied; S2 B late (2024-05-10), basically satisfied; S3 no reply;
/// - traffic: S4 C on time, dissatisfied → re-handled, second reply A; S5 D on time, unrated;
/// - health: S6 no reply; idle: nothing.
fn ledger(rules: RuleBook) -> Ledger {
    let mut l = Ledger::new(rules);
    let at = "2024-01-02";
    exec(
        &mut l,
        at,
        "admin",
        "a",
        json!({"type":"register_congress","congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}),
    );
    for d in 1..=6 {
        exec(
            &mut l,
            at,
            "admin",
            "a",
            json!({"type":"register_deputy","deputy":format!("D{d}"),"congress":"hd","name":"代表"}),
        );
    }
    for u in ["edu", "traffic", "health", "idle"] {
        exec(
            &mut l,
            at,
            "admin",
            "a",
            json!({"type":"register_unit","unit":u,"name":u}),
        );
    }
    let units = ["edu", "edu", "edu", "traffic", "traffic", "health"];
    let ids: Vec<(String, String)> = (1..=6)
        .map(|i| (format!("S{i}"), format!("D{i}")))
        .collect();
    for (s, d) in &ids {
        exec(
            &mut l,
            "2024-01-08",
            "deputy",
            d,
            json!({"type":"submit_suggestion","suggestion":s,"congress":"hd","title":"建议","lead":d,"during":"session"}),
        );
    }
    for (s, _) in &ids {
        exec(
            &mut l,
            "2024-01-10",
            "deputy_affairs_office",
            "o",
            json!({"type":"accept_suggestion","suggestion":s}),
        );
    }
    for ((s, _), u) in ids.iter().zip(units) {
        exec(
            &mut l,
            "2024-01-15",
            "deputy_affairs_office",
            "o",
            json!({"type":"assign_suggestion","suggestion":s,"lead_unit":u}),
        );
    }
    let reply = |s: &str, r: &str| json!({"type":"reply_suggestion","suggestion":s,"result":r,"summary":"答复","reason":"条件限制"});
    let rate = |s: &str, r: &str| json!({"type":"give_feedback","suggestion":s,"rating":r});
    exec(
        &mut l,
        "2024-02-01",
        "handling_unit",
        "traffic",
        reply("S4", "C"),
    );
    exec(
        &mut l,
        "2024-02-02",
        "handling_unit",
        "traffic",
        reply("S5", "D"),
    );
    exec(
        &mut l,
        "2024-02-05",
        "deputy",
        "D4",
        rate("S4", "dissatisfied"),
    );
    exec(
        &mut l,
        "2024-03-01",
        "handling_unit",
        "edu",
        reply("S1", "A"),
    );
    exec(
        &mut l,
        "2024-03-01",
        "handling_unit",
        "traffic",
        reply("S4", "A"),
    );
    exec(
        &mut l,
        "2024-03-05",
        "deputy",
        "D1",
        rate("S1", "satisfied"),
    );
    exec(
        &mut l,
        "2024-05-10",
        "handling_unit",
        "edu",
        reply("S2", "B"),
    );
    exec(
        &mut l,
        "2024-05-20",
        "deputy",
        "D2",
        rate("S2", "basically_satisfied"),
    );
    l
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn scores_worked_out_by_hand() {
    let l = ledger(RuleBook::default());
    let rows = l
        .unit_scores(day("2024-06-30"), &FigureFilter::default())
        .unwrap();
    type Row<'a> = (
        u32,
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        &'a str,
    );
    let table: Vec<Row> = rows
        .iter()
        .map(|r| {
            (
                r.rank,
                r.unit.as_str(),
                r.timeliness.as_str(),
                r.results.as_deref(),
                r.feedback.as_deref(),
                r.score.as_str(),
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            // 1/3 on time = 33.3; (100 + 80) / 2 = 90; (100 + 70) / 2 = 85;
            // (40 × 100/3 + 30 × 90 + 30 × 85) / 100 = 65.83 → 65.8
            (1, "edu", "33.3", Some("90.0"), Some("85.0"), "65.8"),
            // 2/2 = 100; latest results A and D: (100 + 30) / 2 = 65; dissatisfied 0;
            // (4000 + 1950 + 0) / 100 = 59.5
            (2, "traffic", "100.0", Some("65.0"), Some("0.0"), "59.5"),
            // nothing replied: timeliness alone, 0
            (3, "health", "0.0", None, None, "0.0"),
        ]
    );
    assert_eq!(rows[0].assigned, 3);
    assert_eq!(rows[0].replied, 2);
    assert_eq!(rows[0].replied_on_time, 1);
    assert_eq!(rows[0].rated, 2);
    // As of an earlier date: before the late reply and its rating, edu has S1 only.
    let rows = l
        .unit_scores(day("2024-03-31"), &FigureFilter::default())
        .unwrap();
    let edu = rows.iter().find(|r| r.unit.as_str() == "edu").unwrap();
    // 1/3 = 33.3, results 100, feedback 100: (1333.3 + 3000 + 3000) / 100 = 73.3
    assert_eq!(
        (edu.results.as_deref(), edu.score.as_str()),
        (Some("100.0"), "73.3")
    );
    // JSON.
    let text = l
        .unit_scores_to_json("2024-06-30", Some(r#"{"congress":"hd"}"#))
        .unwrap();
    assert!(
        text.starts_with(r#"[{"rank":1,"unit":"edu","assigned":3"#),
        "{text}"
    );
    assert_eq!(
        l.unit_scores_to_json("2024-06-30", Some(r#"{"congress":"x"}"#))
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn weights_and_points_come_from_the_rule_set() {
    let book = RuleBook::from_spec(&json!({"preset":"national","overrides":{"unit_score":{
        "weights":{"timeliness":100,"results":0,"feedback":0}}}}))
    .unwrap();
    let l = ledger(book);
    let rows = l
        .unit_scores(day("2024-06-30"), &FigureFilter::default())
        .unwrap();
    let order: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.unit.as_str(), r.score.as_str()))
        .collect();
    assert_eq!(
        order,
        [("traffic", "100.0"), ("edu", "33.3"), ("health", "0.0")]
    );
    let book = RuleBook::from_spec(&json!({"preset":"national","overrides":{"unit_score":{
        "result_points":{"D":100},"feedback_points":{"dissatisfied":50}}}}))
    .unwrap();
    let l = ledger(book);
    let rows = l
        .unit_scores(day("2024-06-30"), &FigureFilter::default())
        .unwrap();
    // traffic: results (100 + 100) / 2 = 100, feedback 50: (4000 + 3000 + 1500) / 100 = 85
    assert_eq!(rows[0].unit.as_str(), "traffic");
    assert_eq!(rows[0].score, "85.0");
    for bad in [
        json!({"weights":{"timeliness":0,"results":0,"feedback":0}}),
        json!({"weights":{"timeliness":1001}}),
        json!({"feedback_points":{"satisfied":120}}),
        json!({"colour":"red"}),
    ] {
        let e = RuleBook::from_spec(&json!({"preset":"national","overrides":{"unit_score":bad}}))
            .unwrap_err();
        assert_eq!(e.code(), "invalid_rule_set", "{bad}");
    }
}

/// Two congresses under different unit-score rules must be named one at a time.
#[test]
fn rules_of_the_congresses_in_scope() {
    let book = RuleBook::from_spec(&json!([
        {"preset":"national"},
        {"preset":"national","overrides":{"id":"township","jurisdiction":{"name":"镇","level":"township"},
            "unit_score":{"weights":{"timeliness":1,"results":1,"feedback":1}}}}
    ]))
    .unwrap();
    let mut l = ledger(book);
    exec(
        &mut l,
        "2024-06-01",
        "admin",
        "a",
        json!({"type":"register_congress","congress":"tw","name":"镇人大","level":"township","term":8,"term_start":"2021-11-01","term_end":"2026-10-31"}),
    );
    let e = l
        .unit_scores(day("2024-06-30"), &FigureFilter::default())
        .unwrap_err();
    assert_eq!(e.field(), Some("filter.congress"));
    let f: FigureFilter = serde_json::from_value(json!({"congress":"hd"})).unwrap();
    assert_eq!(l.unit_scores(day("2024-06-30"), &f).unwrap().len(), 3);
    let f: FigureFilter = serde_json::from_value(json!({"congress":"tw"})).unwrap();
    assert!(l.unit_scores(day("2024-06-30"), &f).unwrap().is_empty());
}

/// Back-to-back (R-S8): a handling unit's table counts no rating it may not see yet; after
/// publication it equals the full one. The public sees nothing before publication.
#[test]
fn readers_see_what_they_may() {
    let book = RuleBook::from_spec(
        &json!({"preset":"national","overrides":{"suggestion":{"back_to_back_feedback":true}}}),
    )
    .unwrap();
    let mut l = ledger(book);
    let unit = Actor::new(Role::HandlingUnit, "edu").unwrap();
    let all = FigureFilter::default();
    let seen = l.unit_scores_as(&unit, day("2024-06-30"), &all).unwrap();
    assert!(seen.iter().all(|r| r.feedback.is_none() && r.rated == 0));
    // edu: (40 × 33.33 + 30 × 90) / 70 = 57.6; traffic (4000 + 1950) / 70 = 85.0
    let scores: Vec<(&str, &str)> = seen
        .iter()
        .map(|r| (r.unit.as_str(), r.score.as_str()))
        .collect();
    assert_eq!(
        scores,
        [("traffic", "85.0"), ("edu", "57.6"), ("health", "0.0")]
    );
    let public = Actor::new(Role::Public, "p").unwrap();
    assert_eq!(
        l.unit_scores_as(&public, day("2024-06-30"), &all)
            .unwrap_err()
            .code(),
        "not_published"
    );
    exec(
        &mut l,
        "2024-07-01",
        "deputy_affairs_office",
        "o",
        json!({"type":"publish_results","congress":"hd"}),
    );
    let full = l.unit_scores(day("2024-06-30"), &all).unwrap();
    assert_eq!(
        l.unit_scores_as(&unit, day("2024-06-30"), &all).unwrap(),
        full
    );
    assert_eq!(
        l.unit_scores_as(&public, day("2024-06-30"), &all).unwrap(),
        full
    );
    let office = r#"{"role":"deputy_affairs_office","id":"o"}"#;
    assert!(l
        .unit_scores_as_json(office, "2024-06-30", None)
        .unwrap()
        .contains(r#""score":"65.8""#));
}

fn row(
    unit: &str,
    assigned: u64,
    on_time: u64,
    results: [u64; 4],
    ratings: [u64; 3],
) -> UnitFigures {
    let replied = results.iter().sum();
    UnitFigures {
        unit: unit.parse().unwrap(),
        assigned,
        replied,
        replied_on_time: on_time,
        overdue: 0,
        closed: 0,
        results: Results {
            A: results[0],
            B: results[1],
            C: results[2],
            D: results[3],
        },
        ratings: Ratings {
            satisfied: ratings[0],
            basically_satisfied: ratings[1],
            dissatisfied: ratings[2],
        },
        reply_rate: Rate::new(replied, assigned),
        solved_or_progressing_rate: Rate::new(0, 0),
        satisfaction_rate: Rate::new(0, 0),
    }
}

#[test]
fn ties_share_a_rank_and_exact_scores_decide() {
    let r = UnitScoreRules::default();
    let rows = [
        row("b", 2, 1, [1, 0, 0, 0], [1, 0, 0]),
        row("a", 4, 2, [2, 0, 0, 0], [2, 0, 0]),
        row("c", 1, 0, [0, 0, 0, 0], [0, 0, 0]),
        row("z", 0, 0, [0, 0, 0, 0], [0, 0, 0]),
        // 3 of 7 on time = 42.857…, results 100, feedback 100: 77.142… → 77.1.
        row("d", 7, 3, [1, 0, 0, 0], [1, 0, 0]),
    ];
    let s = score_units(&rows, &r);
    let got: Vec<(u32, &str, &str)> = s
        .iter()
        .map(|x| (x.rank, x.unit.as_str(), x.score.as_str()))
        .collect();
    // a and b: 50 / 100 / 100 → 80.0, tied: both rank 1, by unit id; then d (77.1), then c.
    assert_eq!(
        got,
        [
            (1, "a", "80.0"),
            (1, "b", "80.0"),
            (3, "d", "77.1"),
            (4, "c", "0.0")
        ]
    );
    // Exactly equal to one decimal in text, but not equal: ranked apart.
    let close = [
        row("p", 3, 2, [1, 0, 0, 0], [1, 0, 0]), // 66.67/100/100 → 86.666… → 86.7
        row("q", 300, 200, [1, 0, 0, 0], [1, 0, 0]), // the same exactly
        row("r", 299, 199, [1, 0, 0, 0], [1, 0, 0]), // 66.555… → 86.622… → 86.6
    ];
    let s = score_units(&close, &r);
    let got: Vec<(u32, &str, &str)> = s
        .iter()
        .map(|x| (x.rank, x.unit.as_str(), x.score.as_str()))
        .collect();
    assert_eq!(got, [(1, "p", "86.7"), (1, "q", "86.7"), (3, "r", "86.6")]);
}
