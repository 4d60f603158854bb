package io.tributary.batch.job;

import io.tributary.batch.pairing.PairingEvent;

import java.io.Serializable;
import java.time.Instant;

/**
 * {@link PairingEvent} as a Java bean for Spark's output encoder (quarantined events): Spark 3.5's {@code Encoders.bean}
 * finds fields through getX/setX, which records do not have.
 */
public class EventBean implements Serializable {
    private String eventId;
    private String vehicleId;
    private String functionName;
    private String eventType;
    private Instant eventTime;
    private Long seq;
    private String source;
    private String ingestTime;
    private String raw;

    public EventBean() {
    }

    static EventBean of(PairingEvent e) {
        var bean = new EventBean();
        bean.eventId = e.eventId();
        bean.vehicleId = e.vehicleId();
        bean.functionName = e.functionName();
        bean.eventType = e.eventType();
        bean.eventTime = e.eventTime();
        bean.seq = e.seq();
        bean.source = e.source();
        bean.ingestTime = e.ingestTime();
        bean.raw = e.raw();
        return bean;
    }

    PairingEvent toEvent() {
        return new PairingEvent(eventId, vehicleId, functionName, eventType, eventTime, seq, source, ingestTime, raw);
    }

    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getVehicleId() { return vehicleId; }
    public void setVehicleId(String vehicleId) { this.vehicleId = vehicleId; }
    public String getFunctionName() { return functionName; }
    public void setFunctionName(String functionName) { this.functionName = functionName; }
    public String getEventType() { return eventType; }
    public void setEventType(String eventType) { this.eventType = eventType; }
    public Instant getEventTime() { return eventTime; }
    public void setEventTime(Instant eventTime) { this.eventTime = eventTime; }
    public Long getSeq() { return seq; }
    public void setSeq(Long seq) { this.seq = seq; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getIngestTime() { return ingestTime; }
    public void setIngestTime(String ingestTime) { this.ingestTime = ingestTime; }
    public String getRaw() { return raw; }
    public void setRaw(String raw) { this.raw = raw; }
}
