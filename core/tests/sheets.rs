//! Spreadsheet import and export (renda::sheet) against a realistic ledger: the fixture
//! `tests/sheets/haidian-style-ledger.csv` (36 fictional suggestions of a district congress),
//! round trips through CSV and XLSX, re-import, row errors, all-or-nothing, and robustness.
#![cfg(all(feature = "csv", feature = "xlsx"))]

use proptest::prelude::*;
use renda::sheet::{
    export_csv, export_xlsx, import_csv, import_xlsx, ExportOptions, ImportOptions, SheetError,
};
use renda::{Ledger, SuggestionStatus};
use std::collections::BTreeMap;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/sheets/haidian-style-ledger.csv"
);

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).expect("fixture")
}

/// The registry the fixture refers to (deputies and units by name).
fn registry() -> Ledger {
    let mut l = Ledger::new(Default::default());
    let admin = r#"{"role":"admin","id":"admin"}"#;
    l.execute_json(&format!(
        r#"{{"at":"2024-01-02T09:00:00+08:00","actor":{admin},"command":{{"type":"register_congress",
        "congress":"hd-17","name":"北京市海淀区第十七届人民代表大会","level":"county","term":17,
        "term_start":"2021-11-01","term_end":"2026-10-31"}}}}"#
    ))
    .unwrap();
    let deputies = [
        "王丽", "李强", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴昊", "郑爽",
        "孙悦",
    ];
    for (i, name) in deputies.iter().enumerate() {
        l.execute_json(&format!(
            r#"{{"at":"2024-01-02T09:00:00+08:00","actor":{admin},"command":{{"type":"register_deputy",
            "deputy":"D{:03}","congress":"hd-17","name":"{name}"}}}}"#,
            i + 1
        ))
        .unwrap();
    }
    for (id, name) in [
        ("edu", "区教委"),
        ("health", "区卫健委"),
        ("transport", "区交通委"),
        ("housing", "区住房城乡建设委"),
        ("city", "区城市管理委"),
        ("civil", "区民政局"),
        ("fin", "区财政局"),
        ("envir", "区生态环境局"),
        ("culture", "区文化和旅游局"),
        ("market", "区市场监管局"),
        ("sports", "区体育局"),
        ("police", "海淀公安分局"),
    ] {
        l.execute_json(&format!(
            r#"{{"at":"2024-01-02T09:00:00+08:00","actor":{admin},"command":{{"type":"register_unit","unit":"{id}","name":"{name}"}}}}"#
        ))
        .unwrap();
    }
    l
}

fn opts() -> ImportOptions {
    ImportOptions::default()
}

/// The registry with the fixture imported.
fn imported() -> Ledger {
    let mut l = registry();
    let plan = import_csv(&l, &fixture(), &opts()).unwrap_or_else(|e| panic!("{e:#?}"));
    plan.apply(&mut l).unwrap();
    l
}

fn statuses(l: &Ledger) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for s in l.suggestions() {
        *m.entry(s.status.as_str()).or_default() += 1;
    }
    m
}

fn csv_text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn errors_of(l: &Ledger, csv: &str) -> Vec<SheetError> {
    import_csv(l, csv.as_bytes(), &opts())
        .map(|p| panic!("expected errors, got a plan of {} commands", p.len()))
        .unwrap_err()
        .errors
}

