//! Motions (议案) and sessions (issue 4 item 1; `docs/motions.md`): every transition and every
//! rejection of the motion lifecycle (W4, L-2, R-P1…R-P7) through the Rust API, with replay,
//! snapshots, hostile logs and snapshots, rule-set overrides and the figures.

use renda::motion::{
    HandlingPhase, MotionRules, MotionStatus, ReportTo, Sponsor, Tracking, YearOutcome,
};
use renda::rules::{RuleBook, RuleSet};
use renda::{chain, CommandEnvelope, Event, Ledger, MotionId};
use serde_json::{json, Value};

/// A ledger with `hd-17` (county), `xq-town` (township), deputies D001…D012 in `hd-17`, T01…T06
/// in `xq-town`, units `edu` and `trans`, and sessions `hd-17-3` (2024-01-08 to 2024-01-12,
/// motions due 2024-01-10), `hd-17-4` (2025-01-06 to 2025-01-10) and `xq-town-5`.
struct World {
    ledger: Ledger,
}

fn d(n: usize) -> String {
    format!("D{n:03}")
}

impl World {
    fn new(rules: RuleBook) -> Self {
        let mut w = World {
            ledger: Ledger::new(rules),
        };
        let at = "2024-01-02";
        w.ok(at, "admin", json!({"type": "register_congress", "congress": "hd-17", "name": "海淀区第十七届人大", "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}));
        w.ok(at, "admin", json!({"type": "register_congress", "congress": "xq-town", "name": "西北旺镇人大", "level": "township", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}));
        for i in 1..=12 {
            w.ok(at, "admin", json!({"type": "register_deputy", "deputy": d(i), "congress": "hd-17", "name": format!("代表{i}")}));
        }
        for i in 1..=6 {
            w.ok(at, "admin", json!({"type": "register_deputy", "deputy": format!("T0{i}"), "congress": "xq-town", "name": format!("镇代表{i}")}));
        }
        w.ok(
            at,
            "admin",
            json!({"type": "register_unit", "unit": "edu", "name": "区教委"}),
        );
        w.ok(
            at,
            "admin",
            json!({"type": "register_unit", "unit": "trans", "name": "区交通委"}),
        );
        w.ok(at, "office", json!({"type": "schedule_session", "session": "hd-17-3", "congress": "hd-17", "opens_on": "2024-01-08", "closes_on": "2024-01-12", "motions_due": "2024-01-10"}));
        w.ok(at, "sc", json!({"type": "schedule_session", "session": "hd-17-4", "congress": "hd-17", "opens_on": "2025-01-06", "closes_on": "2025-01-10"}));
        w.ok(at, "office", json!({"type": "schedule_session", "session": "xq-town-5", "congress": "xq-town", "opens_on": "2024-03-05", "closes_on": "2024-03-06"}));
        w
    }

    fn national() -> Self {
        Self::new(RuleBook::default())
    }

    /// The envelope of `command` issued on `date` by the actor `who`: a role name, or a deputy id.
    fn envelope(date: &str, who: &str, command: Value) -> String {
        let (role, id) = match who {
            "admin" => ("admin", "admin"),
            "office" => ("deputy_affairs_office", "office"),
            "sc" => ("standing_committee", "sc"),
            "gov" => ("government_office", "gov"),
            "committee" => ("special_committee", "committee"),
            "directors" => ("director_meeting", "directors"),
            "eval" => ("third_party_evaluator", "eval"),
            "edu" => ("handling_unit", "edu"),
            "public" => ("public", "citizen"),
            deputy => ("deputy", deputy),
        };
        json!({"at": format!("{date}T10:00:00+08:00"), "actor": {"role": role, "id": id}, "command": command})
            .to_string()
    }

    /// Executes; on success the recorded event types.
    fn run(
        &mut self,
        date: &str,
        who: &str,
        command: Value,
    ) -> Result<Vec<&'static str>, renda::RendaError> {
        let env = Self::envelope(date, who, command);
        let cmd = CommandEnvelope::from_json(&env)?;
        let predicted = self.ledger.decide(&cmd);
        let before_state = self.ledger.state().clone();
        let before_events = self.ledger.events().len();
        match self.ledger.execute(cmd) {
            Ok(events) => {
                let kinds: Vec<_> = events.iter().map(|e| e.event.clone()).collect();
                assert_eq!(
                    predicted.as_ref().ok(),
                    Some(&kinds),
                    "decide predicts execute"
                );
                Ok(kinds.iter().map(|k| k.type_name()).collect())
            }
            Err(e) => {
                assert_eq!(predicted.unwrap_err(), e);
                assert_eq!(
                    self.ledger.state(),
                    &before_state,
                    "a rejected command changes nothing"
                );
                assert_eq!(self.ledger.events().len(), before_events);
                Err(e)
            }
        }
    }

    fn ok(&mut self, date: &str, who: &str, command: Value) -> Vec<&'static str> {
        let text = command.to_string();
        self.run(date, who, command)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    /// Runs a command that must fail; returns (code, field, rule).
    fn fails(
        &mut self,
        date: &str,
        who: &str,
        command: Value,
    ) -> (String, Option<String>, Option<String>) {
        let text = command.to_string();
        let e = self
            .run(date, who, command)
            .expect_err(&format!("{text} should fail"));
        (
            e.code().to_string(),
            e.field().map(str::to_string),
            e.rule().map(str::to_string),
        )
    }

    fn motion(&self, id: &str) -> &renda::Motion {
        &self.ledger.state().motions[&MotionId::new(id).unwrap()]
    }

    fn figures(&self, congress: &str, as_of: &str) -> renda::MotionFigures {
        self.ledger
            .motion_figures(&congress.parse().unwrap(), as_of.parse().unwrap())
            .unwrap()
    }

    /// Replaying the log (also through JSON) and restoring the snapshot give the same state.
    fn check_replay(&self) {
        let replayed =
            Ledger::replay(self.ledger.rules().clone(), self.ledger.events().to_vec()).unwrap();
        assert_eq!(replayed.state(), self.ledger.state());
        let via_json =
            Ledger::replay_from_json(self.ledger.rules().clone(), &self.ledger.events_to_json())
                .unwrap();
        assert_eq!(via_json.state(), self.ledger.state());
        let restored =
            Ledger::restore_from_json(self.ledger.rules().clone(), &self.ledger.snapshot_to_json())
                .unwrap();
        assert_eq!(restored.state(), self.ledger.state());
    }
}

fn deputies_sponsor(lead: usize, n: usize) -> Value {
    let cosigners: Vec<String> = (1..=12).filter(|i| *i != lead).take(n - 1).map(d).collect();
    json!({"by": "deputies", "lead": d(lead), "cosigners": cosigners})
}

fn submit(id: &str, sponsor: Value, kind: &str) -> Value {
    json!({"type": "submit_motion", "motion": id, "congress": "hd-17", "session": "hd-17-3",
           "title": format!("议案{id}"), "sponsor": sponsor, "kind": kind})
}

fn review(id: &str, decision: Value) -> Value {
    json!({"type": "review_motion", "motion": id, "decision": decision})
}

fn listed() -> Value {
    json!({"as": "listed"})
}

/// Submits M (10 deputies led by D001, supervisory), lists, assigns, forms the working group
/// and agrees the plan on 2024-03-01.
fn in_handling(w: &mut World, id: &str) {
    w.ok(
        "2024-01-09",
        "D001",
        submit(id, deputies_sponsor(1, 10), "supervisory"),
    );
    w.ok("2024-01-11", "sc", review(id, listed()));
    w.ok(
        "2024-01-20",
        "sc",
        json!({"type": "assign_motion", "motion": id, "lead_unit": "edu"}),
    );
    w.ok("2024-02-01", "directors", json!({"type": "form_motion_working_group", "motion": id, "leader": "副主任", "committee": "教科文卫委", "members": [d(11)], "proposing_deputies": [d(1)]}));
    assert_eq!(
        w.ok("2024-03-01", "gov", json!({"type": "agree_motion_plan", "motion": id, "goals": ["目标"], "deadline": "2026-12-31"})),
        ["motion_plan_agreed", "motion_year_started"]
    );
}

fn report(id: &str, year: u32, to: &str) -> Value {
    json!({"type": "report_motion_handling", "motion": id, "year": year, "to": to, "summary": "办理情况"})
}
fn opinion(id: &str, year: u32) -> Value {
    json!({"type": "issue_motion_review_opinion", "motion": id, "year": year, "opinion": "审议意见"})
}
fn conclude(id: &str, year: u32, outcome: &str) -> Value {
    json!({"type": "conclude_motion_year", "motion": id, "year": year, "outcome": outcome})
}

/// Reports, reviews and concludes year `year` on the given dates.
fn cycle(w: &mut World, id: &str, year: u32, dates: [&str; 3], outcome: &str) -> Vec<&'static str> {
    w.ok(dates[0], "gov", report(id, year, "standing_committee"));
    w.ok(dates[1], "sc", opinion(id, year));
    w.ok(dates[2], "sc", conclude(id, year, outcome))
}

#[test]
fn l2_joint_threshold_county_and_township() {
    let mut w = World::national();
    let (code, field, rule) = w.fails(
        "2024-01-09",
        "D001",
        submit("M-1", deputies_sponsor(1, 9), "other"),
    );
    assert_eq!(
        (code.as_str(), field.as_deref(), rule.as_deref()),
        (
            "too_few_sponsors",
            Some("command.sponsor.cosigners"),
            Some("L-2, R-P7")
        )
    );
    assert_eq!(
        w.ok(
            "2024-01-09",
            "D001",
            submit("M-1", deputies_sponsor(1, 10), "other")
        ),
        ["motion_submitted"]
    );
    // Township: 5.
    let town = |n: usize| {
        let cos: Vec<String> = (2..=n).map(|i| format!("T0{i}")).collect();
        json!({"type": "submit_motion", "motion": format!("XM-{n}"), "congress": "xq-town", "session": "xq-town-5",
               "title": "镇议案", "sponsor": {"by": "deputies", "lead": "T01", "cosigners": cos}, "kind": "other"})
    };
    assert_eq!(w.fails("2024-03-05", "T01", town(4)).0, "too_few_sponsors");
    w.ok("2024-03-05", "T01", town(5));
    // A deputy of another congress, an unknown one, a duplicate, a suspended one.
    let mut s = deputies_sponsor(1, 10);
    s["cosigners"][3] = json!("T02");
    assert_eq!(
        w.fails("2024-03-05", "office", submit("M-2", s, "other")).0,
        "outside_submission_window"
    );
}

#[test]
fn l2_sponsor_checks() {
    let mut w = World::national();
    let with = |i: usize, v: &str| {
        let mut s = deputies_sponsor(1, 10);
        s["cosigners"][i] = json!(v);
        s
    };
    let day = "2024-01-09";
    assert_eq!(
        w.fails(day, "office", submit("M-1", with(3, "T02"), "other")),
        (
            "wrong_congress".into(),
            Some("command.sponsor.cosigners[3]".into()),
            Some("L-2".into())
        )
    );
    assert_eq!(
        w.fails(day, "office", submit("M-1", with(3, "D404"), "other"))
            .1
            .as_deref(),
        Some("command.sponsor.cosigners[3]")
    );
    assert_eq!(
        w.fails(day, "office", submit("M-1", with(3, "D002"), "other"))
            .0,
        "invalid_field"
    );
    assert_eq!(
        w.fails(day, "office", submit("M-1", with(0, "D001"), "other"))
            .0,
        "invalid_field"
    );
    w.ok(
        day,
        "office",
        json!({"type": "suspend_deputy", "deputy": "D012", "reason": "强制措施"}),
    );
    assert_eq!(
        w.fails(day, "office", submit("M-1", with(3, "D012"), "other"))
            .0,
        "not_in_office"
    );
    // Who may submit for which sponsor.
    assert_eq!(
        w.fails(day, "D002", submit("M-1", deputies_sponsor(1, 10), "other"))
            .0,
        "not_party"
    );
    assert_eq!(
        w.fails(
            day,
            "D001",
            submit("M-1", json!({"by": "presidium"}), "other")
        )
        .0,
        "not_party"
    );
    assert_eq!(
        w.fails(
            day,
            "gov",
            submit("M-1", json!({"by": "presidium"}), "other")
        )
        .0,
        "not_party"
    );
    assert_eq!(
        w.fails(
            day,
            "sc",
            submit("M-1", json!({"by": "government"}), "other")
        )
        .0,
        "not_party"
    );
    assert_eq!(
        w.fails(
            day,
            "committee",
            submit("M-1", json!({"by": "government"}), "other")
        )
        .0,
        "not_party"
    );
    assert_eq!(
        w.fails(
            day,
            "public",
            submit("M-1", json!({"by": "government"}), "other")
        )
        .0,
        "permission_denied"
    );
    w.ok(
        day,
        "sc",
        submit("M-1", json!({"by": "presidium"}), "other"),
    );
    w.ok(
        day,
        "sc",
        submit("M-2", json!({"by": "standing_committee"}), "legislative"),
    );
    w.ok(
        day,
        "committee",
        submit(
            "M-3",
            json!({"by": "special_committee", "name": "财经委"}),
            "supervisory",
        ),
    );
    w.ok(
        day,
        "gov",
        submit("M-4", json!({"by": "government"}), "other"),
    );
    w.ok(
        day,
        "office",
        submit(
            "M-5",
            json!({"by": "delegation", "name": "第一代表团"}),
            "other",
        ),
    );
    assert_eq!(
        w.fails(
            day,
            "office",
            submit("M-5", json!({"by": "government"}), "other")
        )
        .0,
        "already_exists"
    );
    assert_eq!(
        w.fails(
            day,
            "office",
            submit("M-6", json!({"by": "delegation", "name": ""}), "other")
        )
        .1
        .as_deref(),
        Some("command.sponsor.name")
    );
    let mut blank = submit("M-6", json!({"by": "government"}), "other");
    blank["title"] = json!(" ");
    assert_eq!(
        w.fails(day, "gov", blank).1.as_deref(),
        Some("command.title")
    );
    // Township: no delegations, standing committee or special committees.
    let town = |sponsor: Value| json!({"type": "submit_motion", "motion": "XM-1", "congress": "xq-town", "session": "xq-town-5", "title": "镇议案", "sponsor": sponsor, "kind": "other"});
    assert_eq!(
        w.fails(
            "2024-03-05",
            "office",
            town(json!({"by": "delegation", "name": "x"}))
        )
        .1
        .as_deref(),
        Some("command.sponsor.by")
    );
    assert_eq!(
        w.fails(
            "2024-03-05",
            "sc",
            town(json!({"by": "standing_committee"}))
        )
        .0,
        "invalid_field"
    );
    w.ok("2024-03-05", "office", town(json!({"by": "presidium"})));
    assert_eq!(w.ledger.motions().count(), 6);
    w.check_replay();
}

#[test]
fn wire_form_of_sponsors_and_decisions() {
    let bad = |cmd: Value| {
        CommandEnvelope::from_json(&World::envelope("2024-01-09", "office", cmd)).unwrap_err()
    };
    let e = bad(submit("M-1", json!({"by": "mayor"}), "other"));
    assert_eq!(e.code(), "invalid_field");
    assert_eq!(e.field(), Some("command.sponsor"));
    let e = bad(submit(
        "M-1",
        json!({"by": "deputies", "lead": "D001", "colour": 1}),
        "other",
    ));
    assert_eq!(e.code(), "invalid_field");
    let e = bad(submit("M-1", json!({"by": "government"}), "major"));
    assert_eq!(e.field(), Some("command.kind"));
    let e = bad(review("M-1", json!({"as": "ignored"})));
    assert_eq!(e.field(), Some("command.decision"));
    let e = bad(json!({"type": "review_motion", "motion": "M-1"}));
    assert_eq!(
        (e.code(), e.field()),
        ("missing_field", Some("command.decision"))
    );
    let e = bad(
        json!({"type": "conclude_motion_year", "motion": "M-1", "year": -1, "outcome": "completed"}),
    );
    assert_eq!(e.field(), Some("command.year"));
    let s: Sponsor = serde_json::from_str(r#"{"by":"special_committee","name":"财经委"}"#).unwrap();
    assert_eq!(s.by(), "special_committee");
    assert_eq!(s.lead(), None);
}

#[test]
fn l2_submission_window() {
    let mut w = World::national();
    let g = json!({"by": "government"});
    assert_eq!(
        w.fails("2024-01-07", "gov", submit("M-1", g.clone(), "other"))
            .1
            .as_deref(),
        Some("at")
    );
    w.ok("2024-01-08", "gov", submit("M-1", g.clone(), "other"));
    w.ok("2024-01-10", "gov", submit("M-2", g.clone(), "other"));
    // After the motions deadline, though the session still sits.
    let (code, field, rule) = w.fails("2024-01-11", "gov", submit("M-3", g.clone(), "other"));
    assert_eq!(
        (code.as_str(), field.as_deref(), rule.as_deref()),
        ("outside_submission_window", Some("at"), Some("L-2"))
    );
    // A session of another congress; an unknown session.
    let mut other = submit("M-3", g.clone(), "other");
    other["session"] = json!("xq-town-5");
    assert_eq!(
        w.fails("2024-03-05", "gov", other).1.as_deref(),
        Some("command.session")
    );
    let mut unknown = submit("M-3", g.clone(), "other");
    unknown["session"] = json!("hd-17-9");
    assert_eq!(w.fails("2024-03-05", "gov", unknown).0, "not_found");
    // Without a deadline, the last day of the session.
    let mut s4 = submit("M-3", g, "other");
    s4["session"] = json!("hd-17-4");
    w.ok("2025-01-10", "gov", s4);
    // Scheduling.
    let sched = |id: &str, o: &str, c: &str, due: Option<&str>| {
        let mut v = json!({"type": "schedule_session", "session": id, "congress": "hd-17", "opens_on": o, "closes_on": c});
        if let Some(due) = due {
            v["motions_due"] = json!(due);
        }
        v
    };
    assert_eq!(
        w.fails(
            "2025-02-01",
            "office",
            sched("s", "2025-03-02", "2025-03-01", None)
        )
        .1
        .as_deref(),
        Some("command.closes_on")
    );
    assert_eq!(
        w.fails(
            "2025-02-01",
            "office",
            sched("s", "2025-03-01", "2025-03-02", Some("2025-03-03"))
        )
        .1
        .as_deref(),
        Some("command.motions_due")
    );
    assert_eq!(
        w.fails(
            "2025-02-01",
            "office",
            sched("s", "2026-11-01", "2026-11-02", None)
        )
        .1
        .as_deref(),
        Some("command.opens_on")
    );
    assert_eq!(
        w.fails(
            "2025-02-01",
            "office",
            sched("hd-17-3", "2025-03-01", "2025-03-02", None)
        )
        .0,
        "already_exists"
    );
    assert_eq!(
        w.fails(
            "2025-02-01",
            "D001",
            sched("s", "2025-03-01", "2025-03-02", None)
        )
        .0,
        "permission_denied"
    );
    w.ok(
        "2025-02-01",
        "admin",
        sched("s", "2025-03-01", "2025-03-02", None),
    );
    let s = w.ledger.sessions().find(|s| s.id.as_str() == "s").unwrap();
    assert_eq!(s.motions_due.to_string(), "2025-03-02");
    assert!(w
        .ledger
        .sessions_to_json()
        .contains(r#""motions_due":"2025-01-10""#));
    w.check_replay();
}

#[test]
fn w4_review_decisions() {
    let mut w = World::national();
    let day = "2024-01-09";
    w.ok(
        day,
        "D001",
        submit("M-1", deputies_sponsor(1, 10), "supervisory"),
    );
    w.ok(
        day,
        "D002",
        submit("M-2", deputies_sponsor(2, 11), "supervisory"),
    );
    w.ok(
        day,
        "D003",
        submit("M-3", deputies_sponsor(3, 10), "legislative"),
    );
    w.ok(
        day,
        "gov",
        submit("M-4", json!({"by": "government"}), "other"),
    );
    w.ok(day, "D004", submit("M-5", deputies_sponsor(4, 12), "other"));
    w.ok(day, "D001", submit("M-6", deputies_sponsor(1, 10), "other"));
    let r = "2024-01-11";
    // Listed.
    assert_eq!(w.ok(r, "sc", review("M-1", listed())), ["motion_listed"]);
    assert_eq!(
        w.fails(r, "sc", review("M-1", listed())).0,
        "invalid_transition"
    );
    // Merged into a listed motion only.
    assert_eq!(
        w.fails(
            r,
            "sc",
            review("M-2", json!({"as": "merged", "into": "M-3"}))
        )
        .0,
        "invalid_field"
    );
    assert_eq!(
        w.fails(
            r,
            "sc",
            review("M-2", json!({"as": "merged", "into": "M-2"}))
        )
        .0,
        "invalid_field"
    );
    assert_eq!(
        w.fails(
            r,
            "sc",
            review("M-2", json!({"as": "merged", "into": "M-9"}))
        )
        .0,
        "not_found"
    );
    assert_eq!(
        w.ok(
            r,
            "committee",
            review("M-2", json!({"as": "merged", "into": "M-1"}))
        ),
        ["motion_merged"]
    );
    // Legislative research only for a legislative motion.
    assert_eq!(
        w.fails(
            r,
            "sc",
            review("M-4", json!({"as": "legislative_research"}))
        )
        .1
        .as_deref(),
        Some("command.decision.as")
    );
    assert_eq!(
        w.ok(
            r,
            "office",
            review("M-3", json!({"as": "legislative_research"}))
        ),
        ["motion_to_research"]
    );
    // Handled as a suggestion: only a motion of deputies; the suggestion carries its proposers.
    assert_eq!(
        w.fails(
            r,
            "sc",
            review("M-4", json!({"as": "suggestion", "suggestion": "S1"}))
        )
        .1
        .as_deref(),
        Some("command.decision.as")
    );
    assert_eq!(
        w.ok(
            r,
            "sc",
            review("M-5", json!({"as": "suggestion", "suggestion": "S1"}))
        ),
        [
            "suggestion_submitted",
            "suggestion_accepted",
            "motion_converted"
        ]
    );
    let s = &w.ledger.state().suggestions[&"S1".parse().unwrap()];
    assert_eq!(s.lead.as_str(), "D004");
    assert_eq!(s.cosigners.len(), 11);
    assert_eq!(s.title, "议案M-5");
    assert_eq!(s.status, renda::SuggestionStatus::Accepted);
    assert_eq!(s.during, renda::SubmissionPeriod::Session);
    assert_eq!(
        w.fails(
            r,
            "sc",
            review("M-6", json!({"as": "suggestion", "suggestion": "S1"}))
        )
        .0,
        "already_exists"
    );
    assert_eq!(
        w.fails(r, "D001", review("M-6", listed())).0,
        "permission_denied"
    );

    assert_eq!(w.motion("M-1").status, MotionStatus::Listed);
    assert_eq!(w.motion("M-1").merged, vec![MotionId::new("M-2").unwrap()]);
    assert_eq!(w.motion("M-2").status, MotionStatus::Merged);
    assert_eq!(w.motion("M-3").status, MotionStatus::LegislativeResearch);
    assert_eq!(w.motion("M-5").status, MotionStatus::HandledAsSuggestion);
    assert_eq!(w.motion("M-5").suggestion.as_ref().unwrap().as_str(), "S1");
    let f = w.figures("hd-17", r);
    assert_eq!(
        (
            f.submitted,
            f.items,
            f.item_motions,
            f.merged,
            f.handled_as_suggestions,
            f.legislative_research,
            f.awaiting_review
        ),
        (6, 1, 2, 1, 1, 1, 2)
    );
    assert_eq!(f.sponsor_person_times, 10 + 11 + 10 + 12 + 10);
    // The converted suggestion is handled like any other (W1).
    w.ok(
        "2024-01-15",
        "office",
        json!({"type": "assign_suggestion", "suggestion": "S1", "lead_unit": "edu"}),
    );
    w.check_replay();
}

#[test]
fn l2_withdrawal_needs_consent_once_listed() {
    let mut w = World::national();
    let day = "2024-01-09";
    for id in ["M-1", "M-2", "M-3"] {
        w.ok(day, "D001", submit(id, deputies_sponsor(1, 10), "other"));
    }
    let withdraw = |id: &str, consent: bool| json!({"type": "withdraw_motion", "motion": id, "presidium_consent": consent});
    assert_eq!(w.fails(day, "D002", withdraw("M-1", false)).0, "not_party");
    assert_eq!(
        w.ok(day, "D001", withdraw("M-1", false)),
        ["motion_withdrawn"]
    );
    assert_eq!(
        w.fails(day, "D001", withdraw("M-1", true)).0,
        "invalid_transition"
    );
    w.ok("2024-01-11", "sc", review("M-2", listed()));
    w.ok("2024-01-11", "sc", review("M-3", listed()));
    let (code, field, rule) = w.fails("2024-01-12", "D001", withdraw("M-2", false));
    assert_eq!(
        (code.as_str(), field.as_deref(), rule.as_deref()),
        (
            "consent_required",
            Some("command.presidium_consent"),
            Some("L-2")
        )
    );
    w.ok("2024-01-12", "office", withdraw("M-2", true));
    w.ok(
        "2024-01-20",
        "sc",
        json!({"type": "assign_motion", "motion": "M-3", "lead_unit": "edu"}),
    );
    assert_eq!(
        w.fails("2024-01-20", "D001", withdraw("M-3", true)).0,
        "invalid_transition"
    );
    let m2 = w.motion("M-2");
    assert!(m2.withdrawal.as_ref().unwrap().presidium_consent);
    assert_eq!(w.figures("hd-17", "2024-01-20").withdrawn, 2);
    w.check_replay();
}

#[test]
fn rp1_assignment_and_supervision_plan() {
    let mut w = World::national();
    w.ok(
        "2024-01-09",
        "D001",
        submit("M-1", deputies_sponsor(1, 10), "supervisory"),
    );
    w.ok(
        "2024-01-09",
        "gov",
        submit("M-2", json!({"by": "government"}), "legislative"),
    );
    let assign = |id: &str, lead: &str, co: Value| json!({"type": "assign_motion", "motion": id, "lead_unit": lead, "co_units": co});
    assert_eq!(
        w.fails("2024-01-10", "sc", assign("M-1", "edu", json!([])))
            .0,
        "invalid_transition"
    );
    w.ok("2024-01-11", "sc", review("M-1", listed()));
    w.ok("2024-01-11", "sc", review("M-2", listed()));
    assert_eq!(
        w.fails("2024-01-20", "sc", assign("M-1", "xx", json!([])))
            .1
            .as_deref(),
        Some("command.lead_unit")
    );
    assert_eq!(
        w.fails("2024-01-20", "sc", assign("M-1", "edu", json!(["xx"])))
            .1
            .as_deref(),
        Some("command.co_units[0]")
    );
    assert_eq!(
        w.fails("2024-01-20", "sc", assign("M-1", "edu", json!(["edu"])))
            .0,
        "invalid_field"
    );
    assert_eq!(
        w.fails("2024-01-20", "gov", assign("M-1", "edu", json!([])))
            .0,
        "permission_denied"
    );
    w.ok("2024-01-20", "sc", assign("M-1", "edu", json!(["trans"])));
    w.ok("2024-01-20", "office", assign("M-2", "trans", json!([])));
    assert!(
        w.motion("M-1")
            .assignment
            .as_ref()
            .unwrap()
            .in_supervision_plan
    );
    assert!(
        !w.motion("M-2")
            .assignment
            .as_ref()
            .unwrap()
            .in_supervision_plan
    );
    let f = w.figures("hd-17", "2024-01-20");
    assert_eq!((f.assigned, f.in_supervision_plan), (2, 1));
    assert_eq!(w.figures("hd-17", "2024-01-19").in_supervision_plan, 0);
}

#[test]
fn rp3_working_group_and_plan() {
    let mut w = World::national();
    w.ok(
        "2024-01-09",
        "D001",
        submit("M-1", deputies_sponsor(1, 10), "supervisory"),
    );
    w.ok("2024-01-11", "sc", review("M-1", listed()));
    let wg = |members: Value, proposing: Value| json!({"type": "form_motion_working_group", "motion": "M-1", "leader": "副主任", "committee": "教科文卫委", "members": members, "proposing_deputies": proposing});
    let plan = |deadline: &str| json!({"type": "agree_motion_plan", "motion": "M-1", "goals": ["目标"], "deadline": deadline});
    assert_eq!(
        w.fails("2024-01-15", "sc", wg(json!(["D011"]), json!(["D001"])))
            .0,
        "invalid_transition"
    );
    w.ok(
        "2024-01-20",
        "sc",
        json!({"type": "assign_motion", "motion": "M-1", "lead_unit": "edu"}),
    );
    let (code, field, _) = w.fails("2024-02-01", "gov", plan("2025-12-31"));
    assert_eq!(
        (code.as_str(), field.as_deref()),
        ("working_group_incomplete", Some("command.motion"))
    );
    assert_eq!(
        w.fails("2024-02-01", "sc", wg(json!([]), json!(["D001"])))
            .1
            .as_deref(),
        Some("command.members")
    );
    assert_eq!(
        w.fails("2024-02-01", "sc", wg(json!(["D011"]), json!([])))
            .1
            .as_deref(),
        Some("command.proposing_deputies")
    );
    assert_eq!(
        w.fails("2024-02-01", "sc", wg(json!(["D011"]), json!(["D012"])))
            .0,
        "invalid_field"
    );
    assert_eq!(
        w.fails("2024-02-01", "sc", wg(json!(["T01"]), json!(["D001"])))
            .0,
        "wrong_congress"
    );
    assert_eq!(
        w.fails("2024-02-01", "office", wg(json!(["D011"]), json!(["D001"])))
            .0,
        "permission_denied"
    );
    w.ok(
        "2024-02-01",
        "directors",
        wg(json!(["D011", "D012"]), json!(["D001", "D002", "D003"])),
    );
    assert_eq!(
        w.fails("2024-02-01", "sc", wg(json!(["D011"]), json!(["D001"])))
            .0,
        "already_exists"
    );
    assert_eq!(
        w.fails("2024-02-01", "gov", plan("2024-02-01"))
            .1
            .as_deref(),
        Some("command.deadline")
    );
    let mut no_goals = plan("2025-12-31");
    no_goals["goals"] = json!([]);
    assert_eq!(
        w.fails("2024-02-01", "gov", no_goals).1.as_deref(),
        Some("command.goals")
    );
    assert_eq!(
        w.fails("2024-02-01", "sc", plan("2025-12-31")).0,
        "permission_denied"
    );
    w.ok("2024-02-01", "gov", plan("2025-12-31"));
    let m = w.motion("M-1");
    assert_eq!(m.status, MotionStatus::InHandling);
    assert_eq!(m.years.len(), 1);
    assert_eq!(m.years[0].phase, HandlingPhase::Supervision);
    assert_eq!(w.figures("hd-17", "2024-02-01").handling_person_times, 5);
    w.check_replay();
}

#[test]
fn rp3_plan_without_working_group_when_the_rules_allow() {
    let book = RuleBook::from_spec(
        &json!({"preset": "national", "overrides": {"motion": {"require_working_group": false}}}),
    )
    .unwrap();
    let mut w = World::new(book);
    w.ok(
        "2024-01-09",
        "gov",
        submit("M-1", json!({"by": "government"}), "other"),
    );
    w.ok("2024-01-11", "sc", review("M-1", listed()));
    w.ok(
        "2024-01-20",
        "sc",
        json!({"type": "assign_motion", "motion": "M-1", "lead_unit": "edu"}),
    );
    w.ok("2024-02-01", "gov", json!({"type": "agree_motion_plan", "motion": "M-1", "goals": ["目标"], "deadline": "2025-12-31"}));
    // A body's motion has no proposing deputies to send.
    w.ok("2024-03-01", "sc", json!({"type": "form_motion_working_group", "motion": "M-1", "leader": "副主任", "committee": "财经委", "members": ["D011"]}));
}

#[test]
fn rp2_one_year_of_supervision_and_two_of_tracking() {
    let mut w = World::national();
    in_handling(&mut w, "M-1");
    // Year 1: order of report, opinion, conclusion.
    assert_eq!(
        w.fails("2024-11-01", "sc", opinion("M-1", 1)).0,
        "no_handling_report"
    );
    assert_eq!(
        w.fails("2024-11-01", "gov", report("M-1", 1, "congress"))
            .2
            .as_deref(),
        Some("R-P5")
    );
    assert_eq!(
        w.fails("2024-11-01", "sc", conclude("M-1", 1, "continued"))
            .0,
        "year_not_reviewed"
    );
    assert_eq!(
        w.fails("2024-11-01", "gov", report("M-1", 2, "standing_committee"))
            .1
            .as_deref(),
        Some("command.year")
    );
    w.ok("2024-11-20", "gov", report("M-1", 1, "standing_committee"));
    assert_eq!(
        w.fails("2024-11-21", "gov", report("M-1", 1, "standing_committee"))
            .0,
        "already_exists"
    );
    assert_eq!(
        w.fails("2024-11-21", "sc", conclude("M-1", 1, "continued"))
            .0,
        "year_not_reviewed"
    );
    w.ok("2024-12-10", "sc", opinion("M-1", 1));
    assert_eq!(
        w.fails("2024-12-11", "sc", opinion("M-1", 1)).0,
        "already_exists"
    );
    // Third-party evaluation (顺义): once per evaluator and year.
    let eval = |year: u32, who: &str| json!({"type": "record_motion_evaluation", "motion": "M-1", "year": year, "evaluator": who, "summary": "满意度82.74%"});
    w.ok("2024-12-15", "eval", eval(1, "评估中心A"));
    w.ok("2024-12-15", "eval", eval(1, "评估中心B"));
    assert_eq!(
        w.fails("2024-12-15", "eval", eval(1, "评估中心A")).0,
        "already_exists"
    );
    assert_eq!(
        w.fails("2024-12-15", "eval", eval(2, "评估中心A"))
            .1
            .as_deref(),
        Some("command.year")
    );
    assert_eq!(
        w.fails("2024-12-15", "office", eval(1, "评估中心C")).0,
        "permission_denied"
    );
    assert_eq!(
        w.ok("2024-12-20", "sc", conclude("M-1", 1, "continued")),
        ["motion_year_concluded", "motion_year_started"]
    );
    assert_eq!(w.motion("M-1").years[1].phase, HandlingPhase::Tracking);
    cycle(
        &mut w,
        "M-1",
        2,
        ["2025-11-20", "2025-12-10", "2025-12-20"],
        "continued",
    );
    w.ok("2026-06-10", "gov", report("M-1", 3, "standing_committee"));
    w.ok("2026-06-20", "sc", opinion("M-1", 3));
    let (code, field, rule) = w.fails("2026-06-30", "sc", conclude("M-1", 3, "continued"));
    assert_eq!(
        (code.as_str(), field.as_deref(), rule.as_deref()),
        (
            "tracking_period_over",
            Some("command.outcome"),
            Some("R-P2")
        )
    );
    assert_eq!(
        w.ok("2026-06-30", "sc", conclude("M-1", 3, "completed")),
        ["motion_year_concluded", "motion_completed"]
    );
    let m = w.motion("M-1");
    assert_eq!(m.status, MotionStatus::Completed);
    assert_eq!(
        m.years.iter().map(|y| y.phase).collect::<Vec<_>>(),
        [
            HandlingPhase::Supervision,
            HandlingPhase::Tracking,
            HandlingPhase::Tracking
        ]
    );
    assert_eq!(
        m.years[2].concluded.as_ref().unwrap().outcome,
        YearOutcome::Completed
    );
    assert!(m.years[0].reported_to(ReportTo::StandingCommittee));
    assert!(!m.years[0].reported_to(ReportTo::Congress));
    // Completed: no more reports; evaluations still.
    assert_eq!(
        w.fails("2026-07-01", "gov", report("M-1", 3, "congress")).0,
        "invalid_transition"
    );
    w.ok("2026-07-01", "eval", eval(3, "评估中心A"));
    // Figures by phase over time.
    let f = |date: &str| {
        let f = w.figures("hd-17", date);
        (f.in_supervision, f.in_tracking, f.completed)
    };
    assert_eq!(f("2024-02-29"), (0, 0, 0));
    assert_eq!(f("2024-03-01"), (1, 0, 0));
    assert_eq!(f("2024-12-20"), (0, 1, 0));
    assert_eq!(f("2026-06-30"), (0, 0, 1));
    w.check_replay();
}

#[test]
fn rp2_tracking_for_the_whole_term() {
    let book = RuleBook::from_spec(
        &json!({"preset": "national", "overrides": {"motion": {"tracking": "whole_term"}}}),
    )
    .unwrap();
    assert_eq!(book.sets()[0].motion.tracking, Tracking::WholeTerm);
    let mut w = World::new(book);
    in_handling(&mut w, "M-1");
    cycle(
        &mut w,
        "M-1",
        1,
        ["2024-11-20", "2024-12-10", "2024-12-20"],
        "continued",
    );
    cycle(
        &mut w,
        "M-1",
        2,
        ["2025-05-20", "2025-06-10", "2025-06-20"],
        "continued",
    );
    cycle(
        &mut w,
        "M-1",
        3,
        ["2025-11-20", "2025-12-10", "2025-12-20"],
        "continued",
    );
    cycle(
        &mut w,
        "M-1",
        4,
        ["2026-05-20", "2026-06-10", "2026-10-30"],
        "continued",
    );
    w.ok("2026-10-31", "gov", report("M-1", 5, "standing_committee"));
    w.ok("2026-10-31", "sc", opinion("M-1", 5));
    assert_eq!(
        w.fails("2026-10-31", "sc", conclude("M-1", 5, "continued"))
            .0,
        "tracking_period_over"
    );
    w.ok("2026-10-31", "sc", conclude("M-1", 5, "completed"));
    assert_eq!(w.motion("M-1").years.len(), 5);
}

#[test]
fn rp5_report_to_congress_when_the_rules_say_so() {
    let book = RuleBook::from_spec(
        &json!({"preset": "national", "overrides": {"motion": {"report_to_congress": true}}}),
    )
    .unwrap();
    let mut w = World::new(book);
    in_handling(&mut w, "M-1");
    w.ok("2024-11-20", "gov", report("M-1", 1, "standing_committee"));
    w.ok("2024-12-10", "sc", opinion("M-1", 1));
    let (code, _, rule) = w.fails("2024-12-20", "sc", conclude("M-1", 1, "completed"));
    assert_eq!(
        (code.as_str(), rule.as_deref()),
        ("year_not_reviewed", Some("R-P5"))
    );
    w.ok("2025-01-08", "gov", report("M-1", 1, "congress"));
    assert_eq!(
        w.fails("2025-01-08", "gov", report("M-1", 1, "congress")).0,
        "already_exists"
    );
    w.ok("2025-01-10", "sc", conclude("M-1", 1, "completed"));
    // The beijing-district preset reports to the congress; national does not.
    assert!(RuleSet::beijing_district().motion.report_to_congress);
    assert!(!RuleSet::national().motion.report_to_congress);
}

#[test]
fn motion_rules_in_rule_sets() {
    let r = MotionRules::default();
    assert_eq!(r, RuleSet::national().motion);
    assert_eq!(r.phase_of(1), HandlingPhase::Supervision);
    assert_eq!(r.phase_of(2), HandlingPhase::Tracking);
    // A full rule set without `motion` gets the national values.
    let mut v = serde_json::to_value(RuleSet::national()).unwrap();
    v.as_object_mut().unwrap().remove("motion");
    assert_eq!(RuleSet::from_value(v).unwrap().motion, r);
    // Overrides are checked.
    for bad in [
        json!({"motion": {"tracking": "forever"}}),
        json!({"motion": {"tracking": {"years": -1}}}),
        json!({"motion": {"tracking": {"years": 2, "months": 3}}}),
        json!({"motion": {"min_joint_deputies": {"county": 10}}}),
        json!({"motion": {"colour": 1}}),
    ] {
        let e = RuleSet::national().with_overrides(&bad).unwrap_err();
        assert_eq!(e.code(), "invalid_rule_set", "{bad}");
    }
    let r = RuleSet::national()
        .with_overrides(
            &json!({"motion": {"tracking": {"years": 4}, "min_joint_deputies": {"township": 3}}}),
        )
        .unwrap();
    assert_eq!(r.motion.tracking, Tracking::Years(4));
    assert_eq!(r.motion.min_joint_deputies.county_and_above, 10);
    assert_eq!(r.motion.min_joint_deputies.township, 3);
    let back = RuleSet::national()
        .with_overrides(&json!({"motion": {"tracking": "whole_term"}}))
        .unwrap();
    let back = back
        .with_overrides(&json!({"motion": {"tracking": {"years": 1}}}))
        .unwrap();
    assert_eq!(back.motion.tracking, Tracking::Years(1));
}

#[test]
fn json_api() {
    let mut w = World::national();
    in_handling(&mut w, "M-1");
    let motions: Value = serde_json::from_str(&w.ledger.motions_to_json()).unwrap();
    assert_eq!(motions[0]["status"], "in_handling");
    assert_eq!(motions[0]["years"][0]["phase"], "supervision");
    let f: Value = serde_json::from_str(
        &w.ledger
            .motion_figures_to_json("hd-17", "2024-03-01")
            .unwrap(),
    )
    .unwrap();
    assert_eq!(f["in_supervision"], 1);
    assert_eq!(f["deputy_person_times"], 12);
    assert_eq!(
        w.ledger
            .motion_figures_to_json("nope", "2024-03-01")
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(
        w.ledger
            .motion_figures_to_json("", "2024-03-01")
            .unwrap_err()
            .code(),
        "invalid_field"
    );
    assert_eq!(
        w.ledger
            .motion_figures_to_json("hd-17", "tomorrow")
            .unwrap_err()
            .field(),
        Some("as_of")
    );
    // Labels of every new command, event and error code.
    let labels: Value = serde_json::from_str(&renda::api::labels_json()).unwrap();
    assert_eq!(labels["command"]["submit_motion"]["zh"], "提出议案");
    assert_eq!(
        labels["event"]["motion_completed"]["en"],
        "Motion completed"
    );
    assert_eq!(
        labels["error_code"]["too_few_sponsors"]["zh"],
        "联名代表人数不足"
    );
    use renda::labels::Labelled;
    for s in MotionStatus::ALL {
        assert!(!s.label().zh.is_empty());
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
    }
}

/// Events of a complete lifecycle, for the hostile-log tests.
fn lifecycle() -> World {
    let mut w = World::national();
    w.ok(
        "2024-01-09",
        "D002",
        submit("M-2", deputies_sponsor(2, 10), "other"),
    );
    in_handling(&mut w, "M-1");
    w.ok(
        "2024-03-02",
        "sc",
        review("M-2", json!({"as": "suggestion", "suggestion": "S2"})),
    );
    cycle(
        &mut w,
        "M-1",
        1,
        ["2024-11-20", "2024-12-10", "2024-12-20"],
        "completed",
    );
    w
}

fn reseal(events: &mut [Event]) {
    let mut prev = renda::chain::EventHash::ZERO;
    for (i, e) in events.iter_mut().enumerate() {
        e.seq = i as u64 + 1;
        e.prev = prev;
        e.hash = chain::hash_of(e);
        prev = e.hash;
    }
}

#[test]
fn hostile_logs_are_refused() {
    let w = lifecycle();
    let events = w.ledger.events().to_vec();
    // Each forgery drops events (the first of a type, and those right after it), keeps a
    // valid chain (re-sealed), but builds an inconsistent state.
    for (first, count) in [
        ("session_scheduled", 1),
        ("motion_submitted", 1),
        ("suggestion_submitted", 2),
        ("motion_plan_agreed", 1),
        ("motion_year_started", 1),
        ("motion_assigned", 1),
        ("motion_year_concluded", 1),
    ] {
        let mut forged = events.clone();
        let i = forged
            .iter()
            .position(|e| e.event.type_name() == first)
            .unwrap();
        forged.drain(i..i + count);
        reseal(&mut forged);
        let err = Ledger::replay(RuleBook::default(), forged).expect_err(first);
        assert!(
            matches!(err.code(), "not_found" | "invalid_field"),
            "{first}: {err}"
        );
    }
    // A motion event naming an unknown motion or year.
    for (json, code) in [
        (r#"{"type":"motion_listed","motion":"ghost"}"#, "not_found"),
        (
            r#"{"type":"motion_merged","motion":"M-1","into":"ghost"}"#,
            "not_found",
        ),
        (
            r#"{"type":"motion_handling_reported","motion":"M-1","year":9,"to":"congress","summary":"s"}"#,
            "not_found",
        ),
        (
            r#"{"type":"motion_year_started","motion":"M-1","year":3,"phase":"tracking"}"#,
            "invalid_field",
        ),
        (
            r#"{"type":"motion_submitted","motion":"M-9","congress":"hd-17","session":"ghost","title":"t","sponsor":{"by":"government"},"kind":"other"}"#,
            "not_found",
        ),
        (
            r#"{"type":"session_scheduled","session":{"id":"s","congress":"ghost","opens_on":"2024-01-01","closes_on":"2024-01-02","motions_due":"2024-01-02"}}"#,
            "not_found",
        ),
        (
            r#"{"type":"session_scheduled","session":{"id":"s","congress":"hd-17","opens_on":"2024-01-03","closes_on":"2024-01-02","motions_due":"2024-01-02"}}"#,
            "invalid_field",
        ),
    ] {
        let mut forged = events.clone();
        let mut extra = forged.last().unwrap().clone();
        extra.event = serde_json::from_str(json).unwrap();
        forged.push(extra);
        reseal(&mut forged);
        let err = Ledger::replay(RuleBook::default(), forged).expect_err(json);
        assert_eq!(err.code(), code, "{json}: {err}");
    }
    assert!(Ledger::replay(RuleBook::default(), events).is_ok());
}

#[test]
fn hostile_snapshots_are_refused() {
    let w = lifecycle();
    let good = serde_json::to_value(w.ledger.snapshot()).unwrap();
    let cases: Vec<(&str, Value)> = vec![
        ("/state/motions/M-1/status", json!("submitted")),
        ("/state/motions/M-1/history", json!([])),
        ("/state/motions/M-1/plan", Value::Null),
        ("/state/motions/M-1/years", json!([])),
        ("/state/motions/M-1/assignment", Value::Null),
        ("/state/motions/M-1/session", json!("ghost")),
        ("/state/motions/M-1/congress", json!("ghost")),
        ("/state/motions/M-1/id", json!("M-9")),
        ("/state/motions/M-1/sponsor/lead", json!("ghost")),
        ("/state/motions/M-1/assignment/lead_unit", json!("ghost")),
        ("/state/motions/M-1/working_group/members/0", json!("ghost")),
        ("/state/motions/M-1/years/0/year", json!(2)),
        ("/state/motions/M-1/years/0/concluded", Value::Null),
        ("/state/motions/M-2/suggestion", json!("ghost")),
        ("/state/motions/M-2/suggestion", Value::Null),
        ("/state/motions/M-2/merged", json!(["ghost"])),
        ("/state/sessions/hd-17-3/motions_due", json!("2024-01-20")),
        ("/state/sessions/hd-17-3/congress", json!("ghost")),
        ("/state/sessions/hd-17-3/id", json!("x")),
    ];
    for (pointer, value) in cases {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer}")) = value;
        let err =
            Ledger::restore_from_json(RuleBook::default(), &bad.to_string()).expect_err(pointer);
        assert!(
            matches!(err.code(), "invalid_field" | "not_found"),
            "{pointer}: {err}"
        );
    }
    assert!(Ledger::restore_from_json(RuleBook::default(), &good.to_string()).is_ok());

    // A merge recorded on one motion only.
    let mut w = World::national();
    w.ok(
        "2024-01-09",
        "D001",
        submit("M-1", deputies_sponsor(1, 10), "other"),
    );
    w.ok(
        "2024-01-09",
        "D002",
        submit("M-2", deputies_sponsor(2, 10), "other"),
    );
    w.ok("2024-01-11", "sc", review("M-1", listed()));
    w.ok(
        "2024-01-11",
        "sc",
        review("M-2", json!({"as": "merged", "into": "M-1"})),
    );
    let good = serde_json::to_value(w.ledger.snapshot()).unwrap();
    for (pointer, value) in [
        ("/state/motions/M-1/merged", json!([])),
        ("/state/motions/M-1/merged", json!(["M-2", "M-1"])),
        ("/state/motions/M-2/merged_into", json!("M-2")),
    ] {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer).unwrap() = value;
        let err =
            Ledger::restore_from_json(RuleBook::default(), &bad.to_string()).expect_err(pointer);
        assert_eq!(err.code(), "invalid_field", "{pointer}: {err}");
    }
    assert!(Ledger::restore_from_json(RuleBook::default(), &good.to_string()).is_ok());
}

#[test]
fn figures_add_up() {
    let w = lifecycle();
    for date in [
        "2024-01-08",
        "2024-01-09",
        "2024-01-20",
        "2024-03-02",
        "2024-12-20",
        "2025-01-01",
    ] {
        let f = w.figures("hd-17", date);
        assert_eq!(
            f.submitted,
            f.awaiting_review
                + f.items
                + f.merged
                + f.handled_as_suggestions
                + f.legislative_research
                + f.withdrawn,
            "{date}"
        );
        assert_eq!(
            f.items,
            f.awaiting_assignment + f.assigned + f.in_supervision + f.in_tracking + f.completed,
            "{date}"
        );
        assert_eq!(
            f.deputy_person_times,
            f.sponsor_person_times + f.handling_person_times
        );
    }
    let f = w.figures("hd-17", "2025-01-01");
    assert_eq!(
        (f.submitted, f.completed, f.handled_as_suggestions),
        (2, 1, 1)
    );
    assert_eq!((f.sponsor_person_times, f.handling_person_times), (20, 2));
}
