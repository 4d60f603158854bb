package io.tributary.connect.s3.format;

import io.tributary.connect.s3.format.RecordValues.BadValueException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * {@code format.class=io.tributary.connect.s3.format.ParquetFormat}: values with a Connect schema ({@link Struct})
 * as snappy-compressed parquet, one row per record. Written with parquet-java's Hadoop-free API
 * ({@link OutputFile} + {@link PlainParquetConfiguration}), so the plugin carries no Hadoop jars. A file holds one
 * schema: a record with another schema closes the file. Parquet keeps a row group in memory until it is flushed
 * ({@link #ROW_GROUP_BYTES}), then it streams to the upload like any other bytes.
 */
public final class ParquetFormat implements RecordFormat {
    public static final String EXTENSION = "parquet";
    static final int ROW_GROUP_BYTES = 4 * 1024 * 1024;

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public RecordFileWriter open(OutputStream out) {
        return new ParquetFileWriterAdapter(out);
    }

    private static Struct structOf(SinkRecord record) {
        if (record.value() instanceof Struct struct) {
            return struct;
        }
        throw new BadValueException(RecordValues.describe(record) + " has " + (record.value() == null
                ? "a null value" : "a value of type " + record.value().getClass().getName()) + "; ParquetFormat "
                + "needs values with a Connect schema (Struct): use a converter that provides one, e.g. "
                + "JsonConverter with schemas.enable=true, or format.class=JsonLinesGzipFormat");
    }

    private static final class ParquetFileWriterAdapter implements RecordFileWriter {
        private final OutputStream out;
        private Schema schema;
        private SimpleGroupFactory groups;
        private ParquetWriter<Group> writer;

        ParquetFileWriterAdapter(OutputStream out) {
            this.out = out;
        }

        @Override
        public boolean fits(SinkRecord record) {
            Struct struct = structOf(record);
            return schema == null || schema.equals(struct.schema());
        }

        @Override
        public void write(SinkRecord record) {
            Struct struct = structOf(record);
            try {
                struct.validate();
            } catch (DataException e) {
                throw new BadValueException(RecordValues.describe(record) + " has an invalid value: " + e.getMessage());
            }
            Group row;
            try {
                if (writer == null) {
                    MessageType type = ParquetSchemas.messageType(struct.schema());
                    groups = new SimpleGroupFactory(type);
                    row = ParquetSchemas.toGroup(groups, struct);
                    writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                            .withConf(new PlainParquetConfiguration())
                            .withType(type)
                            .withCompressionCodec(CompressionCodecName.SNAPPY)
                            .withCodecFactory(new SnappyCodecFactory())
                            .withRowGroupSize((long) ROW_GROUP_BYTES)
                            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                            .build();
                    schema = struct.schema();
                } else {
                    row = ParquetSchemas.toGroup(groups, struct);
                }
            } catch (IllegalArgumentException e) {
                throw new BadValueException(RecordValues.describe(record) + " cannot be written as parquet: "
                        + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                writer.write(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void discard() {
            // nothing native held; the buffered row group is garbage once the file is dropped
        }
    }

    /** Parquet's output abstraction over the upload stream; position = bytes written so far. */
    private record StreamOutputFile(OutputStream out) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void close() {
                    // the upload stream is completed by the writer's owner, not by parquet
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return ROW_GROUP_BYTES;
        }
    }
}