#[test]
fn fixture_imports_every_lifecycle() {
    let l = imported();
    assert_eq!(l.suggestions().count(), 36);
    let expected: BTreeMap<&str, usize> = [
        ("closed", 20),
        ("replied", 4),
        ("assigned", 5),
        ("accepted", 1),
        ("submitted", 1),
        ("withdrawn", 1),
        ("returned_for_revision", 1),
        ("rejected", 1),
        ("rehandling", 1),
        ("in_plan", 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(statuses(&l), expected);
    // Names were resolved to ids; dates, labels and the second round were read.
    let s = l
        .suggestions()
        .find(|s| s.id.as_str() == "HD17-2024-003")
        .unwrap();
    assert_eq!(s.lead.as_str(), "D003");
    let a = s.assignment.as_ref().unwrap();
    assert_eq!(a.lead_unit.as_str(), "housing");
    assert_eq!(
        a.co_units.iter().map(|u| u.as_str()).collect::<Vec<_>>(),
        ["city", "fin"]
    );
    assert_eq!(s.co_unit_opinions.len(), 2);
    let s = l
        .suggestions()
        .find(|s| s.id.as_str() == "HD17-2024-010")
        .unwrap();
    assert_eq!(
        s.replies.len(),
        2,
        "re-handled suggestion has a second reply"
    );
    assert_eq!(s.rehandling.len(), 1);
    let figures = l.figures("2024-12-31".parse().unwrap()).unwrap();
    assert_eq!(
        (figures.counts.during_session, figures.counts.during_recess),
        (30, 6)
    );
    assert_eq!(figures.counts.closed, 20);
}

#[test]
fn csv_round_trip_into_a_fresh_ledger_is_the_identity() {
    let l = imported();
    let e1 = export_csv(&l, &ExportOptions::default());
    // Into a fresh ledger with the same registry.
    let mut fresh = registry();
    let plan = import_csv(&fresh, &e1, &opts()).unwrap();
    plan.apply(&mut fresh).unwrap();
    let e2 = export_csv(&fresh, &ExportOptions::default());
    assert_eq!(csv_text(&e1), csv_text(&e2));
    assert_eq!(fresh.state().suggestions, l.state().suggestions);
    // Into the ledger itself: nothing to do, from the export or from the original sheet.
    assert!(import_csv(&l, &e1, &opts()).unwrap().is_empty());
    assert!(import_csv(&l, &fixture(), &opts()).unwrap().is_empty());
}

#[test]
fn xlsx_round_trip_and_same_plan_as_csv() {
    let l = imported();
    let book = export_xlsx(&l, &ExportOptions::default()).unwrap();
    assert!(import_xlsx(&l, &book, &opts()).unwrap().is_empty());
    let mut fresh = registry();
    import_xlsx(&fresh, &book, &opts())
        .unwrap()
        .apply(&mut fresh)
        .unwrap();
    assert_eq!(
        csv_text(&export_csv(&fresh, &Default::default())),
        csv_text(&export_csv(&l, &Default::default()))
    );
    // The export's XLSX plans exactly what the export's CSV plans.
    let reg = registry();
    let from_xlsx = import_xlsx(&reg, &book, &opts()).unwrap();
    let from_csv = import_csv(&reg, &export_csv(&l, &Default::default()), &opts()).unwrap();
    assert_eq!(from_xlsx.commands(), from_csv.commands());
}

/// The fixture typed into Excel by an office: a title row, then the header; dates as real date
/// cells in some columns and as text in others, ids as numbers where they look like numbers.
#[test]
fn xlsx_built_from_the_fixture_plans_like_the_csv() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let text = String::from_utf8(fixture()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("2024年").unwrap();
    let date_format = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    for (r, rec) in reader.records().enumerate() {
        for (c, v) in rec.unwrap().iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let date = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
            match date {
                // 提出时间 and 答复日期 as date cells; other dates stay text.
                Some(d) if c == 5 || c == 17 => {
                    use chrono::Datelike;
                    let xl =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .unwrap();
                    sheet
                        .write_datetime_with_format(r, c, &xl, &date_format)
                        .unwrap();
                }
                _ if v.is_empty() => {}
                _ => {
                    sheet.write_string(r, c, v).unwrap();
                }
            }
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let reg = registry();
    let named = ImportOptions {
        sheet: Some("2024年".into()),
        ..opts()
    };
    let from_xlsx = import_xlsx(&reg, &bytes, &named).unwrap();
    let from_csv = import_csv(&reg, &fixture(), &opts()).unwrap();
    assert_eq!(from_xlsx.commands(), from_csv.commands());
    assert!(from_xlsx.len() > 150);
}

#[test]
fn plan_is_in_time_order_with_the_right_actors() {
    let reg = registry();
    let plan = import_csv(&reg, &fixture(), &opts()).unwrap();
    let times: Vec<_> = plan.envelopes().map(|c| c.at).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    for c in plan.commands() {
        assert!(c.command.at.to_string().ends_with("T09:00:00+08:00"));
        let role = c.command.actor.role.as_str();
        match c.command.command.type_name() {
            "reply_suggestion" | "submit_co_unit_opinion" => assert_eq!(role, "handling_unit"),
            "give_feedback" => assert_eq!(role, "deputy"),
            _ => assert_eq!(
                (role, c.command.actor.id.as_str()),
                ("deputy_affairs_office", "office")
            ),
        }
    }
    let office = ImportOptions::for_office("hd-office").unwrap();
    let plan = import_csv(&reg, &fixture(), &office).unwrap();
    assert_eq!(
        plan.envelopes().next().unwrap().actor.id.as_str(),
        "hd-office"
    );
    // The JSON form names row, column and value.
    let v: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
    assert_eq!(v["commands"][0]["row"], 3);
    assert_eq!(v["commands"][0]["column"], "提出时间");
    assert_eq!(
        v["commands"][0]["command"]["command"]["type"],
        "submit_suggestion"
    );
}

const HEAD: &str = "建议号,届次,标题,领衔代表,附议代表,提出时间,提出方式,类别,状态,受理日期,交办日期,主办单位,协办单位,协办意见,答复日期,办理结果,列入计划,答复摘要,原因说明,代表意见,反馈日期\n";

#[test]
fn row_errors_name_row_column_value_and_reason() {
    let l = registry();
    let csv = format!(
        "{HEAD}\
         S1,hd-17,关于A的建议,王丽,,2024-13-01,大会期间,,,,,,,,,,,,,,\n\
         S2,hd-17,关于B的建议,无名氏,李强,2024-01-08,开会时,,,,,,,,,,,,,,\n\
         S3,hd-17,,王丽,,2024-01-08,大会期间,,,,2024-01-20,区教育局,,,,,,,,,\n\
         S1,hd-17,关于A的建议,王丽,,2024-01-08,大会期间,,,,,,,,,,,,,,\n\
         S4,hd-17,关于C的建议,王丽,,2024-01-08,大会期间,,,,2024-01-20,区教委,,,2024-03-01,Z,,已答复,,,\n"
    );
    let errs = errors_of(&l, &csv);
    let got: Vec<(usize, &str, Option<&str>, &str)> = errs
        .iter()
        .map(|e| {
            (
                e.row,
                e.column.as_deref().unwrap(),
                e.value.as_deref(),
                e.code.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, "提出时间", Some("2024-13-01"), "invalid_value"),
            (3, "领衔代表", Some("无名氏"), "unknown_reference"),
            (3, "提出方式", Some("开会时"), "invalid_value"),
            (4, "主办单位", Some("区教育局"), "unknown_reference"),
            (5, "建议号", Some("S1"), "duplicate_row"),
            (6, "办理结果", Some("Z"), "invalid_value"),
        ]
    );
    assert!(errs[2].reason.contains("大会期间 (session)"));
    assert!(errs[4].reason.contains("row 2"));
    // Nothing was executed: planning never touches the ledger.
    assert_eq!(l.suggestions().count(), 0);
}

#[test]
fn missing_values_are_reported_per_cell() {
    let l = registry();
    let csv = format!(
        "{HEAD}\
         S1,hd-17,,,,,,,,,,,,,,,,,,,\n\
         S2,hd-17,关于B的建议,王丽,,2024-01-08,大会期间,,,,2024-01-20,,,,2024-03-01,A,,,,满意,\n"
    );
    let errs = errors_of(&l, &csv);
    let got: Vec<(usize, &str)> = errs
        .iter()
        .map(|e| (e.row, e.column.as_deref().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "标题"),
            (2, "领衔代表"),
            (2, "提出时间"),
            (2, "提出方式"),
            (3, "主办单位"),
            (3, "答复摘要"),
            (3, "反馈日期"),
        ]
    );
    assert!(errs.iter().all(|e| e.code == "missing_value"));
}

#[test]
fn rejected_commands_map_back_to_row_and_column() {
    let l = registry();
    let csv = format!(
        "{HEAD}\
         S1,hd-17,关于A的建议,王丽,,2024-01-08,大会期间,,,2024-01-10,2024-01-20,区教委,区财政局,,2024-03-01,A,否,已解决,,,\n\
         S2,hd-17,关于B的建议,王丽,,2024-01-08,大会期间,,,2024-01-10,2024-01-20,区教委,,,2024-03-01,C,否,暂无法解决,,,\n\
         S3,hd-17,关于C的建议,王丽,,2024-01-08,大会期间,,,2024-01-10,2024-01-20,区教委,,,2024-03-01,A,是,已解决,,,\n\
         S4,hd-17,关于D的建议,王丽,,2024-01-08,大会期间,,,2024-01-10,2024-01-20,区教委,,,2024-01-15,A,否,已解决,,,\n\
         S5,hd-17,关于E的建议,王丽,,2024-01-08,大会期间,,已办结,2024-01-10,2024-01-20,区教委,,,2024-03-01,A,否,已解决,,,\n\
         S6,hd-17,关于F的建议,王丽,王丽,2024-01-08,大会期间,,,,,,,,,,,,,,\n"
    );
    let errs = errors_of(&l, &csv);
    let got: Vec<(usize, &str, &str)> = errs
        .iter()
        .map(|e| (e.row, e.column.as_deref().unwrap(), e.code.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "协办意见", "co_unit_opinions_missing"),
            (3, "原因说明", "reason_required"),
            (4, "列入计划", "in_plan_requires_b"),
            (5, "答复日期", "out_of_order"),
            (6, "状态", "status_mismatch"),
            (7, "附议代表", "invalid_field"),
        ]
    );
    assert!(errs[3].reason.contains("earlier than 交办日期 2024-01-20"));
    assert!(errs[4].reason.contains("已答复"));
}

/// One suggestion assigned on 2024-01-20 (for the re-import tests).
fn assigned() -> Ledger {
    let mut l = registry();
    let csv = format!(
        "{HEAD}S1,hd-17,关于A的建议,王丽,李强,2024-01-08,大会期间,教育,已交办,2024-01-10,2024-01-20,区教委,区财政局,,,,,,,,\n"
    );
    import_csv(&l, csv.as_bytes(), &opts())
        .unwrap()
        .apply(&mut l)
        .unwrap();
    l
}

#[test]
fn reimport_adds_only_the_new_steps() {
    let mut l = assigned();
    let seq = l.seq();
    // The same row again: nothing. By names or by ids alike.
    let same = format!("{HEAD}S1,hd-17,关于A的建议,D001,D002,2024-01-08,大会期间,教育,已交办,2024-01-10,2024-01-20,edu,fin,,,,,,,,\n");
    assert!(import_csv(&l, same.as_bytes(), &opts()).unwrap().is_empty());
    // The co-unit's opinion and the reply arrive.
    let later = format!(
        "{HEAD}S1,hd-17,关于A的建议,王丽,李强,2024-01-08,大会期间,教育,已答复,2024-01-10,2024-01-20,区教委,区财政局,区财政局（2024-02-20）：同意,2024-03-01,A,否,已解决,,,\n"
    );
    let plan = import_csv(&l, later.as_bytes(), &opts()).unwrap();
    let types: Vec<&str> = plan.envelopes().map(|c| c.command.type_name()).collect();
    assert_eq!(types, ["submit_co_unit_opinion", "reply_suggestion"]);
    assert_eq!(plan.commands()[0].command.actor.id.as_str(), "fin");
    assert_eq!(plan.commands()[1].command.actor.id.as_str(), "edu");
    plan.apply(&mut l).unwrap();
    assert_eq!(l.seq(), seq + 2);
    // A shorter (older) sheet is not a contradiction: blank cells state nothing.
    let older = format!("{HEAD}S1,hd-17,关于A的建议,王丽,李强,2024-01-08,大会期间,教育,,2024-01-10,2024-01-20,区教委,区财政局,,,,,,,,\n");
    assert!(import_csv(&l, older.as_bytes(), &opts())
        .unwrap()
        .is_empty());
}

#[test]
fn reimport_refuses_to_change_recorded_facts() {
    let mut l = assigned();
    let reply = format!(
        "{HEAD}S1,hd-17,关于A的建议,王丽,李强,2024-01-08,大会期间,教育,,2024-01-10,2024-01-20,区教委,区财政局,区财政局（2024-02-20）：同意,2024-03-01,A,否,已解决,,,\n"
    );
    import_csv(&l, reply.as_bytes(), &opts())
        .unwrap()
        .apply(&mut l)
        .unwrap();
    let changed = format!(
        "{HEAD}S1,hd-17,关于B的建议,王丽,,2024-01-08,大会期间,教育,,2024-01-10,2024-01-21,区教委,区财政局,区财政局：不同意,2024-03-02,B,否,已解决,,,\n"
    );
    let errs = errors_of(&l, &changed);
    let got: Vec<(&str, &str)> = errs
        .iter()
        .map(|e| (e.column.as_deref().unwrap(), e.value.as_deref().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("附议代表", ""),
            ("标题", "关于B的建议"),
            ("交办日期", "2024-01-21"),
            ("协办意见", "不同意"),
            ("答复日期", "2024-03-02"),
            ("办理结果", "正在解决或列入计划解决"),
        ]
    );
    assert!(errs.iter().all(|e| e.code == "conflicting_fact"));
    assert!(errs[1].reason.starts_with("cannot change a recorded fact"));
    assert!(errs[1].reason.contains("关于A的建议"));
}

#[test]
fn a_step_before_the_ledgers_last_event_is_out_of_order() {
    let mut l = assigned();
    // Another suggestion moves the ledger on to 2024-06-01.
    let other = format!("{HEAD}S2,hd-17,关于B的建议,李强,,2024-06-01,闭会期间,,,,,,,,,,,,,,\n");
    import_csv(&l, other.as_bytes(), &opts())
        .unwrap()
        .apply(&mut l)
        .unwrap();
    let late = format!(
        "{HEAD}S1,hd-17,关于A的建议,王丽,李强,2024-01-08,大会期间,教育,,2024-01-10,2024-01-20,区教委,区财政局,区财政局（2024-02-20）：同意,2024-03-01,A,否,已解决,,,\n"
    );
    let errs = errors_of(&l, &late);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].code, "out_of_order");
    assert_eq!(errs[0].column.as_deref(), Some("协办意见"));
    assert!(errs[0].reason.contains("last recorded event"));
}

