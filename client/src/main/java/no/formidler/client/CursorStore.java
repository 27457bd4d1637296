package no.formidler.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Where an {@link EventFeed} keeps the id of the last event handled, so a restarted consumer goes on from there. */
public interface CursorStore {
    Optional<String> load();

    void store(String eventId);

    /** A small file, replaced atomically on each store. */
    static CursorStore file(Path file) {
        return new CursorStore() {
            @Override
            public Optional<String> load() {
                if (!Files.exists(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file).strip()).filter(s -> !s.isEmpty()).map(s -> s.replace("\"", ""));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void store(String eventId) {
                StateFiles.write(file, eventId);
            }
        };
    }

    static CursorStore inMemory() {
        AtomicReference<String> cursor = new AtomicReference<>();
        return new CursorStore() {
            @Override
            public Optional<String> load() {
                return Optional.ofNullable(cursor.get());
            }

            @Override
            public void store(String eventId) {
                cursor.set(eventId);
            }
        };
    }
}
