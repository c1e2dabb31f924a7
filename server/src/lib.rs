//! The `lantern` binary's parts: configuration, start-up, storage, the web
//! server, the demo register and the importers.

pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod import;
pub mod storage;
pub mod web;
