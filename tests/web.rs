//! Browser tests (wasm-bindgen-test in headless Chromium): the real localStorage adapter under
//! quota, corrupt data and storage errors, and the app mounted as a component.
#![cfg(target_arch = "wasm32")]

use ioa_core::plan::{Answer, NewPlan, Plan};
use ioa_core::storage::{self, KeyValue, KvError, SaveError};
use ioa_planleggeren::persistence::{classify, open_browser_storage, WebKv};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh() -> WebKv {
    local().clear().unwrap();
    WebKv::new(local())
}

fn plan(id: &str, title: &str) -> Plan {
    Plan::new(id, NewPlan { title: title.into(), ..Default::default() }, 1).unwrap()
}

/// Fills localStorage until it refuses, returning the keys used.
fn fill_storage(kv: &WebKv) -> Vec<String> {
    let chunk = "x".repeat(512 * 1024);
    let mut keys = Vec::new();
    for i in 0.. {
        let key = format!("filler/{i}");
        match kv.set(&key, &chunk) {
            Ok(()) => keys.push(key),
            Err(KvError::QuotaExceeded) => break,
            Err(other) => panic!("unexpected error while filling: {other:?}"),
        }
        assert!(i < 100, "storage never filled up");
    }
    // Top up with smaller values so almost nothing is left.
    for size in [64 * 1024, 4 * 1024, 256] {
        let small = "y".repeat(size);
        for j in 0..64 {
            let key = format!("filler/{size}/{j}");
            if kv.set(&key, &small).is_err() {
                break;
            }
            keys.push(key);
        }
    }
    keys
}

#[wasm_bindgen_test]
fn browser_storage_round_trips_through_the_adapter() {
    let kv = fresh();
    kv.set("ioa-planleggeren/test", "æøå ✓ <b>").unwrap();
    assert_eq!(kv.get("ioa-planleggeren/test").unwrap().as_deref(), Some("æøå ✓ <b>"));
    assert!(kv.keys().unwrap().contains(&"ioa-planleggeren/test".to_string()));
    kv.remove("ioa-planleggeren/test").unwrap();
    assert_eq!(kv.get("ioa-planleggeren/test").unwrap(), None);
    assert!(open_browser_storage().is_some(), "the probe write works in a normal profile");
}

#[wasm_bindgen_test]
fn the_head_and_the_confirmed_write_stay_in_javascript_and_agree_with_rust() {
    let kv = fresh();
    let value = format!("{{\"revision\":7,\"text\":\"{}\"}}", "æøå ✓ 😀 ".repeat(1_000));
    assert!(kv.set_confirmed("ioa-planleggeren/test", &value).unwrap());
    assert_eq!(kv.get("ioa-planleggeren/test").unwrap().as_deref(), Some(value.as_str()));
    let head = kv.get_head("ioa-planleggeren/test", 40).unwrap().unwrap();
    assert!(value.starts_with(&head) && head.starts_with("{\"revision\":7,"), "{head}");
    assert_eq!(kv.get_head("ioa-planleggeren/missing", 40).unwrap(), None);
    // Over an existing value, the new one is what is confirmed and kept.
    local().set_item("ioa-planleggeren/other", "x").unwrap();
    assert!(kv.set_confirmed("ioa-planleggeren/other", "y").unwrap());
    assert_eq!(local().get_item("ioa-planleggeren/other").unwrap().as_deref(), Some("y"));
    kv.remove("ioa-planleggeren/test").unwrap();
    kv.remove("ioa-planleggeren/other").unwrap();
}

