package io.tributary.connect.s3.format;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Connect schemas of Struct values to parquet schemas, and Structs to parquet rows. Scalars and nested structs;
 *  arrays and maps are refused with a reason (a later version can add them). */
final class ParquetSchemas {
    private ParquetSchemas() {
    }

    static MessageType messageType(Schema schema) {
        return new MessageType(schema.name() == null ? "record" : schema.name().replaceAll("[^A-Za-z0-9_]", "_"),
                fields(schema));
    }

    private static List<Type> fields(Schema schema) {
        List<Type> types = new ArrayList<>();
        for (Field field : schema.fields()) {
            types.add(type(field.name(), field.schema()));
        }
        return types;
    }

    private static Type type(String name, Schema schema) {
        Type.Repetition repetition = schema.isOptional() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(name);
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT32 -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case FLOAT64 -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(name);
            case BYTES -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case STRUCT -> new GroupType(repetition, name, fields(schema));
            default -> throw new IllegalArgumentException("field '" + name + "' has Connect type " + schema.type()
                    + ", which ParquetFormat does not write yet (scalars and structs only)");
        };
    }

    static Group toGroup(SimpleGroupFactory factory, Struct struct) {
        Group group = factory.newGroup();
        fill(group, struct);
        return group;
    }

    private static void fill(Group group, Struct struct) {
        for (Field field : struct.schema().fields()) {
            Object value = struct.get(field);
            if (value == null) {
                continue; // optional: absent in parquet
            }
            String name = field.name();
            switch (field.schema().type()) {
                case INT8 -> group.add(name, ((Byte) value).intValue());
                case INT16 -> group.add(name, ((Short) value).intValue());
                case INT32 -> group.add(name, (Integer) value);
                case INT64 -> group.add(name, value instanceof Date d ? d.getTime() : (Long) value);
                case FLOAT32 -> group.add(name, (Float) value);
                case FLOAT64 -> group.add(name, (Double) value);
                case BOOLEAN -> group.add(name, (Boolean) value);
                case STRING -> group.add(name, (String) value);
                case BYTES -> group.add(name, Binary.fromConstantByteArray(value instanceof byte[] b ? b
                        : java.nio.ByteBuffer.wrap(new byte[0]).array()));
                case STRUCT -> fill(group.addGroup(name), (Struct) value);
                default -> throw new IllegalArgumentException("unsupported type " + field.schema().type());
            }
        }
    }
}
