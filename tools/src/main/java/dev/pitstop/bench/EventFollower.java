package dev.pitstop.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an event log as another process appends to it, like {@code tail -f}: each call returns the
 * complete lines written since the last one. Those processes flush per line, so a line is never
 * seen half written for long; a partial last line is kept until its end arrives. Driver thread only.
 */
final class EventFollower implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private FileChannel channel;
    private long offset;

    EventFollower(Path file) {
        this.file = file;
    }

    /** The events completed since the last call (none if the file does not exist yet). */
    List<LoggedEvent> poll() throws IOException {
        List<LoggedEvent> out = new ArrayList<>();
        if (channel == null) {
            if (!Files.exists(file)) {
                return out;
            }
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        while (true) {
            buffer.clear();
            int n = channel.read(buffer, offset);
            if (n <= 0) {
                return out;
            }
            offset += n;
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    String line = partial.toString(StandardCharsets.UTF_8);
                    partial.reset();
                    if (!line.isBlank()) {
                        out.add(parse(line));
                    }
                } else {
                    partial.write(b);
                }
            }
        }
    }

    private LoggedEvent parse(String line) throws IOException {
        try {
            return LoggedEvent.of(JSON.readTree(line));
        } catch (JsonProcessingException e) {
            throw new IOException("event log " + file + " has a line that is not JSON: " + line, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
