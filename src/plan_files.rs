//! The plan file reader and writer, and every other reader and writer of whole stored plans
//! outside an open plan, as a part of their own (see `crate::split`): the library shows without
//! them, and they come with the first import, export, new plan or change to a plan's card.

use crate::persistence;
use crate::split::lazy_fn;
use ioa_core::catalog::Catalog;
use ioa_core::library::{self, PlanSummary};
use ioa_core::migrate::LoadError;
use ioa_core::plan::Plan;
use ioa_core::plan_file::{self, ExportError, ExportMeta, FileError, PlanFile};
use ioa_core::storage::{self, KvError, LayoutTooNew, LoadReport, SaveError, SaveOutcome};
use ioa_core::Lang;

lazy_fn!(
    /// Reads a file's bytes with the one file reader.
    in files: fn read(cat: Catalog, bytes: Vec<u8>) -> Result<PlanFile, FileError> =>
        crate::perf::measured("ioa-import-read", || plan_file::read_file(&cat, &bytes))
);

lazy_fn!(
    /// One plan as a file, read back to check it before it is offered.
    in files: fn export_plan(cat: Catalog, plan: Plan, app_version: String, at: u64, lang: Lang) -> Result<String, ExportError> =>
        crate::perf::measured("ioa-export", || {
            plan_file::export_plan(&cat, &plan, &ExportMeta { app_version: &app_version, exported_at_ms: at, language: lang })
        })
);

lazy_fn!(
    /// Every plan in one file, checked the same way.
    in files: fn export_all(cat: Catalog, plans: Vec<Plan>, app_version: String, at: u64, lang: Lang) -> Result<String, ExportError> =>
        plan_file::export_all(&cat, &plans, &ExportMeta { app_version: &app_version, exported_at_ms: at, language: lang })
);

// Whatever reads or writes a whole stored plan outside an open plan is here too: the library
// itself lists plans from the index (`storage::list_library`), so the plan reader, the upgrade
// chain and the plan writer stay out of the code a start needs.

lazy_fn!(
    /// Reads every stored plan: the library's full check, when the index cannot vouch for them.
    in files: fn check_library(now: u64) -> Result<Result<LoadReport, LayoutTooNew>, KvError> =>
        crate::perf::measured("ioa-library-check", || persistence::with_store(|kv| storage::load_library(kv, now)))
);

lazy_fn!(
    /// Stored plans by id (`None`: not stored, or storage could not be read).
    in files: fn load_plans(ids: Vec<String>) -> Vec<Option<Result<Plan, LoadError>>> =>
        persistence::with_store(|kv| ids.iter().map(|id| storage::load_plan(kv, id).ok().flatten()).collect())
);

lazy_fn!(
    /// A plan new to storage (made here, or the worked example).
    in files: fn save_new(plan: Plan) -> Result<PlanSummary, SaveError> => {
        let mut plan = plan;
        persistence::with_store(|kv| storage::force_save_plan(kv, &mut plan)).map(|_| PlanSummary::from(&plan))
    }
);

lazy_fn!(
    /// The worked example from its JSON, stored as a new plan.
    in files: fn add_example(json: String, id: String, now: u64) -> Option<PlanSummary> =>
        ioa_core::examples::example_plan(&json, id, now).ok().and_then(|mut plan| {
            persistence::with_store(|kv| storage::force_save_plan(kv, &mut plan)).ok().map(|_| PlanSummary::from(&plan))
        })
);

lazy_fn!(
    /// New title, organisation and case number for a stored plan (the locale key of what failed).
    in files: fn rename(id: String, title: String, organisation: String, case_number: String, now: u64) -> Result<PlanSummary, &'static str> =>
        persistence::with_store(|kv| {
            let Ok(Some(Ok(mut plan))) = storage::load_plan(kv, &id) else { return Err("library.error.rename_failed") };
            plan.edit_details(&title, &organisation, &case_number, now).map_err(|e| e.message_key())?;
            storage::save_plan(kv, &mut plan).map_err(|_| "library.error.rename_failed")?;
            Ok(PlanSummary::from(&plan))
        })
);

lazy_fn!(
    /// A copy of a stored plan under a new id, titled "<prefix> <title>".
    in files: fn duplicate(id: String, prefix: String, new_id: String, now: u64) -> Option<PlanSummary> =>
        persistence::with_store(|kv| {
            let Ok(Some(Ok(plan))) = storage::load_plan(kv, &id) else { return None };
            let title = library::copy_title(&prefix, &plan.title);
            let mut copy = plan.duplicate(new_id, title, now);
            storage::force_save_plan(kv, &mut copy).ok().map(|_| PlanSummary::from(&copy))
        })
);

lazy_fn!(
    /// Plans read from a file, stored as new plans: all or none.
    in files: fn import_new(plans: Vec<Plan>) -> Result<(Vec<PlanSummary>, SaveOutcome), SaveError> => {
        let mut plans = plans;
        crate::perf::measured("ioa-import-store", || persistence::with_store(|kv| storage::import_new(kv, &mut plans)))
    }
);

lazy_fn!(
    /// A file's plan over the stored one with its id, which is kept as a snapshot first.
    in files: fn replace(plan: Plan, now: u64) -> Result<(PlanSummary, SaveOutcome), SaveError> =>
        persistence::with_store(|kv| storage::replace_plan(kv, plan, now)).map(|(saved, _, outcome)| (PlanSummary::from(&saved), outcome))
);
