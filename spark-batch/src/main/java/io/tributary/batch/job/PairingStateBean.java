package io.tributary.batch.job;

import io.tributary.batch.pairing.PairingState;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link PairingState} as a Java bean, the per-(vehicle, function) value of Spark's state store. */
public class PairingStateBean implements Serializable {
    private List<EventBean> openCalls = new ArrayList<>();
    private List<SeenBean> seen = new ArrayList<>();

    public PairingStateBean() {
    }

    static PairingStateBean of(PairingState state) {
        var bean = new PairingStateBean();
        bean.openCalls = new ArrayList<>(state.openCalls().stream().map(EventBean::of).toList());
        bean.seen = new ArrayList<>(state.seen().stream().map(SeenBean::of).toList());
        return bean;
    }

    PairingState toState() {
        return new PairingState(openCalls.stream().map(EventBean::toEvent).toList(),
                seen.stream().map(SeenBean::toSeen).toList());
    }

    public List<EventBean> getOpenCalls() { return openCalls; }
    public void setOpenCalls(List<EventBean> openCalls) { this.openCalls = openCalls; }
    public List<SeenBean> getSeen() { return seen; }
    public void setSeen(List<SeenBean> seen) { this.seen = seen; }

    /** {@link PairingState.SeenEvent} as a bean. */
    public static class SeenBean implements Serializable {
        private String eventId;
        private Instant eventTime;

        public SeenBean() {
        }

        static SeenBean of(PairingState.SeenEvent seen) {
            var bean = new SeenBean();
            bean.eventId = seen.eventId();
            bean.eventTime = seen.eventTime();
            return bean;
        }

        PairingState.SeenEvent toSeen() {
            return new PairingState.SeenEvent(eventId, eventTime);
        }

        public String getEventId() { return eventId; }
        public void setEventId(String eventId) { this.eventId = eventId; }
        public Instant getEventTime() { return eventTime; }
        public void setEventTime(Instant eventTime) { this.eventTime = eventTime; }
    }
}
