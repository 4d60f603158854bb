package io.tributary.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written codecs write what Jackson's ObjectNode encoding (the codecs' previous form) wrote, byte for byte. */
class JsonObjectWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void escapesLikeJackson() {
        assertThat(text(new JsonObjectWriter(8).string("k", "\u0000\u0001\b\t\n\f\r\u001f\"\\/\u007f").end()))
                .isEqualTo("{\"k\":\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001F\\\"\\\\/\u007f\"}");
        assertThat(text(new JsonObjectWriter(8).string("k", "é€\ud83d\ude00\ud800").string("n", null)
                .number("l", -5L).number("m", null).end()))
                .isEqualTo("{\"k\":\"é€\\uD83D\\uDE00\\uD800\",\"n\":null,\"l\":-5,\"m\":null}");
    }

    @Test
    void vehicleEventsAreEncodedAsJacksonEncodedThem() throws Exception {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            var event = new VehicleEvent(randomText(random, 32), randomText(random, 12), randomText(random, 40),
                    random.nextBoolean() ? EventType.START : EventType.END, randomInstant(random),
                    random.nextBoolean() ? null : random.nextLong(), random.nextInt(4) == 0 ? null : randomText(random, 20),
                    randomInstant(random));
            assertThat(VehicleEventJson.encode(event)).as("%s", event).isEqualTo(jackson(event));
        }
    }

    @Test
    void webRequestsAreEncodedAsJacksonEncodedThem() throws Exception {
        var random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            var request = new WebRequest(randomText(random, 32), randomText(random, 12), randomInstant(random),
                    randomText(random, 15), random.nextBoolean() ? null : randomText(random, 60), randomText(random, 6),
                    randomText(random, 30), random.nextBoolean() ? null : randomText(random, 20), random.nextInt(1000),
                    random.nextBoolean() ? null : random.nextLong(), random.nextBoolean() ? null : randomText(random, 30),
                    random.nextBoolean() ? null : (long) random.nextInt(100_000), randomInstant(random));
            assertThat(WebRequestJson.encode(request)).as("%s", request).isEqualTo(jackson(request));
        }
    }

    /** Mostly ASCII, with every class of character the escaping distinguishes. */
    private static String randomText(SplittableRandom random, int maxLength) {
        var text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(10)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append("\"\\/\u007f".charAt(random.nextInt(4)));
                case 2 -> text.append((char) random.nextInt(0x80, 0x800));
                case 3 -> text.append((char) random.nextInt(0x800, 0x10000)); // includes lone surrogates
                case 4 -> text.appendCodePoint(random.nextInt(0x10000, 0x110000));
                default -> text.append((char) random.nextInt(0x20, 0x7f));
            }
        }
        return text.toString();
    }

    private static Instant randomInstant(SplittableRandom random) {
        return Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), random.nextInt(1_000_000_000));
    }

    /** The codecs' previous implementation. */
    private static byte[] jackson(VehicleEvent event) throws Exception {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("event_id", event.eventId());
        node.put("vehicle_id", event.vehicleId());
        node.put("function_name", event.functionName());
        node.put("event_type", event.eventType().name());
        node.put("event_time", EventTimes.format(event.eventTime()));
        if (event.seq() == null) {
            node.putNull("seq");
        } else {
            node.put("seq", event.seq());
        }
        if (event.source() == null) {
            node.putNull("source");
        } else {
            node.put("source", event.source());
        }
        node.put("ingest_time", EventTimes.format(event.ingestTime()));
        return MAPPER.writeValueAsBytes(node);
    }

    private static byte[] jackson(WebRequest request) throws Exception {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("event_id", request.eventId());
        node.put("site", request.site());
        node.put("event_time", EventTimes.format(request.eventTime()));
        node.put("client_ip", request.clientIp());
        node.put("user_agent", request.userAgent());
        node.put("method", request.method());
        node.put("path", request.path());
        node.put("query", request.query());
        node.put("status", request.status());
        node.put("bytes", request.bytes());
        node.put("referrer", request.referrer());
        node.put("response_ms", request.responseMs());
        node.put("ingest_time", EventTimes.format(request.ingestTime()));
        return MAPPER.writeValueAsBytes(node);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
