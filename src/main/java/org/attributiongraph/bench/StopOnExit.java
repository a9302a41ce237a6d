package org.attributiongraph.bench;

/**
 * Stops a child process (the service, the query client) if the bench itself is stopped (Ctrl-C,
 * SIGTERM), so nothing is left running or holding the store. Closing it removes the hook; the
 * caller then stops the child its own way.
 */
final class StopOnExit implements AutoCloseable {

    private final Thread hook;

    private StopOnExit(Process process) {
        this.hook = new Thread(process::destroy);
    }

    static StopOnExit of(Process process) {
        var stop = new StopOnExit(process);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the child
        }
    }
}
