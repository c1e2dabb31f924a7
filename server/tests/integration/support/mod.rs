//! What the integration tests share: databases, search engines, the site
//! without a socket, signed-in clients, accounts, HTML scanning and the
//! real register data.

pub mod accounts;
pub mod databases;
pub mod html_scan;
pub mod mail;
pub mod manage;
pub mod processes;
pub mod search;
pub mod shared_data;
pub mod site;

/// The language of a file read from the terminal or by a test that reads
/// reasons in English.
pub const ENGLISH: app::i18n::Language = app::i18n::Language::SOURCE;
