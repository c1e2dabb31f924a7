//! The links in subscription mail: a subscription's id, what the link is
//! for and until when it works, signed with the register's secret
//! (HMAC-SHA-256, `Storage::mail_secret`). Nobody can make one for another
//! subscription or purpose, or stretch its life, without the secret; the
//! register keeps no copy of any link.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a link does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Confirms a subscription: works for 7 days.
    Confirm,
    /// Ends it (and deletes the address): works for a year.
    Unsubscribe,
}

impl Purpose {
    fn letter(self) -> char {
        match self {
            Purpose::Confirm => 'c',
            Purpose::Unsubscribe => 'u',
        }
    }

    /// How long a link for it works, in seconds.
    pub fn lifetime(self) -> i64 {
        match self {
            Purpose::Confirm => 7 * 24 * 3600,
            Purpose::Unsubscribe => 366 * 24 * 3600,
        }
    }
}

/// Why a link does not work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a link this register made (or made for something else).
    NotOurs,
    /// Ours, but past its time.
    Expired,
}

fn mac(secret: &str, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body.as_bytes());
    let bytes = mac.finalize().into_bytes();
    bytes[..20].iter().map(|b| format!("{b:02x}")).collect()
}

/// The token of a link for `purpose` on subscription `id`, working until
/// `now` (Unix seconds) plus the purpose's lifetime.
pub fn sign(secret: &str, id: i64, purpose: Purpose, now: i64) -> String {
    let body = format!("{id}.{}.{}", purpose.letter(), now + purpose.lifetime());
    format!("{body}.{}", mac(secret, &body))
}

/// The subscription a link's token names for `purpose`, if it is ours,
/// for that purpose, and still works at `now`.
pub fn check(secret: &str, token: &str, purpose: Purpose, now: i64) -> Result<i64, Refused> {
    let mut parts = token.trim().splitn(4, '.');
    let (Some(id), Some(letter), Some(until), Some(signature)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refused::NotOurs);
    };
    let body = format!("{id}.{letter}.{until}");
    // Compared whole, not byte by byte as it arrives.
    let expected = mac(secret, &body);
    let same = expected.len() == signature.len()
        && expected
            .bytes()
            .zip(signature.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0;
    if !same || letter.chars().ne([purpose.letter()]) {
        return Err(Refused::NotOurs);
    }
    let (Ok(id), Ok(until)) = (id.parse::<i64>(), until.parse::<i64>()) else {
        return Err(Refused::NotOurs);
    };
    if until < now {
        return Err(Refused::Expired);
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "a-secret-of-the-register";
    const NOW: i64 = 1_796_400_000;

    #[test]
    fn a_link_works_for_its_subscription_purpose_and_time_only() {
        let token = sign(SECRET, 42, Purpose::Confirm, NOW);
        assert_eq!(check(SECRET, &token, Purpose::Confirm, NOW + 60), Ok(42));
        assert_eq!(
            check(SECRET, &token, Purpose::Unsubscribe, NOW),
            Err(Refused::NotOurs),
            "single-purpose"
        );
        assert_eq!(
            check(SECRET, &token, Purpose::Confirm, NOW + 8 * 24 * 3600),
            Err(Refused::Expired)
        );
        assert_eq!(
            check("another secret", &token, Purpose::Confirm, NOW),
            Err(Refused::NotOurs)
        );
        // Another id, or a longer life, breaks the signature.
        let forged = token.replacen("42.", "43.", 1);
        assert_eq!(
            check(SECRET, &forged, Purpose::Confirm, NOW),
            Err(Refused::NotOurs)
        );
        let parts: Vec<&str> = token.split('.').collect();
        let stretched = format!("42.c.{}.{}", NOW * 2, parts[3]);
        assert_eq!(
            check(SECRET, &stretched, Purpose::Confirm, NOW),
            Err(Refused::NotOurs)
        );
        for junk in ["", "...", "42", "42.c.1.zz", "<script>", "42.c.x.00"] {
            assert_eq!(
                check(SECRET, junk, Purpose::Confirm, NOW),
                Err(Refused::NotOurs),
                "{junk}"
            );
        }
        let unsubscribe = sign(SECRET, 42, Purpose::Unsubscribe, NOW);
        assert_eq!(
            check(
                SECRET,
                &unsubscribe,
                Purpose::Unsubscribe,
                NOW + 300 * 24 * 3600
            ),
            Ok(42)
        );
    }
}
