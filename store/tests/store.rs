//! The store in one process: create, execute, reopen; rejected commands; tampering; imports;
//! optimistic concurrency between threads.

mod common;

use common::*;
use renda::rules::RuleBook;
use renda::{Ledger, SCHEMA_VERSION};
use renda_store::{Store, StoreError};
use std::path::{Path, PathBuf};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.renda");
    (dir, path)
}

/// A store with the registry and suggestions S1..S5 (eight events), closed.
fn populated(path: &Path) -> Vec<renda::Event> {
    let mut store = registered_store(path);
    for i in 1..=5 {
        let v = store.version();
        store.execute(submit(&format!("S{i}"), v)).unwrap();
    }
    assert_eq!(store.version(), 8);
    store.events().to_vec()
}

fn open(path: &Path) -> Result<Store, StoreError> {
    Store::open(path, RuleBook::default())
}

fn corrupt_seq(err: &StoreError) -> Option<u64> {
    match err {
        StoreError::Corrupt { seq, .. } => *seq,
        other => panic!("expected store_corrupt, got {other:?}"),
    }
}

#[test]
fn create_execute_reopen_gives_the_same_state_and_events() {
    let (_dir, path) = temp();
    let (events, state, head) = {
        let mut store = registered_store(&path);
        let recorded = store.execute(submit("S1", store.version())).unwrap();
        assert_eq!(recorded.len(), 1);
        assert_eq!(recorded[0].seq, 4);
        assert_eq!(recorded[0].schema, SCHEMA_VERSION);
        assert_eq!(&store.events()[3..], &recorded[..]);
        assert_matches_file(&store);
        (
            store.events().to_vec(),
            store.ledger().state().clone(),
            store.ledger().head(),
        )
    };
    let store = open(&path).unwrap();
    assert_eq!(store.version(), 4);
    assert_eq!(store.events(), &events[..]);
    assert_eq!(store.ledger().state(), &state);
    assert_eq!(store.verify().unwrap(), head);
    // The rows hold each event's JSON exactly as serde_json writes it.
    let rows = rows(&path);
    assert_eq!(rows.len(), 4);
    for ((seq, json), e) in rows.iter().zip(&events) {
        assert_eq!(*seq as u64, e.seq);
        assert_eq!(json, &serde_json::to_string(e).unwrap());
    }
    // The meta table names the application, the format and the head.
    let meta = meta(&path);
    assert!(meta.contains(&("application".into(), "renda".into())));
    assert!(meta.contains(&("format".into(), "1".into())));
    assert!(meta.contains(&("head".into(), serde_json::to_string(&head).unwrap())));
    let app_id: i32 = raw(&path)
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, renda_store::APPLICATION_ID);
    let mode: String = raw(&path)
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn rejected_commands_change_neither_the_file_nor_the_ledger() {
    let (_dir, path) = temp();
    let mut store = registered_store(&path);
    store.execute(submit("S1", store.version())).unwrap();
    let before = (rows(&path), meta(&path));
    let (events, state) = (store.events().to_vec(), store.ledger().state().clone());

    let rejected = [
        // A deputy may not register units.
        (
            envelope(&format!(
                r#"{{"at":"{}","actor":{{"role":"deputy","id":"D001"}},
                "command":{{"type":"register_unit","unit":"fin","name":"区财政局"}}}}"#,
                at(100)
            )),
            "permission_denied",
        ),
        // S1 exists already.
        (submit("S1", 100), "already_exists"),
        // Earlier than the last event.
        (submit("S2", 0), "out_of_order"),
        // No such congress.
        (
            envelope(&format!(
                r#"{{"at":"{}","actor":{{"role":"deputy","id":"D001"}},"command":{{"type":"submit_suggestion",
                "suggestion":"S9","congress":"nowhere","title":"关于S9的建议","lead":"D001","during":"session"}}}}"#,
                at(100)
            )),
            "not_found",
        ),
    ];
    for (cmd, code) in rejected {
        let err = store.execute(cmd).unwrap_err();
        assert!(matches!(err, StoreError::Domain(_)), "{err:?}");
        assert_eq!(err.code(), code);
        // The core's wire form, unchanged.
        if let StoreError::Domain(core) = &err {
            assert_eq!(
                serde_json::to_value(err.info()).unwrap(),
                serde_json::to_value(core.info()).unwrap()
            );
        }
    }
    // A conflict is refused before the core is asked, and writes nothing either.
    let err = store.execute_expecting(submit("S2", 2), 2).unwrap_err();
    assert!(matches!(
        err,
        StoreError::Conflict {
            expected: 2,
            actual: 4
        }
    ));
    assert_eq!(store.events(), &events[..]);
    assert_eq!(store.ledger().state(), &state);
    assert_eq!((rows(&path), meta(&path)), before);
    // And the handle still works.
    store.execute(submit("S2", store.version())).unwrap();
    assert_eq!(store.version(), 5);
    assert_matches_file(&store);
}

