package dev.pitstop.files;

/**
 * The one way the engine polls the disk: a daemon thread that runs a look every
 * {@code intervalMillis} until closed. The look only reads files and hands what it found to
 * whoever waits for it; it never touches the game. Started and closed from any thread.
 */
public final class PollingThread implements AutoCloseable {

    private final String name;
    private final long intervalMillis;
    private final Runnable look;
    private volatile boolean running;
    private Thread thread;

    public PollingThread(String name, long intervalMillis, Runnable look) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis must be positive, was " + intervalMillis);
        }
        this.name = name;
        this.intervalMillis = intervalMillis;
        this.look = look;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            look.run();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
