//! The one place that touches `localStorage`. Everything else goes through `ioa_core::storage`
//! over the [`KeyValue`] this module provides: the browser's storage when it works, or an
//! in-memory store (with a banner) when it does not.
//!
//! It uses web-sys's `Storage` directly rather than gloo-storage: gloo's `LocalStorage` JSON-encodes
//! every value (plans are already JSON) and panics when storage is unavailable, and the error
//! classification below needs the raw exception.

use ioa_core::storage::{KeyValue, KvError, MemoryKv};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

// `getItem` and `setItem` with the value left in JavaScript: web-sys converts every value to
// and from a Rust string, which for a plan of a megabyte costs about 12 ms each way.
#[wasm_bindgen]
extern "C" {
    /// The same `Storage` object, declared here with these two methods.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &RawStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

/// `localStorage` as a [`KeyValue`].
pub struct WebKv(web_sys::Storage);

impl WebKv {
    pub fn new(storage: web_sys::Storage) -> Self {
        WebKv(storage)
    }

    fn raw(&self) -> &RawStorage {
        self.0.unchecked_ref()
    }
}

/// Maps a thrown storage exception to [`KvError`], covering every browser's name for "full".
pub fn classify(error: &JsValue) -> KvError {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        let code = dom.code();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == 22 || code == 1014 {
            return KvError::QuotaExceeded;
        }
        if name == "SecurityError" || name == "InvalidStateError" {
            return KvError::Unavailable;
        }
        return KvError::Other(format!("{name}: {}", dom.message()));
    }
    // Chromium ≥ 138 throws a `QuotaExceededError` object; older engines a plain Error.
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => KvError::QuotaExceeded,
        Some(other) => KvError::Other(other.to_string()),
        None => KvError::Other(format!("{error:?}")),
    }
}

impl KeyValue for WebKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.get_item(key).map_err(|e| classify(&e))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.set_item(key, value).map_err(|e| classify(&e))
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.0.remove_item(key).map_err(|e| classify(&e))
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        let len = self.0.length().map_err(|e| classify(&e))?;
        Ok((0..len).filter_map(|i| self.0.key(i).ok().flatten()).collect())
    }
    fn get_head(&self, key: &str, chars: usize) -> Result<Option<String>, KvError> {
        let value = self.raw().get_item_js(key).map_err(|e| classify(&e))?;
        // Cut in JavaScript (UTF-16 units; a surrogate pair cut in two only ends the head early).
        Ok(value.dyn_into::<js_sys::JsString>().ok().map(|text| text.slice(0, chars as u32).into()))
    }
    fn set_confirmed(&self, key: &str, value: &str) -> Result<bool, KvError> {
        let value = JsValue::from_str(value);
        self.raw().set_item_js(key, &value).map_err(|e| classify(&e))?;
        // The read-back compares the two strings in JavaScript (`===`).
        Ok(self.raw().get_item_js(key).is_ok_and(|back| back == value))
    }
}

/// Where plans are kept in this tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The browser's `localStorage`.
    Browser,
    /// Storage could not be used: plans live only while this tab is open.
    MemoryOnly,
}

/// Probes `localStorage` with a real write, since some browsers expose it but throw on use.
pub fn open_browser_storage() -> Option<WebKv> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    let kv = WebKv::new(storage);
    let probe = "ioa-planleggeren/probe";
    kv.set(probe, "1").ok()?;
    kv.remove(probe).ok()?;
    Some(kv)
}

thread_local! {
    static STORE: RefCell<Option<(Rc<dyn KeyValue>, Mode)>> = const { RefCell::new(None) };
}

/// Opens the store once per page: the browser's storage, or memory when that fails.
pub fn init() -> Mode {
    let (kv, mode): (Rc<dyn KeyValue>, Mode) = match open_browser_storage() {
        Some(kv) => (Rc::new(kv), Mode::Browser),
        None => (Rc::new(MemoryKv::new()), Mode::MemoryOnly),
    };
    STORE.with(|s| *s.borrow_mut() = Some((kv, mode)));
    mode
}

/// Replaces the store (tests, and the fallback when a layout from a newer app is found).
pub fn use_store(kv: Rc<dyn KeyValue>, mode: Mode) {
    STORE.with(|s| *s.borrow_mut() = Some((kv, mode)));
}

/// Runs `f` with the store, opening it first if needed.
pub fn with_store<R>(f: impl FnOnce(&dyn KeyValue) -> R) -> R {
    let kv = STORE.with(|s| s.borrow().as_ref().map(|(kv, _)| kv.clone()));
    let kv = match kv {
        Some(kv) => kv,
        None => {
            init();
            STORE.with(|s| s.borrow().as_ref().map(|(kv, _)| kv.clone())).expect("store initialised")
        }
    };
    f(&*kv)
}

pub fn mode() -> Mode {
    STORE.with(|s| s.borrow().as_ref().map(|(_, m)| *m)).unwrap_or(Mode::MemoryOnly)
}

/// Whether the browser has promised not to clear this site's storage under pressure:
/// `Some(true)` promised, `Some(false)` not (it may clear plans when space runs low), `None`
/// when the browser cannot say.
pub async fn is_persisted() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let promise = manager.persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist()`); the answer
/// as for [`is_persisted`]. Browsers decide by their own rules and may say no without asking.
pub async fn ask_to_persist() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let promise = manager.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}
