//! The file format: connection settings, tables, and reading and writing events.
//!
//! See `store/README.md` for the format and its guarantees.

use crate::error::StoreError;
use renda::chain::Anchor;
use renda::Event;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

/// Version of the store's file format written by this build (kept in the `meta` table).
pub const FORMAT_VERSION: u32 = 1;

/// SQLite's `application_id` header field of a renda store: the bytes `REND`.
pub const APPLICATION_ID: i32 = 0x5245_4E44;

/// How long a handle waits for another writer's lock before giving up with
/// [`StoreError::Busy`].
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

const CREATE: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE events (
    seq  INTEGER PRIMARY KEY NOT NULL CHECK (seq >= 1),
    json TEXT NOT NULL
) STRICT;
";

/// Opens (creating if need be) the file and sets the connection up: busy timeout, WAL,
/// `synchronous=FULL`, and the schema.
pub(crate) fn connect(path: &std::path::Path) -> Result<Connection, StoreError> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // A tampered file may carry views or triggers: never let them call functions with side
    // effects.
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Format {
            reason: format!(
                "the file cannot use write-ahead logging (journal mode is `{mode}`); \
                 a store must be a file on a local file system"
            ),
        });
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    init(&mut conn)?;
    Ok(conn)
}

/// Checks the file is a renda store this build reads; creates the tables in an empty file.
fn init(conn: &mut Connection) -> Result<(), StoreError> {
    if check_meta(conn)? {
        return Ok(());
    }
    // Empty (or being created by another process right now): decide under the write lock.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if check_meta(&tx)? {
        return Ok(());
    }
    let objects: i64 = tx.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    if objects > 0 {
        return Err(StoreError::Format {
            reason: "the file is a SQLite database but not a renda store (it has no `meta` table)"
                .into(),
        });
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.execute_batch(CREATE)?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('application', 'renda'), ('format', ?1), ('head', ?2)",
        params![FORMAT_VERSION.to_string(), encode_head(&Anchor::GENESIS)?],
    )?;
    tx.commit()?;
    Ok(())
}

/// `Ok(true)`: a renda store of a format this build reads; `Ok(false)`: no `meta` table yet.
fn check_meta(conn: &Connection) -> Result<bool, StoreError> {
    let tables: Vec<String> = {
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'events')",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    if !tables.iter().any(|t| t == "meta") {
        return Ok(false);
    }
    let application = meta(conn, "application")?;
    if application.as_deref() != Some("renda") {
        return Err(StoreError::Format {
            reason: format!(
                "the file's `meta` table names application {:?}, not \"renda\"",
                application.unwrap_or_default()
            ),
        });
    }
    let format = meta(conn, "format")?.unwrap_or_default();
    match format.parse::<u32>() {
        Ok(v) if (1..=FORMAT_VERSION).contains(&v) => {}
        Ok(v) if v > FORMAT_VERSION => {
            return Err(StoreError::Format {
                reason: format!(
                    "written in store format {v} by a newer renda-store; this build reads formats 1 to {FORMAT_VERSION}"
                ),
            })
        }
        _ => {
            return Err(StoreError::Format {
                reason: format!("invalid store format version {format:?} in the `meta` table"),
            })
        }
    }
    if !tables.iter().any(|t| t == "events") {
        return Err(StoreError::Corrupt {
            seq: None,
            reason: "the `events` table is missing".into(),
        });
    }
    Ok(true)
}

fn meta(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    let value = conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?;
    Ok(value)
}

fn encode_head(head: &Anchor) -> Result<String, StoreError> {
    serde_json::to_string(head).map_err(|e| StoreError::Corrupt {
        seq: Some(head.seq),
        reason: format!("the head cannot be encoded: {e}"),
    })
}

