//! Reading the published register: what pages and the API show.

use super::rows::{self, CONTENT_COLUMNS, PUBLISHED, SUMMARY_COLUMNS};
use super::{Storage, database_error};
use app::error::AppError;
use app::record::{
    Agency, AgencySlug, AgencyWithCount, AuditFilter, RiskLevel, Stage, System, SystemContent,
    SystemId, SystemSummary,
};
use app::register::{Overview, Register, SystemList};
use app::search::{Facet, Sort, SystemQuery};
use app::systems::history::VersionLine;
use sqlx::any::AnyRow;
use std::sync::LazyLock;

/// How many recently updated systems the home page shows.
const RECENTLY_UPDATED: i64 = 6;

/// A system whose record states its purpose. Records the source left
/// undescribed ("reported … without describing it") never headline the home
/// page, and come after the described ones on their agency's page (which
/// orders by `systems.described`, the same test kept on the system's row).
const DESCRIBED: &str = "v.purpose <> ''";

/// A system's `completeness` facet value, from its stored score (NULL, and
/// so matching no filter, until Lantern has worked it out).
pub(super) const COMPLETENESS_VALUE: &str = "CASE WHEN s.completeness IS NULL THEN NULL \
    WHEN s.completeness = 100 THEN 'complete' ELSE 'incomplete' END";

/// A WHERE clause built from a query, with its parameters in `$n` order.
#[derive(Default)]
pub(super) struct Filters {
    pub(super) clauses: Vec<String>,
    pub(super) params: Vec<String>,
}

impl Filters {
    /// The facet filters of a query; its words are not used (text search is
    /// the search engine's job). Values of a facet are alternatives.
    fn from_query(query: &SystemQuery) -> Filters {
        Filters::numbered_after(query, 0)
    }

    /// The same, with placeholders numbered after the `taken` ones before them.
    pub(super) fn numbered_after(query: &SystemQuery, taken: usize) -> Filters {
        let mut filters = Filters::default();
        for (facet, values) in &query.filters {
            let column = match facet {
                Facet::Agency => "s.agency",
                Facet::Stage => "v.stage",
                Facet::RiskLevel => "v.risk_level",
                Facet::Topic => "v.topic",
                Facet::Technique => "t.technique",
                // Never-audited systems have no outcome; `none` stands for them.
                Facet::Audit => "coalesce(s.audit_outcome, 'none')",
                Facet::PersonalData => "s.personal_data",
                Facet::Completeness => COMPLETENESS_VALUE,
                Facet::Missing => "m.field",
                Facet::Review => "s.review",
            };
            let start = taken + filters.params.len() + 1;
            filters.params.extend(values.iter().cloned());
            let placeholders: Vec<String> = (start..start + values.len())
                .map(|n| format!("${n}"))
                .collect();
            let condition = format!("{column} IN ({})", placeholders.join(", "));
            filters.clauses.push(match facet {
                Facet::Technique => format!(
                    "EXISTS (SELECT 1 FROM system_techniques t WHERE t.system_id = s.id AND {condition})"
                ),
                Facet::Missing => format!(
                    "EXISTS (SELECT 1 FROM system_missing_fields m WHERE m.system_id = s.id AND {condition})"
                ),
                _ => condition,
            });
        }
        filters
    }

    fn where_sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn order_sql(sort: Sort) -> &'static str {
    match sort {
        // `v.system_id`, not the equal `s.id`: then the order is the index's
        // (migration 0013), and the first rows need no sort.
        Sort::Relevance | Sort::Updated => "ORDER BY v.published_at DESC, v.system_id",
        Sort::Name => "ORDER BY lower(v.name), s.id",
        Sort::Completeness => {
            "ORDER BY coalesce(s.completeness, 100), v.published_at DESC, v.system_id"
        }
    }
}

