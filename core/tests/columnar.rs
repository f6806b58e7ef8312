//! The columnar suggestion log (renda::columnar): the figures replayed from a ledger's log as
//! columns equal the ledger's own; a partitioned log's figures combine exactly; bad columns are
//! typed errors that change nothing.

use crate::common;
use chrono::NaiveDate;
use proptest::prelude::*;
use renda::calendar::WorkCalendar;
use renda::columnar::{Dimensions, Lifecycle, LifecycleKind, SuggestionLog};
use renda::figures::{FigureFilter, SuggestionFigures};
use renda::registry::Level;
use renda::suggestion::{ResultCategory, Satisfaction, SubmissionPeriod};
use renda::{CongressId, Ledger, SuggestionId, UnitId};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dates(ledger: &Ledger) -> Vec<NaiveDate> {
    common::event_dates(ledger)
}

/// The ledger's figures and the log's agree for every filter and date given.
fn assert_same(ledger: &Ledger, filters: &[FigureFilter], dates: &[NaiveDate]) {
    let log = SuggestionLog::from_ledger(ledger).unwrap();
    for filter in filters {
        let frame = log
            .frame(filter, ledger.rules(), ledger.calendar())
            .unwrap();
        for as_of in dates {
            let want = ledger.figures_for(*as_of, filter).unwrap();
            let got = frame.figures(*as_of).unwrap();
            assert_eq!(got, want, "figures as of {as_of} with {filter:?}");
            // Split between threads by suggestion row, each thread applying the filter.
            let threads = log
                .figures_in_parallel(filter, ledger.rules(), ledger.calendar(), *as_of, 3)
                .unwrap();
            assert_eq!(threads, want, "3 threads, as of {as_of} with {filter:?}");
        }
    }
}

fn filters(ledger: &Ledger) -> Vec<FigureFilter> {
    let mut out = vec![FigureFilter::default()];
    for c in ledger.state().congresses.keys() {
        out.push(FigureFilter {
            congress: Some(c.clone()),
            ..Default::default()
        });
    }
    out.push(FigureFilter {
        congress: Some(CongressId::new("no-such-congress").unwrap()),
        ..Default::default()
    });
    out
}

#[test]
fn every_scenario_ledger_has_the_same_figures_from_its_columnar_log() {
    let mut checked = 0;
    for (_, ledger) in common::scenario_ledgers() {
        if ledger.state().suggestions.is_empty() {
            continue;
        }
        assert_same(&ledger, &filters(&ledger), &dates(&ledger));
        checked += 1;
    }
    assert!(checked > 20, "only {checked} scenarios with suggestions");
}

#[test]
fn haidian_2024_has_the_same_figures_from_its_columnar_log() {
    let ledger = common::haidian_2024();
    let mut fs = filters(&ledger);
    fs.push(FigureFilter {
        submitted_from: Some(d(2024, 1, 1)),
        submitted_to: Some(d(2024, 6, 30)),
        ..Default::default()
    });
    assert_same(&ledger, &fs, &dates(&ledger));
}

#[cfg(feature = "demo")]
#[test]
fn the_demo_district_has_the_same_figures_from_its_columnar_log_and_its_parts_combine() {
    let config = renda::demo::DemoConfig {
        years: 2,
        districts: 3,
        ..renda::demo::DemoConfig::small()
    };
    let ledger = renda::demo::generate(&config).unwrap().into_ledger();
    let as_of: Vec<NaiveDate> = (1..=12)
        .map(|m| d(config.first_year, m, 28))
        .chain([
            d(config.first_year + 1, 12, 31),
            d(config.first_year + 3, 1, 1),
        ])
        .collect();
    assert_same(&ledger, &filters(&ledger), &as_of);
    let log = SuggestionLog::from_ledger(&ledger).unwrap();
    for parts in 1..=4 {
        for day in &as_of {
            let whole = ledger.figures(*day).unwrap();
            let figures = log
                .partition(parts)
                .iter()
                .map(|p| {
                    p.figures_with(&Default::default(), ledger.rules(), ledger.calendar(), *day)
                        .unwrap()
                })
                .collect::<Vec<_>>();
            assert_eq!(SuggestionFigures::combine(figures).unwrap(), whole);
            let threads = log
                .figures_in_parallel(
                    &Default::default(),
                    ledger.rules(),
                    ledger.calendar(),
                    *day,
                    parts,
                )
                .unwrap();
            assert_eq!(threads, whole);
        }
    }
}

