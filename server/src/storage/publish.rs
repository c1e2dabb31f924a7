//! Publishing a version: the system's row, the version's content, the
//! technique filter's rows, the register's counts, the changes feed and the
//! search outbox, all in the caller's transaction.

use super::changes::ChangeKind;
use super::counts::{CountMoves, Counted};
use super::write::CurrentVersion;
use super::{DatabaseKind, Storage, database_error};
use app::error::AppError;
use app::record::{AgencySlug, PersonalData, Stage, SystemContent, SystemId};
use app::search::{PERSONAL_DATA_NO, PERSONAL_DATA_YES};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

/// What publishing a version did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishOutcome {
    /// A new system, published as version 1.
    New,
    /// A changed system, published as this new version.
    Updated(i64),
    /// The content equals the current version; nothing was written.
    Unchanged,
}

/// A fingerprint of a version's content: equal content, equal hash.
pub fn content_hash(content: &SystemContent) -> String {
    // Serialising a struct writes its fields in declaration order, so the JSON,
    // and with it the hash, is the same every time for the same content.
    let json = serde_json::to_vec(content).expect("serialising plain data cannot fail");
    super::hex(&Sha256::digest(&json))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serialising plain data cannot fail")
}

impl Storage {
    /// Publishes `content` as the next version of system `id`, owned by `agency`.
    ///
    /// Content equal to the current version writes nothing, so publishing the
    /// same record twice yields one version.
    pub async fn publish(
        conn: &mut AnyConnection,
        id: &SystemId,
        agency: &AgencySlug,
        content: &SystemContent,
        change_summary: &str,
        now: &str,
    ) -> Result<PublishOutcome, AppError> {
        let current = Self::current_version(conn, id).await?;
        let mut counts = CountMoves::default();
        let outcome = Self::publish_over(
            conn,
            &mut counts,
            current.as_ref(),
            id,
            agency,
            content,
            change_summary,
            now,
        )
        .await?;
        Self::apply_count_moves(conn, counts).await?;
        Ok(outcome)
    }

    /// [`Storage::publish`] when the caller already knows what the register
    /// holds for the system (`None`: nothing yet), for writes of many
    /// systems in one transaction: the counts' moves gather in `counts`, for
    /// the caller to apply before it commits.
    #[allow(clippy::too_many_arguments)]
    pub async fn publish_over(
        conn: &mut AnyConnection,
        counts: &mut CountMoves,
        current: Option<&CurrentVersion>,
        id: &SystemId,
        agency: &AgencySlug,
        content: &SystemContent,
        change_summary: &str,
        now: &str,
    ) -> Result<PublishOutcome, AppError> {
        let hash = content_hash(content);
        // What the system counted under before: nothing when it is new.
        let (version, counted_before) = match current {
            None => {
                Self::insert_system(conn, id, agency, content, now).await?;
                (1, Counted::default())
            }
            Some(current) => {
                let next = Self::next_version(conn, current, id, agency, content, &hash).await?;
                let Some(version) = next else {
                    return Ok(PublishOutcome::Unchanged);
                };
                let counted_before = Self::counted(conn, id).await?;
                Self::make_current(conn, id, version, content, now).await?;
                (version, counted_before)
            }
        };
        Self::insert_version(conn, id, version, content, &hash, change_summary, now).await?;
        Self::set_techniques(conn, id, content).await?;
        let settings = Self::read_oversight_settings(conn).await?;
        Self::set_oversight(conn, id, content, now, now, &settings).await?;
        counts.add(counted_before, Self::counted(conn, id).await?);
        let kind = Self::change_kind(conn, id, version, content).await?;
        Self::record_change(conn, kind, id, version, None).await?;
        Self::queue_for_search(conn, id, now).await?;
        Ok(if version == 1 {
            PublishOutcome::New
        } else {
            PublishOutcome::Updated(version)
        })
    }

