//! Property tests of meetings and votes (issue 5 item 1; `docs/meetings.md`): random
//! sequences of convene, agenda, attendance, speech, ballot and extraordinary-request commands,
//! issued at non-decreasing times by the right and sometimes the wrong roles, never panic and
//! keep every invariant:
//! - a rejected command changes neither state nor log, and [`Ledger::decide`] predicted it;
//!   an accepted one appends exactly the events `decide` returned;
//! - the state validates, and replaying the log reproduces it;
//! - agendas are numbered 1, 2, 3, …; with R-M9 on (the second congress's rule set), the
//!   first item of a standing-committee or director meeting is political study;
//! - every ballot's meeting had its attendance recorded with the quorum met (L-3), its tally
//!   has the attendance's members, and `adopted` is a majority of all members (L-4) or, at the
//!   director meeting, of those present;
//! - no recorded speech is over its limit (R-M1…R-M3);
//! - each extraordinary congress sitting used one request of at least one fifth (L-3).

use chrono::{Duration as Days, NaiveDate};
use proptest::prelude::*;
use renda::oversight::meeting::{AgendaItemKind, Body, MeetingKind, SpeechKind};
use renda::rules::RuleBook;
use renda::{CommandEnvelope, Ledger, Role, Timestamp};
use serde_json::{json, Value};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn book() -> RuleBook {
    // County congresses get the national rules; from 2025 the Beijing-district set applies.
    RuleBook::from_spec(&json!([{"preset": "national"}, {"preset": "beijing-district"}])).unwrap()
}

fn envelope(at: NaiveDate, role: Role, id: &str, command: Value) -> Option<CommandEnvelope> {
    let cmd = serde_json::from_value(command).ok()?;
    Some(CommandEnvelope {
        at: Timestamp::start_of_china_day(at),
        actor: renda::Actor::new(role, id).unwrap(),
        command: cmd,
    })
}

