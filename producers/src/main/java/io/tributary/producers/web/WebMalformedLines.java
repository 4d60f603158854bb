package io.tributary.producers.web;

import io.tributary.producers.faults.MalformedLines;
import io.tributary.producers.faults.SimLine;

import java.util.SplittableRandom;

/** Invalid access-log lines of the kinds the stream processors must dead-letter, one picked at random. */
public final class WebMalformedLines implements MalformedLines {
    @Override
    public String next(SimLine context, SplittableRandom random) {
        String line = context.line();
        return switch (random.nextInt(6)) {
            case 0 -> "GET /hotel/1 HTTP/1.1 200";
            case 1 -> line.replaceFirst("\\[\\d\\d/", "[41/");
            case 2 -> line.replaceFirst("\" (\\d{3}) ", "\" 999 ");
            case 3 -> "";
            case 4 -> line.replaceFirst("\"[A-Z]+ [^\"]*\"", "\"-\"");
            default -> line.replaceFirst("\\[\\d\\d/\\w{3}/\\d{4}", "[01/Jan/1999");
        };
    }
}
