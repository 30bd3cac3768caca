package dev.pitstop.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The event log: fans each event out to in-process listeners (on the emitting thread) and, once a
 * file is attached, appends it as one JSON line on a writer thread of its own, flushed per line, so
 * the game thread never waits on the disk. Events emitted before the file is attached (generation
 * 1's reload phases, made while the command line is still being checked) are held and written
 * first. {@link #close()} drains what is queued. Any thread may emit.
 */
public final class EventLog implements EventSink, AutoCloseable {

    private static final Event POISON = Event.of("__end__", -1);
    private static final int MAX_HELD = 10_000;

    private final List<EventSink> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private List<Event> held = new ArrayList<>();
    private Thread writerThread;
    private BufferedWriter writer;
    private volatile boolean closed;

    public void addListener(EventSink listener) {
        listeners.add(listener);
    }

    public void removeListener(EventSink listener) {
        listeners.remove(listener);
    }

    @Override
    public void emit(Event event) {
        for (EventSink l : listeners) {
            l.emit(event);
        }
        synchronized (this) {
            if (held != null) {
                if (held.size() < MAX_HELD) {
                    held.add(event);
                }
                return;
            }
        }
        if (writerThread != null && !closed) {
            queue.add(event);
        }
    }

    /** Starts appending to {@code file} (created if missing), beginning with the events held so far. */
    public synchronized void attachFile(Path file) throws IOException {
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        queue.addAll(held);
        held = null;
        writerThread = new Thread(this::drain, "pitstop-events");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /** No file will come: stop holding events. */
    public synchronized void noFile() {
        held = null;
    }

    private void drain() {
        try {
            while (true) {
                Event e = queue.take();
                if (e == POISON) {
                    break;
                }
                try {
                    writer.write(e.toJson());
                    writer.write('\n');
                    writer.flush();
                } catch (IOException ex) {
                    System.err.println("pitstop: cannot write the event log: " + ex.getMessage());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes everything emitted so far and closes the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread t;
        synchronized (this) {
            t = writerThread;
            held = null;
        }
        if (t != null) {
            queue.add(POISON);
            try {
                t.join(10_000);
                writer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                System.err.println("pitstop: cannot close the event log: " + e.getMessage());
            }
        }
    }
}
