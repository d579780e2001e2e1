//! JSON text to a `Value`, refusing an object that holds the same key twice.
//!
//! serde_json keeps the last of two equal keys without a word. In a plan file that would mean
//! importing one of two values silently, so the parse goes through a seed that fails on a
//! repeated key instead. serde_json's own recursion limit still applies (it is enforced by the
//! deserializer, whatever the visitor), so deep nesting fails early without using much stack.

use super::FileError;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// Longest key quoted back to the user; a megabyte key must not become a megabyte message.
const MAX_KEY_CHARS: usize = 60;

/// Parses `text` as one JSON value (trailing characters are an error).
pub(super) fn parse(text: &str) -> Result<Value, FileError> {
    // The visitor reports a repeated key here; serde's error type carries only a message.
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = UniqueKeys { duplicate: &duplicate }.deserialize(&mut de).and_then(|value| de.end().map(|()| value));
    parsed.map_err(|e| match duplicate.into_inner() {
        Some(key) => FileError::DuplicateKey { key: shorten(&key) },
        None => syntax_error(&e),
    })
}

fn syntax_error(e: &serde_json::Error) -> FileError {
    // serde_json's error codes are private; its message is the only mark of this one.
    if e.to_string().starts_with("recursion limit exceeded") {
        return FileError::TooDeep;
    }
    match e.classify() {
        Category::Eof => FileError::Truncated,
        _ => FileError::Damaged { line: e.line(), column: e.column() },
    }
}

/// `key`, cut to [`MAX_KEY_CHARS`] characters.
pub(super) fn shorten(key: &str) -> String {
    match key.char_indices().nth(MAX_KEY_CHARS) {
        Some((at, _)) => format!("{}…", &key[..at]),
        None => key.to_string(),
    }
}

#[derive(Clone, Copy)]
struct UniqueKeys<'a> {
    duplicate: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for UniqueKeys<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for UniqueKeys<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v).map(Value::Number).ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                *self.duplicate.borrow_mut() = Some(key);
                return Err(de::Error::custom("duplicate key"));
            }
            let value = map.next_value_seed(self)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}