#[test]
fn apply_is_all_or_nothing() {
    let mut l = assigned();
    let reply = format!(
        "{HEAD}S1,hd-17,关于A的建议,王丽,李强,2024-01-08,大会期间,教育,,2024-01-10,2024-01-20,区教委,区财政局,区财政局（2024-02-20）：同意,2024-03-01,A,否,已解决,,,\n\
         S2,hd-17,关于B的建议,李强,,2024-02-01,闭会期间,,,,,,,,,,,,,,\n"
    );
    let plan = import_csv(&l, reply.as_bytes(), &opts()).unwrap();
    assert_eq!(plan.len(), 3);
    // Meanwhile the co-unit sends its opinion through another channel.
    l.execute_json(
        r#"{"at":"2024-01-25T10:00:00+08:00","actor":{"role":"handling_unit","id":"fin"},
        "command":{"type":"submit_co_unit_opinion","suggestion":"S1","opinion":"另行提交"}}"#,
    )
    .unwrap();
    let before = (l.seq(), l.state().clone());
    let errs = plan.apply(&mut l).unwrap_err();
    assert_eq!(errs.errors.len(), 1, "{errs}");
    assert_eq!(errs.errors[0].row, 2);
    assert_eq!(errs.errors[0].code, "opinion_already_submitted");
    assert_eq!((l.seq(), l.state().clone()), before, "nothing changed");
}

