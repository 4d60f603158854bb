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

class ParquetFormatTest {
    private static final Instant T = Instant.parse("2020-01-01T00:00:00Z");
    private static final Schema EVENT = SchemaBuilder.struct().name("io.tributary.VehicleEvent")
            .field("event_id", Schema.STRING_SCHEMA)
            .field("seq", Schema.OPTIONAL_INT64_SCHEMA)
            .field("duration", Schema.FLOAT64_SCHEMA)
            .build();

    @Test
    void writesAParquetFileWithoutHadoopOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var writer = new ParquetFormat().open(out);
        writer.write(Records.value("t", 0, 0, T, new Struct(EVENT).put("event_id", "a").put("duration", 1.0)));
        writer.finish();
        byte[] file = out.toByteArray();
        assertThat(new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(file, file.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    }

    @Test
    void recordWithAnotherSchemaDoesNotFitTheOpenFile() {
        var writer = new ParquetFormat().open(new ByteArrayOutputStream());
        writer.write(Records.value("t", 0, 0, T, new Struct(EVENT).put("event_id", "a").put("duration", 1.0)));
        Schema other = SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build();
        assertThat(writer.fits(Records.value("t", 0, 1, T, new Struct(other).put("x", 1)))).isFalse();
    }

    @Test
    void valueWithoutASchemaIsABadValueSayingWhichConverterToUse() {
        var writer = new ParquetFormat().open(new ByteArrayOutputStream());
        assertThatThrownBy(() -> writer.write(Records.value("t", 0, 4, T, "{\"a\":1}")))
                .isInstanceOf(BadValueException.class).hasMessageContaining("t-0@4")
                .hasMessageContaining("schemas.enable=true");
    }
}
