//! The properties the fuzz targets check, shared with the regression test that replays the
//! kept corpus on stable Rust (`core/tests/fuzz_regressions.rs`). Each function must return
//! for any input; a panic is a bug (a broken invariant panics on purpose, with a message).

#![allow(dead_code)]

use renda::{chain, Ledger};

/// Every JSON entry point of the wire format: an error or a value, never a panic, and what
/// parses round-trips.
pub fn wire(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(cmd) = renda::CommandEnvelope::from_json(text) {
        let again = serde_json::to_string(&cmd).expect("a parsed command serialises");
        assert_eq!(
            renda::CommandEnvelope::from_json(&again).expect("a serialised command parses"),
            cmd,
            "command round trip"
        );
        // And on a ledger: an error or events, never a panic.
        let mut ledger = fixture();
        let before = ledger.state().clone();
        if ledger.execute(cmd).is_err() {
            assert_eq!(
                ledger.state(),
                &before,
                "a rejected command changed the state"
            );
        }
    }
    if let Ok(events) = renda::api::parse_events(text) {
        let _ = Ledger::replay(Default::default(), events);
        let _ = renda::chain::verify_json(text);
    }
    let _ = Ledger::restore_from_json(Default::default(), text);
    let _ = renda::api::rule_book(Some(text));
    let ledger = fixture();
    let _ = ledger.figures_to_json("2024-06-30", Some(text));
    let _ = ledger.figures_to_json(text, None);
    let _ = ledger.suggestion_view_to_json(text, "2024-06-30");
    let _ = ledger.state_as_json(text);
    let _ = renda::api::check_figure_json(text);
}

/// A ledger with a congress, three deputies and two units, as of 2024-01-02 (built once;
/// clones share the rules and calendar).
pub fn fixture() -> Ledger {
    static FIXTURE: std::sync::OnceLock<Ledger> = std::sync::OnceLock::new();
    FIXTURE.get_or_init(build_fixture).clone()
}

fn build_fixture() -> Ledger {
    let mut l = Ledger::new(Default::default());
    for c in [
        r#"{"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
        r#"{"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd","name":"王丽","contact":{"phone":"13800000000"}}}"#,
        r#"{"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D2","congress":"hd","name":"李强"}}"#,
        r#"{"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"a"},"command":{"type":"register_deputy","deputy":"D3","congress":"hd","name":"张伟"}}"#,
        r#"{"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"U1","name":"区教委"}}"#,
        r#"{"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"a"},"command":{"type":"register_unit","unit":"U2","name":"区卫健委"}}"#,
    ] {
        l.execute_json(c).expect("fixture command");
    }
    l
}

const ROLES: [&str; 11] = [
    "deputy",
    "deputy_affairs_office",
    "handling_unit",
    "government_office",
    "special_committee",
    "director_meeting",
    "standing_committee",
    "street_working_committee",
    "third_party_evaluator",
    "public",
    "admin",
];

/// Reads the input a byte at a time; zeros once it runs out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn pick<'s>(&mut self, from: &[&'s str]) -> &'s str {
        from[self.next() as usize % from.len()]
    }
}

/// The permission table's sample of every command type with the roles allowed to issue it
/// (`tests/permissions/commands.json`), parsed once.
fn samples() -> &'static [(serde_json::Value, Vec<String>)] {
    static SAMPLES: std::sync::OnceLock<Vec<(serde_json::Value, Vec<String>)>> =
        std::sync::OnceLock::new();
    SAMPLES.get_or_init(|| {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/permissions/commands.json"))
                .expect("permission table");
        table["commands"]
            .as_object()
            .expect("commands")
            .values()
            .map(|row| {
                let allowed = row["cells"]
                    .as_object()
                    .expect("cells")
                    .iter()
                    .filter(|(_, v)| *v == "allow")
                    .map(|(role, _)| role.clone())
                    .collect();
                (row["sample"].clone(), allowed)
            })
            .collect()
    })
}

/// Rewrites the ids of a sample command to ids of the fuzz fixture (or of records the fuzzer
/// may have created), chosen by the bytes, so that every command type, the deputy family and
/// the issue-4 toolkit included, reaches its accepted paths as well as its rejections.
fn rewrite(b: &mut Bytes, key: &str, v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k != "type" {
                    rewrite(b, k, x);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| rewrite(b, key, x)),
        Value::String(text) => {
            let pool: &[&str] = match key {
                "suggestion" | "suggestions" | "into_suggestion" => &["S1", "S2", "S3", "S4"],
                "deputy" | "lead" | "cosigners" | "members" | "proposing_deputies" | "deputies" => {
                    &["D1", "D2", "D3", "D9"]
                }
                "unit" | "lead_unit" | "co_units" => &["U1", "U2", "U9"],
                "congress" => &["hd", "hd", "hd", "xx"],
                "motion" | "into" => &["M1", "M2", "M3"],
                "group" => &["G1", "G2"],
                "evaluation" => &["E1", "E2"],
                "session" => &["hd-1", "hd-2"],
                "station" | "parent" => &["ST1", "ST2"],
                "issue" => &["VI1", "VI2"],
                _ => return,
            };
            *text = b.pick(pool).to_string();
        }
        _ => {}
    }
}

