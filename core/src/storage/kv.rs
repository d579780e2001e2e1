//! The store the rules run over: a string key–value store with the semantics of `localStorage`.
//!
//! Kept apart from the layout so the browser's store (in the app crate) and the in-memory one
//! (tests, and the fallback when storage is unavailable) implement one small trait and nothing
//! else.

use std::cell::RefCell;
use std::collections::BTreeMap;

/// A text's length as the browser's store counts it.
pub fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

/// Why the store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvError {
    /// Storage is full (`QuotaExceededError` and its older names).
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, blocked, private mode in old browsers).
    Unavailable,
    Other(String),
}

/// A string key–value store with the semantics of `localStorage`.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&self, key: &str) -> Result<(), KvError>;
    fn keys(&self) -> Result<Vec<String>, KvError>;

    /// The value's first `chars` characters (about: the browser's store counts UTF-16 units).
    /// The browser's store cuts it before bringing it into wasm, where a plan of a megabyte
    /// would cost about 12 ms to convert: a save reads only the revision at its start.
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, KvError> {
        Ok(self.get(key)?.map(|value| value.chars().take(chars).collect()))
    }

    /// The value's length in UTF-16 units, without bringing it into wasm in the browser.
    fn units(&self, key: &str) -> Result<Option<usize>, KvError> {
        Ok(self.get(key)?.map(|value| utf16_len(&value)))
    }

    /// Writes `value` and tells whether the store now holds exactly it (a write the browser
    /// accepted but did not keep is not a save). The browser's store compares on its side.
    fn set_confirmed(&self, key: &str, value: &str) -> Result<bool, KvError> {
        self.set(key, value)?;
        Ok(matches!(self.get(key), Ok(Some(back)) if back == value))
    }
}

/// An in-memory store. With a capacity it refuses writes like a full `localStorage`
/// (capacity counted in UTF-16 units of keys plus values, as Chromium does).
#[derive(Default)]
pub struct MemoryKv {
    items: RefCell<BTreeMap<String, String>>,
    capacity: Option<usize>,
}

impl MemoryKv {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(units: usize) -> Self {
        MemoryKv { items: RefCell::default(), capacity: Some(units) }
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.items.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        if let Some(cap) = self.capacity {
            let needed = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_without(key) + needed > cap {
                return Err(KvError::QuotaExceeded);
            }
        }
        self.items.borrow_mut().insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}
