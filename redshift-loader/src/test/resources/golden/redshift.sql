-- migration 1 init
CREATE SCHEMA IF NOT EXISTS tributary;
CREATE SCHEMA IF NOT EXISTS tributary_meta;
CREATE TABLE tributary.log_functions_analysis (
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
CREATE TABLE tributary_meta.quarantine (
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
CREATE TABLE tributary_meta.load_batches (
    table_name     VARCHAR(128)  NOT NULL,
    batch_id       VARCHAR(256)  NOT NULL,
    rows_upserted  INTEGER       NOT NULL,
    quarantined    INTEGER       NOT NULL,
    loaded_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (table_name, batch_id)
)
DISTSTYLE ALL;
-- migration 2 web_dims_dq_views
CREATE TABLE tributary.web_requests (
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
)
DISTKEY (event_id)
COMPOUND SORTKEY (event_time);
CREATE TABLE tributary.web_sessions (
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
)
DISTKEY (session_id)
COMPOUND SORTKEY (site, first_event_time);
CREATE TABLE tributary.dim_vehicle (
    vehicle_id       VARCHAR(256)  NOT NULL,
    first_seen_date  DATE,
    PRIMARY KEY (vehicle_id)
)
DISTSTYLE ALL;
CREATE TABLE tributary.dim_function (
    function_name    VARCHAR(256)  NOT NULL,
    first_seen_date  DATE,
    PRIMARY KEY (function_name)
)
DISTSTYLE ALL;
CREATE TABLE tributary.dim_site (
    site             VARCHAR(128)  NOT NULL,
    first_seen_date  DATE,
    PRIMARY KEY (site)
)
DISTSTYLE ALL;
CREATE TABLE tributary.dim_date (
    date_key     DATE      NOT NULL,
    cal_year     SMALLINT  NOT NULL,
    cal_quarter  SMALLINT  NOT NULL,
    cal_month    SMALLINT  NOT NULL,
    cal_day      SMALLINT  NOT NULL,
    day_of_week  SMALLINT  NOT NULL,
    iso_week     SMALLINT  NOT NULL,
    is_weekend   BOOLEAN   NOT NULL,
    PRIMARY KEY (date_key)
)
DISTSTYLE ALL;
CREATE TABLE tributary_meta.dq_results (
    table_name   VARCHAR(128)   NOT NULL,
    batch_id     VARCHAR(256)   NOT NULL,
    check_name   VARCHAR(64)    NOT NULL,
    passed       BOOLEAN        NOT NULL,
    observed     BIGINT,
    expected     BIGINT,
    detail       VARCHAR(1024),
    checked_at   TIMESTAMPTZ    NOT NULL
)
COMPOUND SORTKEY (checked_at);
CREATE VIEW tributary.v_call_duration_histogram AS
SELECT function_name, event_date, bucket_order, bucket, COUNT(*) AS calls
FROM (
    SELECT function_name, event_date,
           CASE WHEN duration < 0.001 THEN 1 WHEN duration < 0.01 THEN 2 WHEN duration < 0.1 THEN 3
                WHEN duration < 1 THEN 4 WHEN duration < 10 THEN 5 WHEN duration < 60 THEN 6 ELSE 7 END AS bucket_order,
           CASE WHEN duration < 0.001 THEN '<1ms' WHEN duration < 0.01 THEN '1-10ms' WHEN duration < 0.1 THEN '10-100ms'
                WHEN duration < 1 THEN '100ms-1s' WHEN duration < 10 THEN '1-10s' WHEN duration < 60 THEN '10-60s'
                ELSE '>=60s' END AS bucket
    FROM tributary.log_functions_analysis
) bucketed
GROUP BY function_name, event_date, bucket_order, bucket;
CREATE VIEW tributary.v_call_duration_percentiles_daily AS
SELECT function_name, event_date, COUNT(*) AS calls,
       CAST(percentile_cont(0.50) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p50_s,
       CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p95_s,
       CAST(percentile_cont(0.99) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p99_s,
       MAX(duration) AS max_s
FROM tributary.log_functions_analysis
GROUP BY function_name, event_date;
CREATE VIEW tributary.v_slowest_vehicles AS
SELECT vehicle_id, calls, total_s, p95_s, max_s, RANK() OVER (ORDER BY p95_s DESC, vehicle_id) AS slowness_rank
FROM (
    SELECT vehicle_id, COUNT(*) AS calls, SUM(duration) AS total_s,
           CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) AS DECIMAL(18,6)) AS p95_s,
           MAX(duration) AS max_s
    FROM tributary.log_functions_analysis
    WHERE call_depth = 0
    GROUP BY vehicle_id
) per_vehicle;
CREATE VIEW tributary.v_web_traffic_per_minute AS
SELECT site, date_trunc('minute', event_time) AS minute, COUNT(*) AS requests,
       SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS server_errors,
       SUM(CASE WHEN status >= 400 AND status < 500 THEN 1 ELSE 0 END) AS client_errors,
       CAST(SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS DECIMAL(9,6)) / COUNT(*) AS error_rate
FROM tributary.web_requests
GROUP BY site, date_trunc('minute', event_time);
CREATE VIEW tributary.v_web_response_time_percentiles AS
SELECT site, event_date, COUNT(*) AS requests,
       percentile_cont(0.50) WITHIN GROUP (ORDER BY response_ms) AS p50_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY response_ms) AS p95_ms,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY response_ms) AS p99_ms
