//! Tables (`renda::table`): row counts match the records in the state, and the derived
//! columns add up to the figures computed from the same ledger.

use crate::common;

use chrono::NaiveDate;
use common::scenario_ledger;
use renda::figures::FigureFilter;
use renda::table::{ColumnData, Table, TableName};
use renda::{Actor, Ledger, Role};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn text(t: &Table, col: &str, row: usize) -> Option<String> {
    t.column(col)
        .unwrap_or_else(|| panic!("{} has no column {col}", t.name))
        .data
        .text(row)
}

/// Rows where `col` reads `value`.
fn count(t: &Table, col: &str, value: &str) -> u64 {
    (0..t.len())
        .filter(|i| text(t, col, *i).as_deref() == Some(value))
        .count() as u64
}

fn ints(t: &Table, col: &str) -> Vec<Option<i64>> {
    match &t.column(col).unwrap().data {
        ColumnData::Int64(v) => v.clone(),
        other => panic!("{col} is {}", other.type_name()),
    }
}

fn sum(t: &Table, col: &str) -> u64 {
    ints(t, col).into_iter().flatten().sum::<i64>() as u64
}

#[test]
fn suggestions_add_up_to_the_figures_of_haidian_2024() {
    let ledger = scenario_ledger("c_s001_haidian_2024.json");
    let as_of = date("2024-12-31");
    let t = ledger.table(TableName::Suggestions, Some(as_of)).unwrap();
    let f = ledger.figures(as_of).unwrap();
    let submitted = ledger
        .suggestions()
        .filter(|s| s.submitted_on() <= as_of)
        .count();
    assert_eq!(t.len(), submitted);
    assert_eq!(t.len() as u64, f.counts.submitted);
    assert_eq!(count(&t, "result", "A"), f.results.A);
    assert_eq!(count(&t, "result", "B"), f.results.B);
    assert_eq!(count(&t, "result", "C"), f.results.C);
    assert_eq!(count(&t, "result", "D"), f.results.D);
    assert_eq!(count(&t, "during", "session"), f.counts.during_session);
    assert_eq!(count(&t, "during", "recess"), f.counts.during_recess);
    assert_eq!(count(&t, "on_time", "true"), f.counts.replied_on_time);
    assert_eq!(count(&t, "status", "closed"), f.counts.closed);
    assert_eq!(count(&t, "overdue", "true"), f.counts.overdue);
    assert_eq!(count(&t, "in_plan", "true"), f.plan_ledger.entered);
    assert_eq!(count(&t, "satisfaction", "satisfied"), f.ratings.satisfied);
    let replied = (0..t.len())
        .filter(|i| text(&t, "replied_on", *i).is_some())
        .count() as u64;
    assert_eq!(replied, f.counts.replied);
    let key = ledger
        .key_figures(&"hd-17".parse().unwrap(), as_of)
        .unwrap();
    assert_eq!(count(&t, "key", "true"), key.designated);
    // Every suggestion's id, title and lead come from the state.
    for (i, s) in ledger.suggestions().enumerate() {
        assert_eq!(text(&t, "suggestion", i).as_deref(), Some(s.id.as_str()));
        assert_eq!(text(&t, "title", i).as_deref(), Some(s.title.as_str()));
        assert_eq!(text(&t, "lead_deputy", i).as_deref(), Some(s.lead.as_str()));
    }
}

#[test]
fn an_earlier_date_has_fewer_rows_and_the_status_of_then() {
    let ledger = scenario_ledger("c_s001_haidian_2024.json");
    let as_of = date("2024-03-31");
    let t = ledger.table(TableName::Suggestions, Some(as_of)).unwrap();
    let f = ledger.figures(as_of).unwrap();
    assert_eq!(t.len() as u64, f.counts.submitted);
    assert!(t.len() < ledger.suggestions().count());
    assert_eq!(count(&t, "result", "A"), f.results.A);
    for (i, s) in ledger
        .suggestions()
        .filter(|s| s.submitted_on() <= as_of)
        .enumerate()
    {
        let then = s.status_as_of(as_of).unwrap();
        assert_eq!(
            text(&t, "status", i),
            Some(
                serde_json::to_value(then)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            )
        );
    }
}

