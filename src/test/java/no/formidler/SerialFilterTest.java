package no.formidler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the JVM refuses to deserialize any class ({@code jdk.serialFilter=!*}, set by the application's main and by
 * the build for tests), so a deserialization gadget has nowhere to run.
 */
class SerialFilterTest {
    @Test
    void noObjectCanBeDeserializedInThisJvm() throws Exception {
        FormidlerApplication.refuseJavaDeserialization();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(java.util.List.of("harmless")));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThatThrownBy(in::readObject).isInstanceOf(InvalidClassException.class);
        }
    }
}
