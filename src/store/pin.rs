//! PINs: a profile's optional PIN and the facilitator's, kept in the `pins` table as a
//! salted, deliberately slow hash (Argon2id with the `argon2` crate's defaults, as a PHC
//! string that carries its algorithm, parameters and salt), never in clear.
//!
//! A PIN is a few digits, so any fast hash of it would be reversed by trying them all: the
//! slow hash makes each try cost, and the salt makes each laptop's tries start again. It is
//! a lock against a curious neighbour on a shared laptop, not against someone who copies
//! the database.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use rusqlite::{params, OptionalExtension};

use crate::error::Result;
use crate::i18n::Lang;
use crate::tr;

use super::{now, Store};

/// The owner of the facilitator's PIN in the `pins` table (profiles are UUIDs).
pub const FACILITATOR: &str = "facilitator";
/// Fewest and most digits of a PIN.
pub const MIN_DIGITS: usize = 4;
pub const MAX_DIGITS: usize = 8;

/// Why a PIN was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PinError {
    /// Not 4 to 8 digits.
    #[error("a PIN is {MIN_DIGITS} to {MAX_DIGITS} digits")]
    Invalid,
    /// The profile's PIN given is wrong (or missing).
    #[error("wrong PIN")]
    Wrong,
    /// The facilitator's PIN given is wrong (or missing).
    #[error("wrong facilitator PIN")]
    FacilitatorWrong,
    #[error("cannot hash the PIN: {0}")]
    Hash(String),
}

crate::stage_error!(PinError {
    PinError::Invalid => "pin.invalid",
    PinError::Wrong => "pin.wrong",
    PinError::FacilitatorWrong => "pin.facilitator_wrong",
    PinError::Hash(_) => "pin.hash",
});

impl PinError {
    /// The message in `lang`, saying what to do.
    pub fn message(&self, lang: Lang) -> String {
        let key = crate::error::message_key(self.code());
        match self {
            PinError::Invalid => tr!(
                lang,
                &key,
                min = MIN_DIGITS.to_string(),
                max = MAX_DIGITS.to_string()
            ),
            PinError::Hash(reason) => tr!(lang, &key, reason = reason),
            _ => tr!(lang, &key),
        }
    }
}

/// The PHC string of `pin` (Argon2id, the crate's default parameters, a fresh random
/// salt); [`PinError::Invalid`] unless it is 4 to 8 digits.
pub fn hash(pin: &str) -> Result<String, PinError> {
    let digits = pin.chars().count();
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinError::Invalid);
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PinError::Hash(e.to_string()))
}

/// True when `pin` is the one hashed in the PHC string `phc` (false for a damaged hash).
pub fn verify(pin: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

impl Store {
    /// The PIN hash of `owner` (a profile id or [`FACILITATOR`]), when one is set.
    pub fn pin_hash(&self, owner: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT hash FROM pins WHERE owner = ?1",
                params![owner],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Sets (a hash) or removes (`None`) the PIN of `owner`.
    pub fn set_pin_hash(&mut self, owner: &str, hash: Option<&str>) -> Result<()> {
        match hash {
            Some(h) => self.conn.execute(
                "INSERT INTO pins(owner, hash, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(owner) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at",
                params![owner, h, now()],
            )?,
            None => self
                .conn
                .execute("DELETE FROM pins WHERE owner = ?1", params![owner])?,
        };
        Ok(())
    }

    /// Checks `pin` against the PIN of `owner`: fine when none is set; `wrong` when the
    /// PIN is missing or is not the one set.
    pub fn check_pin(&self, owner: &str, pin: Option<&str>, wrong: PinError) -> Result<()> {
        match self.pin_hash(owner)? {
            None => Ok(()),
            Some(h) if pin.is_some_and(|p| verify(p, &h)) => Ok(()),
            Some(_) => Err(wrong.into()),
        }
    }
}