impl Storage {
    async fn read_overview(&self) -> Result<Overview, AppError> {
        let counts = self.published_counts().await?;
        let agencies = self.agencies().await?.len() as i64;
        let recent_sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {PUBLISHED} WHERE {DESCRIBED} {} LIMIT {RECENTLY_UPDATED}",
            order_sql(Sort::Updated)
        );
        let recently_updated = self
            .summaries(&recent_sql, &[])
            .await?
            .iter()
            .map(rows::summary)
            .collect::<Result<Vec<SystemSummary>, AppError>>()?;
        Ok(Overview {
            systems: counts.systems(),
            agencies,
            by_stage: Stage::ALL
                .iter()
                .map(|s| (*s, counts.get(Facet::Stage.name(), s.as_str())))
                .collect(),
            by_risk_level: RiskLevel::ALL
                .iter()
                .map(|r| (*r, counts.get(Facet::RiskLevel.name(), r.as_str())))
                .collect(),
            by_audit: AuditFilter::all()
                .into_iter()
                .map(|a| (a, counts.get(Facet::Audit.name(), a.as_str())))
                .collect(),
            recently_updated,
        })
    }

    async fn summaries(&self, sql: &str, params: &[String]) -> Result<Vec<AnyRow>, AppError> {
        let sql = self.kind.sql(sql);
        let mut query = sqlx::query(&sql);
        for param in params {
            query = query.bind(param.clone());
        }
        query.fetch_all(&self.pool).await.map_err(database_error)
    }
}

fn agency_with_count(row: &AnyRow) -> Result<AgencyWithCount, AppError> {
    Ok(AgencyWithCount {
        agency: Agency {
            slug: AgencySlug(rows::text(row, "slug")?),
            name: rows::text(row, "name")?,
            jurisdiction: rows::text(row, "jurisdiction")?,
            website: rows::optional_text(row, "website")?,
            contact: rows::optional_text(row, "contact")?,
            description: rows::text(row, "description")?,
        },
        systems: rows::integer(row, "systems")?,
    })
}

/// A published system by id (`$1`) with its agency and latest audit (by
/// date), in one query, with `more` columns.
fn published_system_sql(more: &str) -> String {
    format!(
        "SELECT s.id, s.agency, a.name AS agency_name, a.contact AS agency_contact, \
         v.version, rfc3339(v.published_at) AS published_at, \
         rfc3339(v.reviewed_at) AS reviewed_at, rfc3339(s.review_by) AS review_by, \
         s.review, {CONTENT_COLUMNS}, au.auditor, au.audited_on, au.outcome, au.findings, au.report_url, au.next_due{more} \
         FROM {PUBLISHED} \
         LEFT JOIN audits au ON au.id = s.latest_audit \
         WHERE s.id = $1"
    )
}

static PUBLISHED_SYSTEM: LazyLock<String> = LazyLock::new(|| published_system_sql(""));

/// [`PUBLISHED_SYSTEM`] with the number of its published comments.
static SYSTEM_PAGE: LazyLock<String> = LazyLock::new(|| {
    published_system_sql(
        ", (SELECT count(*) FROM comments c WHERE c.system_id = s.id \
         AND c.state = 'published') AS published_comments",
    )
});

/// A row of [`PUBLISHED_SYSTEM`]; `today` decides whether its audit is overdue.
fn published_system(row: &AnyRow, today: &str) -> Result<System, AppError> {
    let audit = rows::audit(row)?;
    let audit_overdue = audit
        .as_ref()
        .and_then(|a| a.next_due.as_deref())
        .is_some_and(|due| due < today);
    Ok(System {
        id: SystemId(rows::text(row, "id")?),
        agency: AgencySlug(rows::text(row, "agency")?),
        agency_name: rows::text(row, "agency_name")?,
        agency_contact: rows::optional_text(row, "agency_contact")?,
        content: rows::content(row)?,
        version: rows::integer(row, "version")?,
        published_at: rows::text(row, "published_at")?.into(),
        reviewed_at: rows::optional_text(row, "reviewed_at")?.map(app::record::Timestamp::from),
        audit,
        audit_overdue,
        review_by: rows::optional_text(row, "review_by")?.map(app::record::Timestamp::from),
        review_overdue: rows::optional_text(row, "review")?.as_deref()
            == Some(app::search::REVIEW_OVERDUE),
    })
}

