package io.tributary.connect.s3.format;

import org.apache.kafka.connect.sink.SinkRecord;

import java.io.OutputStream;

/** An output format ({@code format.class}): how records of one file become bytes. */
public interface RecordFormat {

    /** File name extension without the dot, e.g. {@code jsonl.gz}. */
    String extension();

    /** A writer streaming one file to {@code out}. */
    RecordFileWriter open(OutputStream out);

    /** One file being written. Not thread-safe. */
    interface RecordFileWriter {
        /**
         * Whether {@code record} may join this file (false: the file must be closed first, e.g. a new schema).
         * Throws {@link RecordValues.BadValueException} for a record no file of this format can hold.
         */
        default boolean fits(SinkRecord record) {
            return true;
        }

        /** Writes the record, or throws {@link RecordValues.BadValueException} having written nothing. */
        void write(SinkRecord record);

        /** Finishes the file (footer, compression trailer); the stream then holds the whole file. */
        void finish();

        /** Releases resources of a file that is given up. */
        void discard();
    }
}