FROM tributary.web_requests
WHERE response_ms IS NOT NULL
GROUP BY site, event_date;
CREATE VIEW tributary.v_booking_funnel_daily AS
SELECT site, event_date, COUNT(*) AS sessions,
       SUM(CASE WHEN reached_search THEN 1 ELSE 0 END) AS searched,
       SUM(CASE WHEN reached_hotel THEN 1 ELSE 0 END) AS viewed_hotel,
       SUM(CASE WHEN reached_booking THEN 1 ELSE 0 END) AS booked,
       CAST(SUM(CASE WHEN reached_booking THEN 1 ELSE 0 END) AS DECIMAL(9,6)) / COUNT(*) AS booking_rate
FROM tributary.web_sessions
GROUP BY site, event_date;
CREATE VIEW tributary.v_freshness AS
SELECT 'log_functions_analysis' AS table_name, MAX(end_time) AS newest_event_time, MAX(loaded_at) AS last_loaded_at,
       DATEDIFF(second, MAX(end_time), GETDATE()) AS event_lag_s
FROM tributary.log_functions_analysis
UNION ALL
SELECT 'web_requests', MAX(event_time), MAX(loaded_at),
       DATEDIFF(second, MAX(event_time), GETDATE())
FROM tributary.web_requests
UNION ALL
SELECT 'web_sessions', MAX(last_event_time), MAX(loaded_at),
       DATEDIFF(second, MAX(last_event_time), GETDATE())
