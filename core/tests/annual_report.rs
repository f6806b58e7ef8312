//! The annual work report (issue 6 item 2) on the data set that encodes Haidian 2024
//! (`tests/reports/haidian-2024.json`, from `scripts/make-haidian-2024-report.py`): every
//! figure of domain.md §4.2 marked consistent (S001-1, S001-13, S001-15, S001-16, and the
//! office's S001-19 and S001-20) appears in the rendered report, in both languages and both
//! formats; S000-3 given as an office figure is flagged.

use crate::common;

use renda::labels::Lang;
use renda::report::{OfficeFigure, ReportRequest};
use renda::stats::{CountUnit, PublishedFigure};
use renda::Ledger;

fn haidian() -> Ledger {
    common::haidian_2024()
}

fn persons(zh: &str, en: &str, n: u64, d: u64, stated: &str) -> OfficeFigure {
    OfficeFigure {
        zh: zh.into(),
        en: en.into(),
        figure: PublishedFigure {
            numerator: n,
            numerator_unit: CountUnit::Persons,
            denominator: d,
            denominator_unit: CountUnit::Persons,
            stated_percent: stated.into(),
        },
    }
}

fn request() -> ReportRequest {
    let mut r = ReportRequest::year("hd-17".parse().unwrap(), 2024);
    r.office = vec![
        persons("40岁以下工作人员", "Staff under 40", 16, 49, "32.7"),
        persons(
            "轮岗交流科级干部",
            "Section-level cadres rotated",
            11,
            24,
            "45.8",
        ),
        persons(
            "研究生学历代表",
            "Deputies with postgraduate education",
            247,
            445,
            "57.75",
        ),
    ];
    r
}

#[test]
fn haidian_2024_report_has_every_consistent_figure_of_s001() {
    let l = haidian();
    let r = l.annual_report(&request()).unwrap();
    // S001-1
    let o = &r.overview;
    assert_eq!(
        (
            o.congress_sessions,
            o.standing_committee_meetings,
            o.director_meetings
        ),
        (1, 7, 17)
    );
    assert_eq!(
        o.meets_l5,
        Some(true),
        "7 ≥ 6 meetings, one in every two months (L-5)"
    );
    // S001-2
    let out = &o.outputs;
    assert_eq!(
        (
            out.reports_heard,
            out.resolutions_and_decisions,
            out.review_opinions,
            out.evaluation_opinions
        ),
        (46, 19, 13, 7)
    );
    // S001-13
    let s = &r.suggestions;
    assert_eq!((s.during_session, s.during_recess), (203, 3));
    assert_eq!(s.replied, 206);
    let rate = &s.solved_or_progressing_rate;
    assert_eq!((rate.numerator, rate.denominator), (126, 206));
    assert_eq!(rate.percent.as_deref(), Some("61.2"));
    // S001-15, S001-16
    assert_eq!(
        (s.key.designated, s.key.solved, s.key.major_progress),
        (5, 3, 2)
    );
    assert_eq!(
        (
            s.plan_ledger.entered,
            s.plan_ledger.solved,
            s.plan_ledger.progressing
        ),
        (29, 13, 16)
    );
    // S001-19, S001-20 reproducible; S000-3 not.
    let verdicts: Vec<bool> = r.office.iter().map(|c| c.check.reproducible).collect();
    assert_eq!(verdicts, [true, true, false]);
    assert_eq!(r.evaluations.work_evaluations.len(), 7);

    let zh = r.to_markdown(Lang::Zh);
    for phrase in [
        "# 北京市海淀区第十七届人民代表大会常委会2024年工作报告",
        "共召开人民代表大会会议1次，常委会会议7次、主任会议17次，听取和审议专项工作报告46项，作出决议、决定19项，形成审议意见书13份、评议意见书7份",
        "代表在大会期间提出的203件建议、闭会期间提出的3件建议全部办复，其中问题得到解决或取得进展的126件，占建议办理总数的61.2%",
        "常委会重点督办建议5件，3件已解决，2件取得重大进展",
        "本届以来“列入计划”的29件建议滚动推进，13件已经解决，16件取得进展",
        "| 40岁以下工作人员 | 16 人 | 49 人 | 32.7% | 32.7% | 可复现 |",
        "| 轮岗交流科级干部 | 11 人 | 24 人 | 45.8% | 45.8% | 可复现 |",
        "57.75% | 55.51% | 不可复现",
    ] {
        assert!(zh.contains(phrase), "missing {phrase:?} in:\n{zh}");
    }
    let en = r.to_markdown(Lang::En);
    for phrase in [
        "Over the year, the congress met in 1 session(s); the standing committee held 7 meetings and the director meeting 17",
        "heard and deliberated 46 work reports",
        "The issues of 126 were solved or are progressing, 61.2% of those handled",
        "5 suggestions under the standing committee's key supervision: 3 solved, 2 with major progress",
        "Of the 29 suggestions entered in the plan ledger (列入计划) this term, 13 are solved and 16 progressing",
    ] {
        assert!(en.contains(phrase), "missing {phrase:?} in:\n{en}");
    }
    let html = r.to_html(Lang::Zh);
    assert!(html.contains("<h2>代表建议</h2>"));
    assert!(html.contains("占建议办理总数的61.2%"));
    assert!(
        html.contains("<td>40岁以下工作人员</td><td>16 人</td>"),
        "{html}"
    );
}

