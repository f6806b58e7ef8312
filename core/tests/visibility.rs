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
    for role in Role::ALL {
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
    for role in Role::ALL {
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
    for role in Role::ALL {
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
