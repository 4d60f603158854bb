package io.tributary.warehouse.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

/** What differs between the tables {@link BatchTransaction} loads: how to stage, check and merge one batch. */
interface StagedBatch {
    /** The ledger's table_name, e.g. {@code log_functions_analysis}. */
    String table();

    /** The qualified target table, for logs and maintenance. */
    String target();

    /** Creates and fills the stage (from memory with COPY FROM STDIN, or from S3 with COPY … MANIFEST). */
    void stage(Connection connection) throws SQLException;

    /** Dimension maintenance run after staging, before the gates (same transaction). */
    List<String> dimensionSql();

    DataQualityGates gates();

    /** The batch's row count as the caller handed it over; empty when only the stage knows it. */
    OptionalLong expectedRows();

    /** Merges the stage into the target; returns the rows written. */
    int merge(Connection connection, String batchId) throws SQLException;

    /** What follows the merge in the same transaction (retractions, quarantine); returns quarantined rows. */
    int afterMerge(Connection connection, String batchId) throws SQLException;

    /** Drops the stage where the database does not do it at commit. */
    void dropStage(Connection connection) throws SQLException;
}
