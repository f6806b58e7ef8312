//! iCalendar export of reply due dates (issue 6 item 7; `docs/ical.md`).
//!
//! The files are read back with a small RFC 5545 reader written here (unfolding, content
//! lines, TEXT unescaping), independent of the writer; the Python tests also parse them with
//! the `icalendar` package.

use crate::common;

use renda::ical::{fold, render, IcalEvent, IcalScope, IcalWhen};
use renda::Ledger;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn run(ledger: &mut Ledger, commands: &[Value]) {
    for c in commands {
        ledger
            .execute_json(&c.to_string())
            .unwrap_or_else(|e| panic!("{e}: {c}"));
    }
}

fn cmd(at: &str, role: &str, id: &str, command: Value) -> Value {
    json!({"at": at, "actor": {"role": role, "id": id}, "command": command})
}

fn office(at: &str, command: Value) -> Value {
    cmd(at, "deputy_affairs_office", "office", command)
}

const LONG_TITLE: &str = "关于进一步加强中关村大街沿线学校周边交通秩序管理, 设置护学岗; 增加“潮汐车道”\\ 并优化信号灯配时的建议";

/// Four suggestions: S1 (edu leads, D1 with co-signer D2, awaiting its first reply, due
/// 2024-04-15), S2 (traffic leads, D2, replied and rated dissatisfied on 2024-03-11: re-handling,
/// second reply due 2024-06-11), S3 (traffic leads, D3, replied A and closed), S4 (not yet
/// assigned), and a deputy with contact data.
fn ledger() -> Ledger {
    let mut l = Ledger::new(Default::default());
    run(
        &mut l,
        &[
            cmd(
                "2024-01-02",
                "admin",
                "admin",
                json!({"type": "register_congress", "congress": "hd",
                "name": "海淀区人大", "level": "county", "term": 17,
                "term_start": "2021-11-01", "term_end": "2026-10-31"}),
            ),
            cmd(
                "2024-01-02",
                "admin",
                "admin",
                json!({"type": "register_unit", "unit": "edu", "name": "区教委"}),
            ),
            cmd(
                "2024-01-02",
                "admin",
                "admin",
                json!({"type": "register_unit", "unit": "traffic", "name": "区交通委, 交通支队"}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D1", "congress": "hd", "name": "王丽",
                "contact": {"phone": "13800000000", "address": "海淀区某街1号"}}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D2", "congress": "hd", "name": "李强"}),
            ),
            office(
                "2024-01-02",
                json!({"type": "register_deputy", "deputy": "D3", "congress": "hd", "name": "张敏"}),
            ),
            cmd(
                "2024-01-08",
                "deputy",
                "D1",
                json!({"type": "submit_suggestion", "suggestion": "S1", "congress": "hd",
                "title": "关于增加幼儿园学位的建议", "lead": "D1", "cosigners": ["D2"], "during": "session"}),
            ),
            cmd(
                "2024-01-08",
                "deputy",
                "D2",
                json!({"type": "submit_suggestion", "suggestion": "S2", "congress": "hd",
                "title": LONG_TITLE, "lead": "D2", "during": "session"}),
            ),
            cmd(
                "2024-01-08",
                "deputy",
                "D3",
                json!({"type": "submit_suggestion", "suggestion": "S3", "congress": "hd",
                "title": "关于学校周边交通安全的建议", "lead": "D3", "during": "session"}),
            ),
            cmd(
                "2024-01-08",
                "deputy",
                "D3",
                json!({"type": "submit_suggestion", "suggestion": "S4", "congress": "hd",
                "title": "关于公园开放时间的建议", "lead": "D3", "during": "session"}),
            ),
            office(
                "2024-01-10",
                json!({"type": "accept_suggestion", "suggestion": "S1"}),
            ),
            office(
                "2024-01-10",
                json!({"type": "accept_suggestion", "suggestion": "S2"}),
            ),
            office(
                "2024-01-10",
                json!({"type": "accept_suggestion", "suggestion": "S3"}),
            ),
            office(
                "2024-01-15",
                json!({"type": "assign_suggestion", "suggestion": "S1", "lead_unit": "edu"}),
            ),
            office(
                "2024-01-15",
                json!({"type": "assign_suggestion", "suggestion": "S2", "lead_unit": "traffic"}),
            ),
            office(
                "2024-01-15",
                json!({"type": "assign_suggestion", "suggestion": "S3", "lead_unit": "traffic"}),
            ),
            cmd(
                "2024-03-01",
                "handling_unit",
                "traffic",
                json!({"type": "reply_suggestion", "suggestion": "S2",
                "result": "C", "summary": "暂不具备条件", "reason": "道路改造规划中"}),
            ),
            cmd(
                "2024-03-01",
                "handling_unit",
                "traffic",
                json!({"type": "reply_suggestion", "suggestion": "S3",
                "result": "A", "summary": "已增设护学岗"}),
            ),
            cmd(
                "2024-03-05",
                "deputy",
                "D3",
                json!({"type": "give_feedback", "suggestion": "S3", "rating": "satisfied"}),
            ),
            cmd(
                "2024-03-11",
                "deputy",
                "D2",
                json!({"type": "give_feedback", "suggestion": "S2", "rating": "dissatisfied",
                "comment": "私人意见：电话联系我"}),
            ),
        ],
    );
    l
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// One parsed content line: name, parameters, value (still escaped).
#[derive(Debug, Clone, PartialEq)]
struct Line {
    name: String,
    params: Vec<String>,
    value: String,
}

/// Reads an iCalendar file: checks CRLF line ends and the 75-octet limit, unfolds, splits
/// content lines (RFC 5545 §3.1).
fn read(ics: &str) -> Vec<Line> {
    assert!(ics.ends_with("\r\n"));
    let body = &ics[..ics.len() - 2];
    let mut logical: Vec<String> = Vec::new();
    for physical in body.split("\r\n") {
        assert!(
            !physical.contains('\n') && !physical.contains('\r'),
            "bare line break in {physical:?}"
        );
        assert!(
            physical.len() <= 75,
            "{} octets: {physical:?}",
            physical.len()
        );
        match physical.strip_prefix(' ') {
            Some(rest) => logical
                .last_mut()
                .expect("a continuation after a line")
                .push_str(rest),
            None => logical.push(physical.to_string()),
        }
    }
    logical
        .into_iter()
        .map(|l| {
            let (head, value) = l.split_once(':').expect("NAME:VALUE");
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_string();
            assert!(
                name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
                "{name}"
            );
            Line {
                name,
                params: parts.map(str::to_string).collect(),
                value: value.to_string(),
            }
        })
        .collect()
}

/// Undoes TEXT escaping; panics on an unescaped `,` or `;` or a bad escape.
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n') | Some('N') => out.push('\n'),
                other => panic!("bad escape \\{other:?} in {v}"),
            },
            ',' | ';' => panic!("unescaped {c} in {v}"),
            c => out.push(c),
        }
    }
    out
}