#[test]
fn returned_revised_withdrawn_rejected() {
    let mut l = registry();
    let head = "建议号,届次,标题,领衔代表,提出时间,提出方式,状态,状态日期,状态说明,受理日期,交办日期,主办单位\n";
    let csv = format!(
        "{head}S1,hd-17,关于A,王丽,2024-01-08,大会期间,退回修改,2024-01-09,请补充,,,\n\
         S2,hd-17,关于B,王丽,2024-01-08,大会期间,已撤回,2024-01-15,,2024-01-10,,\n\
         S3,hd-17,关于C,王丽,2024-01-08,大会期间,不作为建议,2024-01-09,,,,\n"
    );
    import_csv(&l, csv.as_bytes(), &opts())
        .unwrap()
        .apply(&mut l)
        .unwrap();
    let status = |l: &Ledger, id: &str| {
        l.suggestions()
            .find(|s| s.id.as_str() == id)
            .unwrap()
            .status
    };
    assert_eq!(status(&l, "S1"), SuggestionStatus::ReturnedForRevision);
    assert_eq!(status(&l, "S2"), SuggestionStatus::Withdrawn);
    assert_eq!(status(&l, "S3"), SuggestionStatus::Rejected);
    // The deputy revises the returned suggestion; the office accepts and assigns it.
    let revised = format!("{head}S1,hd-17,关于A（修改稿）,王丽,2024-01-08,大会期间,已交办,,,2024-01-16,2024-01-18,区教委\n");
    let plan = import_csv(&l, revised.as_bytes(), &opts()).unwrap();
    let types: Vec<&str> = plan.envelopes().map(|c| c.command.type_name()).collect();
    assert_eq!(
        types,
        [
            "revise_suggestion",
            "accept_suggestion",
            "assign_suggestion"
        ]
    );
    plan.apply(&mut l).unwrap();
    assert_eq!(status(&l, "S1"), SuggestionStatus::Assigned);
    // A new title after acceptance is a contradiction.
    let again = format!("{head}S1,hd-17,关于A（第三稿）,王丽,2024-01-08,大会期间,,,,,,\n");
    assert_eq!(errors_of(&l, &again)[0].code, "conflicting_fact");
    // Round trip of these statuses.
    let e1 = export_csv(&l, &Default::default());
    let mut fresh = registry();
    import_csv(&fresh, &e1, &opts())
        .unwrap()
        .apply(&mut fresh)
        .unwrap();
    assert_eq!(
        csv_text(&export_csv(&fresh, &Default::default())),
        csv_text(&e1)
    );
}