/// A command from the permission table's samples: mostly by a role allowed to issue it.
fn sampled_command(b: &mut Bytes) -> (String, String, String) {
    let all = samples();
    let (sample, allowed) = &all[usize::from(b.next()) % all.len()];
    let mut body = sample.clone();
    rewrite(b, "", &mut body);
    let role = if allowed.is_empty() || b.next() % 8 == 0 {
        b.pick(&ROLES).to_string()
    } else {
        allowed[usize::from(b.next()) % allowed.len()].clone()
    };
    let id = match role.as_str() {
        "deputy" => b.pick(&["D1", "D2", "D3"]),
        "handling_unit" => b.pick(&["U1", "U2"]),
        "third_party_evaluator" => b.pick(&["evaluator", "other"]),
        _ => "office",
    };
    (role, id.to_string(), body.to_string())
}

/// One command chosen by the bytes: mostly plausible ones (the right role, a known
/// suggestion), sometimes not, so both accepted and rejected paths are exercised. One in four
/// comes from the permission table's samples (every command type).
fn command(b: &mut Bytes, at: &str) -> String {
    if b.next() % 4 == 0 {
        let (role, id, body) = sampled_command(b);
        return format!(
            r#"{{"at":"{at}","actor":{{"role":"{role}","id":"{id}"}},"command":{body}}}"#
        );
    }
    let s = b.pick(&["S1", "S2", "S3", "S4"]);
    let d = b.pick(&["D1", "D2", "D3", "D9"]);
    let u = b.pick(&["U1", "U2", "U9"]);
    let (role, id, body) = match b.next() % 16 {
        0 | 1 => (
            "deputy",
            d,
            format!(
                r#"{{"type":"submit_suggestion","suggestion":"{s}","congress":"hd","title":"关于改善{s}的建议","lead":"{d}","cosigners":{},"during":"{}"}}"#,
                b.pick(&[r#"[]"#, r#"["D2"]"#, r#"["D1","D3"]"#, r#"["D2","D2"]"#]),
                b.pick(&["session", "recess"])
            ),
        ),
        2 => (
            "deputy_affairs_office",
            "office",
            format!(r#"{{"type":"accept_suggestion","suggestion":"{s}"}}"#),
        ),
        3 => (
            "deputy_affairs_office",
            "office",
            format!(r#"{{"type":"return_suggestion","suggestion":"{s}","reason":"请补充"}}"#),
        ),
        4 => (
            "deputy",
            d,
            format!(r#"{{"type":"revise_suggestion","suggestion":"{s}","title":"修改后的建议"}}"#),
        ),
        5 => (
            "deputy_affairs_office",
            "office",
            format!(r#"{{"type":"reject_suggestion","suggestion":"{s}","reason":"不属于建议"}}"#),
        ),
        6 => (
            "deputy",
            d,
            format!(r#"{{"type":"withdraw_suggestion","suggestion":"{s}"}}"#),
        ),
        7 | 8 => (
            "deputy_affairs_office",
            "office",
            format!(
                r#"{{"type":"assign_suggestion","suggestion":"{s}","lead_unit":"{u}","co_units":{}}}"#,
                b.pick(&["[]", r#"["U2"]"#, r#"["U1"]"#])
            ),
        ),
        9 => (
            "deputy_affairs_office",
            "office",
            format!(r#"{{"type":"extend_reply_deadline","suggestion":"{s}","reason":"难度大"}}"#),
        ),
        10 => (
            "handling_unit",
            u,
            format!(r#"{{"type":"submit_co_unit_opinion","suggestion":"{s}","opinion":"同意"}}"#),
        ),
        11 | 12 => {
            let result = b.pick(&["A", "B", "C"]);
            (
                "handling_unit",
                u,
                format!(
                    r#"{{"type":"reply_suggestion","suggestion":"{s}","result":"{result}","in_plan":{},"summary":"已办理","reason":{}}}"#,
                    b.pick(&["false", "true"]),
                    b.pick(&["null", r#""条件不具备""#])
                ),
            )
        }
        13 | 14 => (
            "deputy",
            d,
            format!(
                r#"{{"type":"give_feedback","suggestion":"{s}","rating":"{}"}}"#,
                b.pick(&["satisfied", "basically_satisfied", "dissatisfied"])
            ),
        ),
        _ => (
            "deputy_affairs_office",
            "office",
            r#"{"type":"publish_results","congress":"hd"}"#.to_string(),
        ),
    };
    // Now and then someone else issues it.
    let role = if b.next() % 8 == 0 {
        b.pick(&ROLES)
    } else {
        role
    };
    format!(r#"{{"at":"{at}","actor":{{"role":"{role}","id":"{id}"}},"command":{body}}}"#)
}

/// The fixture under one of four rule books (national, Beijing district, national with
/// back-to-back rating and two re-handling rounds, Beijing district with a motion threshold
/// of two deputies so that the fixture's deputies can sponsor motions), built once each.
fn ledger_fixture(which: u8) -> Ledger {
    static FIXTURES: std::sync::OnceLock<Vec<Ledger>> = std::sync::OnceLock::new();
    FIXTURES.get_or_init(|| {
        [
            r#"{"preset":"national"}"#,
            r#"{"preset":"beijing-district"}"#,
            r#"{"preset":"national","overrides":{"suggestion":{"back_to_back_feedback":true,"max_rehandling_rounds":2,"withdraw_until":"before_reply"}}}"#,
            r#"{"preset":"beijing-district","overrides":{"motion":{"min_joint_deputies":{"county_and_above":2,"township":2}}}}"#,
        ]
        .iter()
        .map(|rules| {
            let mut l = Ledger::new(renda::api::rule_book(Some(rules)).expect("rules"));
            l.append_events(fixture().events().to_vec()).expect("fixture replays");
            l
        })
        .collect()
    })[usize::from(which) % 4]
        .clone()
}

/// Command sequences on a live ledger: a rejected command changes nothing; the log verifies;
/// replay, snapshot and JSON round trips reproduce the state; figures count each suggestion
/// once.
pub fn ledger(data: &[u8]) {
    let mut b = Bytes(data);
    let first = b.next();
    let mut ledger = ledger_fixture(first % 4);
    // The whole-log checks (JSON replay, snapshot, figures, every reader's view) cost far more
    // than the commands; the fuzzer runs them when the first byte's high bit is set, and
    // explores both kinds of input.
    let deep = first & 0x80 != 0;
    let mut day = chrono::NaiveDate::from_ymd_opt(2024, 1, 8).expect("date");
    let steps = (data.len() / 3).min(16);
    for _ in 0..steps {
        day += chrono::Duration::days(i64::from(b.next() % 40));
        let cmd = command(&mut b, &format!("{day}T10:00:00+08:00"));
        let (seq, state) = (ledger.seq(), ledger.state().clone());
        match ledger.execute_json(&cmd) {
            Ok(events) => assert_eq!(ledger.seq(), seq + events.len() as u64),
            Err(e) => {
                assert_eq!(ledger.seq(), seq, "rejected command recorded events: {e}");
                assert_eq!(
                    ledger.state(),
                    &state,
                    "rejected command changed the state: {e}"
                );
                let info = e.info();
                assert!(!info.code.is_empty() && !info.message.is_empty());
            }
        }
    }
    // The log verifies and rebuilds the same state, also through JSON and a snapshot.
    let head = chain::verify(ledger.events(), chain::Anchor::GENESIS).expect("log verifies");
    assert_eq!(head, ledger.head());
    if !deep {
        return;
    }
    let replayed = Ledger::replay_from_json(ledger.rules().clone(), &ledger.events_to_json())
        .expect("replay from JSON");
    assert_eq!(replayed.state(), ledger.state(), "replay differs");
    let restored = Ledger::restore_from_json(ledger.rules().clone(), &ledger.snapshot_to_json())
        .expect("restore from JSON");
    assert_eq!(restored.state(), ledger.state(), "restore differs");
    // Figures: every suggestion submitted by the date counted once, in exactly one bucket of
    // its status partition.
    let f = ledger.figures(day).expect("figures");
    let c = &f.counts;
    assert_eq!(
        c.submitted,
        ledger.suggestions().count() as u64,
        "submitted count"
    );
    assert_eq!(
        c.during_session + c.during_recess,
        c.submitted,
        "session + recess"
    );
    assert!(
        c.replied <= c.assigned && c.replied_on_time <= c.replied,
        "{c:?}"
    );
    let statuses: u64 = ledger
        .suggestions()
        .map(|s| u64::from(s.status_as_of(day).is_some()))
        .sum();
    assert_eq!(statuses, c.submitted, "status partition");
    let per_unit: u64 = f.units.iter().map(|u| u.assigned).sum();
    assert_eq!(per_unit, c.assigned, "units' assigned add up to the total");
    // Every reader's view is computed without panicking.
    for role in ROLES {
        let reader: renda::Actor =
            serde_json::from_str(&format!(r#"{{"role":"{role}","id":"D1"}}"#)).expect("actor");
        let _ = ledger.state_as(&reader);
        let _ = ledger.events_as(&reader);
        let _ = ledger.figures_as(&reader, day, &Default::default());
    }
}

/// CSV and XLSX import: never a panic, and a failed apply leaves the ledger exactly as it was
/// (both checked by renda's own harness).
pub fn sheet(data: &[u8]) {
    renda::sheet::fuzz_import(data);
}