#[test]
fn combining_figures_of_different_dates_is_an_error() {
    let ledger = Ledger::new(Default::default());
    let a = ledger.figures(d(2024, 1, 1)).unwrap();
    let b = ledger.figures(d(2024, 1, 2)).unwrap();
    let err = SuggestionFigures::combine([a, b]).unwrap_err();
    assert_eq!(err.field(), Some("parts.as_of"));
    assert_eq!(
        SuggestionFigures::combine(Vec::new()).unwrap_err().field(),
        Some("parts")
    );
}

fn dims() -> Dimensions {
    Dimensions {
        congresses: vec![CongressId::new("c").unwrap()],
        levels: vec![Level::County],
        units: vec![UnitId::new("u").unwrap()],
        suggestions: vec![
            SuggestionId::new("s").unwrap(),
            SuggestionId::new("t").unwrap(),
        ],
        suggestion_congress: vec![0, 0],
        during: vec![SubmissionPeriod::Session, SubmissionPeriod::Recess],
    }
}

#[test]
fn bad_columns_name_the_row_the_column_and_the_value() {
    let sub = LifecycleKind::Submitted as u8;
    let asg = LifecycleKind::Assigned as u8;
    let rep = LifecycleKind::Replied as u8;
    /// suggestion, day, kind and arg columns; the field and value of the error.
    type Case = (
        Vec<u32>,
        Vec<i32>,
        Vec<u8>,
        Vec<u32>,
        &'static str,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            vec![2],
            vec![0],
            vec![sub],
            vec![0],
            "events[0].suggestion",
            "2",
        ),
        (vec![0], vec![0], vec![13], vec![0], "events[0].kind", "13"),
        (
            vec![0, 0],
            vec![5, 4],
            vec![sub, asg],
            vec![0, 0],
            "events[1].day",
            "1970-01-05",
        ),
        (
            vec![0, 0],
            vec![0, 1],
            vec![sub, asg],
            vec![0, 1],
            "events[1].arg",
            "1",
        ),
        (
            vec![0, 0],
            vec![0, 1],
            vec![sub, rep],
            vec![0, 9],
            "events[1].arg",
            "9",
        ),
        (vec![0], vec![0], vec![sub], vec![1], "events[0].arg", "1"),
        (
            vec![0, 1],
            vec![0, 1],
            vec![sub, asg],
            vec![0, 0],
            "events[1].kind",
            "suggestion_assigned",
        ),
        (
            vec![0, 0],
            vec![0, 1],
            vec![sub, sub],
            vec![0, 0],
            "events[1].kind",
            "suggestion_submitted",
        ),
        (
            vec![0],
            vec![i32::MAX],
            vec![sub],
            vec![0],
            "events[0].day",
            "2147483647",
        ),
        (vec![0], vec![0, 1], vec![sub], vec![0], "events", "1/2/1/1"),
    ];
    for (s, day, kind, arg, field, value) in cases {
        let err = SuggestionLog::from_columns(dims(), s, day, kind, arg).unwrap_err();
        assert_eq!(err.code(), "invalid_field");
        assert_eq!(err.field(), Some(field), "{err}");
        assert_eq!(err.value().as_deref(), Some(value), "{err}");
    }
}

#[test]
fn a_rejected_push_leaves_the_log_unchanged() {
    let mut log = SuggestionLog::from_columns(dims(), vec![], vec![], vec![], vec![]).unwrap();
    log.push(0, d(2024, 3, 1), Lifecycle::Submitted).unwrap();
    let before = log.clone();
    for (s, day, e) in [
        (0, d(2024, 2, 1), Lifecycle::Accepted),
        (1, d(2024, 3, 2), Lifecycle::Accepted),
        (0, d(2024, 3, 2), Lifecycle::Assigned { unit: 7 }),
        (0, d(2024, 3, 2), Lifecycle::Submitted),
    ] {
        assert!(log.push(s, day, e).is_err());
        assert_eq!(log, before);
    }
}

