//! Figures by unit, topic, level and submission period (issue 4 item 8), and the plan ledger
//! per year (R-S5, S001-16): the rows of every breakdown add up to the whole figures on every
//! shared scenario and date, keys are right, and the plan ledger's cohorts are worked out by
//! hand.

use crate::common;

use renda::breakdown::{Breakdown, BreakdownRow};
use renda::figures::{Counts, FigureFilter, PlanLedger, Ratings, Results};
use renda::{Actor, Ledger, Role};
use serde_json::{json, Value};

fn exec(l: &mut Ledger, at: &str, role: &str, id: &str, command: Value) {
    let env = json!({"at": at, "actor": {"role": role, "id": id}, "command": command});
    l.execute_json(&env.to_string())
        .unwrap_or_else(|e| panic!("{command}: {e}"));
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

fn add_counts(a: &mut Counts, b: &Counts) {
    a.submitted += b.submitted;
    a.during_session += b.during_session;
    a.during_recess += b.during_recess;
    a.awaiting_vetting += b.awaiting_vetting;
    a.accepted += b.accepted;
    a.rejected += b.rejected;
    a.withdrawn += b.withdrawn;
    a.assigned += b.assigned;
    a.replied += b.replied;
    a.replied_on_time += b.replied_on_time;
    a.rehandling += b.rehandling;
    a.in_plan += b.in_plan;
    a.closed += b.closed;
    a.overdue += b.overdue;
}

fn sums(rows: &[BreakdownRow]) -> (Counts, Results, Ratings, PlanLedger) {
    let mut c = Counts::default();
    let mut r = Results::default();
    let mut g = Ratings::default();
    let mut p = PlanLedger::default();
    for row in rows {
        add_counts(&mut c, &row.counts);
        r.A += row.results.A;
        r.B += row.results.B;
        r.C += row.results.C;
        r.D += row.results.D;
        g.satisfied += row.ratings.satisfied;
        g.basically_satisfied += row.ratings.basically_satisfied;
        g.dissatisfied += row.ratings.dissatisfied;
        p.entered += row.plan_ledger.entered;
        p.open += row.plan_ledger.open;
        p.second_replied += row.plan_ledger.second_replied;
        p.solved += row.plan_ledger.solved;
    }
    (c, r, g, p)
}

/// A ledger with every step of a scenario file that the core accepts.
fn load(path: &std::path::Path) -> Option<Ledger> {
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let rules = renda::api::rule_book(Some(&file["rules"].to_string())).ok()?;
    let mut ledger = Ledger::new(rules);
    for step in file["steps"].as_array()? {
        let mut envelope = step.clone();
        envelope.as_object_mut()?.remove("expect");
        let _ = ledger.execute_json(&envelope.to_string());
    }
    Some(ledger)
}

/// On every shared scenario, at several dates, with and without a congress filter: the rows of
/// every breakdown add up to the whole figures (counts, results, ratings, plan ledger), and
/// the plan ledger per year adds up to the figures' plan ledger.
#[test]
fn rows_add_up_to_the_whole_on_every_scenario() {
    let dir = common::tests_path("scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut checked = 0;
    for path in files {
        let Some(ledger) = load(&path) else { continue };
        let mut filters = vec![FigureFilter::default()];
        for c in ledger.congresses() {
            filters.push(FigureFilter {
                congress: Some(c.id.clone()),
                ..FigureFilter::default()
            });
        }
        for as_of in [
            "2023-06-30",
            "2024-03-31",
            "2024-12-31",
            "2025-06-30",
            "2026-12-31",
        ] {
            for filter in &filters {
                let Ok(whole) = ledger.figures_for(day(as_of), filter) else {
                    continue;
                };
                for by in Breakdown::ALL {
                    let rows = ledger.figures_by(day(as_of), filter, by).unwrap();
                    let (c, r, g, p) = sums(&rows);
                    let name = format!("{} {as_of} {filter:?} {by:?}", path.display());
                    assert_eq!(c, whole.counts, "{name}");
                    assert_eq!(r, whole.results, "{name}");
                    assert_eq!(g, whole.ratings, "{name}");
                    assert_eq!(p, whole.plan_ledger, "{name}");
                    assert!(rows.iter().all(|r| r.counts.submitted > 0), "{name}");
                    checked += 1;
                }
                if let Some(c) = &filter.congress {
                    let plan = ledger.plan_ledger(c, day(as_of)).unwrap();
                    let name = format!("{} {as_of} {c}", path.display());
                    assert_eq!(plan.total.entered, whole.plan_ledger.entered, "{name}");
                    assert_eq!(
                        plan.total.second_replied, whole.plan_ledger.second_replied,
                        "{name}"
                    );
                    assert_eq!(plan.total.solved, whole.plan_ledger.solved, "{name}");
                    assert_eq!(
                        plan.total.solved + plan.total.progressing,
                        plan.total.entered
                    );
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

/// Congress hd (county): S1 (教育, 2024-01-08, session) assigned to edu, replied A; S2 (教育,
/// 2024-04-02, recess) accepted only; S3 (no topic, 2024-07-01) assigned to traffic. Congress
/// tw (township): W1 (交通, 2024-11-30).
fn keyed() -> Ledger {
    let mut l = Ledger::new(Default::default());
    let a = "2024-01-02";
    exec(
        &mut l,
        a,
        "admin",
        "a",
        json!({"type":"register_congress","congress":"hd","name":"区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}),
    );
    exec(
        &mut l,
        a,
        "admin",
        "a",
        json!({"type":"register_congress","congress":"tw","name":"镇人大","level":"township","term":8,"term_start":"2021-11-01","term_end":"2026-10-31"}),
    );
    exec(
        &mut l,
        a,
        "admin",
        "a",
        json!({"type":"register_deputy","deputy":"D1","congress":"hd","name":"甲"}),
    );
    exec(
        &mut l,
        a,
        "admin",
        "a",
        json!({"type":"register_deputy","deputy":"T1","congress":"tw","name":"乙"}),
    );
    for u in ["edu", "traffic"] {
        exec(
            &mut l,
            a,
            "admin",
            "a",
            json!({"type":"register_unit","unit":u,"name":u}),
        );
    }
    let submit = |s: &str, c: &str, d: &str, during: &str, topic: Option<&str>| json!({"type":"submit_suggestion","suggestion":s,"congress":c,"title":"建议","lead":d,"during":during,"topic":topic});
    let office = |l: &mut Ledger, at: &str, c: Value| exec(l, at, "deputy_affairs_office", "o", c);
    exec(
        &mut l,
        "2024-01-08",
        "deputy",
        "D1",
        submit("S1", "hd", "D1", "session", Some("教育")),
    );
    office(
        &mut l,
        "2024-01-09",
        json!({"type":"accept_suggestion","suggestion":"S1"}),
    );
    office(
        &mut l,
        "2024-01-15",
        json!({"type":"assign_suggestion","suggestion":"S1","lead_unit":"edu"}),
    );
    exec(
        &mut l,
        "2024-03-01",
        "handling_unit",
        "edu",
        json!({"type":"reply_suggestion","suggestion":"S1","result":"A","summary":"已解决"}),
    );
    exec(
        &mut l,
        "2024-04-02",
        "deputy",
        "D1",
        submit("S2", "hd", "D1", "recess", Some("教育")),
    );
    office(
        &mut l,
        "2024-04-03",
        json!({"type":"accept_suggestion","suggestion":"S2"}),
    );
    exec(
        &mut l,
        "2024-07-01",
        "deputy",
        "D1",
        submit("S3", "hd", "D1", "recess", None),
    );
    office(
        &mut l,
        "2024-07-02",
        json!({"type":"accept_suggestion","suggestion":"S3"}),
    );
    office(
        &mut l,
        "2024-07-10",
        json!({"type":"assign_suggestion","suggestion":"S3","lead_unit":"traffic"}),
    );
    exec(
        &mut l,
        "2024-11-30",
        "deputy",
        "T1",
        submit("W1", "tw", "T1", "session", Some("交通")),
    );
    l
}

fn keys(l: &Ledger, as_of: &str, by: Breakdown) -> Vec<(Option<String>, u64)> {
    l.figures_by(day(as_of), &FigureFilter::default(), by)
        .unwrap()
        .into_iter()
        .map(|r| (r.key, r.counts.submitted))
        .collect()
}

fn k(key: Option<&str>, n: u64) -> (Option<String>, u64) {
    (key.map(str::to_string), n)
}

#[test]
fn keys_of_each_breakdown() {
    let l = keyed();
    let d = "2024-12-31";
    assert_eq!(
        keys(&l, d, Breakdown::Unit),
        [k(Some("edu"), 1), k(Some("traffic"), 1), k(None, 2)]
    );
    // Before S3's assignment it has no unit yet.
    assert_eq!(
        keys(&l, "2024-07-09", Breakdown::Unit),
        [k(Some("edu"), 1), k(None, 2)]
    );
    assert_eq!(
        keys(&l, d, Breakdown::Topic),
        [k(Some("交通"), 1), k(Some("教育"), 2), k(None, 1)]
    );
    assert_eq!(
        keys(&l, d, Breakdown::Level),
        [k(Some("county"), 3), k(Some("township"), 1)]
    );
    assert_eq!(keys(&l, d, Breakdown::Year), [k(Some("2024"), 4)]);
    assert_eq!(
        keys(&l, d, Breakdown::Quarter),
        [
            k(Some("2024-Q1"), 1),
            k(Some("2024-Q2"), 1),
            k(Some("2024-Q3"), 1),
            k(Some("2024-Q4"), 1)
        ]
    );
    assert_eq!(
        keys(&l, d, Breakdown::Month),
        [
            k(Some("2024-01"), 1),
            k(Some("2024-04"), 1),
            k(Some("2024-07"), 1),
            k(Some("2024-11"), 1)
        ]
    );
    // Keys without a suggestion submitted by the date are left out.
    assert_eq!(
        keys(&l, "2024-05-01", Breakdown::Quarter),
        [k(Some("2024-Q1"), 1), k(Some("2024-Q2"), 1)]
    );
    // Rates per row: edu 1 of 1 replied, solved.
    let rows = l
        .figures_by(day(d), &FigureFilter::default(), Breakdown::Unit)
        .unwrap();
    assert_eq!(rows[0].reply_rate.percent.as_deref(), Some("100.0"));
    assert_eq!(
        rows[0].solved_or_progressing_rate.percent.as_deref(),
        Some("100.0")
    );
    assert_eq!(rows[1].reply_rate.percent.as_deref(), Some("0.0"));
    assert_eq!(rows[2].reply_rate.percent, None);
    // A filter applies before the breakdown.
    let hd: FigureFilter = serde_json::from_value(json!({"congress":"hd"})).unwrap();
    let rows = l.figures_by(day(d), &hd, Breakdown::Level).unwrap();
    assert_eq!(rows.len(), 1);
    let bad: FigureFilter = serde_json::from_value(json!({"congress":"zz"})).unwrap();
    assert_eq!(
        l.figures_by(day(d), &bad, Breakdown::Level)
            .unwrap_err()
            .code(),
        "not_found"
    );
    // JSON.
    let text = l
        .figures_by_to_json(d, "quarter", Some(r#"{"congress":"tw"}"#))
        .unwrap();
    assert!(
        text.starts_with(r#"[{"key":"2024-Q4","counts":{"submitted":1"#),
        "{text}"
    );
    assert_eq!(
        l.figures_by_to_json(d, "decade", None).unwrap_err().field(),
        Some("by")
    );
    // The public only after publication; a unit without unpublished back-to-back ratings.
    let public = Actor::new(Role::Public, "p").unwrap();
    let e = l
        .figures_by_as(&public, day(d), &FigureFilter::default(), Breakdown::Unit)
        .unwrap_err();
    assert_eq!(e.code(), "not_published");
    let unit = Actor::new(Role::HandlingUnit, "edu").unwrap();
    assert_eq!(
        l.figures_by_as(&unit, day(d), &FigureFilter::default(), Breakdown::Unit)
            .unwrap(),
        l.figures_by(day(d), &FigureFilter::default(), Breakdown::Unit)
            .unwrap()
    );
}

/// Four suggestions enter the plan ledger in 2022, 2022, 2023 and 2024 (R-S5): S1 solved by a
/// second reply A in 2023, S2 given a second reply B (still progressing), S3 open, S4 solved
/// in 2024.
#[test]
fn plan_ledger_per_year_of_entry() {
    let mut l = Ledger::new(Default::default());
    let a = "2022-01-04";
    exec(
        &mut l,
        a,
        "admin",
        "a",
        json!({"type":"register_congress","congress":"hd","name":"区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}),
    );
    exec(
        &mut l,
        a,
        "admin",
        "a",
        json!({"type":"register_deputy","deputy":"D1","congress":"hd","name":"甲"}),
    );
    exec(
        &mut l,
        a,
        "admin",
        "a",
        json!({"type":"register_unit","unit":"edu","name":"区教委"}),
    );
    let enter = |l: &mut Ledger, s: &str, y: i32, m: u32| {
        exec(
            l,
            &format!("{y}-{m:02}-10"),
            "deputy",
            "D1",
            json!({"type":"submit_suggestion","suggestion":s,"congress":"hd","title":"建议","lead":"D1","during":"session"}),
        );
        exec(
            l,
            &format!("{y}-{m:02}-11"),
            "deputy_affairs_office",
            "o",
            json!({"type":"accept_suggestion","suggestion":s}),
        );
        exec(
            l,
            &format!("{y}-{m:02}-12"),
            "deputy_affairs_office",
            "o",
            json!({"type":"assign_suggestion","suggestion":s,"lead_unit":"edu"}),
        );
        exec(
            l,
            &format!("{y}-{:02}-01", m + 2),
            "handling_unit",
            "edu",
            json!({"type":"reply_suggestion","suggestion":s,"result":"B","in_plan":true,"summary":"列入计划"}),
        );
        exec(
            l,
            &format!("{y}-{:02}-05", m + 2),
            "deputy",
            "D1",
            json!({"type":"give_feedback","suggestion":s,"rating":"satisfied"}),
        );
    };
    let second = |l: &mut Ledger, s: &str, at: &str, r: &str| {
        exec(
            l,
            at,
            "handling_unit",
            "edu",
            json!({"type":"reply_suggestion","suggestion":s,"result":r,"summary":"再次答复"}),
        );
    };
    enter(&mut l, "S1", 2022, 1);
    enter(&mut l, "S2", 2022, 4);
    second(&mut l, "S1", "2023-01-05", "A");
    enter(&mut l, "S3", 2023, 1);
    second(&mut l, "S2", "2023-06-01", "B");
    enter(&mut l, "S4", 2024, 1);
    second(&mut l, "S4", "2024-11-01", "A");
    let hd = "hd".parse().unwrap();
    let p = l.plan_ledger(&hd, day("2024-12-31")).unwrap();
    let years: Vec<(i32, u64, u64, u64, u64)> = p
        .years
        .iter()
        .map(|y| (y.year, y.entered, y.second_replied, y.solved, y.progressing))
        .collect();
    assert_eq!(
        years,
        [(2022, 2, 2, 1, 1), (2023, 1, 0, 0, 1), (2024, 1, 1, 1, 0)]
    );
    assert_eq!(
        (
            p.total.entered,
            p.total.second_replied,
            p.total.solved,
            p.total.progressing
        ),
        (4, 3, 2, 2)
    );
    assert_eq!(p.total.solved_rate.percent.as_deref(), Some("50.0"));
    assert_eq!(
        (p.term_start.to_string(), p.term_end.to_string()),
        ("2021-11-01".into(), "2026-10-31".into())
    );
    // As of the end of 2022: both 2022 entries progressing.
    let p = l.plan_ledger(&hd, day("2022-12-31")).unwrap();
    assert_eq!(p.years.len(), 1);
    assert_eq!(
        (
            p.years[0].entered,
            p.years[0].solved,
            p.years[0].progressing
        ),
        (2, 0, 2)
    );
    // The figures agree.
    let f = l.figures(day("2024-12-31")).unwrap();
    assert_eq!(
        (
            f.plan_ledger.entered,
            f.plan_ledger.second_replied,
            f.plan_ledger.solved
        ),
        (4, 3, 2)
    );
    let text = l.plan_ledger_to_json("hd", "2024-12-31").unwrap();
    assert!(
        text.contains(r#""total":{"entered":4,"second_replied":3,"solved":2,"progressing":2"#),
        "{text}"
    );
    assert_eq!(
        l.plan_ledger_to_json("zz", "2024-12-31")
            .unwrap_err()
            .code(),
        "not_found"
    );
}
