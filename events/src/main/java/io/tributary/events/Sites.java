package io.tributary.events;

import java.util.List;

/** The hotel-booking sites whose web servers write access logs (the key of {@link Topics#WEB_LOGS_RAW}). */
public final class Sites {
    public static final String NORTH = "hotels-north";
    public static final String SOUTH = "hotels-south";
    public static final String EAST = "hotels-east";
    public static final List<String> ALL = List.of(NORTH, SOUTH, EAST);

    private Sites() {
    }
}
