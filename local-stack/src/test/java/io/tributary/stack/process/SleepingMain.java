package io.tributary.stack.process;

import java.util.concurrent.CountDownLatch;

/** A child that does nothing until it is stopped; prints its args so tests can see them arrive. */
public final class SleepingMain {

    private SleepingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeping child up with args " + String.join("|", args));
        new CountDownLatch(1).await();
    }
}