#[test]
fn an_edited_event_is_found_at_its_position() {
    let (_dir, path) = temp();
    populated(&path);
    // Change a title with plain SQL (the JSON stays valid and replayable).
    let n = raw(&path)
        .execute(
            "UPDATE events SET json = replace(json, '关于S2的建议', '关于S2的意见') WHERE seq = 5",
            [],
        )
        .unwrap();
    assert_eq!(n, 1);
    let err = open(&path).unwrap_err();
    assert_eq!(err.code(), "store_corrupt");
    assert_eq!(err.kind().to_string(), "integrity");
    assert_eq!(corrupt_seq(&err), Some(5));
    assert!(err.to_string().contains("hash"), "{err}");
}

#[test]
fn invalid_json_or_a_renumbered_event_is_found() {
    let (_dir, path) = temp();
    populated(&path);
    let conn = raw(&path);
    conn.execute("UPDATE events SET json = '{\"seq\":4,' WHERE seq = 4", [])
        .unwrap();
    let err = open(&path).unwrap_err();
    assert_eq!(corrupt_seq(&err), Some(4));
    assert!(err.to_string().contains("not a valid event"), "{err}");

    let (_dir2, path) = temp();
    let events = populated(&path);
    // The JSON of event 6 stored under row 6, but claiming to be event 7.
    let mut moved = events[5].clone();
    moved.seq = 7;
    raw(&path)
        .execute(
            "UPDATE events SET json = ?1 WHERE seq = 6",
            [serde_json::to_string(&moved).unwrap()],
        )
        .unwrap();
    let err = open(&path).unwrap_err();
    assert_eq!(corrupt_seq(&err), Some(6));
}

#[test]
fn a_deleted_event_is_found_in_the_middle_and_at_the_end() {
    let (_dir, path) = temp();
    populated(&path);
    raw(&path)
        .execute("DELETE FROM events WHERE seq = 3", [])
        .unwrap();
    let err = open(&path).unwrap_err();
    assert_eq!(corrupt_seq(&err), Some(3));
    assert!(err.to_string().contains("event 3 is missing"), "{err}");

    // The last event: the numbering is intact, but the log no longer reaches its head.
    let (_dir2, path) = temp();
    populated(&path);
    raw(&path)
        .execute("DELETE FROM events WHERE seq = 8", [])
        .unwrap();
    let err = open(&path).unwrap_err();
    assert_eq!(err.code(), "store_corrupt");
    assert_eq!(corrupt_seq(&err), Some(8));
}

#[test]
fn tampering_after_open_is_found_by_verify_and_refresh() {
    let (_dir, path) = temp();
    populated(&path);
    let store = open(&path).unwrap();
    assert!(store.verify().is_ok());
    raw(&path)
        .execute(
            "UPDATE events SET json = replace(json, '王丽', '李强') WHERE seq = 2",
            [],
        )
        .unwrap();
    let err = store.verify().unwrap_err();
    assert_eq!(corrupt_seq(&err), Some(2));

    // Events removed below what the handle has read.
    let (_dir2, path) = temp();
    populated(&path);
    let mut store2 = open(&path).unwrap();
    let conn = raw(&path);
    conn.execute("DELETE FROM events WHERE seq >= 7", [])
        .unwrap();
    let head6 = serde_json::to_string(&renda::chain::Anchor {
        seq: 6,
        hash: store2.events()[5].hash,
    })
    .unwrap();
    conn.execute("UPDATE meta SET value = ?1 WHERE key = 'head'", [head6])
        .unwrap();
    let err = store2.refresh().unwrap_err();
    assert_eq!(err.code(), "store_corrupt");
    assert!(err.to_string().contains("events were removed"), "{err}");
    // A write catches up first, so it refuses too, and writes nothing.
    let err = store2.execute(submit("S9", 8)).unwrap_err();
    assert_eq!(err.code(), "store_corrupt");
    assert_eq!(rows(&path).len(), 6);
    assert_eq!(store2.version(), 8);
}

#[test]
fn files_that_are_not_renda_stores_are_refused() {
    let (dir, path) = temp();
    // Not SQLite at all.
    std::fs::write(&path, vec![b'x'; 8192]).unwrap();
    let err = open(&path).unwrap_err();
    assert_eq!(err.code(), "store_format");
    assert_eq!(err.kind().to_string(), "storage");

    // Another application's database is left alone.
    let other = dir.path().join("other.sqlite");
    raw(&other)
        .execute_batch("CREATE TABLE notes (text TEXT)")
        .unwrap();
    let err = open(&other).unwrap_err();
    assert_eq!(err.code(), "store_format");
    let tables: i64 = raw(&other)
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);

    // A store written by a newer format.
    let newer = dir.path().join("newer.renda");
    populated(&newer);
    raw(&newer)
        .execute("UPDATE meta SET value = '99' WHERE key = 'format'", [])
        .unwrap();
    let err = open(&newer).unwrap_err();
    assert_eq!(err.code(), "store_format");
    assert!(err.to_string().contains("newer"), "{err}");

    // A store whose recorded head is gone.
    let headless = dir.path().join("headless.renda");
    populated(&headless);
    raw(&headless)
        .execute("DELETE FROM meta WHERE key = 'head'", [])
        .unwrap();
    assert_eq!(open(&headless).unwrap_err().code(), "store_corrupt");

    // A directory that does not exist.
    let err = open(&dir.path().join("missing").join("x.renda")).unwrap_err();
    assert_eq!(err.code(), "store_io");
}

