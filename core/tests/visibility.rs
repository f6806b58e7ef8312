//! Issue 8 item 3, reads: back-to-back ratings, unpublished figures and personal data are
//! invisible to those who may not see them — checked for every role (domain §6.2).

use renda::{Actor, Ledger, Role};

const BACK_TO_BACK: &str =
    r#"{"preset":"national","overrides":{"suggestion":{"back_to_back_feedback":true}}}"#;

/// A suggestion replied to and rated satisfied by its lead deputy on 2024-03-05; deputy D1
/// registered with personal data.
fn rated(rules: &str) -> Ledger {
    let mut l = Ledger::new(renda::api::rule_book(Some(rules)).unwrap());
    for c in rated_commands() {
        l.execute_json(c).unwrap();
    }
    l
}

fn rated_commands() -> [&'static str; 9] {
    [
        r#"{"at":"2024-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
        r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd","name":"王丽","contact":{"phone":"13800000000","id_number":"110108199001011234","address":"北京市海淀区某街1号"}}}"#,
        r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D2","congress":"hd","name":"李强"}}"#,
        r#"{"at":"2024-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
        r#"{"at":"2024-01-08","actor":{"role":"deputy","id":"D1"},"command":{"type":"submit_suggestion","suggestion":"S1","congress":"hd","title":"关于增加幼儿园学位的建议","lead":"D1","during":"session"}}"#,
        r#"{"at":"2024-01-10","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"accept_suggestion","suggestion":"S1"}}"#,
        r#"{"at":"2024-01-15","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"assign_suggestion","suggestion":"S1","lead_unit":"edu"}}"#,
        r#"{"at":"2024-03-01","actor":{"role":"handling_unit","id":"edu"},"command":{"type":"reply_suggestion","suggestion":"S1","result":"A","summary":"已新增学位300个"}}"#,
        r#"{"at":"2024-03-05","actor":{"role":"deputy","id":"D1"},"command":{"type":"give_feedback","suggestion":"S1","rating":"satisfied"}}"#,
    ]
}

fn reader(role: Role) -> Actor {
    let id = match role {
        Role::Deputy => "D1",
        Role::HandlingUnit => "edu",
        _ => "someone",
    };
    Actor::new(role, id).unwrap()
}

fn publish(l: &mut Ledger, date: &str) {
    l.execute_json(&format!(
        r#"{{"at":"{date}","actor":{{"role":"deputy_affairs_office","id":"office"}},"command":{{"type":"publish_results","congress":"hd"}}}}"#
    ))
    .unwrap();
}

/// Every role but the third-party evaluator, who sees only the suggestions of its samples
/// (W3; none here; see `tests/handling_evaluation.rs`).
fn readers() -> impl Iterator<Item = Role> {
    Role::ALL
        .into_iter()
        .filter(|r| *r != Role::ThirdPartyEvaluator)
}

fn sees_rating(l: &Ledger, who: &Actor) -> bool {
    let in_state = !l
        .state_as(who)
        .suggestions
        .values()
        .next()
        .unwrap()
        .feedback
        .is_empty();
    let in_log = l
        .events_as(who)
        .iter()
        .any(|e| e.event.type_name() == "feedback_given");
    let in_figures = l
        .figures_as(who, "2024-03-05".parse().unwrap(), &Default::default())
        .map(|f| f.ratings.satisfied == 1);
    // The three reads agree (the public's figures are governed by publication, below).
    assert_eq!(in_state, in_log, "{who:?}");
    if let Ok(f) = in_figures {
        assert_eq!(f, in_state, "{who:?}");
    }
    in_state
}

