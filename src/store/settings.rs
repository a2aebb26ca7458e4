//! A profile's own settings (language, text size, high contrast), kept in the database
//! (table `profile_settings`, migration 2) and applied when the profile is picked.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{now, Store};
use crate::error::Result;
use crate::i18n::Lang;

/// The size of the interface's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    pub fn as_str(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }

    /// The size stored as `text`; normal for anything else.
    pub fn parse(text: &str) -> TextSize {
        [TextSize::Large, TextSize::Larger]
            .into_iter()
            .find(|s| s.as_str() == text)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    pub lang: Lang,
    pub text_size: TextSize,
    pub high_contrast: bool,
}

impl Store {
    /// A profile's settings, `None` when it never saved any.
    pub fn settings(&self, profile_id: &str) -> Result<Option<Settings>> {
        self.profile(profile_id)?;
        let row = self
            .conn
            .query_row(
                "SELECT lang, text_size, high_contrast FROM profile_settings WHERE profile_id = ?1",
                [profile_id],
                |r| {
                    Ok(Settings {
                        lang: Lang::from_tag(&r.get::<_, String>(0)?),
                        text_size: TextSize::parse(&r.get::<_, String>(1)?),
                        high_contrast: r.get(2)?,
                    })
                },
            )
            .optional()?;
        Ok(row)
    }

    /// Saves a profile's settings (replacing the ones it had).
    pub fn set_settings(&mut self, profile_id: &str, s: &Settings) -> Result<()> {
        self.profile(profile_id)?;
        self.conn.execute(
            "INSERT INTO profile_settings(profile_id, lang, text_size, high_contrast, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(profile_id) DO UPDATE SET lang = excluded.lang,
               text_size = excluded.text_size, high_contrast = excluded.high_contrast,
               updated_at = excluded.updated_at",
            params![
                profile_id,
                s.lang.code(),
                s.text_size.as_str(),
                s.high_contrast,
                now()
            ],
        )?;
        Ok(())
    }
}
