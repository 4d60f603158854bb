-- Tributary warehouse, Amazon Redshift. Primary keys are informational in Redshift (not enforced): uniqueness of
-- call_id comes from DELETE … USING stage + INSERT and the stage's unique_call_id gate; the ledger is serialized by LOCK.
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE SCHEMA IF NOT EXISTS ${meta_schema};

-- DISTKEY(call_id): md5 ids spread evenly (a few busy vehicles would skew DISTKEY(vehicle_id)), and the UPSERT's
-- join with the stage (also DISTKEY(call_id)) stays node-local. The sort key serves per-function time-range queries.
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
)
DISTKEY (call_id)
COMPOUND SORTKEY (function_name, start_time);

CREATE TABLE ${meta_schema}.quarantine (
    reason          VARCHAR(64)    NOT NULL,
    event_id        VARCHAR(128),
    vehicle_id      VARCHAR(256),
    function_name   VARCHAR(256),
    event_type      VARCHAR(16),
    event_time      TIMESTAMP,
    seq             BIGINT,
    event_json      VARCHAR(65535),
    load_batch_id   VARCHAR(256)   NOT NULL,
    quarantined_at  TIMESTAMPTZ    NOT NULL
)
COMPOUND SORTKEY (quarantined_at);

CREATE TABLE ${meta_schema}.load_batches (
    table_name     VARCHAR(128)  NOT NULL,
    batch_id       VARCHAR(256)  NOT NULL,
    rows_upserted  INTEGER       NOT NULL,
    quarantined    INTEGER       NOT NULL,
    loaded_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (table_name, batch_id)
)
DISTSTYLE ALL;
