//! The legal rules the app states (`content/legal-rules.json`), each with its source and the day
//! it was checked. Filling their amounts in is [`crate::legal`]'s job.

use crate::text::Text;
use crate::thresholds::Source;
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Rule {
    pub id: String,
    /// The provision, as lawyers cite it (e.g. `FOA § 7-9`; "del III" is "Part III" in English).
    pub reference: Text,
    #[serde(default)]
    pub in_force_from: Option<String>,
    pub title: Text,
    pub text: Text,
    pub checked_on: String,
    pub sources: Vec<Source>,
    /// A rule that an amendment in force from `from` may have moved or changed, while we have
    /// not read the adopted text: the app says so beside the rule.
    #[serde(default)]
    pub may_have_changed: Option<MayHaveChanged>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct MayHaveChanged {
    /// The day the amendment took effect (ISO date).
    pub from: String,
    /// What may have changed, and where to check.
    pub text: Text,
}

impl Rule {
    /// The caveat to show on `today`, if the amendment has taken effect.
    pub fn caveat(&self, today: &str) -> Option<&MayHaveChanged> {
        self.may_have_changed.as_ref().filter(|m| m.from.as_str() <= today)
    }
}
