//! The JSON wire format: parsing with typed errors that name the offending field.
//!
//! Every command, event, error, snapshot and figure has one JSON form, documented in
//! `docs/wire-format.md`. These helpers turn serde's messages into [`RendaError`]s.

use crate::error::{RendaError, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Largest JSON document accepted, in bytes (hostile-input bound).
pub const MAX_JSON_BYTES: usize = 64 * 1024 * 1024;

/// Parses JSON text into a value, or an `invalid_json` error with line and column.
///
/// ```
/// let e = renda::wire::parse_json("{\"a\": }").unwrap_err();
/// assert_eq!(e.code(), "invalid_json");
/// ```
pub fn parse_json(json: &str) -> Result<serde_json::Value> {
    if json.len() > MAX_JSON_BYTES {
        return Err(RendaError::InvalidJson {
            message: format!(
                "document of {} bytes exceeds the limit of {MAX_JSON_BYTES}",
                json.len()
            ),
            line: 1,
            column: 1,
        });
    }
    serde_json::from_str(json).map_err(|e| RendaError::InvalidJson {
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
        line: e.line(),
        column: e.column(),
    })
}

/// Deserialises a value, mapping failures to `missing_field` / `invalid_field` errors whose
/// field is the path below `prefix` (`command.cosigners[1]`, `events[41].actor.role`).
///
/// The value is read in place (never copied whole), and finding the culprit of an error
/// costs the size of the offending element, not of the document: a log of a million events
/// with one bad event is reported as fast as a log of one.
///
/// ```
/// use renda::Event;
/// let v = serde_json::json!([{"seq": 1, "schema": 1, "at": "2024-01-02",
///     "actor": {"role": "king", "id": "a"},
///     "event": {"type": "unit_registered", "unit": "u", "name": "n"}}]);
/// let e = renda::wire::from_value_at::<Vec<Event>>(v, "events").unwrap_err();
/// assert_eq!(e.field(), Some("events[0].actor.role"));
/// ```
pub fn from_value_at<T: DeserializeOwned>(value: serde_json::Value, prefix: &str) -> Result<T> {
    match serde_path_to_error::deserialize::<_, T>(&value) {
        Ok(v) => Ok(v),
        Err(e) => {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            let msg = e.inner().to_string();
            Err(locate::<T>(&value, prefix, path, msg))
        }
    }
}

/// `a.b`, or `a[0]` when `b` is an index.
fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ if b.starts_with('[') => format!("{a}{b}"),
        _ => format!("{a}.{b}"),
    }
}

/// Turns a serde failure at `path` into a typed error naming the field.
fn locate<T: DeserializeOwned>(
    original: &serde_json::Value,
    prefix: &str,
    path: String,
    msg: String,
) -> RendaError {
    let base = join(prefix, &path);
    // serde_path_to_error's path ends with the unknown field's name already.
    let with_name = |name: &str| {
        if path == name || path.ends_with(&format!(".{name}")) {
            base.clone()
        } else {
            join(&base, name)
        }
    };
    if let Some(name) = backticked(&msg, "missing field `") {
        return RendaError::MissingField {
            field: with_name(name),
        };
    }
    if let Some(name) = backticked(&msg, "unknown field `") {
        return RendaError::InvalidField {
            field: with_name(name),
            value: String::new(),
            reason: format!(
                "unknown field; {}",
                msg.split(", ").skip(1).collect::<Vec<_>>().join(", ")
            ),
        };
    }
    // Internally tagged enums (commands, events) are buffered by serde, which loses the path
    // inside them: the error points at the whole object. Find the culprit field by removing
    // one field at a time: the field whose removal makes this error go away is the one. The
    // probes run on a copy in which every array on the path is cut down to the element on the
    // path, so each costs the size of that element.
    if let Some(serde_json::Value::Object(map)) = lookup(original, &path) {
        let toks = tokens(&path);
        let reduced = reduce(original, &toks);
        let probe_pointer = pointer_of(&toks, true);
        for key in map.keys().filter(|k| k.as_str() != "type") {
            let mut probe = reduced.clone();
            if let Some(serde_json::Value::Object(m)) = probe.pointer_mut(&probe_pointer) {
                m.remove(key);
            }
            let cured = match T::deserialize(&probe) {
                Ok(_) => true,
                Err(e2) => {
                    let m2 = e2.to_string();
                    backticked(&m2, "missing field `") == Some(key.as_str())
                }
            };
            if cured {
                let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                return RendaError::InvalidField {
                    field: join(&base, key),
                    value: display_value(&map[key]),
                    reason,
                };
            }
        }
    }
    RendaError::InvalidField {
        field: if base.is_empty() {
            "(root)".into()
        } else {
            base
        },
        value: lookup(original, &path)
            .map(display_value)
            .unwrap_or_default(),
        reason: msg,
    }
}

/// One step of a serde_path_to_error path: a field name or an array index.
#[derive(Debug, PartialEq)]
enum Tok {
    Key(String),
    Index(usize),
}

/// The steps of a path such as `command.cosigners[1]` or `[41].event`.
fn tokens(path: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let (name, indexes) = seg.split_at(seg.find('[').unwrap_or(seg.len()));
        if !name.is_empty() {
            out.push(Tok::Key(name.to_string()));
        }
        for idx in indexes.split(['[', ']']).filter(|s| !s.is_empty()) {
            match idx.parse() {
                Ok(i) => out.push(Tok::Index(i)),
                Err(_) => out.push(Tok::Key(idx.to_string())),
            }
        }
    }
    out
}

