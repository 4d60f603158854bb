package io.tributary.batch.job;

import io.tributary.batch.pairing.PairingState;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** {@link PairingState} as a Java bean, the per-(vehicle, function) value of Spark's state store. */
public class PairingStateBean implements Serializable {
    private List<EventBean> openCalls = new ArrayList<>();
    private List<EventBean> pending = new ArrayList<>();
    private List<EmittedBean> emitted = new ArrayList<>();

    public PairingStateBean() {
    }

    static PairingStateBean of(PairingState state) {
        var bean = new PairingStateBean();
        bean.openCalls = new ArrayList<>(state.openCalls().stream().map(EventBean::of).toList());
        bean.pending = new ArrayList<>(state.pending().stream().map(EventBean::of).toList());
        bean.emitted = new ArrayList<>(state.emitted().stream().map(EmittedBean::of).toList());
        return bean;
    }

    PairingState toState() {
        return new PairingState(openCalls.stream().map(EventBean::toEvent).toList(),
                pending.stream().map(EventBean::toEvent).toList(),
                emitted.stream().map(EmittedBean::toEmitted).toList());
    }

    public List<EventBean> getOpenCalls() { return openCalls; }
    public void setOpenCalls(List<EventBean> openCalls) { this.openCalls = openCalls; }
    public List<EventBean> getPending() { return pending; }
    public void setPending(List<EventBean> pending) { this.pending = pending; }
    public List<EmittedBean> getEmitted() { return emitted; }
    public void setEmitted(List<EmittedBean> emitted) { this.emitted = emitted; }

    /** {@link PairingState.EmittedCall} as a bean. */
    public static class EmittedBean implements Serializable {
        private String callId;
        private String endEventId;
        private int callDepth;

        public EmittedBean() {
        }

        static EmittedBean of(PairingState.EmittedCall call) {
            var bean = new EmittedBean();
            bean.callId = call.callId();
            bean.endEventId = call.endEventId();
            bean.callDepth = call.callDepth();
            return bean;
        }

        PairingState.EmittedCall toEmitted() {
            return new PairingState.EmittedCall(callId, endEventId, callDepth);
        }

        public String getCallId() { return callId; }
        public void setCallId(String callId) { this.callId = callId; }
        public String getEndEventId() { return endEventId; }
        public void setEndEventId(String endEventId) { this.endEventId = endEventId; }
        public int getCallDepth() { return callDepth; }
        public void setCallDepth(int callDepth) { this.callDepth = callDepth; }
    }
}