/// A version's `reviewed_at`, where the agency reviewed it after it was
/// published ("reviewed, no change"); at publication the two are equal.
/// Both are RFC 3339 in UTC with whole seconds, so they compare as text.
fn reviewed_since(row: &AnyRow) -> Result<Option<app::record::Timestamp>, AppError> {
    let published_at = rows::text(row, "published_at")?;
    Ok(rows::optional_text(row, "reviewed_at")?
        .filter(|reviewed_at| *reviewed_at > published_at)
        .map(app::record::Timestamp::from))
}

/// An agency with its count of published systems (kept by the writes).
const AGENCY_WITH_COUNT: &str = "SELECT a.slug, a.name, a.jurisdiction, a.website, a.contact, \
    a.description, coalesce(c.systems, 0) AS systems FROM agencies a \
    LEFT JOIN published_counts c ON c.facet = 'agency' AND c.value = a.slug";

#[async_trait::async_trait]
impl Register for Storage {
    /// Kept for up to a minute, counted by one request at a time.
    async fn statistics(&self) -> Result<app::statistics::Statistics, AppError> {
        Storage::statistics(self).await
    }

    async fn agency_statistics(
        &self,
        slug: &AgencySlug,
    ) -> Result<Option<app::statistics::Statistics>, AppError> {
        Storage::agency_statistics(self, slug).await
    }

    async fn oversight_settings(&self) -> Result<app::record::OversightSettings, AppError> {
        Storage::oversight_settings(self).await
    }

    /// Kept for a moment (see `kept.rs`): the home page is the busiest page.
    async fn overview(&self) -> Result<Overview, AppError> {
        self.overview.get_or_read(self.read_overview()).await
    }

