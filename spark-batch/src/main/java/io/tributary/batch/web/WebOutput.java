package io.tributary.batch.web;

import java.io.Serializable;
import java.time.Instant;

/**
 * One output row of the sessionizer, a bean for Spark's encoder: a request with its session ({@code request}), a
 * session version ({@code session}, fields in {@link #getSession()}), or a line that is not a web request
 * ({@code malformed}, only {@code json} set).
 */
public class WebOutput implements Serializable {
    public static final String REQUEST = "request";
    public static final String SESSION = "session";
    public static final String MALFORMED = "malformed";

    private String kind;
    private String eventId;
    private String site;
    private Instant eventTime;
    private String clientIp;
    private String userAgent;
    private String method;
    private String path;
    private String query;
    private Integer status;
    private Long bytes;
    private String referrer;
    private Long responseMs;
    private String sessionId;
    private String json;
    private SessionStateBean session;

    public WebOutput() {
    }

    static WebOutput request(Sessionizer.AssignedHit assigned) {
        WebHit h = assigned.hit();
        var o = new WebOutput();
        o.kind = REQUEST;
        o.eventId = h.eventId();
        o.site = h.site();
        o.eventTime = h.eventTime();
        o.clientIp = h.clientIp();
        o.userAgent = h.userAgent();
        o.method = h.method();
        o.path = h.path();
        o.query = h.query();
        o.status = h.status();
        o.bytes = h.bytes();
        o.referrer = h.referrer();
        o.responseMs = h.responseMs();
        o.sessionId = assigned.sessionId();
        return o;
    }

    static WebOutput session(WebSession s) {
        var o = new WebOutput();
        o.kind = SESSION;
        o.session = SessionStateBean.of(s);
        return o;
    }

    static WebOutput malformed(WebHit h) {
        var o = new WebOutput();
        o.kind = MALFORMED;
        o.eventId = h.eventId();
        o.eventTime = h.eventTime();
        o.json = h.json();
        return o;
    }

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getEventId() { return eventId; }
    public void setEventId(String v) { eventId = v; }
    public String getSite() { return site; }
    public void setSite(String v) { site = v; }
    public Instant getEventTime() { return eventTime; }
    public void setEventTime(Instant v) { eventTime = v; }
    public String getClientIp() { return clientIp; }
    public void setClientIp(String v) { clientIp = v; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String v) { userAgent = v; }
    public String getMethod() { return method; }
    public void setMethod(String v) { method = v; }
    public String getPath() { return path; }
    public void setPath(String v) { path = v; }
    public String getQuery() { return query; }
    public void setQuery(String v) { query = v; }
    public Integer getStatus() { return status; }
    public void setStatus(Integer v) { status = v; }
    public Long getBytes() { return bytes; }
    public void setBytes(Long v) { bytes = v; }
    public String getReferrer() { return referrer; }
    public void setReferrer(String v) { referrer = v; }
    public Long getResponseMs() { return responseMs; }
    public void setResponseMs(Long v) { responseMs = v; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String v) { sessionId = v; }
    public String getJson() { return json; }
    public void setJson(String v) { json = v; }
    public SessionStateBean getSession() { return session; }
    public void setSession(SessionStateBean v) { session = v; }
}
