//! Filing review (W12) and the budget cycle (W13): outputs counted as decisions, ballots
//! checked against the standing committee's size (L-4), rule sets, queries and hostile input.

use renda::oversight::budget::BudgetRules;
use renda::oversight::filing::{FilingRules, FilingStatus};
use renda::rules::{RuleBook, RuleSet};
use renda::{CongressId, Ledger};
use serde_json::{json, Value};

use crate::common;

fn exec(l: &mut Ledger, day: &str, role: &str, command: Value) -> Result<Vec<String>, String> {
    let env = json!({"at": format!("{day}T10:00:00+08:00"), "actor": {"role": role, "id": "x"}, "command": command});
    let before = l.state().clone();
    match l.execute_json(&env.to_string()) {
        Ok(events) => Ok(events
            .iter()
            .map(|e| e.event.type_name().to_string())
            .collect()),
        Err(e) => {
            assert_eq!(l.state(), &before, "a refused command changed the state");
            Err(format!("{}:{}", e.code(), e.field().unwrap_or("")))
        }
    }
}

fn hd() -> CongressId {
    "hd-17".parse().unwrap()
}

fn d(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn adopted_revocations_and_adjustments_count_as_decisions_by_meeting_date() {
    let mut l = common::scenario_ledger("bf_rf1_review_correct_revoke.json");
    // One revocation adopted at sc-22 (2024-08-29); the failed ballot at sc-21 does not count.
    let o = renda::oversight::outputs(l.state(), &hd(), d("2024-01-01"), d("2024-12-31"));
    assert_eq!(o.resolutions_and_decisions, 1);
    let o = renda::oversight::outputs(l.state(), &hd(), d("2024-01-01"), d("2024-08-28"));
    assert_eq!(o.resolutions_and_decisions, 0);
    // An adopted adjustment at sc-21 and a failed one at sc-22.
    let v =
        |yes: u32| json!({"members": 45, "present": 40, "yes": yes, "no": 40 - yes, "abstain": 0});
    let adj = |m: &str, yes| {
        json!({"type": "approve_budget_adjustment", "congress": "hd-17", "year": 2024,
               "meeting": m, "title": "预算调整方案", "vote": v(yes), "new_debt_quota": 1_000_000})
    };
    assert_eq!(
        exec(&mut l, "2024-09-05", "standing_committee", adj("sc-21", 23)),
        Ok(vec!["budget_adjustment_approved".into()])
    );
    assert_eq!(
        exec(&mut l, "2024-09-05", "standing_committee", adj("sc-22", 22)),
        Ok(vec!["budget_adjustment_not_approved".into()])
    );
    let o = renda::oversight::outputs(l.state(), &hd(), d("2024-01-01"), d("2024-12-31"));
    assert_eq!(o.resolutions_and_decisions, 2);
    let o = renda::oversight::outputs(l.state(), &hd(), d("2024-06-27"), d("2024-06-27"));
    assert_eq!(o.resolutions_and_decisions, 1);
    let other: CongressId = "other".parse().unwrap();
    assert_eq!(
        renda::oversight::outputs(l.state(), &other, d("2024-01-01"), d("2024-12-31"))
            .resolutions_and_decisions,
        0
    );
}

#[test]
fn a_ballot_names_all_members_of_the_standing_committee_when_they_are_on_the_roster() {
    let mut l = common::scenario_ledger("bf_l21_adjustment_vote.json");
    for (i, post) in [(1, "director"), (2, "member"), (3, "member")] {
        exec(
            &mut l,
            "2024-09-01",
            "deputy_affairs_office",
            json!({"type": "register_deputy", "deputy": format!("D{i}"), "congress": "hd-17", "name": format!("代表{i}")}),
        )
        .unwrap();
        exec(
            &mut l,
            "2024-09-01",
            "deputy_affairs_office",
            json!({"type": "join_standing_committee", "deputy": format!("D{i}"), "post": post}),
        )
        .unwrap();
    }
    let cmd = |members: u32, yes: u32| {
        json!({"type": "approve_budget_adjustment", "congress": "hd-17", "year": 2024, "meeting": "sc-22",
               "title": "预算调整", "vote": {"members": members, "present": members, "yes": yes, "no": members - yes, "abstain": 0}})
    };
    let env = json!({"at": "2024-09-02", "actor": {"role": "standing_committee", "id": "sc"}, "command": cmd(45, 30)});
    let e = l.execute_json(&env.to_string()).unwrap_err();
    assert_eq!(e.code(), "vote_members_mismatch");
    assert_eq!(e.field(), Some("command.vote.members"));
    assert_eq!(e.rule(), Some("L-21"));
    assert_eq!(
        exec(&mut l, "2024-09-02", "standing_committee", cmd(3, 2)),
        Ok(vec!["budget_adjustment_approved".into()])
    );
    assert_eq!(
        exec(&mut l, "2024-09-02", "standing_committee", cmd(3, 1)),
        Ok(vec!["budget_adjustment_not_approved".into()])
    );
}

#[test]
fn rule_sets_carry_the_filing_and_budget_rules_with_national_defaults() {
    let n = RuleSet::national();
    assert_eq!(n.oversight.filing, FilingRules::default());
    assert_eq!(n.oversight.budget, BudgetRules::default());
    let b = RuleSet::beijing_district();
    assert_eq!(b.oversight.budget, BudgetRules::haidian());
    assert_eq!(b.oversight.budget.target(2018).unwrap().percent, 50);
    assert_eq!(b.oversight.budget.target(2017).unwrap().per_committee, 1);
    // Overrides reach every field; a JSON round trip keeps them; unknown fields are refused.
    let o = n
        .with_overrides(
            &json!({"oversight": {"filing": {"filing_days": 15, "answer_months": 3},
                                               "budget": {"pre_review_meeting_days": 3}}}),
        )
        .unwrap();
    assert_eq!(o.oversight.filing.filing_days, 15);
    assert_eq!(o.oversight.filing.issuers.len(), 4);
    assert_eq!(o.oversight.budget.pre_review_meeting_days, 3);
    let back = RuleSet::from_json(&serde_json::to_string(&o).unwrap()).unwrap();
    assert_eq!(back, o);
    assert!(n
        .with_overrides(&json!({"oversight": {"filing": {"days": 15}}}))
        .is_err());
}

#[test]
fn a_local_filing_deadline_and_answer_period_apply() {
    let spec = json!({"preset": "national", "overrides": {"oversight": {"filing": {"filing_days": 15, "answer_months": 1}}}});
    let mut l = Ledger::new(RuleBook::from_spec(&spec).unwrap());
    exec(&mut l, "2024-01-02", "admin", json!({"type": "register_congress", "congress": "hd-17", "name": "人大", "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"})).unwrap();
    exec(
        &mut l,
        "2024-01-02",
        "admin",
        json!({"type": "register_unit", "unit": "gov", "name": "区政府"}),
    )
    .unwrap();
    let file = |doc: &str, filed: &str| {
        json!({"type": "file_normative_document", "document": doc, "congress": "hd-17", "issuer": "gov",
               "issuer_kind": "government", "title": "办法", "published_on": "2024-03-01", "filed_on": filed})
    };
    exec(
        &mut l,
        "2024-03-20",
        "government_office",
        file("A", "2024-03-16"),
    )
    .unwrap();
    exec(
        &mut l,
        "2024-03-20",
        "government_office",
        file("B", "2024-03-17"),
    )
    .unwrap();
    let docs: Vec<_> = l.normative_documents().map(|d| d.late).collect();
    assert_eq!(docs, [false, true]);
    for c in [
        json!({"type": "review_normative_document", "document": "A", "mode": "own_initiative"}),
        json!({"type": "record_review_finding", "document": "A", "issue": "问题"}),
        json!({"type": "send_filing_review_opinion", "document": "A", "opinion": "意见"}),
    ] {
        exec(&mut l, "2024-03-31", "special_committee", c).unwrap();
    }
    let doc = l.normative_documents().next().unwrap();
    assert_eq!(doc.opinion.as_ref().unwrap().answer_due, d("2024-04-30"));
    assert_eq!(doc.status, FilingStatus::OpinionSent);
    let r = l.filing_review(&hd(), 2024).unwrap();
    assert_eq!(
        r.opinions_overdue.len(),
        1,
        "unanswered past 2024-04-30 at the year's end"
    );
    exec(
        &mut l,
        "2024-04-30",
        "government_office",
        json!({"type": "answer_filing_review_opinion", "document": "A", "answer": "已改"}),
    )
    .unwrap();
    assert!(l
        .filing_review(&hd(), 2024)
        .unwrap()
        .opinions_overdue
        .is_empty());
    assert!(!l
        .normative_documents()
        .next()
        .unwrap()
        .opinion
        .as_ref()
        .unwrap()
        .overdue(d("2025-01-01")));
}

#[test]
fn queries_as_json_and_their_argument_errors() {
    let l = common::scenario_ledger("bf_rb10_key_review_s001_6.json");
    let v: Value =
        serde_json::from_str(&l.key_budget_review_to_json("hd-17", "2024").unwrap()).unwrap();
    assert_eq!(v["adjusted_percent"], "4.57");
    assert_eq!(v["department_count"], 7);
    assert_eq!(v["amount_reviewed"], 8_620_000_000u64);
    for (congress, year, field) in [
        ("", "2024", "congress"),
        ("hd-17", "2024x", "year"),
        ("hd-17", "99999", "year"),
    ] {
        for r in [
            l.key_budget_review_to_json(congress, year),
            l.filing_review_to_json(congress, year),
            l.audit_double_list_to_json(congress, year),
            l.budget_pre_review_coverage_to_json(congress, year),
        ] {
            assert_eq!(r.unwrap_err().field(), Some(field), "{congress} {year}");
        }
    }
    assert_eq!(
        l.key_budget_review_to_json("ghost", "2024")
            .unwrap_err()
            .code(),
        "not_found"
    );
    let records: Value = serde_json::from_str(&l.budget_records_to_json("hd-17").unwrap()).unwrap();
    assert_eq!(records["key_reviews"].as_array().unwrap().len(), 1);
}

#[test]
fn hostile_snapshots_of_the_family_are_refused() {
    let l = common::scenario_ledger("bf_rf1_review_correct_revoke.json");
    let good = serde_json::to_value(l.snapshot()).unwrap();
    let cases: Vec<(&str, Value)> = vec![
        ("/state/normative_documents/N1/issuer", json!("ghost")),
        ("/state/normative_documents/N1/status", json!("filed")),
        (
            "/state/normative_documents/N2/status",
            json!("opinion_sent"),
        ),
        ("/state/normative_documents/N3/issue", Value::Null),
        (
            "/state/normative_documents/N2/revocations/0/meeting",
            json!("ghost"),
        ),
    ];
    for (pointer, value) in cases {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer).unwrap() = value;
        let err =
            Ledger::restore_from_json(RuleBook::default(), &bad.to_string()).expect_err(pointer);
        assert!(
            matches!(err.code(), "invalid_field" | "not_found" | "invalid_json"),
            "{pointer}: {err}"
        );
    }
    let l = common::scenario_ledger("bf_rb8_double_list_strike_off.json");
    let good = serde_json::to_value(l.snapshot()).unwrap();
    for (pointer, value) in [
        ("/state/audit_findings/AF1/evidence", Value::Null),
        ("/state/audit_findings/AF2/status", json!("struck_off")),
        ("/state/audit_findings/AF3/unit", json!("ghost")),
    ] {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer).unwrap() = value;
        let err =
            Ledger::restore_from_json(RuleBook::default(), &bad.to_string()).expect_err(pointer);
        assert!(
            matches!(err.code(), "invalid_field" | "not_found" | "invalid_json"),
            "{pointer}: {err}"
        );
    }
}

