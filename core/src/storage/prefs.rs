//! The user's preferences that outlive a visit (the chosen language), apart from any plan.

use super::layout::PREFS_KEY;
use super::{KeyValue, KvError};
use crate::Lang;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Default)]
struct Prefs {
    lang: Option<Lang>,
}

pub fn load_lang(kv: &dyn KeyValue) -> Option<Lang> {
    kv.get(PREFS_KEY).ok().flatten().and_then(|raw| serde_json::from_str::<Prefs>(&raw).ok()).and_then(|p| p.lang)
}

pub fn save_lang(kv: &dyn KeyValue, lang: Lang) -> Result<(), KvError> {
    kv.set(PREFS_KEY, &serde_json::to_string(&Prefs { lang: Some(lang) }).expect("prefs serialise"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::*;

    #[test]
    fn language_preference_round_trips() {
        let kv = MemoryKv::new();
        assert_eq!(load_lang(&kv), None);
        save_lang(&kv, Lang::Nn).unwrap();
        assert_eq!(load_lang(&kv), Some(Lang::Nn));
        kv.set(PREFS_KEY, "garbage").unwrap();
        assert_eq!(load_lang(&kv), None);
    }
}
