-- Web tables, dimensions, data-quality results and the analyst views (PostgreSQL). Same shape as
-- redshift/V002__web_dims_dq_views.sql; indexes stand in for sort keys, percentiles use percentile_cont.

-- One row per canonical web request (contract web.requests); session_id is assigned by the Spark sessionizer.
CREATE TABLE ${schema}.web_requests (
    event_id       VARCHAR(128)   NOT NULL,
    site           VARCHAR(128)   NOT NULL,
    event_time     TIMESTAMP      NOT NULL,
    client_ip      VARCHAR(64)    NOT NULL,
    user_agent     VARCHAR(1024),
    method         VARCHAR(16)    NOT NULL,
    path           VARCHAR(2048)  NOT NULL,
    query          VARCHAR(4096),
    status         INTEGER        NOT NULL,
    bytes          BIGINT,
    referrer       VARCHAR(2048),
    response_ms    BIGINT,
    session_id     VARCHAR(128),
    event_date     DATE           NOT NULL,
    load_batch_id  VARCHAR(256)   NOT NULL,
    loaded_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (event_id)
);
CREATE INDEX web_requests_event_time ON ${schema}.web_requests (event_time);
CREATE INDEX web_requests_site_time ON ${schema}.web_requests (site, event_time);

-- One row per session, replaced as the session grows; version only grows (the sessionizer's request count), and
-- the loader never lets a lower version replace a higher one.
CREATE TABLE ${schema}.web_sessions (
    session_id       VARCHAR(128)  NOT NULL,
    site             VARCHAR(128)  NOT NULL,
    visitor_hash     VARCHAR(64)   NOT NULL,
    first_event_time TIMESTAMP     NOT NULL,
    last_event_time  TIMESTAMP     NOT NULL,
    request_count    INTEGER       NOT NULL,
    page_count       INTEGER       NOT NULL,
    bytes            BIGINT        NOT NULL,
    error_count      INTEGER       NOT NULL,
    reached_search   BOOLEAN       NOT NULL,
    reached_hotel    BOOLEAN       NOT NULL,
    reached_booking  BOOLEAN       NOT NULL,
    version          BIGINT        NOT NULL,
    event_date       DATE          NOT NULL,
    load_batch_id    VARCHAR(256)  NOT NULL,
    loaded_at        TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (session_id)
);
CREATE INDEX web_sessions_site_start ON ${schema}.web_sessions (site, first_event_time);

CREATE TABLE ${schema}.dim_vehicle (
    vehicle_id       VARCHAR(256)  NOT NULL,
    first_seen_date  DATE,
    PRIMARY KEY (vehicle_id)
);

CREATE TABLE ${schema}.dim_function (
    function_name    VARCHAR(256)  NOT NULL,
    first_seen_date  DATE,
    PRIMARY KEY (function_name)
);

CREATE TABLE ${schema}.dim_site (
    site             VARCHAR(128)  NOT NULL,
    first_seen_date  DATE,
    PRIMARY KEY (site)
);

CREATE TABLE ${schema}.dim_date (
    date_key     DATE      NOT NULL,
    cal_year     SMALLINT  NOT NULL,
    cal_quarter  SMALLINT  NOT NULL,
    cal_month    SMALLINT  NOT NULL,
    cal_day      SMALLINT  NOT NULL,
    day_of_week  SMALLINT  NOT NULL,
    iso_week     SMALLINT  NOT NULL,
    is_weekend   BOOLEAN   NOT NULL,
    PRIMARY KEY (date_key)
);

-- Every gate of every load, passed or failed; a failed batch leaves its rows here and nothing else.
CREATE TABLE ${meta_schema}.dq_results (
    table_name   VARCHAR(128)   NOT NULL,
    batch_id     VARCHAR(256)   NOT NULL,
    check_name   VARCHAR(64)    NOT NULL,
    passed       BOOLEAN        NOT NULL,
    observed     BIGINT,
    expected     BIGINT,
    detail       VARCHAR(1024),
    checked_at   TIMESTAMPTZ    NOT NULL
);
CREATE INDEX dq_results_batch ON ${meta_schema}.dq_results (table_name, batch_id);

-- Analyst views. Durations are seconds (DECIMAL(18,6)); response times milliseconds.
CREATE VIEW ${schema}.v_call_duration_histogram AS
SELECT function_name, event_date, bucket_order, bucket, COUNT(*) AS calls
FROM (
    SELECT function_name, event_date,
           CASE WHEN duration < 0.001 THEN 1 WHEN duration < 0.01 THEN 2 WHEN duration < 0.1 THEN 3
                WHEN duration < 1 THEN 4 WHEN duration < 10 THEN 5 WHEN duration < 60 THEN 6 ELSE 7 END AS bucket_order,
           CASE WHEN duration < 0.001 THEN '<1ms' WHEN duration < 0.01 THEN '1-10ms' WHEN duration < 0.1 THEN '10-100ms'
                WHEN duration < 1 THEN '100ms-1s' WHEN duration < 10 THEN '1-10s' WHEN duration < 60 THEN '10-60s'
                ELSE '>=60s' END AS bucket
    FROM ${schema}.log_functions_analysis
) bucketed
GROUP BY function_name, event_date, bucket_order, bucket;

CREATE VIEW ${schema}.v_call_duration_percentiles_daily AS
SELECT function_name, event_date, COUNT(*) AS calls,
       CAST(percentile_cont(0.50) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p50_s,
       CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p95_s,
       CAST(percentile_cont(0.99) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p99_s,
       MAX(duration) AS max_s
FROM ${schema}.log_functions_analysis
GROUP BY function_name, event_date;

CREATE VIEW ${schema}.v_slowest_vehicles AS
SELECT vehicle_id, calls, total_s, p95_s, max_s, RANK() OVER (ORDER BY p95_s DESC, vehicle_id) AS slowness_rank
FROM (
    SELECT vehicle_id, COUNT(*) AS calls, SUM(duration) AS total_s,
           CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p95_s,
           MAX(duration) AS max_s
    FROM ${schema}.log_functions_analysis
    WHERE call_depth = 0
    GROUP BY vehicle_id
) per_vehicle;

CREATE VIEW ${schema}.v_web_traffic_per_minute AS
SELECT site, date_trunc('minute', event_time) AS minute, COUNT(*) AS requests,
       SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS server_errors,
       SUM(CASE WHEN status >= 400 AND status < 500 THEN 1 ELSE 0 END) AS client_errors,
       CAST(SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS DECIMAL(9,6)) / COUNT(*) AS error_rate
FROM ${schema}.web_requests
GROUP BY site, date_trunc('minute', event_time);

CREATE VIEW ${schema}.v_web_response_time_percentiles AS
SELECT site, event_date, COUNT(*) AS requests,
       percentile_cont(0.50) WITHIN GROUP (ORDER BY response_ms) AS p50_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY response_ms) AS p95_ms,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY response_ms) AS p99_ms
FROM ${schema}.web_requests
WHERE response_ms IS NOT NULL
GROUP BY site, event_date;

CREATE VIEW ${schema}.v_booking_funnel_daily AS
SELECT site, event_date, COUNT(*) AS sessions,
       SUM(CASE WHEN reached_search THEN 1 ELSE 0 END) AS searched,
       SUM(CASE WHEN reached_hotel THEN 1 ELSE 0 END) AS viewed_hotel,
       SUM(CASE WHEN reached_booking THEN 1 ELSE 0 END) AS booked,
       CAST(SUM(CASE WHEN reached_booking THEN 1 ELSE 0 END) AS DECIMAL(9,6)) / COUNT(*) AS booking_rate
FROM ${schema}.web_sessions
GROUP BY site, event_date;

-- Freshness: how old the newest loaded event is, and when the table last received a batch.
CREATE VIEW ${schema}.v_freshness AS
SELECT 'log_functions_analysis' AS table_name, MAX(end_time) AS newest_event_time, MAX(loaded_at) AS last_loaded_at,
       EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - MAX(end_time))) AS event_lag_s
FROM ${schema}.log_functions_analysis
UNION ALL
SELECT 'web_requests', MAX(event_time), MAX(loaded_at),
       EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - MAX(event_time)))
FROM ${schema}.web_requests
UNION ALL
SELECT 'web_sessions', MAX(last_event_time), MAX(loaded_at),
       EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - MAX(last_event_time)))
FROM ${schema}.web_sessions;
