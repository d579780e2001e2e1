//! Plan files handed to the app by a file button or a drop: read one after another, a file over
//! the size limit refused before reading. The import (library), the recovery view and the
//! learning network's comparison all take files this way; what the bytes mean is decided by
//! the one file reader, `ioa_core::plan_file::read_file`.

use crate::file_io;
use ioa_core::plan_file::{self, FileError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A file handed over, read or refused by size before reading.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    /// Refused before reading (too big, or empty).
    Refused {
        name: String,
        error: FileError,
    },
    Unreadable {
        name: String,
    },
}

/// Reads files one after another (so the report keeps their order); a file over the limit is
/// not read at all.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<Incoming> {
    let mut read = Vec::new();
    for file in files {
        let name = file.name();
        if let Err(error) = plan_file::check_size(file.size() as u64) {
            read.push(Incoming::Refused { name, error });
            continue;
        }
        read.push(match file_io::read_bytes(&file).await {
            Ok(bytes) => Incoming::Bytes { name, bytes },
            Err(_) => Incoming::Unreadable { name },
        });
    }
    read
}

/// Reads dropped or chosen files and hands them over through `incoming`.
pub fn read_into(files: Vec<web_sys::File>, incoming: RwSignal<Vec<Incoming>>) {
    leptos::task::spawn_local(async move {
        let read = read_files(files).await;
        incoming.set(read);
    });
}

/// True when a drag carries files (not text dragged into a form field).
pub fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| d.types().includes(&wasm_bindgen::JsValue::from_str("Files"), 0))
}

/// Drag-and-drop handlers for the area that accepts plan files: dragover, dragleave, drop.
/// Only file drags are taken; the drop stops here, so an inner and an outer area never both
/// read the same files.
pub fn drop_handlers(
    incoming: RwSignal<Vec<Incoming>>,
    dragging: RwSignal<bool>,
) -> (impl Fn(web_sys::DragEvent) + Copy, impl Fn(web_sys::DragEvent) + Copy, impl Fn(web_sys::DragEvent) + Copy) {
    let on_dragover = move |ev: web_sys::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    };
    let on_dragleave = move |ev: web_sys::DragEvent| {
        // Leaving for a child element is not leaving the area.
        let inside = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let area = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        if !matches!((&area, &inside), (Some(a), Some(i)) if a.contains(Some(i))) {
            dragging.set(false);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        read_into(file_io::files(ev.data_transfer().and_then(|d| d.files())), incoming);
    };
    (on_dragover, on_dragleave, on_drop)
}
