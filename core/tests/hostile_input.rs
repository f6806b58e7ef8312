//! Hostile input through the public entry points: huge strings, deep nesting, many rows,
//! invalid text, dates and numbers far out of range.
//!
//! Each case must end in a clear typed error (code and field) with nothing changed, or be
//! accepted and kept exactly. Nothing here measures time; the sizes are chosen so that
//! quadratic behaviour or unbounded recursion would hang or crash the suite instead.

use renda::{api, rules::RuleBook, Event, EventKind, Ledger, RendaError, UnitId};
use serde_json::{json, Value};

const MB: usize = 1024 * 1024;

// ------------------------------------------------------------------ helpers

fn envelope(at: &str, role: &str, id: &str, command: Value) -> String {
    json!({"at": at, "actor": {"role": role, "id": id}, "command": command}).to_string()
}

fn admin(at: &str, command: Value) -> String {
    envelope(at, "admin", "admin", command)
}

/// A ledger with a congress, two deputies, two units and suggestion S1 assigned to `edu`
/// on 2024-01-15 (reply due 2024-04-15).
fn assigned() -> Ledger {
    let mut l = Ledger::new(RuleBook::default());
    for c in [
        admin(
            "2024-01-02",
            json!({"type": "register_congress", "congress": "hd-17", "name": "海淀区第十七届人大",
                   "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
        ),
        admin(
            "2024-01-02",
            json!({"type": "register_deputy", "deputy": "D001", "congress": "hd-17", "name": "王丽"}),
        ),
        admin(
            "2024-01-02",
            json!({"type": "register_deputy", "deputy": "D002", "congress": "hd-17", "name": "李强"}),
        ),
        admin(
            "2024-01-02",
            json!({"type": "register_unit", "unit": "edu", "name": "区教委"}),
        ),
        admin(
            "2024-01-02",
            json!({"type": "register_unit", "unit": "fin", "name": "区财政局"}),
        ),
        envelope(
            "2024-01-08",
            "deputy",
            "D001",
            json!({"type": "submit_suggestion", "suggestion": "S1", "congress": "hd-17",
                   "title": "关于增加幼儿园学位的建议", "lead": "D001", "during": "session"}),
        ),
        envelope(
            "2024-01-10",
            "deputy_affairs_office",
            "office",
            json!({"type": "accept_suggestion", "suggestion": "S1"}),
        ),
        envelope(
            "2024-01-15",
            "deputy_affairs_office",
            "office",
            json!({"type": "assign_suggestion", "suggestion": "S1", "lead_unit": "edu"}),
        ),
    ] {
        l.execute_json(&c).unwrap();
    }
    l
}

/// Everything observable about a ledger.
fn observe(l: &Ledger) -> (u64, String, String) {
    (l.seq(), l.events_to_json(), l.snapshot_to_json())
}

/// Executes `command`, which must fail; checks that the ledger did not change and that the
/// error stays small whatever the input's size. Returns the error.
fn rejected(l: &mut Ledger, command: &str) -> RendaError {
    let before = observe(l);
    let decided = l.decide_to_json(command).err().map(|e| e.code());
    let err = l
        .execute_json(command)
        .expect_err("hostile command must be refused");
    assert_eq!(observe(l), before, "a refused command changes nothing");
    assert_eq!(decided, Some(err.code()), "decide agrees with execute");
    assert!(
        err.to_string().chars().count() < 1_000,
        "error message stays small: {} chars",
        err.to_string().chars().count()
    );
    if let Some(v) = err.value() {
        assert!(v.chars().count() <= 81, "error value is truncated");
    }
    err
}

fn code_field(e: &RendaError) -> (&'static str, Option<&str>) {
    (e.code(), e.field())
}

// ------------------------------------------------------------------ huge strings

#[test]
fn ten_megabyte_strings_are_refused_naming_the_field() {
    let mut l = assigned();
    let big = "长".repeat(10 * MB / 3); // 10 MB of UTF-8
    let e = rejected(
        &mut l,
        &envelope(
            "2024-02-01",
            "deputy",
            "D001",
            json!({"type": "submit_suggestion", "suggestion": "S2", "congress": "hd-17",
                   "title": big, "lead": "D001", "during": "recess"}),
        ),
    );
    assert_eq!(code_field(&e), ("invalid_field", Some("command.title")));

    let e = rejected(
        &mut l,
        &admin(
            "2024-02-01",
            json!({"type": "register_unit", "unit": "u", "name": big}),
        ),
    );
    assert_eq!(code_field(&e), ("invalid_field", Some("command.name")));
    assert!(e.to_string().contains("must be 1 to 200 characters"), "{e}");

    let huge_id = "x".repeat(10 * MB);
    let e = rejected(
        &mut l,
        &admin(
            "2024-02-01",
            json!({"type": "register_unit", "unit": huge_id, "name": "区卫健委"}),
        ),
    );
    assert_eq!(code_field(&e), ("invalid_field", Some("command.unit")));
    assert_eq!(
        e.to_string(),
        format!(
            "invalid value for `command.unit`: must be at most 64 characters (got \"{}…\")",
            "x".repeat(80)
        ),
        "the reason is given once, with the value shortened"
    );

    let e = rejected(
        &mut l,
        &envelope(
            "2024-02-01",
            "deputy_affairs_office",
            &huge_id,
            json!({"type": "accept_suggestion", "suggestion": "S1"}),
        ),
    );
    assert_eq!(code_field(&e), ("invalid_field", Some("actor.id")));
    let e = rejected(
        &mut l,
        &envelope(
            "2024-02-01",
            "deputy_affairs_office",
            "office",
            json!({"type": "extend_reply_deadline", "suggestion": "S1", "reason": big}),
        ),
    );
    assert_eq!(code_field(&e), ("invalid_field", Some("command.reason")));
}

#[test]
fn ids_over_64_characters_are_refused_in_every_id_field() {
    let mut l = assigned();
    let long = "y".repeat(65);
    let at = "2024-02-01";
    let cases = [
        (
            admin(
                at,
                json!({"type": "register_congress", "congress": long, "name": "人大", "level": "county", "term": 1, "term_start": "2021-01-01", "term_end": "2026-01-01"}),
            ),
            "command.congress",
        ),
        (
            admin(
                at,
                json!({"type": "register_deputy", "deputy": long, "congress": "hd-17", "name": "张三"}),
            ),
            "command.deputy",
        ),
        (
            admin(
                at,
                json!({"type": "register_deputy", "deputy": "D003", "congress": long, "name": "张三"}),
            ),
            "command.congress",
        ),
        (
            admin(
                at,
                json!({"type": "register_unit", "unit": long, "name": "区卫健委"}),
            ),
            "command.unit",
        ),
        (
            envelope(
                at,
                "deputy",
                "D001",
                json!({"type": "submit_suggestion", "suggestion": long, "congress": "hd-17", "title": "t", "lead": "D001", "during": "recess"}),
            ),
            "command.suggestion",
        ),
        (
            envelope(
                at,
                "deputy",
                "D001",
                json!({"type": "submit_suggestion", "suggestion": "S2", "congress": "hd-17", "title": "t", "lead": long, "during": "recess"}),
            ),
            "command.lead",
        ),
        (
            envelope(
                at,
                "deputy",
                "D001",
                json!({"type": "submit_suggestion", "suggestion": "S2", "congress": "hd-17", "title": "t", "lead": "D001", "cosigners": [long], "during": "recess"}),
            ),
            "command.cosigners",
        ),
        (
            envelope(
                at,
                "deputy_affairs_office",
                "office",
                json!({"type": "assign_suggestion", "suggestion": "S1", "lead_unit": long}),
            ),
            "command.lead_unit",
        ),
        (
            envelope(
                at,
                "deputy_affairs_office",
                "office",
                json!({"type": "assign_suggestion", "suggestion": "S1", "lead_unit": "edu", "co_units": [long]}),
            ),
            "command.co_units",
        ),
        (
            envelope(
                at,
                "deputy_affairs_office",
                &long,
                json!({"type": "accept_suggestion", "suggestion": "S1"}),
            ),
            "actor.id",
        ),
    ];
    for (command, field) in cases {
        let e = rejected(&mut l, &command);
        assert_eq!(code_field(&e), ("invalid_field", Some(field)), "{e}");
        assert!(
            e.to_string().contains("must be at most 64 characters"),
            "{e}"
        );
    }
    // 64 characters is fine.
    let ok = "z".repeat(64);
    l.execute_json(&admin(
        at,
        json!({"type": "register_unit", "unit": ok, "name": "区卫健委"}),
    ))
    .unwrap();
    assert!(l.units().any(|u| u.id.as_str() == ok));
}

#[test]
fn documents_over_64_mib_are_refused_before_parsing() {
    let mut l = assigned();
    // 100 MB: one string in a command, in a log, in a snapshot, in a rule-book spec.
    let doc = format!("[\"{}\"]", "z".repeat(100 * MB));
    let e = rejected(&mut l, &doc);
    assert_eq!(code_field(&e), ("invalid_json", None));
    assert!(e.to_string().contains("exceeds the limit"), "{e}");
    for e in [
        Ledger::replay_from_json(RuleBook::default(), &doc).unwrap_err(),
        Ledger::restore_from_json(RuleBook::default(), &doc).unwrap_err(),
        api::rule_book(Some(&doc)).unwrap_err(),
        l.figures_to_json("2024-05-01", Some(&doc)).unwrap_err(),
        api::check_figure_json(&doc).unwrap_err(),
    ] {
        assert_eq!(code_field(&e), ("invalid_json", None));
    }
    // Just under the limit it is parsed, and refused for what it is.
    let name = "t".repeat(60 * MB);
    let e = rejected(
        &mut l,
        &admin(
            "2024-02-01",
            json!({"type": "register_unit", "unit": "u", "name": name}),
        ),
    );
    assert_eq!(code_field(&e), ("invalid_field", Some("command.name")));
}

// ------------------------------------------------------------------ deep nesting

fn deep_array(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

fn deep_object(depth: usize) -> String {
    format!("{}0{}", "{\"a\":".repeat(depth), "}".repeat(depth))
}

#[test]
fn nesting_100_000_deep_is_invalid_json_everywhere() {
    let mut l = assigned();
    for deep in [deep_array(100_000), deep_object(100_000)] {
        let inside_a_command = format!(
            r#"{{"at":"2024-02-01","actor":{{"role":"admin","id":"a"}},"command":{{"type":"register_unit","unit":"u","name":{deep}}}}}"#
        );
        let inside_a_snapshot = format!(r#"{{"schema":1,"seq":0,"last_at":null,"state":{deep}}}"#);
        let inside_a_spec = format!(r#"{{"preset":"national","overrides":{deep}}}"#);
        let mut errors = vec![
            rejected(&mut l, &deep),
            rejected(&mut l, &inside_a_command),
            Ledger::replay_from_json(RuleBook::default(), &deep).unwrap_err(),
            Ledger::replay_from_json(RuleBook::default(), &format!("[{deep}]")).unwrap_err(),
            Ledger::restore_from_json(RuleBook::default(), &deep).unwrap_err(),
            Ledger::restore_from_json(RuleBook::default(), &inside_a_snapshot).unwrap_err(),
            api::rule_book(Some(&deep)).unwrap_err(),
            api::rule_book(Some(&inside_a_spec)).unwrap_err(),
            l.figures_to_json("2024-05-01", Some(&deep)).unwrap_err(),
            api::check_figure_json(&deep).unwrap_err(),
        ];
        let mut appended = l.clone();
        errors.push(
            api::parse_events(&deep)
                .and_then(|evs| appended.append_events(evs))
                .unwrap_err(),
        );
        for e in errors {
            assert_eq!(code_field(&e), ("invalid_json", None), "{e}");
            assert!(e.to_string().contains("recursion limit exceeded"), "{e}");
        }
    }
}

#[test]
fn nesting_within_the_limit_is_refused_by_type_not_by_stack() {
    let mut l = assigned();
    // 120 levels parse; the value is then the wrong type for the field.
    let e = rejected(
        &mut l,
        &format!(
            r#"{{"at":"2024-02-01","actor":{{"role":"admin","id":"a"}},"command":{{"type":"register_unit","unit":"u","name":{}}}}}"#,
            deep_array(120)
        ),
    );
    assert_eq!(code_field(&e), ("invalid_field", Some("command.name")));
    let e = api::rule_book(Some(&format!(
        r#"{{"preset":"national","overrides":{}}}"#,
        deep_object(120)
    )))
    .unwrap_err();
    assert_eq!(e.code(), "invalid_rule_set", "{e}");
}

// ------------------------------------------------------------------ many rows

/// `n` small events registering units `u0`, `u1`, … (schema 1: no hash fields needed).
fn unit_log(n: usize) -> Vec<Event> {
    let template: Event = serde_json::from_value(json!({
        "seq": 1, "schema": 1, "at": "2024-01-02T09:00:00+08:00",
        "actor": {"role": "admin", "id": "admin"},
        "event": {"type": "unit_registered", "unit": "u", "name": "承办单位"}
    }))
    .unwrap();
    (0..n)
        .map(|i| {
            let mut e = template.clone();
            e.seq = i as u64 + 1;
            if let EventKind::UnitRegistered { unit, .. } = &mut e.event {
                *unit = UnitId::new(format!("u{i}")).unwrap();
            }
            e
        })
        .collect()
}

#[test]
fn a_million_events_replay() {
    let l = Ledger::replay(RuleBook::default(), unit_log(1_000_000)).unwrap();
    assert_eq!(l.seq(), 1_000_000);
    assert_eq!(l.units().count(), 1_000_000);
    assert_eq!(l.events().len(), 1_000_000);
    assert_eq!(
        l.units().find(|u| u.id.as_str() == "u999999").unwrap().name,
        "承办单位"
    );
}

#[test]
fn one_bad_event_in_a_million_rejects_the_whole_log_naming_its_index() {
    // Appended to a ledger with history, so "nothing changed" can be checked.
    let mut l = assigned();
    let before = observe(&l);
    let start = l.seq();
    let mut log = unit_log(1_000_001);
    for (i, e) in log.iter_mut().enumerate() {
        e.seq = start + i as u64 + 1;
        e.at = "2024-02-01T09:00:00+08:00".parse().unwrap();
    }
    log[500_000].seq = 7; // a gap in the numbering
    let e = l.append_events(log).unwrap_err();
    assert_eq!(e.field(), Some("events[500000].seq"), "{e}");
    assert!(
        matches!(e.code(), "invalid_field" | "chain_broken"),
        "{}: {e}",
        e.code()
    );
    assert_eq!(observe(&l), before, "nothing of the log was applied");
}

/// A log that refers to an unknown entity is refused; the error should name the event's index
/// like every other log error does.
#[test]
fn a_dangling_reference_in_a_long_log_names_its_index() {
    let mut log = unit_log(1_000_001);
    log[500_000].event = serde_json::from_value(
        json!({"type": "deputy_registered", "deputy": "D", "congress": "nowhere", "name": "张三"}),
    )
    .unwrap();
    let e = Ledger::replay(RuleBook::default(), log).unwrap_err();
    assert_eq!(e.code(), "not_found");
    assert_eq!(e.field(), Some("events[500000].event.congress"));
}

/// The JSON text of `n` unit events (as [`unit_log`]), with event `bad` replaced by `with`.
fn unit_log_json(n: usize, bad: usize, with: &str) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(n * 180);
    s.push('[');
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        if i == bad {
            s.push_str(with);
        } else {
            write!(
                s,
                r#"{{"seq":{},"schema":1,"at":"2024-01-02T09:00:00+08:00","actor":{{"role":"admin","id":"admin"}},"event":{{"type":"unit_registered","unit":"u{i}","name":"承办单位"}}}}"#,
                i + 1
            )
            .unwrap();
        }
    }
    s.push(']');
    s
}

#[test]
fn a_bad_event_in_a_long_json_log_is_found_without_rereading_the_log() {
    // 100,000 events, about 17 MB of JSON. Locating the culprit inside an event's `event`
    // object used to copy and re-read the whole log once per field of that object.
    let n = 100_000;
    let log = unit_log_json(
        n,
        60_000,
        r#"{"seq":60001,"schema":1,"at":"2024-01-02T09:00:00+08:00","actor":{"role":"admin","id":"admin"},"event":{"type":"unit_registered","unit":"","name":"承办单位"}}"#,
    );
    let e = Ledger::replay_from_json(RuleBook::default(), &log).unwrap_err();
    assert_eq!(
        code_field(&e),
        ("invalid_field", Some("events[60000].event.unit"))
    );
    assert!(e.to_string().contains("must not be empty"), "{e}");

    let log = unit_log_json(
        n,
        70_000,
        r#"{"seq":70001,"schema":1,"at":"2024-01-02T09:00:00+08:00","actor":{"role":"emperor","id":"admin"},"event":{"type":"unit_registered","unit":"u","name":"承办单位"}}"#,
    );
    let e = Ledger::replay_from_json(RuleBook::default(), &log).unwrap_err();
    assert_eq!(
        code_field(&e),
        ("invalid_field", Some("events[70000].actor.role"))
    );
    assert_eq!(e.value().as_deref(), Some("emperor"));
    // The same log without the bad event replays.
    let good = unit_log_json(n, usize::MAX, "");
    assert_eq!(
        Ledger::replay_from_json(RuleBook::default(), &good)
            .unwrap()
            .seq(),
        n as u64
    );
}

// ------------------------------------------------------------------ text

#[test]
fn invalid_unicode_in_json_text_is_invalid_json() {
    let mut l = assigned();
    // There is no `&[u8]` entry point: text reaches renda as `&str`, which Rust guarantees
    // to be UTF-8, so invalid bytes are stopped by the caller's conversion.
    let bytes: Vec<u8> = [&b"{\"at\":\""[..], &[0xff, 0xfe], &b"\"}"[..]].concat();
    assert!(std::str::from_utf8(&bytes).is_err());
    // JSON escapes can still spell lone surrogates; serde_json refuses them.
    for name in [r"\ud800", r"\udc00", r"a\ud800b", r"\ud800\u0041"] {
        let c = format!(
            r#"{{"at":"2024-02-01","actor":{{"role":"admin","id":"a"}},"command":{{"type":"register_unit","unit":"u","name":"{name}"}}}}"#
        );
        let e = rejected(&mut l, &c);
        assert_eq!(code_field(&e), ("invalid_json", None), "{name}: {e}");
    }
    // A raw control character inside a JSON string is not JSON either.
    let e = rejected(
        &mut l,
        "{\"at\":\"2024-02-01\",\"actor\":{\"role\":\"admin\",\"id\":\"a\u{0}b\"},\"command\":{\"type\":\"accept_suggestion\",\"suggestion\":\"S1\"}}",
    );
    assert_eq!(e.code(), "invalid_json");
    // A valid surrogate pair is an ordinary character.
    l.execute_json(&admin(
        "2024-02-01",
        json!({"type": "register_unit", "unit": "u-emoji", "name": "😀单位"}),
    ))
    .unwrap();
}

#[test]
fn nul_control_and_bidi_characters_in_ids_are_refused() {
    let mut l = assigned();
    for (id, reason) in [
        ("u\u{0}1", "control characters"),
        ("u\u{1b}[31m", "control characters"),
        ("u\u{7f}", "control characters"),
        ("u\u{85}", "control characters"),
        ("D\u{202E}100", "invisible formatting"),
        ("\u{200F}D001", "invisible formatting"),
        ("D\u{2067}1\u{2069}", "invisible formatting"),
        ("D\u{200B}001", "invisible formatting"),
        ("\u{FEFF}D001", "invisible formatting"),
    ] {
        let e = rejected(
            &mut l,
            &admin(
                "2024-02-01",
                json!({"type": "register_unit", "unit": id, "name": "单位"}),
            ),
        );
        assert_eq!(
            code_field(&e),
            ("invalid_field", Some("command.unit")),
            "{id:?}"
        );
        assert!(e.to_string().contains(reason), "{id:?}: {e}");
        let e = rejected(
            &mut l,
            &envelope(
                "2024-02-01",
                "deputy",
                id,
                json!({"type": "give_feedback", "suggestion": "S1", "rating": "satisfied"}),
            ),
        );
        assert_eq!(
            code_field(&e),
            ("invalid_field", Some("actor.id")),
            "{id:?}"
        );
    }
}

/// Names are free text: right-to-left text is legitimate in them. Whatever renda accepts, it
/// keeps byte for byte through the log, a replay and a snapshot (nothing is cut at a NUL).
#[test]
fn text_with_nul_control_and_bidi_characters_is_refused_or_kept_exactly() {
    let mut l = assigned();
    let names = [
        "a\u{0}b",
        "tab\there",
        "esc\u{1b}[2J",
        "\u{202E}evil",
        "שלום \u{200F}עולם",
        "مرحبا\u{061C}",
    ];
    for (i, name) in names.iter().enumerate() {
        let c = admin(
            "2024-02-01",
            json!({"type": "register_unit", "unit": format!("t{i}"), "name": name}),
        );
        match l.execute_json(&c) {
            Ok(_) => {}
            Err(e) => assert_eq!(code_field(&e), ("invalid_field", Some("command.name"))),
        }
    }
    let replayed = Ledger::replay_from_json(RuleBook::default(), &l.events_to_json()).unwrap();
    let restored = Ledger::restore_from_json(RuleBook::default(), &l.snapshot_to_json()).unwrap();
    for (i, name) in names.iter().enumerate() {
        let id = format!("t{i}");
        let kept = |ledger: &Ledger| {
            ledger
                .units()
                .find(|u| u.id.as_str() == id)
                .map(|u| u.name.clone())
        };
        if let Some(stored) = kept(&l) {
            assert_eq!(stored, *name, "kept exactly");
            assert_eq!(kept(&replayed).as_deref(), Some(*name), "after replay");
            assert_eq!(kept(&restored).as_deref(), Some(*name), "after restore");
        }
    }
    assert_eq!(replayed.state(), l.state());
    assert_eq!(restored.state(), l.state());
}

// ------------------------------------------------------------------ dates and numbers

#[test]
fn timestamps_far_out_of_range() {
    // Refused, naming `at`.
    for at in [
        "-0001-01-01",
        "+10000-01-01",
        "10000-01-01",
        "2024-02-30",
        "2024-01-01T00:00:00+25:00",
        "2024-1-5",
        "2024-01-05 ",
    ] {
        let mut l = Ledger::new(RuleBook::default());
        let e = rejected(
            &mut l,
            &admin(
                at,
                json!({"type": "register_unit", "unit": "u", "name": "单位"}),
            ),
        );
        assert_eq!(code_field(&e), ("invalid_field", Some("at")), "{at}");
    }
    // Accepted at the edges of four-digit years, and written back in a form that replays.
    for at in [
        "0000-01-01",
        "0000-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59+08:00",
        "9999-12-31T23:59:59-12:00",
    ] {
        let mut l = Ledger::new(RuleBook::default());
        l.execute_json(&admin(
            at,
            json!({"type": "register_unit", "unit": "u", "name": "单位"}),
        ))
        .unwrap_or_else(|e| panic!("{at}: {e}"));
        let replayed = Ledger::replay_from_json(RuleBook::default(), &l.events_to_json())
            .unwrap_or_else(|e| panic!("{at}: replay: {e}"));
        assert_eq!(replayed.state(), l.state());
        let restored = Ledger::restore_from_json(RuleBook::default(), &l.snapshot_to_json())
            .unwrap_or_else(|e| panic!("{at}: restore: {e}"));
        assert_eq!(restored.snapshot(), l.snapshot());
    }
}

#[test]
fn suggestions_at_the_ends_of_time() {
    // Year 0: no rule set is in force yet.
    let mut l = Ledger::new(RuleBook::default());
    for c in [
        admin(
            "0000-01-01",
            json!({"type": "register_congress", "congress": "c", "name": "人大", "level": "county",
                   "term": 1, "term_start": "0000-01-01", "term_end": "9999-12-31"}),
        ),
        admin(
            "0000-01-01",
            json!({"type": "register_deputy", "deputy": "D", "congress": "c", "name": "代表"}),
        ),
    ] {
        l.execute_json(&c).unwrap();
    }
    let submit = |at: &str| {
        envelope(
            at,
            "deputy",
            "D",
            json!({"type": "submit_suggestion", "suggestion": "S", "congress": "c", "title": "建议",
                   "lead": "D", "during": "recess"}),
        )
    };
    let e = rejected(&mut l, &submit("0000-01-02"));
    assert_eq!(code_field(&e), ("no_rule_set", Some("at")));
    // The last second of 9999 (China time): the whole lifecycle still computes.
    let last = "9999-12-31T23:59:59+08:00";
    l.execute_json(&submit(last)).unwrap();
    l.execute_json(&admin(
        last,
        json!({"type": "register_unit", "unit": "u", "name": "单位"}),
    ))
    .unwrap();
    for c in [
        json!({"type": "accept_suggestion", "suggestion": "S"}),
        json!({"type": "assign_suggestion", "suggestion": "S", "lead_unit": "u"}),
    ] {
        l.execute_json(&envelope(last, "deputy_affairs_office", "o", c))
            .unwrap();
    }
    let view = l.suggestion_view_to_json("S", "9999-12-31").unwrap();
    let view: Value = serde_json::from_str(&view).unwrap();
    assert_eq!(view["status"], "assigned");
    assert_eq!(
        view["due"], "+10000-03-31",
        "due date past year 9999: {view}"
    );
    let f: Value = serde_json::from_str(&l.figures_to_json("9999-12-31", None).unwrap()).unwrap();
    assert_eq!(f["counts"]["overdue"], 0, "{f}");
    assert!(Ledger::replay_from_json(RuleBook::default(), &l.events_to_json()).is_ok());
}

#[test]
fn as_of_far_in_the_past_and_future() {
    let l = assigned();
    let view = |as_of: &str| -> Value {
        serde_json::from_str(&l.suggestion_view_to_json("S1", as_of).unwrap()).unwrap()
    };
    let figures = |as_of: &str| -> Value {
        serde_json::from_str(&l.figures_to_json(as_of, None).unwrap()).unwrap()
    };
    // Before anything happened.
    assert_eq!(view("1900-01-01")["status"], Value::Null);
    assert_eq!(figures("1900-01-01")["counts"]["overdue"], 0);
    assert_eq!(view("0000-01-01")["status"], Value::Null);
    // Long after the due date (2024-04-15).
    let v = view("9999-12-31");
    assert_eq!(v["status"], "assigned");
    assert_eq!(v["due"], "2024-04-15");
    assert_eq!(v["overdue_days"], 2_913_068, "{v}");
    assert_eq!(figures("9999-12-31")["counts"]["overdue"], 1);
    // Out of range or malformed: invalid_field naming `as_of`.
    for bad in [
        "10000-01-01",
        "+10000-01-01",
        "-0001-01-01",
        "2024-02-30",
        "1e309",
        "",
        "2024-01-01T00:00:00+25:00",
    ] {
        for e in [
            l.figures_to_json(bad, None).unwrap_err(),
            l.suggestion_view_to_json("S1", bad).unwrap_err(),
        ] {
            assert_eq!(code_field(&e), ("invalid_field", Some("as_of")), "{bad:?}");
        }
    }
    // Filter dates likewise.
    let e = l
        .figures_to_json("2024-05-01", Some(r#"{"submitted_from":"+10000-01-01"}"#))
        .unwrap_err();
    assert_eq!(
        code_field(&e),
        ("invalid_field", Some("filter.submitted_from"))
    );
}

#[test]
fn numbers_out_of_range_where_integers_are_expected() {
    let mut l = assigned();
    let congress = |term: &str| {
        format!(
            r#"{{"at":"2024-02-01","actor":{{"role":"admin","id":"a"}},"command":{{"type":"register_congress","congress":"c2","name":"人大","level":"county","term":{term},"term_start":"2021-01-01","term_end":"2026-01-01"}}}}"#
        )
    };
    let e = rejected(&mut l, &congress("1e309"));
    assert_eq!(code_field(&e), ("invalid_json", None));
    assert!(e.to_string().contains("number out of range"), "{e}");
    for term in [
        "-0",
        "-1",
        "18446744073709551616",
        "4294967296",
        "1.5",
        "1e3",
        "NaN",
    ] {
        let e = rejected(&mut l, &congress(term));
        if term == "NaN" {
            assert_eq!(e.code(), "invalid_json");
        } else {
            assert_eq!(
                code_field(&e),
                ("invalid_field", Some("command.term")),
                "{term}"
            );
        }
    }
    // In an event log and a snapshot.
    let events = l.events_to_json();
    for seq in ["18446744073709551616", "-0", "1e309", "-1"] {
        let bad = events.replacen("\"seq\":1,", &format!("\"seq\":{seq},"), 1);
        let e = Ledger::replay_from_json(RuleBook::default(), &bad).unwrap_err();
        if seq == "1e309" {
            assert_eq!(e.code(), "invalid_json");
        } else {
            assert_eq!(
                code_field(&e),
                ("invalid_field", Some("events[0].seq")),
                "{seq}"
            );
        }
    }
    let snapshot: Value = serde_json::from_str(&l.snapshot_to_json()).unwrap();
    for seq in [
        json!(9_007_199_254_740_992u64),
        json!(u64::MAX),
        json!(-0.0),
    ] {
        let mut bad = snapshot.clone();
        bad["seq"] = seq.clone();
        let e = Ledger::restore_from_json(RuleBook::default(), &bad.to_string()).unwrap_err();
        assert_eq!(
            code_field(&e),
            ("invalid_field", Some("snapshot.seq")),
            "{seq}"
        );
    }
    // Statistics: counts are whole numbers below 2^64.
    for (numerator, field) in [
        ("18446744073709551616", "numerator"),
        ("-0", "numerator"),
        ("-3", "numerator"),
    ] {
        let figure = format!(
            r#"{{"numerator":{numerator},"numerator_unit":"persons","denominator":445,"denominator_unit":"persons","stated_percent":"57.75"}}"#
        );
        let e = api::check_figure_json(&figure).unwrap_err();
        assert_eq!(
            code_field(&e),
            ("invalid_field", Some(field)),
            "{numerator}"
        );
    }
    // The largest denominator is answered by bisection, not by trying every numerator.
    assert!(api::is_reproducible("50.0", u64::MAX).unwrap());
    assert!(!api::is_reproducible("50.05", 3).unwrap());
}