#[test]
fn json_entry_point_matches_the_typed_report() {
    let l = haidian();
    let req = serde_json::to_string(&request()).unwrap();
    let typed = l.annual_report(&request()).unwrap();
    assert_eq!(
        l.annual_report_to(&req, "markdown", "en").unwrap(),
        typed.to_markdown(Lang::En)
    );
    assert_eq!(
        l.annual_report_to(&req, "html", "zh").unwrap(),
        typed.to_html(Lang::Zh)
    );
    let v: serde_json::Value =
        serde_json::from_str(&l.annual_report_to(&req, "json", "zh").unwrap()).unwrap();
    assert_eq!(v["overview"]["director_meetings"], 17);
    assert_eq!(
        v["suggestions"]["solved_or_progressing_rate"]["percent"],
        "61.2"
    );
}

#[test]
fn bad_requests_say_which_field() {
    let l = haidian();
    let cases = [
        (r#"{"congress":"hd-17"}"#, "report.year"),
        (
            r#"{"congress":"hd-17","year":2024,"from":"2024-01-01"}"#,
            "report.from",
        ),
        (
            r#"{"congress":"hd-17","from":"2024-05-01","to":"2024-01-01"}"#,
            "report.from",
        ),
        (
            r#"{"congress":"hd-17","year":2024,"colour":"red"}"#,
            "report",
        ),
        (r#"{"congress":"nope","year":2024}"#, "congress"),
        (
            r#"{"congress":"hd-17","year":2024,"office":[{"zh":"a","en":"a","figure":{"numerator":1,
            "numerator_unit":"persons","denominator":0,"denominator_unit":"persons","stated_percent":"1"}}]}"#,
            "report.office[0].figure.denominator",
        ),
    ];
    for (req, field) in cases {
        let e = l.annual_report_to(req, "markdown", "zh").unwrap_err();
        assert!(
            e.field().is_some_and(|f| f.starts_with(field)),
            "{req}: {:?} {e}",
            e.field()
        );
    }
    assert_eq!(
        l.annual_report_to(r#"{"congress":"hd-17","year":2024}"#, "markdown", "fr")
            .unwrap_err()
            .field(),
        Some("lang")
    );
}

#[test]
fn a_half_year_report_counts_only_its_half() {
    let l = haidian();
    let mut req = ReportRequest::year("hd-17".parse().unwrap(), 2024);
    req.year = None;
    req.from = Some("2024-01-01".parse().unwrap());
    req.to = Some("2024-06-30".parse().unwrap());
    let half = l.annual_report(&req).unwrap();
    let year = l
        .annual_report(&ReportRequest::year("hd-17".parse().unwrap(), 2024))
        .unwrap();
    assert!(half.overview.standing_committee_meetings < year.overview.standing_committee_meetings);
    assert_eq!(
        half.overview.meets_l5, None,
        "L-5 is judged over a whole year"
    );
    assert!(half.suggestions.submitted <= year.suggestions.submitted);
    assert!(half
        .to_markdown(Lang::Zh)
        .contains("2024年1月1日至2024年6月30日"));
}