/// The events of a calendar: property name → (params, unescaped value).
fn events(ics: &str) -> Vec<BTreeMap<String, (Vec<String>, String)>> {
    let lines = read(ics);
    assert_eq!(
        lines.first().map(|l| (l.name.as_str(), l.value.as_str())),
        Some(("BEGIN", "VCALENDAR"))
    );
    assert_eq!(
        lines.last().map(|l| (l.name.as_str(), l.value.as_str())),
        Some(("END", "VCALENDAR"))
    );
    let mut out = Vec::new();
    let mut current: Option<BTreeMap<String, (Vec<String>, String)>> = None;
    for l in lines {
        match (l.name.as_str(), l.value.as_str()) {
            ("BEGIN", "VEVENT") => current = Some(BTreeMap::new()),
            ("END", "VEVENT") => out.push(current.take().expect("END after BEGIN")),
            (name, _) => {
                if let Some(e) = current.as_mut() {
                    let value = if matches!(name, "SUMMARY" | "DESCRIPTION" | "LOCATION" | "UID") {
                        unescape(&l.value)
                    } else {
                        l.value.clone()
                    };
                    assert!(
                        e.insert(name.to_string(), (l.params, value)).is_none(),
                        "{name} twice"
                    );
                }
            }
        }
    }
    for e in &out {
        for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
            assert!(e.contains_key(required), "{required} missing in {e:?}");
        }
    }
    out
}