    async fn list_systems(&self, query: &SystemQuery) -> Result<SystemList, AppError> {
        let filters = Filters::from_query(query);
        // One query for the page and the total: `count(*) OVER ()` counts every
        // matching row before LIMIT applies.
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, count(*) OVER () AS total FROM {PUBLISHED} {} {} \
             LIMIT {} OFFSET {}",
            filters.where_sql(),
            order_sql(query.sort),
            query.per_page,
            query.offset()
        );
        let page = self.summaries(&sql, &filters.params).await?;
        let total = match page.first() {
            Some(row) => rows::integer(row, "total")?,
            // Past the last page there is no row to carry the total.
            None if query.page > 1 => {
                let sql = format!(
                    "SELECT count(*) AS total FROM {PUBLISHED} {}",
                    filters.where_sql()
                );
                let rows = self.summaries(&sql, &filters.params).await?;
                rows.first()
                    .map(|r| rows::integer(r, "total"))
                    .transpose()?
                    .unwrap_or(0)
            }
            None => 0,
        };
        Ok(SystemList {
            systems: page.iter().map(rows::summary).collect::<Result<_, _>>()?,
            total,
        })
    }

    async fn agency_systems(
        &self,
        slug: &AgencySlug,
        limit: u32,
    ) -> Result<Vec<SystemSummary>, AppError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {PUBLISHED} WHERE s.agency = $1 \
             ORDER BY s.described DESC, s.updated_at DESC, s.id LIMIT {limit}"
        );
        self.summaries(&sql, std::slice::from_ref(&slug.0))
            .await?
            .iter()
            .map(rows::summary)
            .collect()
    }

    async fn system(&self, id: &SystemId) -> Result<Option<System>, AppError> {
        let row = sqlx::query(&self.kind.sql(&PUBLISHED_SYSTEM))
            .bind(id.0.clone())
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        row.as_ref()
            .map(|row| published_system(row, &crate::clock::today()))
            .transpose()
    }

    /// Kept for a moment (see `kept.rs`): handing a query to SQLite's
    /// thread and back was a quarter of a record page's time.
    async fn system_page(&self, id: &SystemId) -> Result<Option<(System, i64)>, AppError> {
        self.system_pages
            .get_or_read(id, async {
                let row = sqlx::query(&self.kind.sql(&SYSTEM_PAGE))
                    .bind(id.0.clone())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(database_error)?;
                row.as_ref()
                    .map(|row| {
                        Ok((
                            published_system(row, &crate::clock::today())?,
                            rows::integer(row, "published_comments")?,
                        ))
                    })
                    .transpose()
            })
            .await
    }

    /// Kept for a moment (see `kept.rs`): `/agencies` and the API's list.
    async fn agencies(&self) -> Result<Vec<AgencyWithCount>, AppError> {
        self.agencies
            .get_or_read(async {
                let sql = format!("{AGENCY_WITH_COUNT} ORDER BY lower(a.name), a.slug");
                let rows = sqlx::query(&sql)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(database_error)?;
                rows.iter().map(agency_with_count).collect()
            })
            .await
    }

    async fn agency_names(&self) -> Result<app::search::AgencyNames, AppError> {
        self.agency_names
            .get_or_read(async {
                let rows =
                    sqlx::query("SELECT slug, name FROM agencies ORDER BY lower(name), slug")
                        .fetch_all(&self.pool)
                        .await
                        .map_err(database_error)?;
                rows.iter()
                    .map(|row| {
                        Ok((
                            AgencySlug(rows::text(row, "slug")?),
                            rows::text(row, "name")?,
                        ))
                    })
                    .collect()
            })
            .await
    }

    /// Every published version of a system, oldest first.
    async fn versions(&self, id: &SystemId) -> Result<Vec<VersionLine>, AppError> {
        let rows = sqlx::query(&self.kind.sql(
            "SELECT version, rfc3339(published_at) AS published_at, change_summary, \
             rfc3339(reviewed_at) AS reviewed_at \
             FROM system_versions WHERE system_id = $1 ORDER BY version",
        ))
        .bind(id.0.clone())
        .fetch_all(&self.pool)
        .await
        .map_err(database_error)?;
        rows.iter()
            .map(|row| {
                Ok(VersionLine {
                    version: rows::integer(row, "version")?,
                    published_at: rows::text(row, "published_at")?.into(),
                    change_summary: rows::text(row, "change_summary")?,
                    reviewed_at: reviewed_since(row)?,
                })
            })
            .collect()
    }

    /// One published version of a system in full: its owner, content and history line.
    async fn version(
        &self,
        id: &SystemId,
        version: i64,
    ) -> Result<Option<(AgencySlug, SystemContent, VersionLine)>, AppError> {
        let sql = format!(
            "SELECT s.agency, v.version, rfc3339(v.published_at) AS published_at, \
             v.change_summary, rfc3339(v.reviewed_at) AS reviewed_at, {CONTENT_COLUMNS} \
             FROM systems s JOIN system_versions v ON v.system_id = s.id \
             WHERE s.id = $1 AND v.version = $2"
        );
        let row = sqlx::query(&self.kind.sql(&sql))
            .bind(id.0.clone())
            .bind(version)
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        row.map(|row| {
            Ok((
                AgencySlug(rows::text(&row, "agency")?),
                rows::content(&row)?,
                VersionLine {
                    version: rows::integer(&row, "version")?,
                    published_at: rows::text(&row, "published_at")?.into(),
                    change_summary: rows::text(&row, "change_summary")?,
                    reviewed_at: reviewed_since(&row)?,
                },
            ))
        })
        .transpose()
    }

    async fn agency(&self, slug: &AgencySlug) -> Result<Option<AgencyWithCount>, AppError> {
        let sql = format!("{AGENCY_WITH_COUNT} WHERE a.slug = $1");
        let row = sqlx::query(&sql)
            .bind(slug.0.clone())
            .fetch_optional(&self.pool)
            .await
            .map_err(database_error)?;
        row.as_ref().map(agency_with_count).transpose()
    }
}
