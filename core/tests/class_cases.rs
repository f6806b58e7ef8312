//! Class cases (类案, W1 step 4, §6.2 "merge into a class case"; issue 4 item 3): every
//! transition and rejection of merge / add / split, the lead-unit rule at assignment, every
//! proposer's own reply, the report and its figures, snapshots and hostile input.

use renda::{Ledger, RendaError};
use serde_json::{json, Value};

const OFFICE: (&str, &str) = ("deputy_affairs_office", "office");
const ADMIN: (&str, &str) = ("admin", "admin");

fn exec(
    l: &mut Ledger,
    at: &str,
    actor: (&str, &str),
    command: Value,
) -> Result<Vec<String>, RendaError> {
    let env = json!({"at": at, "actor": {"role": actor.0, "id": actor.1}, "command": command});
    l.execute_json(&env.to_string()).map(|evs| {
        evs.iter()
            .map(|e| e.event.type_name().to_string())
            .collect()
    })
}

/// Executes and expects success.
fn ok(l: &mut Ledger, at: &str, actor: (&str, &str), command: Value) -> Vec<String> {
    exec(l, at, actor, command.clone()).unwrap_or_else(|e| panic!("{command}: {e}"))
}

/// Executes, expects the error code (and field), and checks nothing changed.
fn rejected(
    l: &mut Ledger,
    at: &str,
    actor: (&str, &str),
    command: Value,
    code: &str,
    field: Option<&str>,
) -> RendaError {
    let before = l.snapshot();
    let err = exec(l, at, actor, command.clone()).expect_err(&command.to_string());
    assert_eq!(err.code(), code, "{command}: {err}");
    if field.is_some() {
        assert_eq!(err.field(), field, "{command}: {err}");
    }
    assert_eq!(
        l.snapshot(),
        before,
        "a rejected command changed the ledger"
    );
    err
}

