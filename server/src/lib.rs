//! The `lantern` binary's parts: configuration, start-up, storage, the web
//! server and its JSON API, search, the demo register and the importers.

pub mod accounts;
pub mod api;
pub mod cli;
pub mod client;
pub mod clock;
pub mod config;
pub mod connections;
pub mod demo;
pub mod feedback;
pub mod forms;
pub mod guards;
pub mod import;
pub mod languages;
pub mod mail;
pub mod manage;
pub mod open_data;
pub mod oversight;
pub mod pages;
pub mod publishing;
pub mod router;
pub mod search;
pub mod seed;
pub mod settings;
pub mod sign_in;
pub mod state;
pub mod storage;
pub mod web;