fn setup() -> Ledger {
    let mut l = Ledger::new(book());
    let at = date(2024, 1, 1);
    let mut run = |cmd: Value| {
        l.execute(envelope(at, Role::Admin, "admin", cmd).unwrap())
            .unwrap();
    };
    run(
        json!({"type": "register_congress", "congress": "C", "name": "人大", "level": "county",
               "term": 1, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
    );
    for i in 0..10 {
        run(
            json!({"type": "register_deputy", "deputy": format!("D{i}"), "congress": "C", "name": "代表"}),
        );
    }
    l
}

#[derive(Debug, Clone)]
struct Step {
    advance: u8,
    kind: u8,
    wrong_role: u8,
    a: u8,
    b: u8,
    c: u8,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..40,
        0u8..30,
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
    )
        .prop_map(|(advance, kind, wrong_role, a, b, c)| Step {
            advance: advance.saturating_sub(30),
            kind,
            wrong_role,
            a,
            b,
            c,
        })
}

const BODIES: [&str; 3] = ["congress", "standing_committee", "director_meeting"];
const KINDS: [&str; 4] = ["regular", "extraordinary", "mid_year", "quarterly"];
const ITEM_KINDS: [&str; 7] = [
    "political_study",
    "report",
    "review_opinion",
    "director_document",
    "ballot",
    "appointment",
    "other",
];
const SPEECH_KINDS: [&str; 4] = ["report", "review_opinion", "director_document", "other"];
const BALLOT_KINDS: [&str; 6] = [
    "resolution",
    "decision",
    "appointment",
    "removal",
    "election",
    "other",
];

fn build(s: &Step, today: NaiveDate) -> (Role, Value) {
    let meeting = format!("M{}", s.a % 8);
    let (role, cmd) = match s.kind {
        0..=5 => (
            Role::DirectorMeeting,
            json!({"type": "convene_meeting", "meeting": meeting, "congress": "C",
                   "body": BODIES[s.b as usize % 3], "kind": KINDS[(s.c as usize / 3) % 4 * usize::from(s.c % 3 == 0)],
                   "held_on": today}),
        ),
        6..=9 => {
            let n = 1 + s.b as usize % 4;
            let items: Vec<Value> = (0..n)
                .map(|k| {
                    let number = if s.c % 11 == 0 && k == 1 { 5 } else { k + 1 };
                    // Half the agendas open with political study (R-M9, required from 2025).
                    let kind = if k == 0 && s.c % 2 == 0 {
                        "political_study"
                    } else {
                        ITEM_KINDS[(s.c as usize + k) % 7]
                    };
                    json!({"number": number, "kind": kind, "title": "议题"})
                })
                .collect();
            (
                Role::DeputyAffairsOffice,
                json!({"type": "set_meeting_agenda", "meeting": meeting, "items": items}),
            )
        }
        10..=13 => {
            let members = [6u32, 10, 45, 9][s.b as usize % 4];
            // Mostly quorate; sometimes short of the quorum or more present than members.
            let present = if s.c % 3 == 0 {
                u32::from(s.c) % (members + 2)
            } else {
                members - u32::from(s.c) % (members / 4 + 1)
            };
            let deps: Vec<String> = (0..(s.b % 4))
                .map(|k| format!("D{}", (usize::from(s.c) + usize::from(k)) % 12))
                .collect();
            (
                Role::DeputyAffairsOffice,
                json!({"type": "record_attendance", "meeting": meeting, "members": members,
                       "present": present, "attending_deputies": deps, "observers": s.b % 5}),
            )
        }
        14..=17 => (
            Role::DeputyAffairsOffice,
            json!({"type": "record_speech", "meeting": meeting, "item": 1 + s.b % 4,
                   "kind": SPEECH_KINDS[s.c as usize % 4], "minutes": s.c % 25}),
        ),
        18..=25 => {
            let members = [6u32, 10, 45, 9][s.b as usize % 4];
            let present = members - u32::from(s.c) % (members / 2 + 1);
            let yes = u32::from(s.a.wrapping_mul(7)) % (present + 2);
            let no = (present.saturating_sub(yes)) / 2;
            let kind = BALLOT_KINDS[s.c as usize % 6];
            let mut cmd = json!({"type": "hold_ballot", "meeting": meeting, "ballot": format!("B{}", s.b % 16),
                   "item": 1 + s.c % 3, "subject": "决议", "kind": kind,
                   "vote": {"members": members, "present": present, "yes": yes, "no": no, "abstain": 0}});
            if s.c % 4 != 0 {
                cmd["persons"] = json!(s.a % 6);
            }
            (Role::StandingCommittee, cmd)
        }
        _ => (
            Role::DeputyAffairsOffice,
            json!({"type": "request_extraordinary_session", "congress": "C", "deputies": s.b % 12}),
        ),
    };
    if s.wrong_role % 9 == 0 {
        (Role::Deputy, cmd)
    } else {
        (role, cmd)
    }
}

/// Most ballots take the tally's members and present from the meeting's recorded attendance, so
/// that the walks reach adopted and failed ballots, not only `vote_members_mismatch`.
fn fit_ballot(l: &Ledger, s: &Step, mut cmd: Value) -> Value {
    if cmd["type"] != "hold_ballot" || s.a % 4 == 0 {
        return cmd;
    }
    let Some(m) = cmd["meeting"]
        .as_str()
        .and_then(|m| m.parse().ok())
        .and_then(|id| l.state().meetings.get(&id))
    else {
        return cmd;
    };
    if let Some(a) = &m.attendance {
        // Mostly near-unanimous (adopted when the quorum is met), sometimes not.
        let yes = a.present.saturating_sub(u32::from(s.a % 7) * a.present / 6);
        cmd["vote"] = json!({"members": a.members, "present": a.present, "yes": yes,
                             "no": a.present - yes, "abstain": 0});
    }
    if !m.agenda.is_empty() {
        cmd["item"] = json!(1);
    }
    let counts_persons = matches!(cmd["kind"].as_str(), Some("appointment" | "removal"));
    cmd["persons"] = if counts_persons {
        json!(1 + s.a % 5)
    } else {
        Value::Null
    };
    cmd
}

fn check_invariants(l: &Ledger) {
    let st = l.state();
    st.validate().unwrap();
    for m in st.meetings.values() {
        for (k, item) in m.agenda.iter().enumerate() {
            assert_eq!(item.number as usize, k + 1);
        }
        let rules = &l
            .rules()
            .in_force(renda::registry::Level::County, m.held_on)
            .unwrap()
            .oversight
            .meetings;
        if rules.political_study_first && m.body != Body::Congress && !m.agenda.is_empty() {
            assert_eq!(m.agenda[0].kind, AgendaItemKind::PoliticalStudy);
        }
        for sp in &m.speeches {
            if let Some(limit) = rules.limit(sp.kind) {
                assert!(sp.minutes <= limit, "{sp:?} over {limit}");
            }
            if let Some((_, body)) = sp.kind.rule() {
                assert_eq!(body, m.body);
            }
            assert!(sp.kind == SpeechKind::Other || sp.kind.rule().is_some());
        }
    }
    for b in st.ballots.values() {
        let m = &st.meetings[&b.meeting];
        let att = m.attendance.as_ref().expect("a ballot needs attendance");
        assert!(att.quorum_met);
        assert_eq!(b.vote.members, att.members);
        let want = if m.body == Body::DirectorMeeting {
            b.vote.passes_majority_of_present()
        } else {
            b.vote.passes_majority_of_all()
        };
        assert_eq!(b.adopted, want);
        assert_eq!(b.kind.counts_persons(), b.persons.is_some_and(|p| p > 0));
    }
    let extraordinary = st
        .meetings
        .values()
        .filter(|m| m.body == Body::Congress && m.kind == MeetingKind::Extraordinary)
        .count();
    let used: Vec<_> = st
        .extraordinary_requests
        .values()
        .flatten()
        .filter(|r| r.meeting.is_some())
        .collect();
    assert_eq!(used.len(), extraordinary);
    for r in st.extraordinary_requests.values().flatten() {
        assert!(u64::from(r.deputies) * 5 >= u64::from(r.in_office));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_meeting_commands_keep_the_invariants(steps in proptest::collection::vec(step(), 1..60)) {
        let mut l = setup();
        let mut today = date(2024, 11, 20);
        for (k, s) in steps.iter().enumerate() {
            today += Days::days(i64::from(s.advance));
            let (role, cmd) = build(s, today);
            let cmd = fit_ballot(&l, s, cmd);
            let id = if role == Role::Deputy { "D0" } else { "actor" };
            let Some(env) = envelope(today, role, id, cmd) else { continue };
            let before_state = l.state().clone();
            let before_len = l.events().len();
            let predicted = l.decide(&env);
            match l.execute(env) {
                Ok(events) => {
                    let kinds: Vec<_> = events.iter().map(|e| e.event.clone()).collect();
                    prop_assert_eq!(predicted.unwrap(), kinds);
                }
                Err(e) => {
                    prop_assert_eq!(predicted.unwrap_err(), e);
                    prop_assert_eq!(l.state(), &before_state);
                    prop_assert_eq!(l.events().len(), before_len);
                }
            }
            check_invariants(&l);
            if k % 10 == 9 {
                let replayed = Ledger::replay(book(), l.events().to_vec()).unwrap();
                prop_assert_eq!(replayed.state(), l.state());
            }
        }
        let replayed = Ledger::replay(book(), l.events().to_vec()).unwrap();
        prop_assert_eq!(replayed.state(), l.state());
    }
}

/// The generator reaches every event of the family in deterministic long walks.
#[test]
fn the_generator_reaches_every_event() {
    use proptest::strategy::ValueTree;
    let mut rng = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..40 {
        let steps = proptest::collection::vec(step(), 120)
            .new_tree(&mut rng)
            .unwrap()
            .current();
        let mut l = setup();
        let mut today = date(2024, 11, 20);
        for s in &steps {
            today += Days::days(i64::from(s.advance));
            let (role, cmd) = build(s, today);
            let id = if role == Role::Deputy { "D0" } else { "actor" };
            let Some(env) = envelope(today, role, id, cmd) else {
                continue;
            };
            if let Ok(events) = l.execute(env) {
                seen.extend(events.iter().map(|e| e.event.type_name()));
            }
        }
    }
    let missing: Vec<&str> = [
        "meeting_convened",
        "meeting_agenda_set",
        "attendance_recorded",
        "speech_recorded",
        "ballot_held",
        "extraordinary_session_requested",
    ]
    .into_iter()
    .filter(|t| !seen.contains(t))
    .collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
}