/// Congress `hd` (county) with deputies D1–D4, congress `tw` (township) with deputy T1, units
/// `edu` and `traffic`; suggestions S1–S5 of `hd` (S1–S4 accepted, S5 only submitted) and W1
/// of `tw` (accepted).
fn setup() -> Ledger {
    let mut l = Ledger::new(Default::default());
    let at = "2024-01-02";
    ok(
        &mut l,
        at,
        ADMIN,
        json!({"type":"register_congress","congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}),
    );
    ok(
        &mut l,
        at,
        ADMIN,
        json!({"type":"register_congress","congress":"tw","name":"温泉镇人大","level":"township","term":8,"term_start":"2021-11-01","term_end":"2026-10-31"}),
    );
    for d in ["D1", "D2", "D3", "D4"] {
        ok(
            &mut l,
            at,
            ADMIN,
            json!({"type":"register_deputy","deputy":d,"congress":"hd","name":d}),
        );
    }
    ok(
        &mut l,
        at,
        ADMIN,
        json!({"type":"register_deputy","deputy":"T1","congress":"tw","name":"T1"}),
    );
    ok(
        &mut l,
        at,
        ADMIN,
        json!({"type":"register_unit","unit":"edu","name":"区教委"}),
    );
    ok(
        &mut l,
        at,
        ADMIN,
        json!({"type":"register_unit","unit":"traffic","name":"交通支队"}),
    );
    let titles = [
        ("S1", "D1", "关于增加幼儿园学位的建议"),
        ("S2", "D2", "关于增加公办幼儿园学位的建议"),
        ("S3", "D3", "关于扩大普惠性幼儿园学位的建议"),
        ("S4", "D4", "关于学校周边交通安全的建议"),
        ("S5", "D1", "关于幼儿园学位的建议"),
    ];
    for (s, d, t) in titles {
        ok(
            &mut l,
            "2024-01-08",
            ("deputy", d),
            json!({"type":"submit_suggestion","suggestion":s,"congress":"hd","title":t,"lead":d,"during":"session","cosigners": if s == "S1" { json!(["D2"]) } else { json!([]) }}),
        );
    }
    ok(
        &mut l,
        "2024-01-08",
        ("deputy", "T1"),
        json!({"type":"submit_suggestion","suggestion":"W1","congress":"tw","title":"关于增加幼儿园学位的建议","lead":"T1","during":"session"}),
    );
    for s in ["S1", "S2", "S3", "S4", "W1"] {
        ok(
            &mut l,
            "2024-01-09",
            OFFICE,
            json!({"type":"accept_suggestion","suggestion":s}),
        );
    }
    l
}

fn merge(group: &str, suggestions: &[&str], unit: &str) -> Value {
    json!({"type":"merge_suggestions","group":group,"title":"增加幼儿园学位","suggestions":suggestions,"lead_unit":unit})
}

fn members(l: &Ledger, group: &str) -> Vec<String> {
    l.class_cases()
        .find(|g| g.id.as_str() == group)
        .unwrap()
        .current_members()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn merge_forms_a_group_with_one_lead_unit() {
    let mut l = setup();
    let at = "2024-01-10";
    assert_eq!(
        ok(&mut l, at, OFFICE, merge("G1", &["S1", "S2"], "edu")),
        ["class_case_formed"]
    );
    assert_eq!(members(&l, "G1"), ["S1", "S2"]);
    let r = l
        .class_case_report("2024-01-10".parse().unwrap(), None)
        .unwrap();
    assert_eq!(r.figures.groups, 1);
    assert_eq!(r.figures.suggestions_grouped, 2);
    // The day before, nothing.
    let r = l
        .class_case_report("2024-01-09".parse().unwrap(), None)
        .unwrap();
    assert_eq!(r.figures.groups, 0);
    // Of the township congress, nothing.
    let tw = "tw".parse().unwrap();
    let r = l
        .class_case_report("2024-01-10".parse().unwrap(), Some(&tw))
        .unwrap();
    assert!(r.groups.is_empty());
    let ghost = "ghost".parse().unwrap();
    assert_eq!(
        l.class_case_report("2024-01-10".parse().unwrap(), Some(&ghost))
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn merge_rejections() {
    let mut l = setup();
    let at = "2024-01-10";
    // Permission matrix: only the office merges; committees propose (§6.2).
    for role in [
        ("deputy", "D1"),
        ("special_committee", "c"),
        ("director_meeting", "dm"),
        ("handling_unit", "edu"),
    ] {
        rejected(
            &mut l,
            at,
            role,
            merge("G1", &["S1", "S2"], "edu"),
            "permission_denied",
            Some("actor"),
        );
    }
    rejected(
        &mut l,
        at,
        OFFICE,
        merge("G1", &["S1"], "edu"),
        "invalid_field",
        Some("command.suggestions"),
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        merge("G1", &["S1", "S1"], "edu"),
        "invalid_field",
        Some("command.suggestions[1]"),
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        merge("G1", &["S1", "S9"], "edu"),
        "not_found",
        Some("command.suggestions[1]"),
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        merge("G1", &["S1", "S2"], "ghost"),
        "not_found",
        Some("command.lead_unit"),
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        merge("G1", &["S1", "W1"], "edu"),
        "wrong_congress",
        Some("command.suggestions[1]"),
    );
    // S5 was never accepted.
    let e = rejected(
        &mut l,
        at,
        OFFICE,
        merge("G1", &["S1", "S5"], "edu"),
        "invalid_transition",
        None,
    );
    assert!(e.to_string().contains("submitted"), "{e}");
    let blank = json!({"type":"merge_suggestions","group":"G1","title":" ","suggestions":["S1","S2"],"lead_unit":"edu"});
    rejected(
        &mut l,
        at,
        OFFICE,
        blank,
        "invalid_field",
        Some("command.title"),
    );
    // Assigned to another unit than the group's.
    ok(
        &mut l,
        at,
        OFFICE,
        json!({"type":"assign_suggestion","suggestion":"S3","lead_unit":"traffic"}),
    );
    let e = rejected(
        &mut l,
        at,
        OFFICE,
        merge("G1", &["S1", "S3"], "edu"),
        "class_case_lead_unit",
        Some("command.suggestions[1]"),
    );
    assert!(e.info().rule.unwrap().starts_with("W1 step 4"));
    // Assigned to the group's unit: fine.
    ok(&mut l, at, OFFICE, merge("G1", &["S1", "S3"], "traffic"));
    rejected(
        &mut l,
        at,
        OFFICE,
        merge("G1", &["S2", "S4"], "edu"),
        "already_exists",
        None,
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        merge("G2", &["S2", "S1"], "traffic"),
        "already_grouped",
        Some("command.suggestions[1]"),
    );
    // Replied suggestions cannot be merged any more.
    ok(
        &mut l,
        "2024-02-01",
        ("handling_unit", "traffic"),
        json!({"type":"reply_suggestion","suggestion":"S3","result":"A","summary":"已解决"}),
    );
    rejected(
        &mut l,
        "2024-02-01",
        OFFICE,
        merge("G3", &["S2", "S3"], "traffic"),
        "invalid_transition",
        Some("command.suggestion"),
    );
    assert_eq!(
        ok(
            &mut l,
            "2024-02-01",
            OFFICE,
            merge("G3", &["S2", "S4"], "edu")
        ),
        ["class_case_formed"]
    );
}

#[test]
fn assignment_of_a_grouped_suggestion_names_the_group_lead_unit() {
    let mut l = setup();
    let at = "2024-01-10";
    ok(&mut l, at, OFFICE, merge("G1", &["S1", "S2"], "edu"));
    let assign =
        |s: &str, u: &str| json!({"type":"assign_suggestion","suggestion":s,"lead_unit":u});
    let e = rejected(
        &mut l,
        at,
        OFFICE,
        assign("S1", "traffic"),
        "class_case_lead_unit",
        Some("command.lead_unit"),
    );
    assert_eq!(e.info().value.as_deref(), Some("traffic"));
    assert_eq!(
        ok(&mut l, at, OFFICE, assign("S1", "edu")),
        ["suggestion_assigned"]
    );
    // Co-units are free.
    ok(
        &mut l,
        at,
        OFFICE,
        json!({"type":"assign_suggestion","suggestion":"S2","lead_unit":"edu","co_units":["traffic"]}),
    );
    // An ungrouped suggestion goes anywhere.
    ok(&mut l, at, OFFICE, assign("S4", "traffic"));
}

#[test]
fn add_and_split_and_dissolve() {
    let mut l = setup();
    let at = "2024-01-10";
    ok(&mut l, at, OFFICE, merge("G1", &["S1", "S2"], "edu"));
    let add = |g: &str, s: &str| json!({"type":"add_to_class_case","group":g,"suggestion":s});
    let split = |g: &str, s: &str| json!({"type":"split_suggestion","group":g,"suggestion":s});
    rejected(
        &mut l,
        at,
        ("special_committee", "c"),
        add("G1", "S3"),
        "permission_denied",
        None,
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        add("G9", "S3"),
        "not_found",
        Some("command.group"),
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        add("G1", "S9"),
        "not_found",
        Some("command.suggestion"),
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        add("G1", "S2"),
        "already_grouped",
        Some("command.suggestion"),
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        add("G1", "W1"),
        "wrong_congress",
        Some("command.suggestion"),
    );
    rejected(
        &mut l,
        at,
        OFFICE,
        add("G1", "S5"),
        "invalid_transition",
        None,
    );
    assert_eq!(
        ok(&mut l, at, OFFICE, add("G1", "S3")),
        ["class_case_joined"]
    );
    assert_eq!(members(&l, "G1"), ["S1", "S2", "S3"]);
    // Split: not a member, then from three to two, then from two: dissolved.
    rejected(
        &mut l,
        at,
        OFFICE,
        split("G1", "S4"),
        "not_in_class_case",
        Some("command.suggestion"),
    );
    rejected(
        &mut l,
        at,
        ("deputy", "D1"),
        split("G1", "S1"),
        "permission_denied",
        None,
    );
    assert_eq!(
        ok(&mut l, "2024-01-11", OFFICE, split("G1", "S3")),
        ["class_case_split"]
    );
    assert_eq!(members(&l, "G1"), ["S1", "S2"]);
    assert_eq!(
        ok(&mut l, "2024-01-12", OFFICE, split("G1", "S2")),
        ["class_case_split", "class_case_dissolved"]
    );
    let g = l.class_cases().next().unwrap();
    assert!(!g.is_active());
    assert_eq!(g.current_members().count(), 0);
    // As of each day.
    let day = |d: &str| l.class_case_report(d.parse().unwrap(), None).unwrap();
    assert_eq!(day("2024-01-10").groups[0].members.len(), 3);
    assert_eq!(day("2024-01-11").figures.suggestions_grouped, 2);
    assert_eq!(day("2024-01-12").figures.groups, 0);
    // A dissolved group takes no more changes; its former members are free.
    rejected(
        &mut l,
        "2024-01-12",
        OFFICE,
        add("G1", "S1"),
        "class_case_dissolved",
        Some("command.group"),
    );
    rejected(
        &mut l,
        "2024-01-12",
        OFFICE,
        split("G1", "S1"),
        "class_case_dissolved",
        Some("command.group"),
    );
    rejected(
        &mut l,
        "2024-01-12",
        OFFICE,
        merge("G1", &["S1", "S2"], "edu"),
        "already_exists",
        None,
    );
    ok(
        &mut l,
        "2024-01-12",
        OFFICE,
        merge("G2", &["S1", "S2", "S3"], "edu"),
    );
    // Free again after the split, S1 goes to any unit? No: it is grouped again now.
    rejected(
        &mut l,
        "2024-01-12",
        OFFICE,
        json!({"type":"assign_suggestion","suggestion":"S1","lead_unit":"traffic"}),
        "class_case_lead_unit",
        None,
    );
}

#[test]
fn split_only_before_the_first_reply() {
    let mut l = setup();
    ok(
        &mut l,
        "2024-01-10",
        OFFICE,
        merge("G1", &["S1", "S2", "S3"], "edu"),
    );
    for s in ["S1", "S2", "S3"] {
        ok(
            &mut l,
            "2024-01-10",
            OFFICE,
            json!({"type":"assign_suggestion","suggestion":s,"lead_unit":"edu"}),
        );
    }
    ok(
        &mut l,
        "2024-02-01",
        ("handling_unit", "edu"),
        json!({"type":"reply_suggestion","suggestion":"S1","result":"A","summary":"新增学位200个"}),
    );
    let e = rejected(
        &mut l,
        "2024-02-02",
        OFFICE,
        json!({"type":"split_suggestion","group":"G1","suggestion":"S1"}),
        "invalid_transition",
        None,
    );
    assert!(e.info().rule.unwrap().contains("before the first reply"));
    // An assigned member without a reply may still leave.
    assert_eq!(
        ok(
            &mut l,
            "2024-02-02",
            OFFICE,
            json!({"type":"split_suggestion","group":"G1","suggestion":"S3"})
        ),
        ["class_case_split"]
    );
}

/// Every proposer still gets their own reply (issue 4 item 3): replies, ratings and figures
/// stay per suggestion.
#[test]
fn every_proposer_gets_their_own_reply() {
    let mut l = setup();
    ok(
        &mut l,
        "2024-01-10",
        OFFICE,
        merge("G1", &["S1", "S2", "S3"], "edu"),
    );
    for s in ["S1", "S2", "S3"] {
        ok(
            &mut l,
            "2024-01-10",
            OFFICE,
            json!({"type":"assign_suggestion","suggestion":s,"lead_unit":"edu"}),
        );
    }
    let reply = |s: &str, r: &str, summary: &str| json!({"type":"reply_suggestion","suggestion":s,"result":r,"summary":summary});
    ok(
        &mut l,
        "2024-03-01",
        ("handling_unit", "edu"),
        reply("S1", "A", "答复甲：新增学位200个"),
    );
    ok(
        &mut l,
        "2024-03-01",
        ("handling_unit", "edu"),
        reply("S2", "B", "答复乙：公办园扩建列入计划"),
    );
    // S3's proposer has no reply yet: its figure is its own.
    fn s(l: &Ledger, id: &str) -> renda::suggestion::Suggestion {
        l.suggestions()
            .find(|s| s.id.as_str() == id)
            .unwrap()
            .clone()
    }
    assert_eq!(s(&l, "S1").replies[0].summary, "答复甲：新增学位200个");
    assert_eq!(s(&l, "S2").replies[0].summary, "答复乙：公办园扩建列入计划");
    assert!(s(&l, "S3").replies.is_empty());
    // Each lead deputy rates their own reply; the co-signer of S1 rates S1 only.
    ok(
        &mut l,
        "2024-03-05",
        ("deputy", "D2"),
        json!({"type":"give_feedback","suggestion":"S1","rating":"basically_satisfied"}),
    );
    ok(
        &mut l,
        "2024-03-05",
        ("deputy", "D1"),
        json!({"type":"give_feedback","suggestion":"S1","rating":"satisfied"}),
    );
    ok(
        &mut l,
        "2024-03-05",
        ("deputy", "D2"),
        json!({"type":"give_feedback","suggestion":"S2","rating":"dissatisfied"}),
    );
    let err = exec(
        &mut l,
        "2024-03-05",
        ("deputy", "D1"),
        json!({"type":"give_feedback","suggestion":"S2","rating":"satisfied"}),
    )
    .unwrap_err();
    assert_eq!(err.code(), "not_party");
    assert_eq!(s(&l, "S1").status.as_str(), "closed");
    assert_eq!(s(&l, "S2").status.as_str(), "rehandling");
    let f = l.figures("2024-03-31".parse().unwrap()).unwrap();
    assert_eq!(f.counts.assigned, 3);
    assert_eq!(f.counts.replied, 2);
    assert_eq!(f.ratings.satisfied, 1);
    assert_eq!(f.ratings.dissatisfied, 1);
    // The group is still there, with every member.
    assert_eq!(members(&l, "G1"), ["S1", "S2", "S3"]);
}

#[test]
fn state_round_trips_and_hostile_input_is_refused() {
    let mut l = setup();
    ok(
        &mut l,
        "2024-01-10",
        OFFICE,
        merge("G1", &["S1", "S2"], "edu"),
    );
    ok(
        &mut l,
        "2024-01-10",
        OFFICE,
        merge("G2", &["S3", "S4"], "traffic"),
    );
    ok(
        &mut l,
        "2024-01-11",
        OFFICE,
        json!({"type":"split_suggestion","group":"G2","suggestion":"S4"}),
    );
    let replayed = Ledger::replay(Default::default(), l.events().to_vec()).unwrap();
    assert_eq!(replayed.state(), l.state());
    let snap = serde_json::to_value(l.snapshot()).unwrap();
    assert!(Ledger::restore_from_json(Default::default(), &snap.to_string()).is_ok());
    // Snapshots that break the invariants.
    let bad = |path: &str, v: Value| {
        let mut s = snap.clone();
        let (parent, key) = path.rsplit_once('/').unwrap();
        s.pointer_mut(parent).unwrap()[key] = v;
        Ledger::restore_from_json(Default::default(), &s.to_string()).unwrap_err()
    };
    // A member of two groups at once.
    let e = bad("/state/class_cases/G1/members/1/suggestion", json!("S1"));
    assert_eq!(e.code(), "invalid_field");
    // A living group with one member.
    let e = bad(
        "/state/class_cases/G1/members",
        json!([{"suggestion":"S1","joined_on":"2024-01-10"}]),
    );
    assert_eq!(e.code(), "invalid_field");
    // Dangling references.
    assert_eq!(
        bad("/state/class_cases/G1/lead_unit", json!("ghost")).code(),
        "not_found"
    );
    assert_eq!(
        bad("/state/class_cases/G1/members/0/suggestion", json!("S9")).code(),
        "not_found"
    );
    assert_eq!(
        bad("/state/class_cases/G1/members/0/suggestion", json!("W1")).code(),
        "invalid_field"
    );
    assert_eq!(
        bad("/state/class_cases/G1/id", json!("G7")).code(),
        "invalid_field"
    );
    // A dissolved group still holding members.
    assert_eq!(
        bad("/state/class_cases/G1/dissolved_on", json!("2024-01-11")).code(),
        "invalid_field"
    );
    // Event logs with dangling references, re-chained by a forger: refused, never a panic.
    let events = serde_json::to_value(l.events()).unwrap();
    let forged = |f: &dyn Fn(&mut Value)| {
        let mut evs = events.clone();
        f(&mut evs);
        let mut list: Vec<renda::Event> = serde_json::from_value(evs).unwrap();
        let mut prev = renda::chain::EventHash::ZERO;
        for e in &mut list {
            e.prev = prev;
            e.hash = renda::chain::hash_of(e);
            prev = e.hash;
        }
        Ledger::replay(Default::default(), list).unwrap_err()
    };
    // The log ends: formed G1, formed G2, split S4 from G2, G2 dissolved.
    let last = events.as_array().unwrap().len() - 1;
    let e = forged(&|evs| evs[last]["event"]["group"] = json!("G9"));
    assert_eq!(e.code(), "not_found");
    let e = forged(&|evs| evs[last - 1]["event"]["suggestion"] = json!("S1"));
    assert_eq!(e.code(), "not_found");
    let e = forged(&|evs| evs[last - 2]["event"]["suggestions"] = json!(["S3", "S9"]));
    assert_eq!(e.code(), "not_found");
    let e = forged(&|evs| evs[last - 2]["event"]["group"] = json!("G1"));
    assert_eq!(e.code(), "already_exists");
    let e = forged(&|evs| evs[last - 2]["event"]["lead_unit"] = json!("ghost"));
    assert_eq!(e.code(), "not_found");
    // S1 in G1 and in G2 (the split and dissolution cut off): refused by the state checks.
    let e = forged(&|evs| {
        evs[last - 2]["event"]["suggestions"] = json!(["S1", "S4"]);
        evs.as_array_mut().unwrap().truncate(last - 1);
    });
    assert_eq!(e.code(), "invalid_field");
}

#[test]
fn candidates_leave_out_grouped_and_replied_suggestions() {
    let mut l = setup();
    let hd = "hd".parse().unwrap();
    let c = l.class_case_candidates(&hd, 0.15).unwrap();
    assert_eq!(c.len(), 1);
    let ids: Vec<&str> = c[0].suggestions.iter().map(|s| s.as_str()).collect();
    // S5 is only submitted; S4 is about traffic.
    assert_eq!(ids, ["S1", "S2", "S3"]);
    ok(
        &mut l,
        "2024-01-10",
        OFFICE,
        merge("G1", &["S1", "S2"], "edu"),
    );
    assert!(l.class_case_candidates(&hd, 0.15).unwrap().is_empty());
    // The suggester never merges: the state is unchanged by a query.
    let before = l.snapshot();
    let _ = l.class_case_candidates(&hd, 0.0).unwrap();
    assert_eq!(l.snapshot(), before);
    let ghost = "ghost".parse().unwrap();
    assert_eq!(
        l.class_case_candidates(&ghost, 0.3).unwrap_err().code(),
        "not_found"
    );
    let e = l.class_case_candidates_to_json("hd", "1.5").unwrap_err();
    assert_eq!(e.field(), Some("min_score"));
}