/// The head of the log as recorded with it (updated in the same transaction as the events).
pub(crate) fn read_head(conn: &Connection) -> Result<Anchor, StoreError> {
    let text = meta(conn, "head")?.ok_or_else(|| StoreError::Corrupt {
        seq: None,
        reason: "the recorded head of the log is missing from the `meta` table".into(),
    })?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt {
        seq: None,
        reason: format!("the recorded head of the log is invalid ({e}): {text:?}"),
    })
}

/// The events after `after`, in order, checked to be numbered `after + 1`, `after + 2`, …
/// without gaps, each row's JSON a valid event with the row's seq.
pub(crate) fn read_events(conn: &Connection, after: u64) -> Result<Vec<Event>, StoreError> {
    // From the very start, rows numbered 0 or below (never written by a store) must show up
    // as a numbering error, not be skipped.
    let lower = if after == 0 {
        i64::MIN
    } else {
        to_sql_seq(after)?
    };
    let mut stmt =
        conn.prepare_cached("SELECT seq, json FROM events WHERE seq > ?1 ORDER BY seq")?;
    let mut rows = stmt.query([lower])?;
    let mut events = Vec::new();
    let mut expected = after + 1;
    while let Some(row) = rows.next()? {
        let seq: i64 = row.get(0).map_err(|e| unreadable(expected, &e))?;
        if u64::try_from(seq).ok() != Some(expected) {
            let reason = if seq > 0 && (seq as u64) > expected {
                format!("event {expected} is missing (the next stored event is {seq}): events must be numbered without gaps")
            } else {
                format!("a row numbered {seq} is stored where event {expected} should be")
            };
            return Err(StoreError::Corrupt {
                seq: Some(expected),
                reason,
            });
        }
        let json: String = row.get(1).map_err(|e| unreadable(expected, &e))?;
        let event = decode_event(expected, &json)?;
        events.push(event);
        expected += 1;
    }
    Ok(events)
}

fn unreadable(seq: u64, e: &rusqlite::Error) -> StoreError {
    StoreError::Corrupt {
        seq: Some(seq),
        reason: format!("the row cannot be read: {e}"),
    }
}

fn decode_event(seq: u64, json: &str) -> Result<Event, StoreError> {
    let event: Event = match serde_json::from_str(json) {
        Ok(event) => event,
        // The slow path names the offending field.
        Err(_) => renda::wire::parse_json(json)
            .and_then(|v| renda::wire::from_value_at(v, "event"))
            .map_err(|e| StoreError::Corrupt {
                seq: Some(seq),
                reason: format!("the stored event is not a valid event: {e}"),
            })?,
    };
    if event.seq != seq {
        return Err(StoreError::Corrupt {
            seq: Some(seq),
            reason: format!(
                "the row numbered {seq} holds an event numbered {}",
                event.seq
            ),
        });
    }
    Ok(event)
}

fn to_sql_seq(seq: u64) -> Result<i64, StoreError> {
    i64::try_from(seq).map_err(|_| StoreError::Corrupt {
        seq: Some(seq),
        reason: "sequence number out of range".into(),
    })
}

/// Inserts events (already accepted by the ledger) and records the new head; the caller
/// holds the write transaction and commits.
pub(crate) fn write_events(
    conn: &Connection,
    events: &[Event],
    head: &Anchor,
) -> Result<(), StoreError> {
    let mut insert = conn.prepare_cached("INSERT INTO events (seq, json) VALUES (?1, ?2)")?;
    for e in events {
        let json = serde_json::to_string(e).map_err(|err| StoreError::Corrupt {
            seq: Some(e.seq),
            reason: format!("the event cannot be encoded: {err}"),
        })?;
        insert.execute(params![to_sql_seq(e.seq)?, json])?;
    }
    let updated = conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'head'",
        [encode_head(head)?],
    )?;
    if updated != 1 {
        return Err(StoreError::Corrupt {
            seq: None,
            reason: "the recorded head of the log is missing from the `meta` table".into(),
        });
    }
    Ok(())
}