FROM tributary.web_sessions;
-- migration 3 quarantine_event_id_index
ALTER TABLE tributary_meta.quarantine ALTER COMPOUND SORTKEY (event_id);
-- staging and COPY
CREATE TEMP TABLE tributary_stage_log_functions_analysis (call_id VARCHAR(128), vehicle_id VARCHAR(256), function_name VARCHAR(256), start_time TIMESTAMP, end_time TIMESTAMP, duration DECIMAL(18,6), call_depth INTEGER, event_date DATE) DISTKEY(call_id);
COPY tributary_stage_log_functions_analysis FROM 's3://lake/staging/log_functions_analysis/batch=q-7/manifest.json' IAM_ROLE 'arn:aws:iam::123456789012:role/copy' FORMAT AS PARQUET MANIFEST;
CREATE TEMP TABLE tributary_stage_web_requests (event_id VARCHAR(128), site VARCHAR(128), event_time TIMESTAMP, client_ip VARCHAR(64), user_agent VARCHAR(1024), method VARCHAR(16), path VARCHAR(2048), query VARCHAR(4096), status INTEGER, bytes BIGINT, referrer VARCHAR(2048), response_ms BIGINT, session_id VARCHAR(128), event_date DATE);
CREATE TEMP TABLE tributary_stage_web_sessions (session_id VARCHAR(128), site VARCHAR(128), visitor_hash VARCHAR(64), first_event_time TIMESTAMP, last_event_time TIMESTAMP, request_count INTEGER, page_count INTEGER, bytes BIGINT, error_count INTEGER, reached_search BOOLEAN, reached_hotel BOOLEAN, reached_booking BOOLEAN, version BIGINT, event_date DATE);
-- ledger
LOCK tributary_meta.load_batches;
SELECT 1 FROM tributary_meta.load_batches WHERE table_name = ? AND batch_id = ?;
INSERT INTO tributary_meta.load_batches (table_name, batch_id, rows_upserted, quarantined, loaded_at) VALUES (?, ?, ?, ?, SYSDATE);
-- calls: dims, gates, merge, retraction, quarantine
INSERT INTO tributary.dim_vehicle (vehicle_id, first_seen_date) SELECT s.vehicle_id, MIN(s.event_date) FROM tributary_stage_log_functions_analysis s WHERE s.vehicle_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tributary.dim_vehicle d WHERE d.vehicle_id = s.vehicle_id) GROUP BY s.vehicle_id;
INSERT INTO tributary.dim_function (function_name, first_seen_date) SELECT s.function_name, MIN(s.event_date) FROM tributary_stage_log_functions_analysis s WHERE s.function_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tributary.dim_function d WHERE d.function_name = s.function_name) GROUP BY s.function_name;
INSERT INTO tributary.dim_date (date_key, cal_year, cal_quarter, cal_month, cal_day, day_of_week, iso_week, is_weekend) SELECT d, EXTRACT(YEAR FROM d), EXTRACT(QUARTER FROM d), EXTRACT(MONTH FROM d), EXTRACT(DAY FROM d), EXTRACT(DOW FROM d), EXTRACT(WEEK FROM d), EXTRACT(DOW FROM d) IN (0, 6) FROM (SELECT DISTINCT event_date AS d FROM tributary_stage_log_functions_analysis WHERE event_date IS NOT NULL) s WHERE NOT EXISTS (SELECT 1 FROM tributary.dim_date x WHERE x.date_key = s.d);
SELECT COUNT(*) FROM tributary_stage_log_functions_analysis;
SELECT COUNT(*), MIN('call_id=' || COALESCE(call_id, 'NULL') || ', vehicle_id=' || COALESCE(vehicle_id, 'NULL') || ', function_name=' || COALESCE(function_name, 'NULL') || ', start_time=' || COALESCE(CAST(start_time AS VARCHAR), 'NULL')) FROM tributary_stage_log_functions_analysis WHERE call_id IS NULL OR vehicle_id IS NULL OR function_name IS NULL OR start_time IS NULL OR end_time IS NULL OR duration IS NULL OR call_depth IS NULL OR event_date IS NULL;
SELECT COUNT(*), MIN('call_id=' || call_id) FROM (SELECT call_id FROM tributary_stage_log_functions_analysis GROUP BY call_id HAVING COUNT(*) > 1) duplicated;
SELECT COUNT(*), MIN('call_id=' || COALESCE(call_id, 'NULL') || ', vehicle_id=' || COALESCE(vehicle_id, 'NULL') || ', function_name=' || COALESCE(function_name, 'NULL') || ', start_time=' || COALESCE(CAST(start_time AS VARCHAR), 'NULL')) FROM tributary_stage_log_functions_analysis WHERE end_time < start_time;
SELECT COUNT(*), MIN('call_id=' || COALESCE(call_id, 'NULL') || ', vehicle_id=' || COALESCE(vehicle_id, 'NULL') || ', function_name=' || COALESCE(function_name, 'NULL') || ', start_time=' || COALESCE(CAST(start_time AS VARCHAR), 'NULL')) FROM tributary_stage_log_functions_analysis WHERE duration < 0;
SELECT COUNT(*), MIN('call_id=' || COALESCE(call_id, 'NULL') || ', vehicle_id=' || COALESCE(vehicle_id, 'NULL') || ', function_name=' || COALESCE(function_name, 'NULL') || ', start_time=' || COALESCE(CAST(start_time AS VARCHAR), 'NULL')) FROM tributary_stage_log_functions_analysis WHERE duration * 1000000 <> DATEDIFF(microsecond, start_time, end_time);
SELECT COUNT(*), MIN('call_id=' || COALESCE(call_id, 'NULL') || ', vehicle_id=' || COALESCE(vehicle_id, 'NULL') || ', function_name=' || COALESCE(function_name, 'NULL') || ', start_time=' || COALESCE(CAST(start_time AS VARCHAR), 'NULL')) FROM tributary_stage_log_functions_analysis WHERE call_depth < 0;
SELECT COUNT(*), MIN(s.call_id) FROM tributary_stage_log_functions_analysis s WHERE NOT EXISTS (SELECT 1 FROM tributary.dim_vehicle d WHERE d.vehicle_id = s.vehicle_id);
SELECT COUNT(*), MIN(s.call_id) FROM tributary_stage_log_functions_analysis s WHERE NOT EXISTS (SELECT 1 FROM tributary.dim_function d WHERE d.function_name = s.function_name);
SELECT COUNT(*), MIN(s.call_id) FROM tributary_stage_log_functions_analysis s WHERE NOT EXISTS (SELECT 1 FROM tributary.dim_date d WHERE d.date_key = s.event_date);
SELECT DATEDIFF(second, MAX(end_time), GETDATE()) FROM tributary_stage_log_functions_analysis;
DELETE FROM tributary.log_functions_analysis USING tributary_stage_log_functions_analysis WHERE tributary.log_functions_analysis.call_id = tributary_stage_log_functions_analysis.call_id;
INSERT INTO tributary.log_functions_analysis (call_id, vehicle_id, function_name, start_time, end_time, duration, call_depth, event_date, load_batch_id, loaded_at) SELECT call_id, vehicle_id, function_name, start_time, end_time, duration, call_depth, event_date, ?, SYSDATE FROM tributary_stage_log_functions_analysis;
DELETE FROM tributary.log_functions_analysis WHERE call_id IN (?, ?);
DELETE FROM tributary_meta.quarantine WHERE event_id IN (?, ?);
INSERT INTO tributary_meta.quarantine (reason, event_id, vehicle_id, function_name, event_type, event_time, seq, event_json, load_batch_id, quarantined_at) VALUES (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, SYSDATE), (?, ?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, SYSDATE);
-- web: dims, merge (sessions version-aware)
INSERT INTO tributary.dim_site (site, first_seen_date) SELECT s.site, MIN(s.event_date) FROM tributary_stage_web_sessions s WHERE s.site IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tributary.dim_site d WHERE d.site = s.site) GROUP BY s.site;
INSERT INTO tributary.dim_date (date_key, cal_year, cal_quarter, cal_month, cal_day, day_of_week, iso_week, is_weekend) SELECT d, EXTRACT(YEAR FROM d), EXTRACT(QUARTER FROM d), EXTRACT(MONTH FROM d), EXTRACT(DAY FROM d), EXTRACT(DOW FROM d), EXTRACT(WEEK FROM d), EXTRACT(DOW FROM d) IN (0, 6) FROM (SELECT DISTINCT event_date AS d FROM tributary_stage_web_sessions WHERE event_date IS NOT NULL) s WHERE NOT EXISTS (SELECT 1 FROM tributary.dim_date x WHERE x.date_key = s.d);
DELETE FROM tributary.web_requests USING tributary_stage_web_requests WHERE tributary.web_requests.event_id = tributary_stage_web_requests.event_id;
INSERT INTO tributary.web_requests (event_id, site, event_time, client_ip, user_agent, method, path, query, status, bytes, referrer, response_ms, session_id, event_date, load_batch_id, loaded_at) SELECT event_id, site, event_time, client_ip, user_agent, method, path, query, status, bytes, referrer, response_ms, session_id, event_date, ?, SYSDATE FROM tributary_stage_web_requests;
DELETE FROM tributary.web_sessions USING tributary_stage_web_sessions WHERE tributary.web_sessions.session_id = tributary_stage_web_sessions.session_id AND tributary.web_sessions.version <= tributary_stage_web_sessions.version;
INSERT INTO tributary.web_sessions (session_id, site, visitor_hash, first_event_time, last_event_time, request_count, page_count, bytes, error_count, reached_search, reached_hotel, reached_booking, version, event_date, load_batch_id, loaded_at) SELECT session_id, site, visitor_hash, first_event_time, last_event_time, request_count, page_count, bytes, error_count, reached_search, reached_hotel, reached_booking, version, event_date, ?, SYSDATE FROM tributary_stage_web_sessions s WHERE NOT EXISTS (SELECT 1 FROM tributary.web_sessions t WHERE t.session_id = s.session_id);
-- analyst role
SELECT 1 FROM svv_roles WHERE role_name = ?;
CREATE ROLE tributary_analyst;
GRANT USAGE ON SCHEMA tributary TO ROLE tributary_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA tributary TO ROLE tributary_analyst;
ALTER DEFAULT PRIVILEGES IN SCHEMA tributary GRANT SELECT ON TABLES TO ROLE tributary_analyst;
GRANT USAGE ON SCHEMA tributary_meta TO ROLE tributary_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA tributary_meta TO ROLE tributary_analyst;
ALTER DEFAULT PRIVILEGES IN SCHEMA tributary_meta GRANT SELECT ON TABLES TO ROLE tributary_analyst;
-- maintenance
ANALYZE tributary.log_functions_analysis PREDICATE COLUMNS;
VACUUM FULL tributary.log_functions_analysis TO 95 PERCENT;