fn uids(evs: &[BTreeMap<String, (Vec<String>, String)>]) -> Vec<&str> {
    evs.iter().map(|e| e["UID"].1.as_str()).collect()
}

#[test]
fn a_unit_calendar_holds_the_reply_due_dates_of_what_it_leads() {
    let l = ledger();
    let ics = l
        .to_ical(date("2024-03-20"), &IcalScope::Unit("edu".parse().unwrap()))
        .unwrap();
    let evs = events(&ics);
    assert_eq!(uids(&evs), ["suggestion-S1-reply-1@renda"]);
    let e = &evs[0];
    // L-1: assigned 2024-01-15, due three calendar months later.
    assert_eq!(
        e["DTSTART"],
        (vec!["VALUE=DATE".to_string()], "20240415".to_string())
    );
    assert_eq!(
        e["DTEND"],
        (vec!["VALUE=DATE".to_string()], "20240416".to_string())
    );
    assert_eq!(e["DTSTAMP"].1, "20240319T160000Z");
    assert_eq!(
        e["SUMMARY"].1,
        "建议答复截止 / Reply due: 关于增加幼儿园学位的建议"
    );
    assert_eq!(
        e["DESCRIPTION"].1,
        "建议 S1：关于增加幼儿园学位的建议\n主办单位：区教委\n第 1 次答复\n\
         Suggestion S1: 关于增加幼儿园学位的建议\nLead unit: 区教委\nReply round 1"
    );
    // traffic: S2 re-handled since 2024-03-11 (R-S3: three months), S3 closed.
    let ics = l
        .to_ical(
            date("2024-03-20"),
            &IcalScope::Unit("traffic".parse().unwrap()),
        )
        .unwrap();
    let evs = events(&ics);
    assert_eq!(uids(&evs), ["suggestion-S2-reply-2@renda"]);
    assert_eq!(evs[0]["DTSTART"].1, "20240611");
    assert_eq!(
        evs[0]["SUMMARY"].1,
        format!("建议答复截止 / Reply due: {LONG_TITLE}")
    );
    assert!(evs[0]["DESCRIPTION"]
        .1
        .contains("主办单位：区交通委, 交通支队\n第 2 次答复"));
    // Before the reply, the first round was awaited.
    let ics = l
        .to_ical(
            date("2024-02-01"),
            &IcalScope::Unit("traffic".parse().unwrap()),
        )
        .unwrap();
    assert_eq!(
        uids(&events(&ics)),
        ["suggestion-S2-reply-1@renda", "suggestion-S3-reply-1@renda"]
    );
}

#[test]
fn overdue_items_stay_in_the_calendar_with_the_days_overdue() {
    let l = ledger();
    let ics = l
        .to_ical(date("2024-05-01"), &IcalScope::Unit("edu".parse().unwrap()))
        .unwrap();
    let evs = events(&ics);
    assert!(evs[0]["DESCRIPTION"]
        .1
        .contains("第 1 次答复，已逾期 16 天"));
    assert!(evs[0]["DESCRIPTION"]
        .1
        .ends_with("Reply round 1, 16 days overdue"));
}

#[test]
fn a_deputy_calendar_holds_their_suggestions_and_nothing_private() {
    let l = ledger();
    let scope = IcalScope::Deputy("D2".parse().unwrap());
    let ics = l.to_ical(date("2024-03-20"), &scope).unwrap();
    // D2 co-signed S1 and leads S2; due dates sorted.
    assert_eq!(
        uids(&events(&ics)),
        ["suggestion-S1-reply-1@renda", "suggestion-S2-reply-2@renda"]
    );
    for private in [
        "13800000000",
        "海淀区某街1号",
        "私人意见",
        "dissatisfied",
        "不满意",
        "暂不具备条件",
    ] {
        assert!(!ics.contains(private), "{private} in a deputy's calendar");
    }
    let d3 = l
        .to_ical(
            date("2024-03-20"),
            &IcalScope::Deputy("D3".parse().unwrap()),
        )
        .unwrap();
    assert!(events(&d3).is_empty());
    assert!(d3.contains("X-WR-CALNAME:张敏 建议答复截止 / Reply due dates\r\n"));
}