#[test]
fn append_imports_a_log_checked_by_the_core_first() {
    let (_dir, path) = temp();
    let mut source = Ledger::new(RuleBook::default());
    for cmd in registry() {
        source.execute(cmd).unwrap();
    }
    source.execute(submit("S1", 3)).unwrap();
    let log = source.events().to_vec();

    let mut store = Store::open(&path, RuleBook::default()).unwrap();
    // A log with a gap is refused whole.
    let mut gappy = log.clone();
    gappy.remove(1);
    let err = store.append(0, gappy).unwrap_err();
    assert!(matches!(err, StoreError::Domain(_)), "{err:?}");
    assert_eq!(store.version(), 0);
    assert!(rows(&path).is_empty());
    // The wrong expected version is a conflict.
    assert_eq!(
        store.append(2, log.clone()).unwrap_err().code(),
        "version_conflict"
    );
    // The log itself goes in, and continues.
    assert_eq!(store.append(0, log.clone()).unwrap(), 4);
    assert_eq!(store.events(), &log[..]);
    store.execute(submit("S2", 4)).unwrap();
    drop(store);
    let store = open(&path).unwrap();
    assert_eq!(store.version(), 5);
    assert_eq!(&store.events()[..4], &log[..]);
    assert_matches_file(&store);
}

#[test]
fn a_schema_1_log_is_sealed_into_the_chain_when_imported() {
    let (_dir, path) = temp();
    let mut source = Ledger::new(RuleBook::default());
    for cmd in registry() {
        source.execute(cmd).unwrap();
    }
    // As written by a build before the hash chain.
    let old: Vec<renda::Event> = source
        .events()
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(e).unwrap();
            let o = v.as_object_mut().unwrap();
            o.remove("prev");
            o.remove("hash");
            o.insert("schema".into(), 1.into());
            serde_json::from_value(v).unwrap()
        })
        .collect();
    let mut store = Store::open(&path, RuleBook::default()).unwrap();
    store.append(0, old).unwrap();
    drop(store);
    let store = open(&path).unwrap();
    assert_eq!(store.version(), 3);
    assert!(store.events().iter().all(|e| !e.hash.is_zero()));
    store.verify().unwrap();
}

#[test]
fn handles_on_one_file_see_each_others_events() {
    let (_dir, path) = temp();
    let mut a = registered_store(&path);
    let mut b = open(&path).unwrap();
    assert_eq!(b.version(), 3);
    a.execute(submit("S1", 3)).unwrap();
    // `execute` decides on the latest state of the file, whoever wrote it.
    b.execute(submit("S2", 4)).unwrap();
    assert_eq!(b.version(), 5);
    assert_eq!(a.version(), 4);
    assert_eq!(a.refresh().unwrap(), 5);
    assert_eq!(a.events(), b.events());
    assert_eq!(a.verify().unwrap(), b.ledger().head());
    assert_eq!(a.reload().unwrap(), 5);
    assert_eq!(a.events(), b.events());
}

/// N threads × K commands, each thread through its own handle, with optimistic retries.
#[test]
fn threads_with_optimistic_retries_lose_nothing() {
    const THREADS: usize = 8;
    const PER_THREAD: usize = 25;
    let (_dir, path) = temp();
    let v0 = registered_store(&path).version();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = open(&path).unwrap();
                let mut conflicts = 0;
                for k in 0..PER_THREAD {
                    // Every thread decides its first command at the registry's version: only
                    // one of those can be written, so the others must meet a conflict.
                    let first = (k == 0).then_some(v0);
                    let (c, _) = submit_with_retry(&mut store, &format!("T{t}-{k}"), first);
                    conflicts += c;
                }
                conflicts
            })
        })
        .collect();
    let conflicts: u32 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    assert!(conflicts >= (THREADS - 1) as u32, "{conflicts} conflicts");

    let store = open(&path).unwrap();
    let mut ids = submitted_ids(&store);
    assert_eq!(ids.len(), THREADS * PER_THREAD);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), THREADS * PER_THREAD);
    for t in 0..THREADS {
        for k in 0..PER_THREAD {
            assert!(ids.binary_search(&format!("T{t}-{k}")).is_ok());
        }
    }
    assert_eq!(store.version(), v0 + (THREADS * PER_THREAD) as u64);
    store.verify().unwrap();
    assert_matches_file(&store);
}