#[wasm_bindgen_test]
fn full_storage_refuses_the_save_and_keeps_the_stored_plan() {
    let kv = fresh();
    let mut p = plan("quota", "Kvote");
    storage::save_plan(&kv, &mut p).unwrap();
    let before = kv.get(&storage::plan_key("quota")).unwrap();
    let fillers = fill_storage(&kv);

    p.set_answer("startup/trigger/situation", Answer::Text("z".repeat(200_000)), 2);
    assert_eq!(storage::save_plan(&kv, &mut p), Err(SaveError::QuotaExceeded));
    assert_eq!(p.revision, 1, "a refused save does not advance the revision");
    assert_eq!(kv.get(&storage::plan_key("quota")).unwrap(), before, "stored plan unchanged");

    for key in fillers {
        kv.remove(&key).unwrap();
    }
    storage::save_plan(&kv, &mut p).expect("saves once space is freed");
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn in_a_full_browser_storage_earlier_versions_give_way_and_the_plan_is_saved() {
    let kv = fresh();
    let minute = 60_000;
    let mut p = plan("big", "Stor plan");
    let mut other = plan("other", "Annen plan");
    storage::save_plan(&kv, &mut other).unwrap();
    for (i, at) in [1, 20, 40].into_iter().enumerate() {
        p.set_answer("startup/trigger/situation", Answer::Text(format!("{i}").repeat(300_000)), at * minute);
        storage::save_plan(&kv, &mut p).unwrap();
    }
    assert_eq!(storage::snapshots::list(&kv, "big").unwrap().len(), 2, "two earlier versions kept");
    let fillers = fill_storage(&kv);

    p.set_answer("startup/trigger/situation", Answer::Text("9".repeat(400_000)), 60 * minute);
    let outcome = storage::save_plan(&kv, &mut p).expect("snapshots make room for the save");
    assert!(outcome.snapshots_dropped >= 1, "{outcome:?}");
    let back = storage::load_plan(&kv, "big").unwrap().unwrap().unwrap();
    assert_eq!(back, p, "the plan is stored whole");
    assert_eq!(storage::load_plan(&kv, "other").unwrap().unwrap().unwrap(), other, "no other plan is touched");
    for key in fillers {
        kv.remove(&key).unwrap();
    }
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn corrupt_plan_key_is_quarantined_and_the_rest_load() {
    let kv = fresh();
    storage::save_plan(&kv, &mut plan("good", "God plan")).unwrap();
    local().set_item(&storage::plan_key("bad"), "{\"schema_version\":1,\"title\":\"trunc").unwrap();
    local().set_item(storage::INDEX_KEY, "not an index").unwrap();
    let report = storage::load_library(&kv, 42).unwrap().unwrap();
    assert_eq!(report.plans.len(), 1);
    assert_eq!(report.plans[0].title, "God plan");
    let q = &report.quarantined[0];
    assert_eq!(q.plan_id, "bad");
    let kept = q.kept_at.clone().expect("moved aside");
    assert_eq!(local().get_item(&kept).unwrap().as_deref(), Some("{\"schema_version\":1,\"title\":\"trunc"));
    assert_eq!(local().get_item(&storage::plan_key("bad")).unwrap(), None);
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn storage_exceptions_are_classified_in_every_browser_form() {
    let dom = |name: &str| web_sys::DomException::new_with_message_and_name("m", name).unwrap();
    assert_eq!(classify(&dom("QuotaExceededError").into()), KvError::QuotaExceeded);
    assert_eq!(classify(&dom("NS_ERROR_DOM_QUOTA_REACHED").into()), KvError::QuotaExceeded);
    assert_eq!(classify(&dom("SecurityError").into()), KvError::Unavailable);
    assert!(matches!(classify(&dom("DataError").into()), KvError::Other(_)));
    // A real quota error from this browser, however it is shaped, is recognised.
    let kv = fresh();
    let fillers = fill_storage(&kv);
    let raw = local().set_item("one-more", &"q".repeat(1024 * 1024)).unwrap_err();
    assert_eq!(classify(&raw), KvError::QuotaExceeded);
    for key in fillers {
        kv.remove(&key).unwrap();
    }
    local().clear().unwrap();
}

async fn settle() {
    for _ in 0..5 {
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await.unwrap();
    }
    // Let requestAnimationFrame and timers run.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn input(id: &str) -> web_sys::HtmlInputElement {
    web_sys::window().unwrap().document().unwrap().get_element_by_id(id).unwrap().dyn_into().unwrap()
}

/// Installs the bokmål bundle, made from the sources the way the build makes it (the app
/// fetches it from the build folder, which these tests do not serve).
fn install_bokmal_bundle() {
    let read = |path: &str| -> Result<String, String> {
        let text = match path {
            "content/registers.json" => include_str!("../content/registers.json"),
            "content/tools/leadership.json" => include_str!("../content/tools/leadership.json"),
            "content/tools/startup.json" => include_str!("../content/tools/startup.json"),
            "content/tools/needs.json" => include_str!("../content/tools/needs.json"),
            "content/tools/dialogue.json" => include_str!("../content/tools/dialogue.json"),
            "content/roadmap.json" => include_str!("../content/roadmap.json"),
            "content/roadmap/anchoring.json" => include_str!("../content/roadmap/anchoring.json"),
            "content/roadmap/insight.json" => include_str!("../content/roadmap/insight.json"),
            "content/roadmap/development.json" => include_str!("../content/roadmap/development.json"),
            "content/roadmap/piloting.json" => include_str!("../content/roadmap/piloting.json"),
            "content/roadmap/transition.json" => include_str!("../content/roadmap/transition.json"),
            "content/roadmap/practice.json" => include_str!("../content/roadmap/practice.json"),
            "content/crosswalk.json" => include_str!("../content/crosswalk.json"),
            "content/decision.json" => include_str!("../content/decision.json"),
            "content/legal-rules.json" => include_str!("../content/legal-rules.json"),
            "locales/nb.json" => include_str!("../locales/nb.json"),
            _ => return Err(format!("{path} is not embedded in this test")),
        };
        Ok(text.to_string())
    };
    let json = ioa_core::bundle::make(ioa_core::Lang::Nb, &read).unwrap();
    let ui = ioa_core::bundle::make_ui(ioa_core::Lang::Nb, &read).unwrap();
    let texts = ioa_core::catalog::Texts::default().with_ui(ioa_core::Lang::Nb, &ui).unwrap();
    ioa_planleggeren::catalog::set_catalog(
        None,
        ioa_core::catalog::Catalog::new(texts, ioa_core::Lang::Nb, &json).unwrap(),
    );
}

/// Mounts the whole app at `hash` in a fresh element; the handle keeps it mounted.
async fn mount_app(hash: &str) -> (web_sys::Window, web_sys::Document, web_sys::HtmlElement, Box<dyn std::any::Any>) {
    install_bokmal_bundle();
    let window = web_sys::window().unwrap();
    window.location().set_hash(hash).unwrap();
    let document = window.document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), ioa_planleggeren::App);
    settle().await;
    (window, document, host, Box::new(handle))
}

#[wasm_bindgen_test]
async fn the_app_creates_a_plan_and_keeps_it_in_storage() {
    local().clear().unwrap();
    let (window, document, host, _handle) = mount_app("").await;

    // An empty title is refused with a message next to the field.
    let form: web_sys::HtmlFormElement = document.query_selector(".create-form").unwrap().unwrap().dyn_into().unwrap();
    form.request_submit().unwrap();
    settle().await;
    assert!(document.get_element_by_id("new-title-error").is_some(), "empty title gets a message");
    assert_eq!(input("new-title").get_attribute("aria-invalid").as_deref(), Some("true"));

    let title = input("new-title");
    title.set_value("<img src=x onerror=alert(1)>");
    title.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    form.request_submit().unwrap();
    settle().await;

    let keys: Vec<String> = (0..local().length().unwrap()).filter_map(|i| local().key(i).unwrap()).collect();
    let plan_key = keys.iter().find(|k| k.starts_with("ioa-planleggeren/plan/")).expect("plan stored");
    let stored = ioa_core::migrate::plan_from_json(&local().get_item(plan_key).unwrap().unwrap()).unwrap();
    assert_eq!(stored.title, "<img src=x onerror=alert(1)>");
    assert!(window.location().hash().unwrap().starts_with("#/plan/"), "navigated to the new plan");
    settle().await;
    let h1 = document.query_selector("main h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "<img src=x onerror=alert(1)>", "the title is text, not markup");
    assert!(document.query_selector("main img").unwrap().is_none());
    host.remove();
    window.location().set_hash("").unwrap();
    local().clear().unwrap();
}

async fn wait_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The step-record panel every worksheet step has: choosing "not relevant" asks why, and status,
/// reason, owner and date reach storage as one record under the step's key.
#[wasm_bindgen_test]
async fn a_roadmap_step_records_status_reason_owner_and_date() {
    local().clear().unwrap();
    let kv = fresh();
    let mut stored = plan("p-step", "Stegplan");
    storage::save_plan(&kv, &mut stored).unwrap();
    let (window, document, host, _handle) = mount_app("#/plan/p-step/insight/learn-from-others").await;

    assert!(document.get_element_by_id("step-reason").is_none(), "no reason field until the step is skipped");
    input("step-status-not-relevant").click();
    settle().await;
    let reason = input("step-reason");
    reason.set_value("Ingen har prøvd dette før");
    reason.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let owner = input("step-owner");
    owner.set_value("Trude Lien");
    owner.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let due = input("step-due");
    due.set_value("2027-03-01");
    due.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    wait_ms(700).await;

    let saved = storage::load_plan(&kv, "p-step").unwrap().unwrap().unwrap();
    let record = saved.step("insight/learn-from-others").expect("a record under the step's key");
    assert_eq!(record.status, Some(ioa_core::plan::StepMark::NotRelevant));
    assert_eq!(
        (record.reason.as_str(), record.owner.as_str(), record.due.as_str()),
        ("Ingen har prøvd dette før", "Trude Lien", "2027-03-01")
    );
    assert!(input("step-status-not-relevant").checked());

    // Back to "done": the reason field goes, the reason itself is kept in the record.
    input("step-status-done").click();
    settle().await;
    assert!(document.get_element_by_id("step-reason").is_none());
    wait_ms(700).await;
    let saved = storage::load_plan(&kv, "p-step").unwrap().unwrap().unwrap();
    let record = saved.step("insight/learn-from-others").unwrap();
    assert_eq!(
        (record.status, record.reason.as_str()),
        (Some(ioa_core::plan::StepMark::Done), "Ingen har prøvd dette før")
    );
    host.remove();
    window.location().set_hash("").unwrap();
    local().clear().unwrap();
}
