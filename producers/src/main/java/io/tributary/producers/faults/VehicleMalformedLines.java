package io.tributary.producers.faults;

import java.util.SplittableRandom;

/** Invalid vehicle lines of the kinds the stream processors must dead-letter, one picked at random. */
public final class VehicleMalformedLines implements MalformedLines {
    @Override
    public String next(SimLine context, SplittableRandom random) {
        String vehicle = context.key();
        String ts = (context.epochMicros() / 1_000_000) + "." + String.format("%06d", context.epochMicros() % 1_000_000);
        return switch (random.nextInt(8)) {
            case 0 -> vehicle + ",17x,lidar_fusion,start";
            case 1 -> vehicle + "," + ts + ",lidar_fusion,begin";
            case 2 -> vehicle + "," + ts + ",lidar_fusion";
            case 3 -> vehicle + "," + ts + ",lidar\u0007fusion,start";
            case 4 -> vehicle + ",946684799,lidar_fusion,start";
            case 5 -> "";
            case 6 -> vehicle + "x".repeat(70) + "," + ts + ",lidar_fusion,end";
            default -> vehicle + "," + context.epochMicros() / 1_000_000 + ".1234567,lidar_fusion,end";
        };
    }
}
