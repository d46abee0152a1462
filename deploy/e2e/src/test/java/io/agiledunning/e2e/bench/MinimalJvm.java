package io.agiledunning.e2e.bench;

/** The benchmark's baseline: a JVM that only says it is up, then idles until it is stopped. */
public final class MinimalJvm {

    private MinimalJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
