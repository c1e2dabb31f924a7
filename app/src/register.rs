//! What the pages read from the register, as one interface.
//!
//! The server implements [`Register`] on its storage layer (SQLite or PostgreSQL);
//! pages reach it through server functions, so no SQL lives in the app.

use crate::record::{AgencyWithCount, AuditFilter, RiskLevel, Stage, SystemSummary};
use serde::{Deserialize, Serialize};

/// Counts that describe the whole register, for the home page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub systems: i64,
    pub agencies: i64,
    pub by_stage: Vec<(Stage, i64)>,
    pub by_risk_level: Vec<(RiskLevel, i64)>,
    pub by_audit: Vec<(AuditFilter, i64)>,
    pub recently_updated: Vec<SystemSummary>,
}

/// One page of a list of systems and the total the filters match.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SystemList {
    pub systems: Vec<SystemSummary>,
    pub total: i64,
}

/// An agency page: the agency and its systems.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgencyWithSystems {
    pub agency: AgencyWithCount,
    pub systems: Vec<SystemSummary>,
    /// How the agency answers citizens' questions and error reports.
    pub answers: Option<crate::feedback::AnswerStats>,
    /// How complete and current its records are (from the statistics).
    #[serde(default)]
    pub oversight: Option<crate::statistics::AgencyStatistics>,
}

#[cfg(feature = "ssr")]
pub use server_side::*;

#[cfg(feature = "ssr")]
mod server_side {
    use super::*;
    use crate::error::AppError;
    use crate::record::{AgencySlug, System, SystemContent, SystemId};
    use crate::search::SystemQuery;
    use crate::systems::history::VersionLine;
    use std::sync::Arc;

    /// Read access to the published register.
    #[async_trait::async_trait]
    pub trait Register: Send + Sync {
        /// Counts by stage, risk level and audit outcome, and the latest changes.
        async fn overview(&self) -> Result<Overview, AppError>;
        /// One page of published systems matching the query's filters, read
        /// straight from the database. The words (`q`) are not used: text
        /// search is the search engine's job.
        async fn list_systems(&self, query: &SystemQuery) -> Result<SystemList, AppError>;
        /// The first `limit` systems of an agency's page: those whose purpose
        /// is stated first, each group most recently updated first.
        async fn agency_systems(
            &self,
            slug: &AgencySlug,
            limit: u32,
        ) -> Result<Vec<SystemSummary>, AppError>;
        /// The latest published version of a system.
        async fn system(&self, id: &SystemId) -> Result<Option<System>, AppError>;
        /// The same with its number of published comments, in one read:
        /// what its page needs (without comments, the page asks no more).
        async fn system_page(&self, id: &SystemId) -> Result<Option<(System, i64)>, AppError>;
        /// The register's statistics, kept for up to a minute (see `/statistics`).
        async fn statistics(&self) -> Result<crate::statistics::Statistics, AppError>;
        /// One agency's statistics, counted now; `None` for an unknown agency.
        async fn agency_statistics(
            &self,
            slug: &AgencySlug,
        ) -> Result<Option<crate::statistics::Statistics>, AppError>;
        /// The review periods and plain-language target an admin set.
        async fn oversight_settings(&self) -> Result<crate::record::OversightSettings, AppError>;
        /// Every agency with its number of published systems.
        async fn agencies(&self) -> Result<Vec<AgencyWithCount>, AppError>;
        /// Every agency's slug and name, by name: what labels the agency facet
        /// (cheap, unlike counting each agency's systems).
        async fn agency_names(&self) -> Result<crate::search::AgencyNames, AppError>;
        /// One agency with its number of published systems.
        async fn agency(&self, slug: &AgencySlug) -> Result<Option<AgencyWithCount>, AppError>;
        /// Every published version of a system, oldest first (none: no
        /// such published system).
        async fn versions(&self, id: &SystemId) -> Result<Vec<VersionLine>, AppError>;
        /// One published version in full: its agency, content and history line.
        async fn version(
            &self,
            id: &SystemId,
            version: i64,
        ) -> Result<Option<(AgencySlug, SystemContent, VersionLine)>, AppError>;
    }

    /// The handle pages and server functions find in their context.
    pub type SharedRegister = Arc<dyn Register>;

    /// The register of the current request.
    pub fn register() -> Result<SharedRegister, AppError> {
        leptos::prelude::use_context::<SharedRegister>()
            .ok_or_else(|| AppError::Internal("no register in the request context".into()))
    }
}
