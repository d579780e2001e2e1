//! Time and identifiers from the browser.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Today's local date as `YYYY-MM-DD`.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Now, local, for a file's name: `2026-12-01 14.05` (see `ioa_core::plan_file::file_stamp`).
pub fn file_stamp() -> String {
    let d = js_sys::Date::new_0();
    let date = format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
    ioa_core::plan_file::file_stamp(&date, d.get_hours(), d.get_minutes())
}

/// A local date and time for "last changed", e.g. `26.11.2026 14:05`.
pub fn format_timestamp(ms: u64, lang: ioa_core::Lang) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let date = format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
    format!("{} {:02}:{:02}", ioa_core::format::format_date(&date, lang), d.get_hours(), d.get_minutes())
}

/// How far local time is ahead of UTC at the moment `ms`, in minutes (60 in Norwegian winter).
pub fn utc_offset_minutes(ms: u64) -> i32 {
    -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).get_timezone_offset() as i32)
}

/// A new plan id: time plus randomness, URL-safe, unique enough for one browser.
pub fn new_plan_id() -> String {
    let random = (js_sys::Math::random() * 36f64.powi(6)) as u64;
    format!("p-{}-{}", base36(now_ms()), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}
