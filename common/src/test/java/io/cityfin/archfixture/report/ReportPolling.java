package io.cityfin.archfixture.report;

import java.util.concurrent.TimeUnit;

/** Fixture: test code that waits by the clock, both ways, instead of for a condition. */
public class ReportPolling {

    public void waitForTheReport() throws InterruptedException {
        Thread.sleep(200);
    }

    public void waitForTheSums() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(200);
    }
}
