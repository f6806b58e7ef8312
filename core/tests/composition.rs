//! The 2016 Haidian congress (区十六届, seed [000]) loaded from `tests/rosters/haidian-2016.json`:
//! the composition figures of domain §4.1 that are consistent are reproduced exactly (S000-2,
//! S000-4, S000-6, S000-8), the inconsistent ones are not "fixed" (S000-3, S000-5), and the
//! organisation checks L-7, L-6 and R-O1 (issue 3 items 2 and 3).

use crate::common;

use chrono::NaiveDate;
use renda::composition::{CheckStatus, Count, Share};
use renda::deputy::TerminationReason;
use renda::stats::{is_reproducible, CountUnit, StatsWarning};
use renda::{CongressId, Ledger};
use std::collections::BTreeSet;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn hd() -> CongressId {
    "hd-16".parse().unwrap()
}

/// Executes every envelope of the roster fixture; each must be accepted.
fn haidian() -> Ledger {
    let path = common::tests_path("rosters/haidian-2016.json");
    let text = std::fs::read_to_string(path).unwrap();
    let envelopes: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut ledger = Ledger::new(Default::default());
    for (i, e) in envelopes.iter().enumerate() {
        ledger
            .execute_json(&e.to_string())
            .unwrap_or_else(|err| panic!("envelope {i}: {err}"));
    }
    ledger
}

#[test]
fn s000_1_2_3_4_composition_at_the_end_of_2017() {
    let l = haidian();
    let c = l.composition(&hd(), d("2017-12-31"), 2).unwrap();
    // S000-1: 445 elected in November 2016; 12 left in 2017, 433 hold the mandate.
    assert_eq!(c.elected, Count::persons(445));
    assert_eq!(c.by_election, Count::persons(0));
    assert_eq!(c.holding_mandate, Count::persons(433));
    assert_eq!(c.suspended, Count::persons(0));
    assert_eq!(c.terminated, Count::persons(12));
    assert_eq!(c.terminated_by_reason.len(), 1);
    assert_eq!(
        c.terminated_by_reason[0].reason,
        TerminationReason::MovedOut
    );
    assert_eq!(c.terminated_by_reason[0].count, Count::persons(12));

    // S000-2: 436 / 445 = 97.9775… → 97.98 %, as published.
    let college = c.college_or_above.share.as_ref().unwrap();
    assert_eq!(c.college_or_above.count, Count::persons(436));
    assert_eq!(c.college_or_above.missing, Count::persons(0));
    assert_eq!(college.denominator, Count::persons(445));
    assert_eq!(college.percent, "97.98");
    assert!(college.warnings.is_empty());
    let check = college.check("97.98").unwrap();
    assert!(check.reproducible && check.warnings.is_empty());

    // S000-3: 247 / 445 = 55.51 %; the published 57.75 % does not follow (it is 257 / 445).
    let post = c.postgraduate.share.as_ref().unwrap();
    assert_eq!(c.postgraduate.count, Count::persons(247));
    assert_eq!(post.percent, "55.51");
    let check = post.check("57.75").unwrap();
    assert!(!check.reproducible);
    assert_eq!(
        check.warnings,
        vec![StatsWarning::PercentMismatch {
            stated_percent: "57.75".into(),
            computed_percent: "55.51".into()
        }]
    );

    // S000-4: 179 / 445 = 40.2247… → 40.22 %, as published.
    let re = c.re_elected.share.as_ref().unwrap();
    assert_eq!(c.re_elected.count, Count::persons(179));
    assert_eq!(re.percent, "40.22");
    assert!(re.check("40.22").unwrap().reproducible);

    // Gender and party are not in the roster: reported as missing, never as 0 %.
    for a in [&c.female, &c.cpc] {
        assert_eq!((a.count.value, a.missing.value), (0, 445));
        assert!(a.share.is_none());
    }
}

