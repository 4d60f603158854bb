package io.tributary.batch.job;

import io.tributary.batch.pairing.PairingEvent;
import io.tributary.batch.pairing.PairingState;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PairingState} of one (vehicle, function) group as the bytes Spark's state store keeps. Hand-written because
 * the state is rewritten for every group a micro-batch touches: Kryo over bean lists wrote class tags and the group's
 * vehicle and function once per event and was the largest cost of the pairing operator; here they are written once
 * per group and an event is its id, type, time, seq, source and ingest time. A plain growable array rather than
 * DataOutputStream over ByteArrayOutputStream, whose every write is a synchronized call.
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
        var out = new Writer(64 + 72 * (state.openCalls().size() + state.pending().size()));
        out.putByte(VERSION);
        out.putString(vehicleId);
        out.putString(functionName);
        writeEvents(out, state.openCalls());
        writeEvents(out, state.pending());
        out.putInt(state.emitted().size());
        for (PairingState.EmittedCall call : state.emitted()) {
            out.putString(call.callId());
            out.putString(call.endEventId());
            out.putInt(call.callDepth());
        }
        return out.toByteArray();
    }

    static PairingState decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalStateException("pairing state version " + version + " is not " + VERSION
                        + ": the checkpoint was written by another Tributary version; start from a new checkpoint");
            }
            String vehicleId = readString(in);
            String functionName = readString(in);
            List<PairingEvent> open = readEvents(in, vehicleId, functionName);
            List<PairingEvent> pending = readEvents(in, vehicleId, functionName);
            int emittedCount = in.getInt();
            var emitted = new ArrayList<PairingState.EmittedCall>(emittedCount);
            for (int i = 0; i < emittedCount; i++) {
                emitted.add(new PairingState.EmittedCall(readString(in), readString(in), in.getInt()));
            }
            return new PairingState(open, pending, emitted);
        } catch (BufferUnderflowException e) {
            throw new IllegalStateException("a pairing state of " + bytes.length + " bytes ends early: corrupt", e);
        }
    }

    private static void writeEvents(Writer out, List<PairingEvent> events) {
        out.putInt(events.size());
        for (PairingEvent e : events) {
            int flags = (e.isStart() ? START : 0) | (e.seq() != null ? HAS_SEQ : 0)
                    | (e.source() != null ? HAS_SOURCE : 0) | (e.ingestTime() != null ? HAS_INGEST_TIME : 0);
            out.putByte(flags);
            out.putString(e.eventId());
            out.putLong(e.eventTime().getEpochSecond());
            out.putInt(e.eventTime().getNano());
            if (e.seq() != null) {
                out.putLong(e.seq());
            }
            if (e.source() != null) {
                out.putString(e.source());
            }
            if (e.ingestTime() != null) {
                out.putString(e.ingestTime());
            }
        }
    }

    private static List<PairingEvent> readEvents(ByteBuffer in, String vehicleId, String functionName) {
        int count = in.getInt();
        var events = new ArrayList<PairingEvent>(count);
        for (int i = 0; i < count; i++) {
            int flags = in.get();
            String eventId = readString(in);
            Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
            Long seq = (flags & HAS_SEQ) != 0 ? in.getLong() : null;
            String source = (flags & HAS_SOURCE) != 0 ? readString(in) : null;
            String ingestTime = (flags & HAS_INGEST_TIME) != 0 ? readString(in) : null;
            events.add(new PairingEvent(eventId, vehicleId, functionName,
                    (flags & START) != 0 ? PairingEvent.START : PairingEvent.END, time, seq, source, ingestTime, null));
        }
        return events;
    }

    /** Length-prefixed UTF-8: unlike writeUTF, no 64 KiB limit on what a producer may send as an id. */
    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }

    /** A growable big-endian byte array. */
    private static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void putByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        void putInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void putLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void putString(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
