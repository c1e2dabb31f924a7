-- The published register: agencies, their AI systems, every published version
-- of each system, and independent audits.
--
-- Timestamps are RFC 3339 UTC text (`2026-11-28T07:00:00Z`) and dates are
-- `YYYY-MM-DD` text in both databases, so one storage layer reads them the same
-- way and they sort correctly as text. Lists inside a version are JSON text.
-- Enumerations are stored by their stable names and checked here, so a bad
-- value can never be written, whatever writes it.

-- A government body that owns systems. Named by its slug everywhere.
CREATE TABLE agencies (
    slug         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    jurisdiction TEXT NOT NULL DEFAULT '',
    website      TEXT,
    contact      TEXT,
    description  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);

-- One row per AI system: its stable identity, its owner and a pointer to the
-- version the public sees. `audit_outcome` is the outcome of the latest audit,
-- kept here by the storage layer so lists can filter on it without a subquery.
CREATE TABLE systems (
    id              TEXT PRIMARY KEY,
    agency          TEXT NOT NULL REFERENCES agencies (slug),
    current_version BIGINT,
    audit_outcome   TEXT CHECK (audit_outcome IN ('passed', 'passed_with_findings', 'failed', 'in_progress')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX systems_agency ON systems (agency);

-- Every published version of a system. Rows are never updated or deleted:
-- a change is a new version with the next number.
CREATE TABLE system_versions (
    system_id       TEXT NOT NULL REFERENCES systems (id),
    version         BIGINT NOT NULL CHECK (version >= 1),
    agency_ref      TEXT,
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    summary         TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
    unit            TEXT,
    contact         TEXT,
    purpose         TEXT NOT NULL,
    how_it_works    TEXT NOT NULL,
    stage           TEXT NOT NULL CHECK (stage IN ('planned', 'development', 'pilot', 'in_use', 'retired')),
    in_use_since    TEXT,
    retired_on      TEXT,
    topic           TEXT NOT NULL CHECK (topic IN ('benefits', 'health', 'tax', 'law_enforcement', 'justice', 'immigration', 'education', 'transport', 'environment', 'housing', 'employment', 'defence', 'science', 'administration', 'service_delivery', 'other')),
    tags            TEXT NOT NULL,
    technique       TEXT NOT NULL,
    risk_level      TEXT NOT NULL CHECK (risk_level IN ('minimal', 'limited', 'high', 'prohibited', 'unassessed')),
    decision_role   TEXT CHECK (decision_role IN ('informs_human', 'recommends', 'decides_with_review', 'decides_alone')),
    human_oversight TEXT NOT NULL,
    contest         TEXT NOT NULL,
    data            TEXT NOT NULL,
    explainability  TEXT NOT NULL,
    fairness        TEXT NOT NULL,
    risks           TEXT NOT NULL,
    assessments     TEXT NOT NULL,
    legal_basis     TEXT NOT NULL,
    supplier        TEXT,
    withheld        TEXT NOT NULL,
    -- A hash of the content above, so re-publishing the same content is a no-op.
    content_hash    TEXT NOT NULL,
    change_summary  TEXT NOT NULL,
    published_at    TEXT NOT NULL,
    reviewed_at     TEXT,
    PRIMARY KEY (system_id, version)
);
CREATE INDEX system_versions_published_at ON system_versions (published_at);

-- The techniques of each system's current version, one row each, so lists can
-- filter on a technique with an index instead of searching JSON text.
CREATE TABLE system_techniques (
    system_id TEXT NOT NULL REFERENCES systems (id),
    technique TEXT NOT NULL CHECK (technique IN ('rules', 'classical_ml', 'nlp', 'computer_vision', 'generative_ai', 'agentic', 'other')),
    PRIMARY KEY (system_id, technique)
);
CREATE INDEX system_techniques_technique ON system_techniques (technique);

-- Audits recorded by oversight bodies. Only auditors write these.
CREATE TABLE audits (
    id          BIGSERIAL PRIMARY KEY,
    system_id   TEXT NOT NULL REFERENCES systems (id),
    auditor     TEXT NOT NULL,
    audited_on  TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('passed', 'passed_with_findings', 'failed', 'in_progress')),
    findings    TEXT NOT NULL,
    report_url  TEXT,
    next_due    TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX audits_system ON audits (system_id, audited_on);