#[test]
fn s000_5_is_not_reproducible_over_445() {
    // No whole number of the 445 deputies gives 62.8 %: 279 → 62.70 %, 280 → 62.92 %.
    assert!(!is_reproducible("62.8", 445).unwrap());
    let l = haidian();
    let c = l.composition(&hd(), d("2017-12-31"), 1).unwrap();
    let resident = c.resident_unit.share.as_ref().unwrap();
    // The roster encodes domain §4.1's hypothesis (272 of the 433 in office); over the 445
    // elected that is 61.1 %, and the published 62.8 % does not follow.
    assert_eq!(c.resident_unit.count, Count::persons(272));
    assert_eq!(resident.percent, "61.1");
    let check = resident.check("62.8").unwrap();
    assert!(!check.reproducible);
    let codes: Vec<&str> = check.warnings.iter().map(StatsWarning::code).collect();
    assert_eq!(codes, ["percent_mismatch", "no_numerator_fits"]);
    // Over the deputies holding the mandate the hypothesis gives 62.8 %.
    let over_in_office = Share::new(c.resident_unit.count, c.holding_mandate, 1).unwrap();
    assert_eq!(over_in_office.percent, "62.8");
}

#[test]
fn s000_6_standing_committee() {
    let l = haidian();
    let c = l.composition(&hd(), d("2017-12-31"), 1).unwrap();
    let sc = &c.standing_committee;
    assert_eq!(sc.members, Count::persons(45));
    // S000-6 (derived): 24 of 45 new = 53.3 %.
    assert_eq!(sc.new_this_term.count, Count::persons(24));
    assert_eq!(sc.new_this_term.share.as_ref().unwrap().percent, "53.3");
    // Not in the seed: full-time is recorded as "no" unless given, two terms is unknown.
    assert_eq!(
        (sc.full_time.count.value, sc.full_time.missing.value),
        (0, 0)
    );
    assert_eq!(sc.can_serve_two_terms.missing, Count::persons(45));
    assert!(sc.can_serve_two_terms.share.is_none());
    // Before the first session (December 2016) there is no standing committee yet.
    let before = l.composition(&hd(), d("2016-12-19"), 1).unwrap();
    assert_eq!(before.standing_committee.members, Count::persons(0));
}

#[test]
fn s000_8_participation_in_2017() {
    let l = haidian();
    let s = l
        .participation(&hd(), d("2017-01-01"), d("2017-12-31"), 1)
        .unwrap();
    // 357 person-times over 433 deputies in office = 82.448… → 82.4 %, with the unit warning.
    assert_eq!(s.numerator, Count::person_times(357));
    assert_eq!(s.denominator, Count::persons(433));
    assert_eq!(s.decimals, 1);
    assert_eq!(s.percent, "82.4");
    assert_eq!(
        s.warnings,
        vec![StatsWarning::UnitMismatch {
            numerator_unit: CountUnit::PersonTimes,
            denominator_unit: CountUnit::Persons
        }]
    );
    let check = s.check("82.4").unwrap();
    assert!(check.reproducible);
    assert_eq!(check.warnings[0].code(), "unit_mismatch");

    // Why the warning matters: the 357 person-times are 300 different deputies, so the share
    // of deputies who took part is 300 / 433 = 69.3 %, not 82.4 %.
    let persons: BTreeSet<_> = l
        .state()
        .activities
        .values()
        .filter(|a| a.on.format("%Y").to_string() == "2017")
        .flat_map(|a| a.participants.iter())
        .collect();
    assert_eq!(persons.len(), 300);
    let share = Share::new(Count::persons(300), Count::persons(433), 1).unwrap();
    assert_eq!(share.percent, "69.3");

    // The window is what counts: the December 2016 training (40) and the January 2018 visit
    // (10) lie outside 2017.
    let wide = l
        .participation(&hd(), d("2016-12-01"), d("2018-01-31"), 1)
        .unwrap();
    assert_eq!(wide.numerator, Count::person_times(407));
    assert_eq!(wide.denominator, Count::persons(433));
    // The base is the deputies holding the mandate at the window's end: 445 in 2016.
    let first = l
        .participation(&hd(), d("2016-11-15"), d("2016-12-31"), 1)
        .unwrap();
    assert_eq!((first.numerator.value, first.denominator.value), (40, 445));
    assert_eq!(first.percent, "9.0");
}

