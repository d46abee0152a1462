package io.agiledunning.testsupport;

import java.nio.file.Path;

/**
 * A running packaged service started by {@link ServiceLauncher}. It stops at JVM exit, or earlier
 * with {@link #stop()}.
 *
 * @param name    the service name, also its log name ({@code target/servers/<name>.log})
 * @param port    its HTTP port on 127.0.0.1
 * @param process the OS process (tree)
 */
public record ServiceProcess(String name, int port, ServerProcess process) {

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return process.log();
    }

    public void stop() {
        process.stop();
    }
}