/// A random, structurally valid lifecycle for a few suggestions over a year.
fn arb_log() -> impl Strategy<Value = SuggestionLog> {
    let event = (0u32..4, 0i32..3, 0u8..13, 0u32..8);
    (1usize..6, prop::collection::vec(event, 0..80)).prop_map(|(congresses, raw)| {
        let mut log = SuggestionLog::new();
        for c in 0..congresses {
            log.add_congress(
                CongressId::new(format!("c{c}")).unwrap(),
                Level::ALL[c % Level::ALL.len()],
            );
        }
        for u in 0..3 {
            log.add_unit(UnitId::new(format!("u{u}")).unwrap());
        }
        for s in 0..4 {
            log.add_suggestion(
                SuggestionId::new(format!("s{s}")).unwrap(),
                (s as usize % congresses) as u32,
                SubmissionPeriod::ALL[s as usize % 2],
            )
            .unwrap();
        }
        let mut day = d(2024, 1, 2);
        let mut submitted = [false; 4];
        for (s, step, kind, arg) in raw {
            day = day + chrono::Days::new(step as u64 * 9);
            let kind = LifecycleKind::from_code(kind).unwrap();
            let event = if !submitted[s as usize] {
                submitted[s as usize] = true;
                Lifecycle::Submitted
            } else {
                match kind {
                    LifecycleKind::Submitted => continue,
                    LifecycleKind::Assigned => Lifecycle::Assigned { unit: arg % 3 },
                    LifecycleKind::Replied => Lifecycle::Replied {
                        result: ResultCategory::ALL[(arg % 4) as usize],
                        in_plan: arg >= 4,
                    },
                    LifecycleKind::FeedbackGiven => Lifecycle::FeedbackGiven {
                        rating: Satisfaction::ALL[(arg % 3) as usize],
                        by_lead: arg >= 4,
                    },
                    k => Lifecycle::decode(k, 0).unwrap(),
                }
            };
            log.push(s, day, event).unwrap();
        }
        log
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Partitioning by congress and combining is exact for any log, date and part count; the
    /// columns rebuild the same log.
    #[test]
    fn parts_combine_exactly_and_columns_round_trip(log in arb_log(), parts in 1usize..5, month in 1u32..13) {
        let cal = WorkCalendar::china();
        let as_of = d(2024, month, 15);
        let whole = log.figures(&Default::default(), cal, as_of).unwrap();
        let figures: Vec<_> = log.partition(parts).iter()
            .map(|p| p.figures(&Default::default(), cal, as_of).unwrap()).collect();
        prop_assert_eq!(SuggestionFigures::combine(figures.clone()).unwrap(), whole.clone());
        // Parts in any order, with their units in any order, combine to the same figures.
        let shuffled = figures.into_iter().rev().map(|mut f| { f.units.reverse(); f });
        prop_assert_eq!(SuggestionFigures::combine(shuffled).unwrap(), whole.clone());
        let threads = log
            .figures_in_parallel(&Default::default(), &Default::default(), cal, as_of, parts)
            .unwrap();
        prop_assert_eq!(threads, whole.clone());
        let kinds = log.kinds().iter().map(|k| *k as u8).collect();
        let again = SuggestionLog::from_columns(log.dimensions().clone(), log.suggestions().to_vec(),
            log.days().to_vec(), kinds, log.args().to_vec()).unwrap();
        prop_assert_eq!(&again, &log);
        for i in 0..log.len() {
            let (s, day, e) = log.event(i).unwrap();
            prop_assert_eq!(s, log.suggestions()[i]);
            prop_assert_eq!(renda::columnar::day_number(day), log.days()[i]);
            prop_assert_eq!(e.kind(), log.kinds()[i]);
        }
        // Counts are consistent with the log: one submission per submitted suggestion.
        let submitted = log.kinds().iter().filter(|k| **k == LifecycleKind::Submitted).count();
        prop_assert_eq!(whole.counts.submitted as usize,
            (0..log.len()).filter(|i| log.kinds()[*i] == LifecycleKind::Submitted
                && log.days()[*i] <= renda::columnar::day_number(as_of)).count());
        prop_assert!(submitted <= 4);
    }

    /// The rate text (64-bit arithmetic and hand-written digits where they suffice) equals
    /// the exact rounding half up computed in 128 bits, for any counts and precision.
    #[test]
    fn percent_text_rounds_half_up_exactly(
        numerator in prop_oneof![0u64..2_000, any::<u64>()],
        denominator in prop_oneof![0u64..2_000, any::<u64>()],
        decimals in 0u32..7,
    ) {
        let got = renda::figures::percent_text(numerator, denominator, decimals);
        let want = (denominator > 0).then(|| {
            let scale = 10u128.pow(decimals);
            let n = u128::from(numerator) * 100 * scale;
            let d = u128::from(denominator);
            let scaled = (2 * n + d) / (2 * d);
            let (int, frac) = (scaled / scale, scaled % scale);
            if decimals == 0 { int.to_string() } else { format!("{int}.{frac:0w$}", w = decimals as usize) }
        });
        prop_assert_eq!(got, want);
    }
}
