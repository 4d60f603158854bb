package io.tributary.warehouse.dialect;

import java.util.regex.Pattern;

/** JDBC URLs may carry a password parameter; this is the only form of a URL that goes into logs and errors. */
public final class JdbcUrls {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|pwd)=[^&;]*");

    private JdbcUrls() {
    }

    public static String masked(String url) {
        return url == null ? null : PASSWORD_PARAM.matcher(url).replaceAll("$1=[hidden]");
    }
}
