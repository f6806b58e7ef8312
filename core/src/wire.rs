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
        message: e.to_string(),
        line: e.line(),
        column: e.column(),
    })
}

/// Deserialises a value, mapping failures to `missing_field` / `invalid_field` errors whose
/// field is the dotted path below `prefix`.
pub fn from_value_at<T: DeserializeOwned>(value: serde_json::Value, prefix: &str) -> Result<T> {
    let original = value.clone();
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let join = |a: &str, b: &str| match (a.is_empty(), b.is_empty()) {
            (true, _) => b.to_string(),
            (_, true) => a.to_string(),
            _ => format!("{a}.{b}"),
        };
        let base = join(prefix, &path);
        let msg = e.inner().to_string();
        if let Some(name) = backticked(&msg, "missing field `") {
            return RendaError::MissingField {
                field: join(&base, name),
            };
        }
        if let Some(name) = backticked(&msg, "unknown field `") {
            return RendaError::InvalidField {
                field: join(&base, name),
                value: String::new(),
                reason: format!(
                    "unknown field; {}",
                    msg.split(", ").skip(1).collect::<Vec<_>>().join(", ")
                ),
            };
        }
        let value = lookup(&original, &path)
            .map(|v| match v {
                serde_json::Value::String(s) => crate::ids::truncate(s),
                other => crate::ids::truncate(&other.to_string()),
            })
            .unwrap_or_default();
        RendaError::InvalidField {
            field: if base.is_empty() {
                "(root)".into()
            } else {
                base
            },
            value,
            reason: msg,
        }
    })
}

fn backticked<'a>(msg: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = msg.strip_prefix(prefix)?;
    rest.split('`').next()
}

fn lookup<'a>(root: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    let mut cur = root;
    if path.is_empty() {
        return Some(cur);
    }
    for seg in path.split('.') {
        let (name, indexes) = match seg.find('[') {
            Some(i) => (&seg[..i], &seg[i..]),
            None => (seg, ""),
        };
        if !name.is_empty() {
            cur = cur.get(name)?;
        }
        for idx in indexes.split(['[', ']']).filter(|s| !s.is_empty()) {
            cur = cur.get(idx.parse::<usize>().ok()?)?;
        }
    }
    Some(cur)
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
    fn bad_json() {
        assert_eq!(parse_json("[1,").unwrap_err().code(), "invalid_json");
        let deep = "[".repeat(10_000);
        assert_eq!(parse_json(&deep).unwrap_err().code(), "invalid_json");
    }
}
