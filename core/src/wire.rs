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
/// field is the dotted path below `prefix`.
pub fn from_value_at<T: DeserializeOwned>(value: serde_json::Value, prefix: &str) -> Result<T> {
    let original = value.clone();
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(v) => Ok(v),
        Err(e) => {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            let msg = e.inner().to_string();
            Err(locate::<T>(&original, prefix, path, msg))
        }
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
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
    // one field at a time: the field whose removal makes this error go away is the one.
    if let Some(serde_json::Value::Object(map)) = lookup(original, &path) {
        for key in map.keys().filter(|k| k.as_str() != "type") {
            let mut probe = original.clone();
            if let Some(serde_json::Value::Object(m)) = probe.pointer_mut(&pointer(&path)) {
                m.remove(key);
            }
            let cured = match serde_json::from_value::<T>(probe) {
                Ok(_) => true,
                Err(e2) => {
                    let m2 = e2.to_string();
                    backticked(&m2, "missing field `") == Some(key.as_str())
                }
            };
            if cured {
                let inner = map[key].clone();
                let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                return RendaError::InvalidField {
                    field: join(&base, key),
                    value: display_value(&inner),
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
    let mut out = String::new();
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let (name, indexes) = seg.split_at(seg.find('[').unwrap_or(seg.len()));
        if !name.is_empty() {
            out.push('/');
            out.push_str(&name.replace('~', "~0").replace('/', "~1"));
        }
        for idx in indexes.split(['[', ']']).filter(|s| !s.is_empty()) {
            out.push('/');
            out.push_str(idx);
        }
    }
    out
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
    fn bad_json() {
        assert_eq!(parse_json("[1,").unwrap_err().code(), "invalid_json");
        let deep = "[".repeat(10_000);
        assert_eq!(parse_json(&deep).unwrap_err().code(), "invalid_json");
    }
}