#[test]
fn back_to_back_ratings_are_hidden_from_units_and_government_until_published() {
    let mut l = rated(BACK_TO_BACK);
    let hidden = [Role::HandlingUnit, Role::GovernmentOffice];
    let mut unexpected = Vec::new();
    for role in readers() {
        if sees_rating(&l, &reader(role)) == hidden.contains(&role) {
            unexpected.push(role);
        }
    }
    assert_eq!(
        unexpected,
        [],
        "roles with the wrong view before publication"
    );
    // A publication covers the ratings given up to its date.
    publish(&mut l, "2024-03-05T18:00:00+08:00");
    for role in readers() {
        assert!(sees_rating(&l, &reader(role)), "{role:?} after publication");
    }
}

#[test]
fn a_rating_given_after_the_last_publication_is_hidden_again() {
    let mut l = Ledger::new(renda::api::rule_book(Some(BACK_TO_BACK)).unwrap());
    let mut cmds: Vec<String> = rated_commands().iter().map(|c| c.to_string()).collect();
    // Publish before the rating (after the reply).
    cmds.insert(
        cmds.len() - 1,
        r#"{"at":"2024-03-02","actor":{"role":"director_meeting","id":"dm"},"command":{"type":"publish_results","congress":"hd"}}"#.into(),
    );
    for c in &cmds {
        l.execute_json(c).unwrap();
    }
    assert!(!sees_rating(&l, &reader(Role::HandlingUnit)));
    assert!(!sees_rating(&l, &reader(Role::GovernmentOffice)));
    assert!(sees_rating(&l, &reader(Role::DeputyAffairsOffice)));
}