#[test]
fn holding_mandate_over_2017() {
    let l = haidian();
    // One deputy left on the 15th of each month of 2017.
    for (date, holding, terminated) in [
        ("2016-12-31", 445, 0),
        ("2017-01-14", 445, 0),
        ("2017-01-15", 444, 1),
        ("2017-06-30", 439, 6),
        ("2017-12-14", 434, 11),
        ("2017-12-15", 433, 12),
    ] {
        let c = l.composition(&hd(), d(date), 2).unwrap();
        assert_eq!(c.holding_mandate.value, holding, "{date}");
        assert_eq!(c.terminated.value, terminated, "{date}");
        // The shares stay over the 445 elected.
        assert_eq!(c.college_or_above.share.unwrap().percent, "97.98", "{date}");
    }
    // Before the election nobody is counted and no share exists.
    let c = l.composition(&hd(), d("2016-11-14"), 2).unwrap();
    assert_eq!(c.elected.value, 0);
    assert!(c.college_or_above.share.is_none());
}

#[test]
fn organisation_checks() {
    let l = haidian();
    for (date, holding) in [("2016-12-31", 445), ("2017-12-31", 433)] {
        let f = l.check_organisation(&hd(), d(date)).unwrap();
        let rules: Vec<&str> = f.iter().map(|x| x.rule.as_str()).collect();
        assert_eq!(rules, ["L-7", "L-6", "R-O1"]);
        // L-7: 140 + 3,130,000 / 5,000 = 766, capped at 450 ≥ deputies holding the mandate.
        assert_eq!(f[0].status, CheckStatus::Holds, "{date}");
        assert_eq!(f[0].figures["quota"], 450);
        assert_eq!(f[0].figures["holding_mandate"], holding);
        assert_eq!(f[0].figures["population"], 3_130_000);
        // L-6: 45 members, exactly at the cap for a population over 1 million.
        assert_eq!(f[1].status, CheckStatus::Holds, "{date}");
        assert_eq!(
            (
                f[1].figures["members"],
                f[1].figures["min"],
                f[1].figures["max"]
            ),
            (45, 15, 45)
        );
        // R-O1: nobody's two-term eligibility is recorded, so it cannot be decided.
        assert_eq!(f[2].status, CheckStatus::NotCheckable, "{date}");
        assert_eq!(f[2].figures["required"], 15);
        assert_eq!(f[2].figures["unknown"], 45);
    }
    // Before the first session the standing committee is empty: below L-6's minimum.
    let f = l.check_organisation(&hd(), d("2016-11-30")).unwrap();
    assert_eq!(f[1].status, CheckStatus::Violated);
    assert_eq!(f[1].figures["members"], 0);

    let json = serde_json::to_value(l.check_organisation(&hd(), d("2017-12-31")).unwrap()).unwrap();
    assert_eq!(json[0]["status"], "holds");
    assert_eq!(json[2]["status"], "not_checkable");
    let msg = json[0]["message"].as_str().unwrap();
    assert!(msg.contains("在任代表433名") && msg.contains("433 deputies hold the mandate"));
}

#[test]
fn results_serialise_as_snake_case_json() {
    let l = haidian();
    let c = serde_json::to_value(l.composition(&hd(), d("2017-12-31"), 2).unwrap()).unwrap();
    assert_eq!(c["congress"], "hd-16");
    assert_eq!(c["as_of"], "2017-12-31");
    assert_eq!(c["holding_mandate"]["value"], 433);
    assert_eq!(c["holding_mandate"]["unit"], "persons");
    assert_eq!(c["terminated_by_reason"][0]["reason"], "moved_out");
    assert_eq!(c["college_or_above"]["share"]["percent"], "97.98");
    assert_eq!(
        c["standing_committee"]["new_this_term"]["count"]["value"],
        24
    );
    let back: renda::composition::Composition = serde_json::from_value(c.clone()).unwrap();
    assert_eq!(serde_json::to_value(back).unwrap(), c);
}
