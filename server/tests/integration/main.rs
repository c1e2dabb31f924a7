//! Lantern's integration tests, one module per part of the register, in one
//! test binary that shares `support`. They run on SQLite and PostgreSQL
//! (see `support::databases`) and on the embedded search engine, and on
//! Meilisearch too when `LANTERN_TEST_MEILISEARCH_URL` names one
//! (`scale_out` starts Meilisearch servers of its own from `MEILISEARCH_BIN`).

mod support;

mod accounts;
mod architecture;
mod authorisation;
mod backup;
mod completeness;
mod connections;
mod counts;
mod desk;
mod feedback;
mod follow;
mod fuzz;
mod hostile_input;
mod import;
mod import_browser;
mod languages;
mod mail;
mod migration;
mod open_data;
mod operating;
mod publishing;
mod reminders;
mod review_periods;
mod reviews;
mod scale_out;
mod search;
mod security;
mod sign_in;
mod statistics;
mod storage;
mod translations;
mod web;
