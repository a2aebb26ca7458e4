//! The message catalog handed to the desktop UI, which formats its own sentences with it
//! (the JavaScript implementation of Fluent): one catalog for the core and the UI.

use serde::Serialize;

use super::Workshop;
use crate::i18n::{catalog, Lang};

/// The catalog of one language as Fluent source (every file of
/// [`crate::i18n::catalog`], the UI's `ui-` messages among them).
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    pub lang: Lang,
    pub source: String,
}

impl Catalog {
    /// The catalog of `lang`; the desktop shell asks for it even when the workshop could
    /// not open, so that the UI can still say why.
    pub fn of(lang: Lang) -> Catalog {
        Catalog {
            lang,
            source: catalog::source(lang),
        }
    }
}

impl Workshop {
    /// The catalog of the workshop's language.
    pub fn catalog(&self) -> Catalog {
        Catalog::of(self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_holds_the_ui_messages_of_its_language() {
        let fr = Catalog::of(Lang::Fr);
        assert!(fr
            .source
            .contains("ui-who-title = Qui travaille sur cet ordinateur ?"));
        let en = Catalog::of(Lang::En);
        assert!(en
            .source
            .contains("ui-who-title = Who is working on this computer?"));
        assert_eq!(
            serde_json::to_value(&en).expect("json")["lang"],
            serde_json::json!("en")
        );
    }
}