#[test]
fn a_congress_calendar_holds_every_due_date() {
    let l = ledger();
    let ics = l
        .to_ical(
            date("2024-03-20"),
            &IcalScope::Congress("hd".parse().unwrap()),
        )
        .unwrap();
    assert_eq!(
        uids(&events(&ics)),
        ["suggestion-S1-reply-1@renda", "suggestion-S2-reply-2@renda"]
    );
    // Deterministic: the same file every time.
    assert_eq!(
        ics,
        l.to_ical(
            date("2024-03-20"),
            &IcalScope::Congress("hd".parse().unwrap())
        )
        .unwrap()
    );
    let lines = read(&ics);
    let head: Vec<(&str, &str)> = lines[..5]
        .iter()
        .map(|l| (l.name.as_str(), l.value.as_str()))
        .collect();
    assert_eq!(
        head,
        [
            ("BEGIN", "VCALENDAR"),
            ("VERSION", "2.0"),
            ("PRODID", "-//renda//renda iCalendar export//ZH"),
            ("CALSCALE", "GREGORIAN"),
            ("METHOD", "PUBLISH")
        ]
    );
}

#[test]
fn unknown_scopes_are_not_found_and_json_scopes_parse() {
    let l = ledger();
    for (scope, field) in [
        (r#"{"unit":"nope"}"#, "scope.unit"),
        (r#"{"deputy":"D9"}"#, "scope.deputy"),
        (r#"{"congress":"x"}"#, "scope.congress"),
    ] {
        let e = l.to_ical_json("2024-03-20", scope).unwrap_err();
        assert_eq!((e.code(), e.field()), ("not_found", Some(field)), "{scope}");
    }
    assert_eq!(
        l.to_ical_json("2024-03-20", "[]").unwrap_err().field(),
        Some("scope")
    );
    assert_eq!(
        l.to_ical_json("2024-02-30", r#"{"unit":"edu"}"#)
            .unwrap_err()
            .field(),
        Some("as_of")
    );
    assert_eq!(
        l.to_ical_json("2024-03-20", r#"{"unit":""}"#)
            .unwrap_err()
            .code(),
        "invalid_field"
    );
    let ics = l.to_ical_json("2024-03-20", r#"{"unit":"edu"}"#).unwrap();
    assert_eq!(
        ics,
        l.to_ical(date("2024-03-20"), &IcalScope::Unit("edu".parse().unwrap()))
            .unwrap()
    );
}

#[test]
fn folding_is_utf8_safe_and_unfolds_to_the_original() {
    for text in [
        "a".repeat(200),
        "建".repeat(100),
        "😀".repeat(40),
        format!("x{}", "é".repeat(80)),
        "ab建😀".repeat(30),
    ] {
        let line = format!("SUMMARY:{text}");
        let folded = fold(&line);
        let mut unfolded = String::new();
        for (i, part) in folded.trim_end_matches("\r\n").split("\r\n").enumerate() {
            assert!(part.len() <= 75);
            // Each physical line is whole UTF-8 (a &str) and, but for the last, full enough
            // that the next character would not fit.
            if i == 0 {
                unfolded.push_str(part);
            } else {
                unfolded.push_str(part.strip_prefix(' ').unwrap());
            }
        }
        assert_eq!(unfolded, line);
    }
    assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
    assert_eq!(fold(&"a".repeat(75)).len(), 77);
    assert_eq!(
        fold(&"a".repeat(76)),
        format!("{}\r\n a\r\n", "a".repeat(75))
    );
}

#[test]
fn the_generic_builder_writes_timed_meetings_too() {
    let e = IcalEvent {
        uid: "meeting-hd-sc-2024-05@renda".into(),
        when: IcalWhen::Timed {
            start: "2024-05-28T09:00:00+08:00".parse().unwrap(),
            end: "2024-05-28T12:00:00+08:00".parse().unwrap(),
        },
        summary: "常委会第十八次会议 / 18th meeting of the standing committee".into(),
        description: Some("议程：\n1. 审议专项工作报告; 2. 人事任免".into()),
        location: Some("区人大常委会会议室".into()),
        categories: vec!["会议, 常委会".into(), "Meeting".into()],
    };
    let ics = render("常委会会议", "20240501T000000Z", &[e]);
    let evs = events(&ics);
    assert_eq!(evs[0]["DTSTART"], (vec![], "20240528T010000Z".to_string()));
    assert_eq!(evs[0]["DTEND"].1, "20240528T040000Z");
    assert_eq!(
        evs[0]["DESCRIPTION"].1,
        "议程：\n1. 审议专项工作报告; 2. 人事任免"
    );
    assert_eq!(evs[0]["CATEGORIES"].1, r"会议\, 常委会,Meeting");
    // Several days, all day: DTEND is the day after the last.
    let e = IcalEvent {
        uid: "session@renda".into(),
        when: IcalWhen::AllDay {
            start: date("2025-01-06"),
            end: Some(date("2025-01-09")),
        },
        summary: "人代会".into(),
        description: None,
        location: None,
        categories: vec![],
    };
    let evs = events(&render("x", "20240501T000000Z", &[e]));
    assert_eq!(
        (evs[0]["DTSTART"].1.as_str(), evs[0]["DTEND"].1.as_str()),
        ("20250106", "20250110")
    );
}

/// Meetings in the calendars (docs/ical.md §4), on the Haidian 2024 data set: a congress's
/// calendar holds its upcoming sittings, standing-committee and director meetings; a
/// standing-committee member's holds the committee's meetings; another deputy's only the
/// congress's sittings; a unit's none.
#[test]
fn calendars_hold_the_upcoming_meetings_of_their_scope() {
    let l = common::haidian_2024();
    let meetings = |as_of: &str, scope: IcalScope| -> Vec<String> {
        let ics = l.to_ical(date(as_of), &scope).unwrap();
        events(&ics)
            .iter()
            .map(|e| e["UID"].1.clone())
            .filter(|u| u.starts_with("meeting-"))
            .collect()
    };
    let congress = meetings("2024-10-01", IcalScope::Congress("hd-17".parse().unwrap()));
    assert_eq!(
        congress,
        [
            "meeting-hd-17-dm-14@renda",
            "meeting-hd-17-dm-15@renda",
            "meeting-hd-17-sc-25@renda",
            "meeting-hd-17-dm-16@renda",
            "meeting-hd-17-sc-26@renda",
            "meeting-hd-17-dm-17@renda",
            "meeting-hd-17-sc-27@renda",
        ]
    );
    assert_eq!(
        meetings("2024-10-01", IcalScope::Deputy("D01".parse().unwrap())),
        [
            "meeting-hd-17-sc-25@renda",
            "meeting-hd-17-sc-26@renda",
            "meeting-hd-17-sc-27@renda"
        ]
    );
    assert_eq!(
        meetings("2024-01-01", IcalScope::Deputy("D001".parse().unwrap())),
        ["meeting-hd-17-3-1@renda"]
    );
    assert!(meetings("2024-01-01", IcalScope::Unit("edu".parse().unwrap())).is_empty());
    let ics = l
        .to_ical(
            date("2024-12-20"),
            &IcalScope::Congress("hd-17".parse().unwrap()),
        )
        .unwrap();
    let sc = events(&ics)
        .into_iter()
        .find(|e| e["UID"].1 == "meeting-hd-17-sc-27@renda")
        .unwrap();
    assert_eq!(sc["DTSTART"].1, "20241226");
    assert!(sc["SUMMARY"].1.starts_with("常委会"), "{}", sc["SUMMARY"].1);
}
