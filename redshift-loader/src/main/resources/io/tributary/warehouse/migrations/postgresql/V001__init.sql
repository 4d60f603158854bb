-- Tributary warehouse, PostgreSQL (local stack, tests). Same tables as redshift/V001__init.sql minus what PostgreSQL
-- cannot take (DISTKEY/SORTKEY): an index stands in for the sort key. Event times are UTC in TIMESTAMP columns.
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE SCHEMA IF NOT EXISTS ${meta_schema};

CREATE TABLE ${schema}.log_functions_analysis (
    call_id        VARCHAR(128)  NOT NULL,
    vehicle_id     VARCHAR(256)  NOT NULL,
    function_name  VARCHAR(256)  NOT NULL,
    start_time     TIMESTAMP     NOT NULL,
    end_time       TIMESTAMP     NOT NULL,
    duration       DECIMAL(18,6) NOT NULL,
    call_depth     INTEGER       NOT NULL,
    event_date     DATE,
    load_batch_id  VARCHAR(256)  NOT NULL,
    loaded_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (call_id)
);
CREATE INDEX log_functions_analysis_function_start
    ON ${schema}.log_functions_analysis (function_name, start_time);

CREATE TABLE ${meta_schema}.quarantine (
    reason          VARCHAR(64)   NOT NULL,
    event_id        VARCHAR(128),
    vehicle_id      VARCHAR(256),
    function_name   VARCHAR(256),
    event_type      VARCHAR(16),
    event_time      TIMESTAMP,
    seq             BIGINT,
    event_json      TEXT,
    load_batch_id   VARCHAR(256)  NOT NULL,
    quarantined_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- The batch ledger: written in the same transaction as the UPSERT; a batch id found here is never loaded again.
CREATE TABLE ${meta_schema}.load_batches (
    table_name     VARCHAR(128)  NOT NULL,
    batch_id       VARCHAR(256)  NOT NULL,
    rows_upserted  INTEGER       NOT NULL,
    quarantined    INTEGER       NOT NULL,
    loaded_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (table_name, batch_id)
);
