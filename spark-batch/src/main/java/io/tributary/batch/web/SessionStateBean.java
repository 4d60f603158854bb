package io.tributary.batch.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The open {@link WebSession} of a (site, visitor) group as a bean for Spark's state store. */
public class SessionStateBean implements Serializable {
    private String sessionId;
    private String site;
    private String visitorHash;
    private Instant firstEventTime;
    private Instant lastEventTime;
    private int requestCount;
    private int pageCount;
    private long bytes;
    private int errorCount;
    private boolean reachedSearch;
    private boolean reachedHotel;
    private boolean reachedBooking;
    private List<String> requestIds = new ArrayList<>();

    public SessionStateBean() {
    }

    static SessionStateBean of(WebSession s) {
        var b = new SessionStateBean();
        b.sessionId = s.sessionId();
        b.site = s.site();
        b.visitorHash = s.visitorHash();
        b.firstEventTime = s.firstEventTime();
        b.lastEventTime = s.lastEventTime();
        b.requestCount = s.requestCount();
        b.pageCount = s.pageCount();
        b.bytes = s.bytes();
        b.errorCount = s.errorCount();
        b.reachedSearch = s.reachedSearch();
        b.reachedHotel = s.reachedHotel();
        b.reachedBooking = s.reachedBooking();
        b.requestIds = new ArrayList<>(s.requestIds());
        return b;
    }

    WebSession toSession() {
        return new WebSession(sessionId, site, visitorHash, firstEventTime, lastEventTime, requestCount, pageCount,
                bytes, errorCount, reachedSearch, reachedHotel, reachedBooking, requestIds);
    }

    public String getSessionId() { return sessionId; }
    public void setSessionId(String v) { sessionId = v; }
    public String getSite() { return site; }
    public void setSite(String v) { site = v; }
    public String getVisitorHash() { return visitorHash; }
    public void setVisitorHash(String v) { visitorHash = v; }
    public Instant getFirstEventTime() { return firstEventTime; }
    public void setFirstEventTime(Instant v) { firstEventTime = v; }
    public Instant getLastEventTime() { return lastEventTime; }
    public void setLastEventTime(Instant v) { lastEventTime = v; }
    public int getRequestCount() { return requestCount; }
    public void setRequestCount(int v) { requestCount = v; }
    public int getPageCount() { return pageCount; }
    public void setPageCount(int v) { pageCount = v; }
    public long getBytes() { return bytes; }
    public void setBytes(long v) { bytes = v; }
    public int getErrorCount() { return errorCount; }
    public void setErrorCount(int v) { errorCount = v; }
    public boolean isReachedSearch() { return reachedSearch; }
    public void setReachedSearch(boolean v) { reachedSearch = v; }
    public boolean isReachedHotel() { return reachedHotel; }
    public void setReachedHotel(boolean v) { reachedHotel = v; }
    public boolean isReachedBooking() { return reachedBooking; }
    public void setReachedBooking(boolean v) { reachedBooking = v; }
    public List<String> getRequestIds() { return requestIds; }
    public void setRequestIds(List<String> v) { requestIds = v; }
}
