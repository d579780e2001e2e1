//! Performance marks around work `scripts/bench.sh` measures (saving, export, import, start-up).

use leptos::prelude::window;

/// Runs `f` between two performance marks named after `name`.
pub fn measured<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let performance = window().performance();
    let start = format!("{name}-start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    result
}
