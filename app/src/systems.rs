//! AI systems: the public record page, and the list every page uses to show systems.

pub mod history;
pub mod list;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod page;
