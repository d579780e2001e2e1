//! The plan file reader and writer as a part of their own (see `crate::split`): the library
//! shows without them, and they come with the first import or export.

use crate::split::lazy_fn;
use ioa_core::plan::Plan;
use ioa_core::plan_file::{self, ExportError, ExportMeta, FileError, PlanFile};
use ioa_core::Lang;

lazy_fn!(
    /// Reads a file's bytes with the one file reader.
    in files: fn read(bytes: Vec<u8>) -> Result<PlanFile, FileError> =>
        crate::perf::measured("ioa-import-read", || plan_file::read_file(&bytes))
);

lazy_fn!(
    /// One plan as a file, read back to check it before it is offered.
    in files: fn export_plan(plan: Plan, app_version: String, at: u64, lang: Lang) -> Result<String, ExportError> =>
        crate::perf::measured("ioa-export", || {
            plan_file::export_plan(&plan, &ExportMeta { app_version: &app_version, exported_at_ms: at, language: lang })
        })
);

lazy_fn!(
    /// Every plan in one file, checked the same way.
    in files: fn export_all(plans: Vec<Plan>, app_version: String, at: u64, lang: Lang) -> Result<String, ExportError> =>
        plan_file::export_all(&plans, &ExportMeta { app_version: &app_version, exported_at_ms: at, language: lang })
);
