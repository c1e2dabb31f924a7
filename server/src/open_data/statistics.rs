//! `/api/v1/statistics` and `/api/v1/statistics.csv`: the numbers of the
//! `/statistics` page as open data. The CSV is long: one number per row,
//! named by its subject and value, ready for a spreadsheet's pivot table.

use crate::api::error::{ApiError, ApiProblem};
use crate::state::AppState;
use app::error::AppError;
use app::record::AgencySlug;
use app::statistics::{Count, Statistics};
use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Json, Response};

/// The statistics the query asks for: the register's, or with
/// `agency=slug` one agency's. Another parameter is a 400 naming it; an
/// unknown agency a 404.
async fn asked(state: &AppState, raw: Option<String>) -> Result<Statistics, ApiError> {
    let mut agency = None;
    for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        if name != "agency" {
            return Err(ApiError {
                status: StatusCode::BAD_REQUEST,
                problems: vec![ApiProblem {
                    code: "invalid_parameter",
                    detail: format!("The statistics take one parameter, agency; not “{name}”"),
                    field: Some(name.into_owned()),
                }],
            });
        }
        agency = Some(AgencySlug(value.into_owned()));
    }
    match agency {
        None => Ok(state.storage.statistics().await?),
        Some(slug) => Ok(state
            .storage
            .agency_statistics(&slug)
            .await?
            .ok_or(AppError::NotFound)?),
    }
}

/// The register's statistics: counts by stage, risk level, technique,
/// topic, latest audit and month of first publication; completeness,
/// reviews, audit coverage, answers; and every agency's part. Counted at
/// `counted_at` and kept for up to a minute. With `agency`, one agency's,
/// kept as long.
#[utoipa::path(get, path = "/api/v1/statistics", tag = "statistics",
    params(("agency" = Option<String>, Query, description = "One agency's statistics, by its slug; an unknown agency is a 404")),
    responses((status = 200, body = Statistics), (status = 400, body = crate::api::error::ErrorEnvelope),
        (status = 404, body = crate::api::error::ErrorEnvelope)))]
pub async fn statistics(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Statistics>, ApiError> {
    Ok(Json(asked(&state, raw).await?))
}

/// The same numbers as CSV, one per row: `subject,value,number` (for
/// example `stage,in_use,34`; per agency, `agency_systems,tax-office,8`).
#[utoipa::path(get, path = "/api/v1/statistics.csv", tag = "statistics",
    params(("agency" = Option<String>, Query, description = "One agency's statistics, by its slug")),
    responses((status = 200, description = "subject,value,number", content_type = "text/csv"),
        (status = 400, body = crate::api::error::ErrorEnvelope), (status = 404, body = crate::api::error::ErrorEnvelope)))]
pub async fn statistics_csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let statistics = asked(&state, raw).await?;
    let file_name = format!("lantern-statistics-{}.csv", crate::clock::today());
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        csv(&statistics),
    )
        .into_response())
}

/// One number of the CSV: its subject, its value and the number, which is
/// empty where there is none (an average of nothing).
type Line = (&'static str, String, String);

/// Every number of the statistics as CSV lines, with a header.
pub fn csv(s: &Statistics) -> String {
    let mut lines: Vec<Line> = vec![
        ("register", "systems".into(), s.systems.to_string()),
        ("register", "agencies".into(), s.agencies.to_string()),
    ];
    let counts = |subject: &'static str, counts: &[Count]| -> Vec<Line> {
        counts
            .iter()
            .map(|c| (subject, c.value.clone(), c.systems.to_string()))
            .collect()
    };
    lines.extend(counts("stage", &s.by_stage));
    lines.extend(counts("risk_level", &s.by_risk_level));
    lines.extend(counts("technique", &s.by_technique));
    lines.extend(counts("topic", &s.by_topic));
    lines.extend(counts("audit", &s.by_audit));
    lines.extend(counts("published_month", &s.published_by_month));
    lines.extend(counts("missing", &s.completeness.missing));
    let optional = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
    let whole = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    lines.extend([
        (
            "completeness",
            "complete".into(),
            s.completeness.complete.to_string(),
        ),
        (
            "completeness",
            "incomplete".into(),
            s.completeness.incomplete.to_string(),
        ),
        (
            "completeness",
            "average".into(),
            optional(s.completeness.average),
        ),
        ("review", "overdue".into(), s.reviews.overdue.to_string()),
        ("review", "current".into(), s.reviews.current.to_string()),
        ("audits", "high_risk".into(), s.audits.high_risk.to_string()),
        (
            "audits",
            "high_risk_covered".into(),
            s.audits.high_risk_covered.to_string(),
        ),
        ("audits", "coverage".into(), optional(s.audits.coverage)),
        ("audits", "overdue".into(), s.audits.overdue.to_string()),
        ("answers", "asked".into(), s.answers.asked.to_string()),
        ("answers", "answered".into(), s.answers.answered.to_string()),
        (
            "answers",
            "median_seconds".into(),
            whole(s.answers.median_seconds),
        ),
    ]);
    for a in &s.by_agency {
        let slug = || a.agency.clone();
        lines.extend([
            ("agency_systems", slug(), a.systems.to_string()),
            (
                "agency_average_completeness",
                slug(),
                optional(a.average_completeness),
            ),
            (
                "agency_reviews_overdue",
                slug(),
                a.reviews_overdue.to_string(),
            ),
            (
                "agency_last_published",
                slug(),
                a.last_published.clone().unwrap_or_default(),
            ),
            ("agency_answers_asked", slug(), a.answers.asked.to_string()),
            (
                "agency_answers_answered",
                slug(),
                a.answers.answered.to_string(),
            ),
            (
                "agency_answers_median_seconds",
                slug(),
                whole(a.answers.median_seconds),
            ),
        ]);
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(["subject", "value", "number"]);
    for (subject, value, number) in &lines {
        let _ = writer.write_record([*subject, value.as_str(), number.as_str()]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