#[test]
fn units_carry_the_unit_figures_and_scores() {
    let ledger = scenario_ledger("c_s001_haidian_2024.json");
    let as_of = date("2024-12-31");
    let t = ledger.table(TableName::Units, Some(as_of)).unwrap();
    let f = ledger.figures(as_of).unwrap();
    assert_eq!(t.len(), ledger.units().count());
    assert_eq!(sum(&t, "assigned"), f.counts.assigned);
    assert_eq!(sum(&t, "replied"), f.counts.replied);
    assert_eq!(sum(&t, "result_a"), f.results.A);
    let scores = ledger.unit_scores(as_of, &FigureFilter::default()).unwrap();
    let ranks = ints(&t, "rank");
    for s in &scores {
        let row = ledger.units().position(|u| u.id == s.unit).unwrap();
        assert_eq!(ranks[row], Some(s.rank as i64));
        assert_eq!(
            text(&t, "score", row).map(|x| x.parse::<f64>().unwrap()),
            Some(s.score.parse().unwrap())
        );
    }
    for u in &f.units {
        let row = ledger.units().position(|x| x.id == u.unit).unwrap();
        assert_eq!(ints(&t, "assigned")[row], Some(u.assigned as i64));
    }
}

#[test]
fn deputies_activities_and_points_match_the_points_as_they_stand() {
    let ledger = scenario_ledger("d_rd2_points_live.json");
    let as_of = date("2025-06-30");
    let deputies = ledger.table(TableName::Deputies, Some(as_of)).unwrap();
    assert_eq!(deputies.len(), ledger.deputies().count());
    let activities = ledger.table(TableName::Activities, Some(as_of)).unwrap();
    let held = ledger
        .state()
        .activities
        .values()
        .filter(|a| a.on <= as_of)
        .count();
    assert!(held > 0);
    assert_eq!(activities.len(), held);
    let points = ledger.table(TableName::Points, Some(as_of)).unwrap();
    let rows = ledger
        .points(
            &"hd-17".parse().unwrap(),
            "2025".parse().unwrap(),
            &renda::points::PublicationScope::Congress,
        )
        .unwrap();
    assert_eq!(points.len(), rows.len());
    let by_deputy = ints(&deputies, "points");
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(
            text(&points, "deputy", i).as_deref(),
            Some(r.deputy.as_str())
        );
        assert_eq!(ints(&points, "points")[i], Some(r.points as i64));
        let d = ledger.deputies().position(|d| d.id == r.deputy).unwrap();
        assert_eq!(by_deputy[d], Some(r.points as i64));
    }
    // A deputy sees their own points row; the public reads the publications instead.
    let d1 = Actor::new(Role::Deputy, "D001").unwrap();
    let own = ledger
        .table_as(&d1, TableName::Points, Some(as_of))
        .unwrap();
    assert_eq!(own.len(), 1);
    let public = Actor::new(Role::Public, "p").unwrap();
    let err = ledger
        .table_as(&public, TableName::Points, Some(as_of))
        .unwrap_err();
    assert_eq!(err.code(), "not_published");
    let seen = ledger
        .table_as(&public, TableName::Deputies, Some(as_of))
        .unwrap();
    assert!(ints(&seen, "points").iter().all(Option::is_none));
}

#[test]
fn motions_are_those_submitted_by_the_date() {
    let ledger = scenario_ledger("m_l2_review_merged.json");
    let all = ledger.table(TableName::Motions, None).unwrap();
    assert_eq!(all.len(), ledger.state().motions.len());
    assert!(!all.is_empty());
    for (i, m) in ledger.state().motions.values().enumerate() {
        assert_eq!(text(&all, "motion", i).as_deref(), Some(m.id.as_str()));
        let status = serde_json::to_value(m.status).unwrap();
        assert_eq!(text(&all, "status", i).as_deref(), status.as_str());
    }
    let first = ledger
        .state()
        .motions
        .values()
        .filter_map(|m| m.history.first().map(|(d, _)| *d))
        .min()
        .unwrap();
    let before = ledger
        .table(TableName::Motions, Some(first.pred_opt().unwrap()))
        .unwrap();
    assert!(before.is_empty());
}

#[test]
fn supervision_items_and_evaluations_of_haidian_2024_oversight() {
    let ledger = scenario_ledger("o_s001_haidian_2024_oversight.json");
    let st = ledger.state();
    let items = ledger.table(TableName::SupervisionItems, None).unwrap();
    let expected = st.work_reports.len()
        + st.inspections.len()
        + st.escalations.len()
        + st.normative_documents.len()
        + st.livelihood_projects.len()
        + st.supervision_topics.len();
    assert!(expected > 0);
    assert_eq!(items.len(), expected);
    assert_eq!(
        count(&items, "kind", "work_report") as usize,
        st.work_reports.len()
    );
    let evaluations = ledger.table(TableName::Evaluations, None).unwrap();
    assert_eq!(
        evaluations.len(),
        st.work_evaluations.len() + st.handling_evaluations.len()
    );
    let voted = st
        .work_evaluations
        .values()
        .filter(|w| w.vote.is_some())
        .count();
    let held = (0..evaluations.len())
        .filter(|i| text(&evaluations, "vote_held_on", *i).is_some())
        .count();
    assert_eq!(held, voted);
}