    /// A system's first row, for its version 1.
    async fn insert_system(
        conn: &mut AnyConnection,
        id: &SystemId,
        agency: &AgencySlug,
        content: &SystemContent,
        now: &str,
    ) -> Result<(), AppError> {
        sqlx::query(&DatabaseKind::of(conn).sql(
            "INSERT INTO systems (id, agency, current_version, audit_outcome, personal_data, \
             described, created_at, updated_at) \
             VALUES ($1, $2, 1, NULL, $3, $4, $5::timestamptz, $5::timestamptz)",
        ))
        .bind(id.0.clone())
        .bind(agency.0.clone())
        .bind(personal_data_value(content))
        .bind(described(content))
        .bind(now.to_string())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// The number the next version of a known system takes, or `None` when
    /// `content` is what is published now. Another agency's system is not
    /// this agency's to publish.
    async fn next_version(
        conn: &mut AnyConnection,
        current: &CurrentVersion,
        id: &SystemId,
        agency: &AgencySlug,
        content: &SystemContent,
        hash: &str,
    ) -> Result<Option<i64>, AppError> {
        if current.agency != *agency {
            return Err(AppError::Forbidden);
        }
        if current.content_hash.as_deref() == Some(hash) {
            return Ok(None);
        }
        // Migration 0010 repaired the line endings of stored texts but left
        // their hashes: when the hash differs, the content itself decides,
        // and the hash is mended.
        if let Some(version) = current.version
            && Self::published_content(conn, id).await?.as_ref() == Some(content)
        {
            sqlx::query(
                "UPDATE system_versions SET content_hash = $1 \
                 WHERE system_id = $2 AND version = $3",
            )
            .bind(hash.to_string())
            .bind(id.0.clone())
            .bind(version)
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
            return Ok(None);
        }
        Ok(Some(current.version.unwrap_or(0) + 1))
    }

    /// Points a known system at its new version.
    async fn make_current(
        conn: &mut AnyConnection,
        id: &SystemId,
        version: i64,
        content: &SystemContent,
        now: &str,
    ) -> Result<(), AppError> {
        sqlx::query(&DatabaseKind::of(conn).sql(
            "UPDATE systems SET current_version = $1, personal_data = $2, described = $3, \
             updated_at = $4::timestamptz WHERE id = $5",
        ))
        .bind(version)
        .bind(personal_data_value(content))
        .bind(described(content))
        .bind(now.to_string())
        .bind(id.0.clone())
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// Writes a version's content: published now, and reviewed now.
    async fn insert_version(
        conn: &mut AnyConnection,
        id: &SystemId,
        version: i64,
        content: &SystemContent,
        hash: &str,
        change_summary: &str,
        now: &str,
    ) -> Result<(), AppError> {
        sqlx::query(&DatabaseKind::of(conn).sql(
            "INSERT INTO system_versions (system_id, version, agency_ref, name, summary, unit, \
             contact, purpose, how_it_works, stage, in_use_since, retired_on, topic, tags, \
             technique, risk_level, decision_role, human_oversight, contest, data, \
             explainability, fairness, risks, assessments, legal_basis, supplier, withheld, \
             content_hash, change_summary, published_at, reviewed_at, public_members, \
             language, translations) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, \
             $15::jsonb, $16, $17, $18, $19, $20::jsonb, $21, $22, $23, $24::jsonb, $25, $26, \
             $27::jsonb, $28, $29, $30::timestamptz, $30::timestamptz, $31, $32, $33::jsonb)",
        ))
        .bind(id.0.clone())
        .bind(version)
        .bind(content.agency_ref.clone())
        .bind(content.name.clone())
        .bind(content.summary.clone())
        .bind(content.unit.clone())
        .bind(content.contact.clone())
        .bind(content.purpose.clone())
        .bind(content.how_it_works.clone())
        .bind(content.stage.as_str())
        .bind(content.in_use_since.clone())
        .bind(content.retired_on.clone())
        .bind(content.topic.as_str())
        .bind(to_json(&content.tags))
        .bind(to_json(&content.technique))
        .bind(content.risk_level.as_str())
        .bind(content.decision_role.map(|d| d.as_str()))
        .bind(content.human_oversight.clone())
        .bind(content.contest.clone())
        .bind(to_json(&content.data))
        .bind(content.explainability.clone())
        .bind(content.fairness.clone())
        .bind(content.risks.clone())
        .bind(to_json(&content.assessments))
        .bind(content.legal_basis.clone())
        .bind(content.supplier.clone())
        .bind(to_json(&content.withheld))
        .bind(hash.to_string())
        .bind(change_summary.to_string())
        .bind(now.to_string())
        .bind(super::public_json::of_content(content))
        .bind(content.language.clone())
        .bind(to_json(&content.translations))
        .execute(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(())
    }

    /// The technique filter's rows for a system: its current version's
    /// techniques, none when they are withheld (filtering would tell them).
    async fn set_techniques(
        conn: &mut AnyConnection,
        id: &SystemId,
        content: &SystemContent,
    ) -> Result<(), AppError> {
        sqlx::query("DELETE FROM system_techniques WHERE system_id = $1")
            .bind(id.0.clone())
            .execute(&mut *conn)
            .await
            .map_err(database_error)?;
        let mut techniques = match content.withheld_reason("technique") {
            Some(_) => Vec::new(),
            None => content.technique.clone(),
        };
        techniques.sort();
        techniques.dedup();
        for technique in techniques {
            sqlx::query("INSERT INTO system_techniques (system_id, technique) VALUES ($1, $2)")
                .bind(id.0.clone())
                .bind(technique.as_str())
                .execute(&mut *conn)
                .await
                .map_err(database_error)?;
        }
        Ok(())
    }

    /// What the changes feed calls a new version: the first is published, one
    /// that moves the system to retired is a retirement, any other an update.
    async fn change_kind(
        conn: &mut AnyConnection,
        id: &SystemId,
        version: i64,
        content: &SystemContent,
    ) -> Result<ChangeKind, AppError> {
        Ok(if version == 1 {
            ChangeKind::Published
        } else if content.stage == Stage::Retired
            && !Self::was_retired(conn, id, version - 1).await?
        {
            ChangeKind::Retired
        } else {
            ChangeKind::Updated
        })
    }

    /// Whether a system's version `version` has the stage `retired`.
    async fn was_retired(
        conn: &mut AnyConnection,
        id: &SystemId,
        version: i64,
    ) -> Result<bool, AppError> {
        let stage: Option<(String,)> = sqlx::query_as(
            "SELECT stage FROM system_versions WHERE system_id = $1 AND version = $2",
        )
        .bind(id.0.clone())
        .bind(version)
        .fetch_optional(&mut *conn)
        .await
        .map_err(database_error)?;
        Ok(stage.is_some_and(|(stage,)| stage == Stage::Retired.as_str()))
    }
}

/// Whether a version states its purpose: described systems come first on
/// their agency's page (migration 0014).
fn described(content: &SystemContent) -> bool {
    !content.purpose.is_empty()
}

/// The `personal_data` facet value of a version (see [`app::search::PERSONAL_DATA_YES`]).
fn personal_data_value(content: &SystemContent) -> &'static str {
    if uses_personal_data(content) {
        PERSONAL_DATA_YES
    } else {
        PERSONAL_DATA_NO
    }
}

/// Whether a version declares a data set holding personal data, pseudonymised
/// or not. Withheld data sets say nothing, here as on the page.
pub fn uses_personal_data(content: &SystemContent) -> bool {
    content.withheld_reason("data").is_none()
        && content.data.iter().any(|set| {
            matches!(
                set.personal_data,
                Some(PersonalData::Identified | PersonalData::Pseudonymised)
            )
        })
}
