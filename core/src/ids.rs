//! Enums whose variants have fixed string ids, declared once together with their ids.
//!
//! The ids are stored in users' plans and files, or read by CSS and tests, so a variant's id
//! never changes. One macro writes `ALL`, `id()` and `from_id()` from a single table, where each
//! enum had a `match` and a list kept in step by hand. A `macro_rules!` rather than `strum`: no
//! dependency to build, the same code as the hand-written matches in the wasm, and the names
//! callers use (`ALL`, `id`, `from_id`) stay.

/// Declares `enum Name { Variant = "id", … }` as a field-less enum with `Name::ALL` (every
/// variant, in the order declared), `id(self) -> &'static str` and `from_id(&str) ->
/// Option<Name>`. Attributes (derives, serde, docs) pass through to the enum and its variants.
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every variant, in the order declared.
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];

            /// The variant's id. It is stored in plans and files: it never changes.
            pub fn id(self) -> &'static str {
                match self {
                    $( $name::$variant => $id, )+
                }
            }

            /// The variant with this id.
            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.id() == id)
            }
        }
    };
}

pub(crate) use id_enum;

#[cfg(test)]
mod tests {
    use crate::decision::{Procedure, Route};
    use crate::plan::{Spine, StepMark};
    use crate::progress::Status;
    use crate::storage::snapshots::Reason;
    use crate::thresholds::Regime;
    use std::fmt::Debug;

    /// Checks an enum against the table of ids its variants must keep: the table lists every
    /// variant in `ALL`'s order, and each id reads back as its variant.
    fn pinned<T: Copy + PartialEq + Debug>(
        all: &[T],
        id: fn(T) -> &'static str,
        from_id: fn(&str) -> Option<T>,
        table: &[(T, &str)],
    ) {
        assert_eq!(all, table.iter().map(|(variant, _)| *variant).collect::<Vec<_>>(), "the table lists every variant");
        for (variant, expected) in table {
            assert_eq!(id(*variant), *expected, "the id of {variant:?} changed");
            assert_eq!(from_id(expected), Some(*variant));
        }
        assert_eq!(from_id("no-such-id"), None);
    }

    /// Ids in stored plans and files (routes, step marks, spines, snapshot keys) and in CSS and
    /// tests (statuses, regimes, procedures). A changed id fails here, and so does a renamed or
    /// added variant (the table no longer compiles, or misses it).
    #[test]
    fn every_id_is_pinned_and_reads_back_as_its_variant() {
        use Route::*;
        let routes = [
            (InnovationFriendlyOpen, "innovation-friendly-open"),
            (InnovationFriendlyNegotiated, "innovation-friendly-negotiated"),
            (ProcurementOfInnovation, "procurement-of-innovation"),
            (DialogueFirst, "dialogue-first"),
        ];
        pinned(&Route::ALL, Route::id, Route::from_id, &routes);
        use Procedure::*;
        let procedures = [
            (OpenRestricted, "open-restricted"),
            (Negotiation, "negotiation"),
            (CompetitiveDialogue, "competitive-dialogue"),
            (InnovationPartnership, "innovation-partnership"),
            (PreCommercial, "pre-commercial"),
            (StartOff, "startoff"),
        ];
        pinned(&Procedure::ALL, Procedure::id, Procedure::from_id, &procedures);
        let statuses = [
            (Status::NotStarted, "not-started"),
            (Status::InProgress, "in-progress"),
            (Status::Done, "done"),
            (Status::NotRelevant, "not-relevant"),
        ];
        pinned(&Status::ALL, Status::id, Status::from_id, &statuses);
        use Regime::*;
        let regimes = [
            (ValueUnknown, "value-unknown"),
            (BelowLowerLimit, "below-lower-limit"),
            (BelowNational, "below-national"),
            (National, "national"),
            (Eea, "eea"),
            (SpecialBelowEea, "special-below-eea"),
            (SpecialEea, "special-eea"),
        ];
        pinned(&Regime::ALL, Regime::id, Regime::from_id, &regimes);
        let reasons = [
            (Reason::Save, "save"),
            (Reason::BeforeReplace, "before-replace"),
            (Reason::BeforeRestore, "before-restore"),
            (Reason::BeforeUpgrade, "before-upgrade"),
        ];
        pinned(&Reason::ALL, Reason::id, Reason::from_id, &reasons);
        let marks = [
            (StepMark::NotStarted, "not-started"),
            (StepMark::InProgress, "in-progress"),
            (StepMark::Done, "done"),
            (StepMark::NotRelevant, "not-relevant"),
        ];
        pinned(&StepMark::ALL, StepMark::id, StepMark::from_id, &marks);
        let spines = [(Spine::Roadmap, "roadmap"), (Spine::Lup, "lup")];
        pinned(&Spine::ALL, Spine::id, Spine::from_id, &spines);
    }

    /// Step marks and spines are stored through serde, whose names are declared apart from the
    /// ids (`rename_all`): the two must stay one.
    #[test]
    fn the_stored_names_of_step_marks_and_spines_are_their_ids() {
        for mark in StepMark::ALL {
            assert_eq!(serde_json::to_value(mark).unwrap(), mark.id());
            assert_eq!(serde_json::from_value::<StepMark>(mark.id().into()).unwrap(), mark);
        }
        for spine in Spine::ALL {
            assert_eq!(serde_json::to_value(spine).unwrap(), spine.id());
            assert_eq!(serde_json::from_value::<Spine>(spine.id().into()).unwrap(), spine);
        }
    }
}
