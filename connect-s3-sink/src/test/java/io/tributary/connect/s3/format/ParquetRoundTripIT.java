package io.tributary.connect.s3.format;

import io.tributary.connect.s3.format.RecordValues.BadValueException;
import io.tributary.connect.s3.testing.Records;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads files written by {@link ParquetFormat} back with parquet's reader, which needs Hadoop (test scope). */
class ParquetRoundTripIT {
    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");
    private static final Schema EVENT = SchemaBuilder.struct().name("io.tributary.VehicleEvent")
            .field("event_id", Schema.STRING_SCHEMA)
            .field("seq", Schema.OPTIONAL_INT64_SCHEMA)
            .field("duration", Schema.FLOAT64_SCHEMA)
            .build();

    @Test
    void structValuesBecomeParquetRowsReadableBackWithTheirValues(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var writer = new ParquetFormat().open(out);
        for (int i = 0; i < 3; i++) {
            var record = Records.value("t", 0, i, T, new Struct(EVENT).put("event_id", "e" + i)
                    .put("seq", i == 1 ? null : (long) i).put("duration", i * 1.5));
            assertThat(writer.fits(record)).isTrue();
            writer.write(record);
        }
        writer.finish();
        Path file = dir.resolve("f.parquet");
        Files.write(file, out.toByteArray());

        List<String> rows = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                org.apache.parquet.ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration())
                        .withCodecFactory(new SnappyCodecFactory()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            for (PageReadStore pages = reader.readNextRowGroup(); pages != null; pages = reader.readNextRowGroup()) {
                var records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group g = records.read();
                    rows.add(g.getString("event_id", 0) + "/" + (g.getFieldRepetitionCount("seq") == 0 ? "null"
                            : g.getLong("seq", 0)) + "/" + g.getDouble("duration", 0));
                }
            }
        }
        assertThat(rows).containsExactly("e0/0/0.0", "e1/null/1.5", "e2/2/3.0");
    }

}
