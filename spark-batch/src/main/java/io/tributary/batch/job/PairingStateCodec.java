package io.tributary.batch.job;

import io.tributary.batch.pairing.PairingEvent;
import io.tributary.batch.pairing.PairingState;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PairingState} of one (vehicle, function) group as the bytes Spark's state store keeps. Hand-written because
 * the state is rewritten for every group a micro-batch touches: Kryo over bean lists wrote class tags and the group's
 * vehicle and function once per event and was the largest cost of the pairing operator; here they are written once
 * per group and an event is its id, type, time, seq, source and ingest time.
 */
final class PairingStateCodec {
    private static final byte VERSION = 1;
    private static final int START = 1;
    private static final int HAS_SEQ = 2;
    private static final int HAS_SOURCE = 4;
    private static final int HAS_INGEST_TIME = 8;

    private PairingStateCodec() {
    }

    /** @param vehicleId, functionName the group's; every event of the state belongs to it */
    static byte[] encode(String vehicleId, String functionName, PairingState state) {
        var bytes = new ByteArrayOutputStream(64 + 64 * (state.openCalls().size() + state.pending().size()));
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, vehicleId);
            writeString(out, functionName);
            writeEvents(out, state.openCalls());
            writeEvents(out, state.pending());
            out.writeInt(state.emitted().size());
            for (PairingState.EmittedCall call : state.emitted()) {
                writeString(out, call.callId());
                writeString(out, call.endEventId());
                out.writeInt(call.callDepth());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the pairing state of " + vehicleId + "/" + functionName, e);
        }
        return bytes.toByteArray();
    }

    static PairingState decode(byte[] bytes) {
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("pairing state version " + version + " is not " + VERSION
                        + ": the checkpoint was written by another Tributary version; start from a new checkpoint");
            }
            String vehicleId = readString(in);
            String functionName = readString(in);
            List<PairingEvent> open = readEvents(in, vehicleId, functionName);
            List<PairingEvent> pending = readEvents(in, vehicleId, functionName);
            int emittedCount = in.readInt();
            var emitted = new ArrayList<PairingState.EmittedCall>(emittedCount);
            for (int i = 0; i < emittedCount; i++) {
                emitted.add(new PairingState.EmittedCall(readString(in), readString(in), in.readInt()));
            }
            return new PairingState(open, pending, emitted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a pairing state of " + bytes.length + " bytes", e);
        }
    }

    private static void writeEvents(DataOutputStream out, List<PairingEvent> events) throws IOException {
        out.writeInt(events.size());
        for (PairingEvent e : events) {
            int flags = (e.isStart() ? START : 0) | (e.seq() != null ? HAS_SEQ : 0)
                    | (e.source() != null ? HAS_SOURCE : 0) | (e.ingestTime() != null ? HAS_INGEST_TIME : 0);
            out.writeByte(flags);
            writeString(out, e.eventId());
            out.writeLong(e.eventTime().getEpochSecond());
            out.writeInt(e.eventTime().getNano());
            if (e.seq() != null) {
                out.writeLong(e.seq());
            }
            if (e.source() != null) {
                writeString(out, e.source());
            }
            if (e.ingestTime() != null) {
                writeString(out, e.ingestTime());
            }
        }
    }

    private static List<PairingEvent> readEvents(DataInputStream in, String vehicleId, String functionName)
            throws IOException {
        int count = in.readInt();
        var events = new ArrayList<PairingEvent>(count);
        for (int i = 0; i < count; i++) {
            int flags = in.readByte();
            String eventId = readString(in);
            Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
            Long seq = (flags & HAS_SEQ) != 0 ? in.readLong() : null;
            String source = (flags & HAS_SOURCE) != 0 ? readString(in) : null;
            String ingestTime = (flags & HAS_INGEST_TIME) != 0 ? readString(in) : null;
            events.add(new PairingEvent(eventId, vehicleId, functionName,
                    (flags & START) != 0 ? PairingEvent.START : PairingEvent.END, time, seq, source, ingestTime, null));
        }
        return events;
    }

    /** Length-prefixed UTF-8: unlike writeUTF, no 64 KiB limit on what a producer may send as an id. */
    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