#[test]
fn without_back_to_back_mode_units_see_ratings_at_once() {
    let l = rated(r#"{"preset":"national"}"#);
    for role in readers() {
        assert!(sees_rating(&l, &reader(role)), "{role:?}");
    }
}

#[test]
fn the_public_sees_figures_only_up_to_the_last_publication() {
    let mut l = rated(BACK_TO_BACK);
    let public = reader(Role::Public);
    let day = |d: &str| d.parse().unwrap();
    let err = l
        .figures_as(&public, day("2024-03-05"), &Default::default())
        .unwrap_err();
    assert_eq!(err.code(), "not_published");
    assert_eq!(err.kind(), renda::ErrorKind::Permission);
    assert_eq!(err.field(), Some("as_of"));
    assert_eq!(err.value().as_deref(), Some("2024-03-05"));
    publish(&mut l, "2024-03-31T10:00:00+08:00");
    let f = l
        .figures_as(&public, day("2024-03-31"), &Default::default())
        .unwrap();
    assert_eq!(f, l.figures(day("2024-03-31")).unwrap());
    assert_eq!(
        l.figures_as(&public, day("2024-04-01"), &Default::default())
            .unwrap_err()
            .code(),
        "not_published"
    );
    // Every other role reads figures as of any date.
    for role in Role::ALL.into_iter().filter(|r| *r != Role::Public) {
        assert!(l
            .figures_as(&reader(role), day("2024-12-31"), &Default::default())
            .is_ok());
    }
}

#[test]
fn personal_data_is_seen_only_by_the_office_admins_and_the_deputy() {
    let l = rated(BACK_TO_BACK);
    let mut unexpected = Vec::new();
    for role in Role::ALL {
        for id in ["D1", "D2", "office"] {
            let who = Actor::new(role, id).unwrap();
            let expected = matches!(role, Role::Admin | Role::DeputyAffairsOffice)
                || (role == Role::Deputy && id == "D1");
            let state = l.state_as(&who);
            let in_state = state.deputies["D1".parse::<renda::DeputyId>().as_ref().unwrap()]
                .contact
                .is_some();
            let log = serde_json::to_string(&l.events_as(&who)).unwrap();
            let in_log = log.contains("13800000000");
            assert!(!log.contains("110108199001011234") || in_log);
            if in_state != expected || in_log != expected {
                unexpected.push((role, id));
            }
        }
    }
    assert_eq!(unexpected, [], "roles with the wrong view of personal data");
    // The full (trusted) state keeps it.
    let json = l.state_to_json();
    assert!(json.contains("13800000000") && json.contains("北京市海淀区某街1号"));
}

/// Under beijing-district (2025): a voter issue received by D1 and forwarded to `edu`, one
/// received by D2 and kept as a record, D2 interviewed after the 2025 annual publication.
fn engaged() -> Ledger {
    let mut l =
        Ledger::new(renda::api::rule_book(Some(r#"{"preset":"beijing-district"}"#)).unwrap());
    for c in [
        r#"{"at":"2025-01-02","actor":{"role":"admin","id":"a"},"command":{"type":"register_congress","congress":"hd","name":"海淀区人大","level":"county","term":17,"term_start":"2021-11-01","term_end":"2026-10-31"}}"#,
        r#"{"at":"2025-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D1","congress":"hd","name":"王丽"}}"#,
        r#"{"at":"2025-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_deputy","deputy":"D2","congress":"hd","name":"李强","profile":{"elected_by":{"constituency":"第3选区"}}}}"#,
        r#"{"at":"2025-01-02","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"register_unit","unit":"edu","name":"区教委"}}"#,
        r#"{"at":"2025-02-10","actor":{"role":"deputy","id":"D1"},"command":{"type":"record_activity","activity":"A1","congress":"hd","kind":"station_visit","on":"2025-02-10","title":"进站","participants":["D1"]}}"#,
        r#"{"at":"2025-02-10","actor":{"role":"deputy","id":"D1"},"command":{"type":"record_voter_issue","issue":"V1","congress":"hd","summary":"学校门口交通拥堵","deputy":"D1","activity":"A1"}}"#,
        r#"{"at":"2025-02-11","actor":{"role":"street_working_committee","id":"street"},"command":{"type":"triage_voter_issue","issue":"V1","triage":{"outcome":"forwarded_to_department","unit":"edu"}}}"#,
        r#"{"at":"2025-02-12","actor":{"role":"deputy","id":"D2"},"command":{"type":"record_voter_issue","issue":"V2","congress":"hd","summary":"楼道灯坏了","deputy":"D2"}}"#,
        r#"{"at":"2026-01-05","actor":{"role":"standing_committee","id":"sc"},"command":{"type":"publish_points","congress":"hd","period":"2025","scope":"congress"}}"#,
        r#"{"at":"2026-01-06","actor":{"role":"deputy_affairs_office","id":"office"},"command":{"type":"record_interview","deputy":"D2"}}"#,
    ] {
        l.execute_json(c).unwrap_or_else(|e| panic!("{c}: {e}"));
    }
    l
}

#[test]
fn voter_issues_interviews_and_live_points_follow_the_matrix_for_every_role() {
    let l = engaged();
    let period: renda::period::Period = "2025".parse().unwrap();
    let scope = renda::points::PublicationScope::Congress;
    let hd: renda::CongressId = "hd".parse().unwrap();
    for role in Role::ALL {
        let who = reader(role);
        let st = l.state_as(&who);
        let issues: Vec<&str> = st.voter_issues.keys().map(|k| k.as_str()).collect();
        let expected: &[&str] = match role {
            // Home/station visit log; voter issue (§6.2): R for these, U for street organs.
            Role::Admin
            | Role::DeputyAffairsOffice
            | Role::SpecialCommittee
            | Role::DirectorMeeting
            | Role::StreetWorkingCommittee
            | Role::GovernmentOffice => &["V1", "V2"],
            Role::Deputy => &["V1"],       // D1 received V1 only
            Role::HandlingUnit => &["V1"], // forwarded to edu
            Role::StandingCommittee | Role::ThirdPartyEvaluator | Role::Public => &[],
        };
        assert_eq!(issues, expected, "{role:?}: voter issues in the state");
        // The log agrees with the state: the events of hidden issues are left out.
        let logged: std::collections::BTreeSet<String> = l
            .events_as(&who)
            .iter()
            .filter_map(|e| match &e.event {
                renda::EventKind::VoterIssueRecorded { issue } => Some(issue.id.to_string()),
                renda::EventKind::VoterIssueTriaged { issue, .. } => Some(issue.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            logged.iter().map(String::as_str).collect::<Vec<_>>(),
            expected,
            "{role:?}: log"
        );

        // Interviews (约谈) and their notices: the office, the SC, the director meeting, admins
        // and the deputy concerned (D1 here, so not D2's).
        let sees_interview = matches!(
            role,
            Role::Admin
                | Role::DeputyAffairsOffice
                | Role::StandingCommittee
                | Role::DirectorMeeting
        );
        assert_eq!(
            !st.deputies["D2".parse::<renda::DeputyId>().as_ref().unwrap()]
                .interviews
                .is_empty(),
            sees_interview,
            "{role:?}"
        );
        let interview_events = l
            .events_as(&who)
            .iter()
            .filter(|e| {
                matches!(
                    e.event,
                    renda::EventKind::InterviewHeld { .. }
                        | renda::EventKind::ElectoralUnitNotified { .. }
                )
            })
            .count();
        assert_eq!(
            interview_events,
            if sees_interview { 2 } else { 0 },
            "{role:?}"
        );

        // Live points: not for the public (publications only); a deputy sees their own row.
        match l.points_as(&who, &hd, period, &scope) {
            Err(e) => {
                assert_eq!(role, Role::Public);
                assert_eq!(e.code(), "not_published");
            }
            Ok(rows) => {
                let ids: Vec<&str> = rows.iter().map(|r| r.deputy.as_str()).collect();
                let expected: &[&str] = if role == Role::Deputy {
                    &["D1"]
                } else {
                    &["D1", "D2"]
                };
                assert_eq!(ids, expected, "{role:?}: points rows");
            }
        }
    }
    // What was published stays public.
    assert_eq!(
        l.state_as(&reader(Role::Public)).points_publications.len(),
        1
    );
    // D2 sees their own interview.
    let d2 = Actor::new(Role::Deputy, "D2").unwrap();
    assert_eq!(
        l.state_as(&d2).deputies[&"D2".parse().unwrap()]
            .interviews
            .len(),
        1
    );
}

#[test]
fn interview_recommendations_follow_the_latest_annual_publication() {
    let l = engaged();
    let recs = l.interview_recommendations(&"hd".parse().unwrap()).unwrap();
    // 2025: D1 made one station visit (2 points in the illustrative table), D2 nothing; both
    // are below 20. D2 was interviewed on 2026-01-06, after the publication of 2026-01-05.
    let got: Vec<(&str, u32, u32, Vec<String>)> = recs
        .iter()
        .map(|r| {
            (
                r.deputy.as_str(),
                r.points,
                r.threshold,
                r.interviewed_on.iter().map(|d| d.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("D1", 2, 20, vec![]),
            ("D2", 0, 20, vec!["2026-01-06".to_string()]),
        ]
    );
    assert!(recs.iter().all(|r| r.period.to_string() == "2025"));
}

#[test]
fn snapshots_with_dangling_deputy_family_references_are_refused() {
    let l = engaged();
    let rules = l.rules().clone();
    let snap: serde_json::Value = serde_json::from_str(&l.snapshot_to_json()).unwrap();
    for (path, value, field) in [
        (
            "/state/activities/A1/participants/0",
            "D9",
            "state.activities.participants",
        ),
        (
            "/state/voter_issues/V1/deputy",
            "D9",
            "state.voter_issues.deputy",
        ),
        (
            "/state/voter_issues/V1/activity",
            "A9",
            "state.voter_issues.activity",
        ),
    ] {
        let mut bad = snap.clone();
        *bad.pointer_mut(path).unwrap_or_else(|| panic!("{path}")) = value.into();
        let err = Ledger::restore_from_json(rules.clone(), &bad.to_string()).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            ("not_found", Some(field)),
            "{path}"
        );
    }
    assert!(Ledger::restore_from_json(rules, &snap.to_string()).is_ok());
}
