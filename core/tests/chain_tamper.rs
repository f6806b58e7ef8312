//! Issue 8 item 1: every single-event edit, deletion, insertion and swap of a sample log is
//! detected by `chain::verify`, at the first position where the log differs from the original.

use renda::chain::{self, Anchor, Problem};
use renda::{Event, Ledger};

use crate::common;

/// The event logs of two shared scenarios rich in event types (every accepted step).
fn sample_logs() -> Vec<Vec<Event>> {
    [
        "rs5_plan_ledger_second_reply.json",
        "fig_units_and_overdue_list.json",
    ]
    .iter()
    .map(|name| {
        let ledger = common::scenario_ledger(name);
        assert!(ledger.events().len() >= 20, "{name}: sample too small");
        ledger.events().to_vec()
    })
    .collect()
}

/// Index of the first position where `tampered` differs from `original` (or where it ends).
fn first_difference(original: &[Event], tampered: &[Event]) -> usize {
    (0..tampered.len())
        .find(|&k| original.get(k) != Some(&tampered[k]))
        .unwrap_or(tampered.len())
}

/// Verifies `tampered` against the head of `original`; asserts it fails at `expected`.
fn assert_detected(original: &[Event], tampered: &[Event], expected: usize, what: &str) {
    let head = chain::verify(original, Anchor::GENESIS).unwrap();
    let brk = chain::verify_to(tampered, Anchor::GENESIS, head)
        .expect_err(&format!("{what}: not detected"));
    assert_eq!(brk.index, expected, "{what}: reported at {brk:?}");
    // The same log is refused by the ledger, with the integrity error.
    if brk.problem != Problem::Head {
        let err = Ledger::replay(Default::default(), tampered.to_vec()).unwrap_err();
        assert_eq!(err.code(), "chain_broken", "{what}: {err}");
        assert_eq!(err.kind(), renda::ErrorKind::Integrity);
    }
}

/// Ways to edit one event without re-hashing it.
fn edits(e: &Event) -> Vec<(&'static str, Event)> {
    let mut out = Vec::new();
    let mut x = e.clone();
    x.at = "2030-01-01T00:00:00+08:00".parse().unwrap();
    out.push(("at", x));
    let mut x = e.clone();
    x.actor.id = "intruder".parse().unwrap();
    out.push(("actor", x));
    let mut x = e.clone();
    x.schema = 1;
    out.push(("schema", x));
    let mut x = e.clone();
    x.prev.0[0] ^= 1;
    out.push(("prev", x));
    let mut x = e.clone();
    x.hash.0[31] ^= 0x80;
    out.push(("hash", x));
    // The payload: change the first string in it (an id, a name, a title, a reason …).
    let mut payload = serde_json::to_value(&e.event).unwrap();
    let obj = payload.as_object_mut().unwrap();
    if let Some((_, v)) = obj.iter_mut().find(|(k, v)| *k != "type" && v.is_string()) {
        *v = serde_json::Value::String(format!("{}改", v.as_str().unwrap()));
        // (Skip strings that must keep a format, such as dates.)
        if let Ok(event) = serde_json::from_value(payload) {
            let mut x = e.clone();
            x.event = event;
            out.push(("payload", x));
        }
    }
    out
}

#[test]
fn the_untouched_logs_verify() {
    for log in sample_logs() {
        let head = chain::verify(&log, Anchor::GENESIS).unwrap();
        assert_eq!(head.seq, log.len() as u64);
        assert_eq!(head.hash, log.last().unwrap().hash);
        chain::verify_to(&log, Anchor::GENESIS, head).unwrap();
        assert!(Ledger::replay(Default::default(), log.clone()).is_ok());
    }
}

#[test]
fn every_single_event_edit_is_detected_at_its_position() {
    let mut checked = 0;
    for log in sample_logs() {
        for i in 0..log.len() {
            for (what, edited) in edits(&log[i]) {
                let mut t = log.clone();
                t[i] = edited;
                assert_detected(&log, &t, i, &format!("edit {what} of event {i}"));
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "{checked}");
}

#[test]
fn an_edit_that_is_rehashed_is_detected_at_the_next_position() {
    for log in sample_logs() {
        for i in 0..log.len() {
            for (what, mut edited) in edits(&log[i]) {
                if matches!(what, "prev" | "hash") {
                    continue;
                }
                edited.hash = chain::hash_of(&edited);
                let mut t = log.clone();
                t[i] = edited;
                // The next event's `prev` no longer matches; for the last event, the head.
                assert_detected(&log, &t, i + 1, &format!("rehashed edit {what} of {i}"));
            }
        }
    }
}

#[test]
fn every_deletion_is_detected() {
    for log in sample_logs() {
        for i in 0..log.len() {
            let mut t = log.clone();
            t.remove(i);
            // Deleting the last event is visible only against the known head.
            assert_detected(&log, &t, i, &format!("delete {i}"));
        }
    }
}

#[test]
fn every_insertion_is_detected() {
    for log in sample_logs() {
        for i in 0..=log.len() {
            // A copy of every event of the log, inserted at every position …
            for j in 0..log.len() {
                let mut t = log.clone();
                t.insert(i, log[j].clone());
                let at = first_difference(&log, &t);
                assert_detected(&log, &t, at, &format!("insert copy of {j} at {i}"));
            }
            // … and a forged event that claims the position and links to its predecessor.
            let mut forged = log[i.min(log.len() - 1)].clone();
            forged.seq = i as u64 + 1;
            forged.prev = if i == 0 {
                chain::EventHash::ZERO
            } else {
                log[i - 1].hash
            };
            forged.actor.id = "forger".parse().unwrap();
            forged.hash = chain::hash_of(&forged);
            let mut t = log.clone();
            t.insert(i, forged);
            assert_detected(&log, &t, i + 1, &format!("insert forged at {i}"));
        }
    }
}

#[test]
fn every_swap_is_detected() {
    for log in sample_logs() {
        for i in 0..log.len() {
            for j in i + 1..log.len() {
                let mut t = log.clone();
                t.swap(i, j);
                let at = first_difference(&log, &t);
                assert_detected(&log, &t, at, &format!("swap {i} and {j}"));
            }
        }
    }
}

#[test]
fn a_log_continues_from_a_snapshot_head() {
    let log = &sample_logs()[0];
    let (first, rest) = log.split_at(10);
    let a = Ledger::replay(Default::default(), first.to_vec()).unwrap();
    let mut b = Ledger::restore(Default::default(), a.snapshot()).unwrap();
    assert_eq!(b.head(), a.head());
    b.append_events(rest.to_vec()).unwrap();
    chain::verify(rest, a.head()).unwrap();
    // The rest does not continue from the genesis.
    let brk = chain::verify(rest, Anchor::GENESIS).unwrap_err();
    assert_eq!((brk.index, brk.problem), (0, Problem::Sequence));
}