#[test]
fn the_s002_39_pre_review_sums_give_the_net_cut() {
    // 海淀 2020 [002:L695]: 194 opinions, 223 projects, cut 1.773 billion, increased 347
    // million: net cut 1.426 billion.
    let mut l = Ledger::new(RuleBook::default());
    exec(&mut l, "2019-10-01", "admin", json!({"type": "register_congress", "congress": "hd-16", "name": "人大", "level": "county", "term": 16, "term_start": "2016-11-01", "term_end": "2021-10-31"})).unwrap();
    for u in ["a", "b"] {
        exec(
            &mut l,
            "2019-10-01",
            "admin",
            json!({"type": "register_unit", "unit": u, "name": u}),
        )
        .unwrap();
    }
    exec(&mut l, "2019-10-02", "director_meeting", json!({"type": "pair_committee_departments", "congress": "hd-16", "committee": "财经委", "from_year": 2020, "departments": ["a", "b"]})).unwrap();
    let q = json!({"should_spend": "a", "by_government": "b", "how_much": "c", "now": "d"});
    for (u, o, p, cut, inc) in [
        ("a", 100, 120, 1_000_000_000u64, 47_000_000u64),
        ("b", 94, 103, 773_000_000, 300_000_000),
    ] {
        exec(&mut l, "2019-11-01", "special_committee", json!({"type": "pre_review_department_budget", "congress": "hd-16", "year": 2020, "committee": "财经委", "department": u, "opinions": o, "projects_adjusted": p, "amount_cut": cut, "amount_increased": inc, "four_questions": q})).unwrap();
    }
    let c = l
        .budget_pre_review_coverage(&"hd-16".parse().unwrap(), 2020)
        .unwrap();
    assert_eq!((c.opinions, c.projects_adjusted), (194, 223));
    assert_eq!(
        (c.amount_cut, c.amount_increased),
        (1_773_000_000, 347_000_000)
    );
    assert_eq!(c.net_cut, 1_426_000_000);
    assert_eq!(c.percent.as_deref(), Some("100.0"));
    assert_eq!(c.target, None, "no coverage path in the national rules");
    assert_eq!(c.meets_target, None);
}