#[test]
fn formulas_are_escaped_and_round_trip() {
    let mut l = registry();
    let csv = "建议号,标题,领衔代表,提出时间,提出方式\nS1,'=HYPERLINK(\"http://x\"),王丽,2024-01-08,大会期间\n";
    import_csv(&l, csv.as_bytes(), &opts())
        .unwrap()
        .apply(&mut l)
        .unwrap();
    assert_eq!(
        l.suggestions().next().unwrap().title,
        "=HYPERLINK(\"http://x\")"
    );
    let out = csv_text(&export_csv(&l, &Default::default()));
    assert!(out.contains("'=HYPERLINK"), "{out}");
    assert!(import_csv(&l, out.as_bytes(), &opts()).unwrap().is_empty());
}

#[test]
fn limits_and_encodings() {
    let l = registry();
    let small = ImportOptions {
        max_rows: 10,
        ..opts()
    };
    let e = import_csv(&l, &fixture(), &small).unwrap_err();
    assert_eq!(e.errors.last().unwrap().code, "too_many_rows");
    let short = ImportOptions {
        max_cell_chars: 20,
        ..opts()
    };
    let e = import_csv(&l, &fixture(), &short).unwrap_err();
    assert!(e.errors.iter().all(|e| e.code == "cell_too_long"));
    assert!(e
        .errors
        .iter()
        .any(|e| e.column.as_deref() == Some("协办意见")));
    let few = ImportOptions {
        max_errors: 3,
        ..short
    };
    let e = import_csv(&l, &fixture(), &few).unwrap_err();
    assert_eq!(e.errors.len(), 4);
    assert!(e.errors.iter().any(|e| e.code == "too_many_errors"));
    // Without BOM, and GBK bytes.
    let fx = fixture();
    let no_bom = &fx[3..];
    assert_eq!(
        import_csv(&l, no_bom, &opts()).unwrap().len(),
        import_csv(&l, &fx, &opts()).unwrap().len()
    );
    let e = import_csv(&l, b"\xbd\xa8\xd2\xe9\xba\xc5\n", &opts()).unwrap_err();
    assert_eq!(
        (e.errors[0].row, e.errors[0].code.as_str()),
        (1, "invalid_encoding")
    );
    let e = import_csv(&l, b"", &opts()).unwrap_err();
    assert_eq!(e.errors[0].code, "no_header");
}