#[test]
fn the_public_gets_no_suggestion_table_before_publication() {
    let ledger = scenario_ledger("c_s001_haidian_2024.json");
    let public = Actor::new(Role::Public, "p").unwrap();
    let as_of = Some(date("2024-12-31"));
    let figures = ledger.figures_as(&public, date("2024-12-31"), &FigureFilter::default());
    let table = ledger.table_as(&public, TableName::Suggestions, as_of);
    match figures {
        Err(e) => assert_eq!(table.unwrap_err().code(), e.code()),
        Ok(f) => assert_eq!(table.unwrap().len() as u64, f.counts.submitted),
    }
    let office = Actor::new(Role::DeputyAffairsOffice, "office").unwrap();
    let seen = ledger
        .table_as(&office, TableName::Suggestions, as_of)
        .unwrap();
    assert_eq!(seen, ledger.table(TableName::Suggestions, as_of).unwrap());
}

#[test]
fn table_names_round_trip_and_unknown_names_are_refused() {
    for t in TableName::ALL {
        assert_eq!(t.as_str().parse::<TableName>().unwrap(), t);
        assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
    }
    let e = "suggestion".parse::<TableName>().unwrap_err();
    assert_eq!(e.code(), "invalid_field");
    assert_eq!(e.info().field.as_deref(), Some("table"));
}

/// Every table of every shared scenario builds, with columns of equal length and labels in
/// both languages, and (with `arrow`) converts to a record batch of the same shape.
#[test]
fn every_table_of_every_scenario_is_well_formed() {
    let dir = common::tests_path("scenarios");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for name in names {
        let ledger: Ledger = scenario_ledger(&name);
        for t in TableName::ALL {
            let table = match ledger.table(t, None) {
                Ok(table) => table,
                Err(e) => panic!("{name}: table {t}: {e}"),
            };
            for c in &table.columns {
                assert_eq!(c.data.len(), table.len(), "{name}: {t}.{}", c.name);
                assert!(!c.label.zh.is_empty() && !c.label.en.is_empty());
            }
            #[cfg(feature = "arrow")]
            {
                let batch = table.to_record_batch().unwrap();
                assert_eq!(batch.num_rows(), table.len());
                assert_eq!(batch.num_columns(), table.columns.len());
            }
        }
    }
}

#[cfg(feature = "arrow")]
#[test]
fn record_batches_keep_types_and_labels() {
    use arrow_schema::DataType;
    let ledger = scenario_ledger("c_s001_haidian_2024.json");
    let t = ledger
        .table(TableName::Suggestions, Some(date("2024-12-31")))
        .unwrap();
    let batch = t.to_record_batch().unwrap();
    let schema = batch.schema();
    assert_eq!(
        schema.field_with_name("status").unwrap().data_type(),
        &DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
    );
    assert_eq!(
        schema.field_with_name("submitted_on").unwrap().data_type(),
        &DataType::Date32
    );
    assert_eq!(
        schema.field_with_name("lead_unit").unwrap().metadata()["label_zh"],
        "主办单位"
    );
    assert_eq!(schema.metadata()["renda.as_of"], "2024-12-31");
}

#[test]
fn an_evaluator_sees_the_suggestions_of_its_sample_and_its_own_evaluations() {
    let ledger = scenario_ledger("k_w3_rs9_evaluation_chain.json");
    let evaluator = Actor::new(Role::ThirdPartyEvaluator, "nbs-haidian").unwrap();
    let seen = ledger
        .table_as(&evaluator, TableName::Suggestions, None)
        .unwrap();
    let sample: Vec<String> = ledger
        .state()
        .handling_evaluations
        .values()
        .filter(|e| e.evaluator.as_ref().map(|a| a.as_str()) == Some("nbs-haidian"))
        .flat_map(|e| e.sample.iter().map(|s| s.suggestion.to_string()))
        .collect();
    assert!(!sample.is_empty());
    assert!(seen.len() < ledger.suggestions().count());
    for i in 0..seen.len() {
        assert!(sample.contains(&text(&seen, "suggestion", i).unwrap()));
    }
    let other = Actor::new(Role::ThirdPartyEvaluator, "other-firm").unwrap();
    assert!(ledger
        .table_as(&other, TableName::Evaluations, None)
        .unwrap()
        .is_empty());
    assert_eq!(
        ledger
            .table_as(&evaluator, TableName::Evaluations, None)
            .unwrap()
            .len(),
        ledger.state().handling_evaluations.len()
    );
}
