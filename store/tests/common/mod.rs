//! Helpers shared by the store's integration tests: valid commands, times, raw file access.
#![allow(dead_code)]

use renda::rules::RuleBook;
use renda::{CommandEnvelope, Event, Ledger};
use renda_store::{Store, StoreError};
use std::path::Path;

/// `2024-01-02T09:00:00+08:00` plus `n` seconds (commands must come in time order, so
/// tests derive each command's time from the version it is decided at).
pub fn at(n: u64) -> String {
    let total = 9 * 3600 + n;
    let (day, rem) = (2 + total / 86_400, total % 86_400);
    assert!(day <= 31, "test times stay in January 2024");
    format!(
        "2024-01-{day:02}T{:02}:{:02}:{:02}+08:00",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

pub fn envelope(json: &str) -> CommandEnvelope {
    CommandEnvelope::from_json(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// Registers congress `hd-17`, deputy `D001` and unit `edu`: three events.
pub fn registry() -> Vec<CommandEnvelope> {
    vec![
        envelope(&format!(
            r#"{{"at":"{}","actor":{{"role":"admin","id":"admin"}},"command":{{"type":"register_congress",
            "congress":"hd-17","name":"北京市海淀区第十七届人民代表大会","level":"county","term":17,
            "term_start":"2021-11-01","term_end":"2026-10-31"}}}}"#,
            at(0)
        )),
        envelope(&format!(
            r#"{{"at":"{}","actor":{{"role":"deputy_affairs_office","id":"office"}},
            "command":{{"type":"register_deputy","deputy":"D001","congress":"hd-17","name":"王丽"}}}}"#,
            at(1)
        )),
        envelope(&format!(
            r#"{{"at":"{}","actor":{{"role":"deputy_affairs_office","id":"office"}},
            "command":{{"type":"register_unit","unit":"edu","name":"区教委"}}}}"#,
            at(2)
        )),
    ]
}

/// Number of events [`registry`] records.
pub const REGISTRY_EVENTS: u64 = 3;

/// Deputy D001 submits suggestion `id`, decided at `version` (so timed `at(version + 1)`).
pub fn submit(id: &str, version: u64) -> CommandEnvelope {
    envelope(&format!(
        r#"{{"at":"{}","actor":{{"role":"deputy","id":"D001"}},"command":{{"type":"submit_suggestion",
        "suggestion":"{id}","congress":"hd-17","title":"关于{id}的建议","lead":"D001","during":"session"}}}}"#,
        at(version + 1)
    ))
}

/// A new store at `path` with the registry recorded.
pub fn registered_store(path: &Path) -> Store {
    let mut store = Store::open(path, RuleBook::default()).unwrap();
    for cmd in registry() {
        store.execute(cmd).unwrap();
    }
    assert_eq!(store.version(), REGISTRY_EVENTS);
    store
}

/// Submits suggestion `id` through `store`, deciding at the handle's version and retrying on
/// conflict; the first attempt is decided at `first_version` if given (a stale version, to
/// provoke a conflict). Returns the number of conflicts met and the seq of the event.
pub fn submit_with_retry(store: &mut Store, id: &str, first_version: Option<u64>) -> (u32, u64) {
    let mut conflicts = 0;
    let mut version = first_version.unwrap_or_else(|| store.version());
    loop {
        match store.execute_expecting(submit(id, version), version) {
            Ok(events) => return (conflicts, events[0].seq),
            Err(e @ StoreError::Conflict { .. }) => {
                assert_eq!(e.code(), "version_conflict");
                assert_eq!(e.kind().to_string(), "conflict");
                conflicts += 1;
                // The handle caught up while failing; refreshing again is harmless.
                version = store.refresh().unwrap();
            }
            Err(e) => panic!("submitting {id}: {e}"),
        }
    }
}

/// A plain SQLite connection to the file, as a tamperer (or a test) would use.
pub fn raw(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .unwrap();
    conn
}

/// The `events` table, read with plain SQL: (seq, json) rows in order.
pub fn rows(path: &Path) -> Vec<(i64, String)> {
    let conn = raw(path);
    let mut stmt = conn
        .prepare("SELECT seq, json FROM events ORDER BY seq")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    rows
}

/// The `meta` table, read with plain SQL.
pub fn meta(path: &Path) -> Vec<(String, String)> {
    let conn = raw(path);
    let mut stmt = conn
        .prepare("SELECT key, value FROM meta ORDER BY key")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    rows
}

/// The file's log, parsed and replayed independently of the store.
pub fn replay_file(path: &Path) -> Ledger {
    let events: Vec<Event> = rows(path)
        .iter()
        .map(|(_, json)| serde_json::from_str(json).unwrap())
        .collect();
    Ledger::replay(RuleBook::default(), events).unwrap()
}

/// The store's ledger is exactly a replay of the file.
pub fn assert_matches_file(store: &Store) {
    let file = replay_file(store.path());
    assert_eq!(store.events(), file.events());
    assert_eq!(store.ledger().state(), file.state());
    assert_eq!(store.ledger().head(), file.head());
}

/// Suggestion ids of the `suggestion_submitted` events in the file.
pub fn submitted_ids(store: &Store) -> Vec<String> {
    store
        .events()
        .iter()
        .filter_map(|e| match &e.event {
            renda::EventKind::SuggestionSubmitted { suggestion, .. } => {
                Some(suggestion.as_str().to_string())
            }
            _ => None,
        })
        .collect()
}

/// A small seeded generator (SplitMix64), so random choices in tests are reproducible.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
}