/// A copy of `v` in which every array on the path `toks` holds only the element on the path
/// (so that element is at index 0); everything off the path inside objects is kept.
fn reduce(v: &serde_json::Value, toks: &[Tok]) -> serde_json::Value {
    use serde_json::Value;
    match (toks.split_first(), v) {
        (Some((Tok::Index(i), rest)), Value::Array(items)) => match items.get(*i) {
            Some(item) => Value::Array(vec![reduce(item, rest)]),
            None => v.clone(),
        },
        (Some((Tok::Key(k), rest)), Value::Object(map)) => Value::Object(
            map.iter()
                .map(|(name, child)| {
                    let child = if name == k {
                        reduce(child, rest)
                    } else {
                        child.clone()
                    };
                    (name.clone(), child)
                })
                .collect(),
        ),
        _ => v.clone(),
    }
}

fn display_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => crate::ids::truncate(s),
        other => crate::ids::truncate(&other.to_string()),
    }
}

fn backticked<'a>(msg: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = msg.strip_prefix(prefix)?;
    rest.split('`').next()
}

/// The JSON Pointer (RFC 6901) of a serde_path_to_error path such as `command.cosigners[1]`,
/// so the value can be found with [`serde_json::Value::pointer`].
fn pointer(path: &str) -> String {
    pointer_of(&tokens(path), false)
}

/// The JSON Pointer of `toks`; with `reduced`, every index is 0 (see [`reduce`]).
fn pointer_of(toks: &[Tok], reduced: bool) -> String {
    toks.iter()
        .map(|t| match t {
            Tok::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            Tok::Index(_) if reduced => "/0".to_string(),
            Tok::Index(i) => format!("/{i}"),
        })
        .collect()
}

fn lookup<'a>(root: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    root.pointer(&pointer(path))
}

/// Serialises a value to compact JSON. Wire types always serialise.
pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("wire types serialise to JSON")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CommandEnvelope;

    #[test]
    fn missing_field_names_path() {
        let e = CommandEnvelope::from_json(
            r#"{"at":"2024-01-01","actor":{"role":"deputy","id":"D"},"command":{"type":"accept_suggestion"}}"#,
        )
        .unwrap_err();
        assert_eq!(e.code(), "missing_field");
        assert_eq!(e.field(), Some("command.suggestion"));
        let e = CommandEnvelope::from_json(r#"{"actor":{"role":"deputy","id":"D"},"command":{"type":"accept_suggestion","suggestion":"S"}}"#).unwrap_err();
        assert_eq!(e.field(), Some("at"));
    }

    #[test]
    fn invalid_role_names_field_and_value() {
        let e = CommandEnvelope::from_json(
            r#"{"at":"2024-01-01","actor":{"role":"king","id":"D"},"command":{"type":"accept_suggestion","suggestion":"S"}}"#,
        )
        .unwrap_err();
        assert_eq!(e.code(), "invalid_field");
        assert_eq!(e.field(), Some("actor.role"));
        assert_eq!(e.value().as_deref(), Some("king"));
    }

    #[test]
    fn paths_become_json_pointers() {
        assert_eq!(pointer(""), "");
        assert_eq!(pointer("command.cosigners[1]"), "/command/cosigners/1");
        assert_eq!(pointer("a/b.c~d"), "/a~1b/c~0d");
        let v = serde_json::json!({"command": {"cosigners": ["x", "y"]}});
        assert_eq!(
            lookup(&v, "command.cosigners[1]"),
            Some(&serde_json::json!("y"))
        );
    }

    #[test]
    fn indexes_join_without_a_dot() {
        assert_eq!(join("events", "[3].at"), "events[3].at");
        assert_eq!(join("command", "cosigners[1]"), "command.cosigners[1]");
        assert_eq!(join("", "[0]"), "[0]");
        assert_eq!(join("filter", ""), "filter");
    }

    #[test]
    fn reduce_keeps_only_the_element_on_the_path() {
        let v = serde_json::json!({"a": [1, {"b": [5, 6, 7]}, 3], "c": 4});
        let toks = tokens("a[1].b[2]");
        assert_eq!(
            toks,
            vec![
                Tok::Key("a".into()),
                Tok::Index(1),
                Tok::Key("b".into()),
                Tok::Index(2)
            ]
        );
        assert_eq!(
            reduce(&v, &toks),
            serde_json::json!({"a": [{"b": [7]}], "c": 4})
        );
        assert_eq!(pointer_of(&toks, true), "/a/0/b/0");
        // An index past the end leaves the array as it is.
        assert_eq!(reduce(&v, &tokens("a[9]")), v);
    }

    #[test]
    fn culprit_inside_a_tagged_enum_in_a_long_array() {
        let event = |i: usize, unit: &str| {
            serde_json::json!({"seq": i + 1, "schema": 1, "at": "2024-01-02",
                "actor": {"role": "admin", "id": "a"},
                "event": {"type": "unit_registered", "unit": unit, "name": "n"}})
        };
        let mut log: Vec<serde_json::Value> = (0..20_000).map(|i| event(i, "u")).collect();
        log[12_345] = event(12_345, "");
        let e = from_value_at::<Vec<crate::Event>>(serde_json::Value::Array(log), "events")
            .unwrap_err();
        assert_eq!(e.code(), "invalid_field");
        assert_eq!(e.field(), Some("events[12345].event.unit"));
        assert_eq!(
            e.to_string(),
            "invalid value for `events[12345].event.unit`: must not be empty (got \"\")"
        );
    }

    #[test]
    fn bad_json() {
        assert_eq!(parse_json("[1,").unwrap_err().code(), "invalid_json");
        let deep = "[".repeat(10_000);
        assert_eq!(parse_json(&deep).unwrap_err().code(), "invalid_json");
    }
}