#[test]
fn plan_time_grows_linearly() {
    // 5 000 new suggestions plan in one pass (no quadratic look-ups); a loose bound that a
    // quadratic algorithm would miss by far.
    let mut csv = String::from("建议号,届次,标题,领衔代表,提出时间,提出方式\n");
    for i in 0..5_000 {
        csv.push_str(&format!(
            "S{i},hd-17,关于第{i}件事的建议,D001,2024-02-01,闭会期间\n"
        ));
    }
    let l = registry();
    let t = std::time::Instant::now();
    let plan = import_csv(&l, csv.as_bytes(), &opts()).unwrap();
    assert_eq!(plan.len(), 5_000);
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..400)) {
        renda::sheet::fuzz_import(&data);
    }

    #[test]
    fn mutated_fixtures_never_panic(cuts in proptest::collection::vec((0usize..12_000, any::<u8>()), 1..8)) {
        let mut data = fixture();
        for (at, byte) in cuts {
            let n = data.len();
            data[at % n] = byte;
        }
        renda::sheet::fuzz_import(&data);
        let l = registry();
        let _ = import_csv(&l, &data, &opts());
    }

    #[test]
    fn mutated_workbooks_never_panic(cuts in proptest::collection::vec((0usize..100_000, any::<u8>()), 1..4)) {
        let l = registry();
        let mut data = export_xlsx(&imported(), &Default::default()).unwrap();
        for (at, byte) in cuts {
            let n = data.len();
            data[at % n] = byte;
        }
        let _ = import_xlsx(&l, &data, &opts());
    }
}
