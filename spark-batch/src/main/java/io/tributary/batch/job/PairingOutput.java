package io.tributary.batch.job;

import io.tributary.batch.pairing.PairedCall;
import io.tributary.batch.pairing.PairingEvent;
import io.tributary.batch.pairing.QuarantinedEvent;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One output row of the pairing operator, a bean for Spark's encoder: a call, a retraction, a quarantined event, or the input and
 * duplicate counts of one group in the batch ({@link #getKind()} tells which; the other fields are null).
 */
public class PairingOutput implements Serializable {
    public static final String CALL = "call";
    public static final String QUARANTINE = "quarantine";
    public static final String COUNTS = "counts";
    /** a provisional call loaded earlier that re-pairing removed: only callId is set */
    public static final String RETRACT = "retract";

    private String kind;
    private String callId;
    private String vehicleId;
    private String functionName;
    private Instant startTime;
    private Instant endTime;
    private BigDecimal durationSeconds;
    private Integer callDepth;
    private LocalDate eventDate;
    private String reason;
    private EventBean event;
    private Integer inputEvents;
    private Integer duplicates;
    /** for counts: calls of the group that became final in this batch */
    private Integer finalCalls;
    /** for a call: write it to the warehouse (new or changed) */
    private boolean upsert;
    /** for a call: it is final (the processed zone keeps only final calls) */
    private boolean finalCall;

    public PairingOutput() {
    }

    static PairingOutput call(PairedCall c, boolean upsert, boolean finalCall) {
        var out = new PairingOutput();
        out.kind = CALL;
        out.upsert = upsert;
        out.finalCall = finalCall;
        out.callId = c.callId();
        out.vehicleId = c.vehicleId();
        out.functionName = c.functionName();
        out.startTime = c.startTime();
        out.endTime = c.endTime();
        out.durationSeconds = c.durationSeconds();
        out.callDepth = c.callDepth();
        out.eventDate = c.eventDate();
        return out;
    }

    static PairingOutput quarantine(QuarantinedEvent q) {
        var out = new PairingOutput();
        out.kind = QUARANTINE;
        out.reason = q.reason().code();
        out.event = EventBean.of(q.event());
        return out;
    }

    static PairingOutput retract(String callId) {
        var out = new PairingOutput();
        out.kind = RETRACT;
        out.callId = callId;
        return out;
    }

    static PairingOutput counts(int inputEvents, int duplicates, int finalCalls) {
        var out = new PairingOutput();
        out.kind = COUNTS;
        out.inputEvents = inputEvents;
        out.duplicates = duplicates;
        out.finalCalls = finalCalls;
        return out;
    }

    /** Back to the pairer's value; the encoder widens the duration to DECIMAL(38,18), so the scale is restored. */
    PairedCall toCall() {
        return new PairedCall(callId, vehicleId, functionName, startTime, endTime,
                durationSeconds.setScale(6, java.math.RoundingMode.UNNECESSARY), callDepth, eventDate);
    }

    PairingEvent quarantinedEvent() {
        return event.toEvent();
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getCallId() { return callId; }
    public void setCallId(String callId) { this.callId = callId; }
    public String getVehicleId() { return vehicleId; }
    public void setVehicleId(String vehicleId) { this.vehicleId = vehicleId; }
    public String getFunctionName() { return functionName; }
    public void setFunctionName(String functionName) { this.functionName = functionName; }
    public Instant getStartTime() { return startTime; }
    public void setStartTime(Instant startTime) { this.startTime = startTime; }
    public Instant getEndTime() { return endTime; }
    public void setEndTime(Instant endTime) { this.endTime = endTime; }
    public BigDecimal getDurationSeconds() { return durationSeconds; }
    public void setDurationSeconds(BigDecimal durationSeconds) { this.durationSeconds = durationSeconds; }
    public Integer getCallDepth() { return callDepth; }
    public void setCallDepth(Integer callDepth) { this.callDepth = callDepth; }
    public LocalDate getEventDate() { return eventDate; }
    public void setEventDate(LocalDate eventDate) { this.eventDate = eventDate; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public EventBean getEvent() { return event; }
    public void setEvent(EventBean event) { this.event = event; }
    public Integer getInputEvents() { return inputEvents; }
    public void setInputEvents(Integer inputEvents) { this.inputEvents = inputEvents; }
    public boolean isUpsert() { return upsert; }
    public void setUpsert(boolean upsert) { this.upsert = upsert; }
    public boolean isFinalCall() { return finalCall; }
    public void setFinalCall(boolean finalCall) { this.finalCall = finalCall; }
    public Integer getFinalCalls() { return finalCalls; }
    public void setFinalCalls(Integer finalCalls) { this.finalCalls = finalCalls; }
    public Integer getDuplicates() { return duplicates; }
    public void setDuplicates(Integer duplicates) { this.duplicates = duplicates; }
}
