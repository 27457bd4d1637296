package no.formidler.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart/form-data reader on its own: boundaries, limits, and bodies split at every byte. */
class MultipartReaderTest {
    private static final String B = "formidler-7";
    private static final int SMALLEST_BUFFER = ("\r\n--" + B).length() + 1;

    @Test
    void theBoundaryIsTakenFromTheContentTypeQuotedOrNot() throws Exception {
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=abc-123")).isEqualTo("abc-123");
        assertThat(MultipartReader.boundary("Multipart/Form-Data;boundary=\"a b:c?=(x)\"")).isEqualTo("a b:c?=(x)");
        assertThat(MultipartReader.boundary("multipart/form-data; charset=utf-8; BOUNDARY=\"q\\-r\"; x=y;"))
                .as("a quoted string is unescaped").isEqualTo("q-r");
        assertThatThrownBy(() -> MultipartReader.boundary("multipart/form-data; boundary=\"q\\\"\""))
                .as("'\"' is no boundary character").isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void aBoundaryOutsideRfc2046IsRefused() {
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=",
                "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=" + "x".repeat(71),
                "multipart/form-data; boundary=\"ends in space \"", "multipart/form-data; boundary=\"a\u00e6\"",
                "multipart/form-data; boundary=a; boundary=b", "multipart/form-data; boundary=\"open",
                "multipart/mixed; boundary=x", "application/json", "multipart/form-data; boundary=a:b")) {
            assertThatThrownBy(() -> MultipartReader.boundary(contentType)).as(contentType)
                    .isInstanceOf(MalformedMultipartException.class);
        }
        assertThatThrownBy(() -> MultipartReader.boundary(null)).isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void seventyCharactersAreTheLongestBoundary() throws Exception {
        String longest = "x".repeat(70);
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=" + longest)).isEqualTo(longest);
        byte[] body = ("--" + longest + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--" + longest + "--")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(read(new ByteArrayInputStream(body), longest, 1024)).containsExactly("a=v");
    }

    @Test
    void fieldsThenTheFileAreReadAsSent() throws Exception {
        byte[] file = "file \r\n-- content\r\n--formidler-\r\r\n--formidler-".getBytes(StandardCharsets.UTF_8);
        byte[] body = form(file);
        for (int size = SMALLEST_BUFFER; size < 120; size++) {
            assertThat(read(new ByteArrayInputStream(body), B, size)).as("buffer of %d", size)
                    .containsExactly("Metadata.FileName=a.txt", "Metadata.Recipients[0]=0192:991825827",
                            "FileTransfer(f.txt)=" + new String(file, StandardCharsets.UTF_8));
            assertThat(read(new Trickle(body), B, size)).as("one byte at a time, buffer of %d", size).hasSize(3);
        }
    }

    @Test
    void randomFilesComeOutByteForByte() throws Exception {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            byte[] file = new byte[random.nextInt(3000)];
            for (int i = 0; i < file.length; i++) {
                // mostly the delimiter's own bytes, so that near-delimiters are everywhere
                file[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : (byte) "\r\n--formidler-7".charAt(random.nextInt(15));
            }
            if (indexOf(file, ("\r\n--" + B).getBytes(StandardCharsets.US_ASCII)) >= 0) {
                continue; // a body may not contain its delimiter
            }
            int size = SMALLEST_BUFFER + random.nextInt(200);
            MultipartReader reader = new MultipartReader(new Trickle(form(file), random.nextLong()), B, size);
            assertThat(reader.next().orElseThrow().name()).isEqualTo("Metadata.FileName");
            assertThat(reader.next().orElseThrow().name()).isEqualTo("Metadata.Recipients[0]");
            assertThat(reader.next().orElseThrow().fileName()).contains("f.txt");
            assertThat(reader.lastBody().readAllBytes()).isEqualTo(file);
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void partHeadersAreParsedStrictly() throws Exception {
        assertThat(parts("Content-Disposition: form-data; name=\"a\\\"b\\\\c\"")).containsExactly("a\"b\\c=v");
        assertThat(parts("content-disposition:FORM-DATA;NAME=plain;filename*=UTF-8''%e2%82%ac"))
                .containsExactly("plain=v");
        assertThat(parts("Content-Disposition: form-data; name=\"\u00c3\u00a6\u00c3\u00b8\"")).as("UTF-8 bytes")
                .containsExactly("\u00e6\u00f8=v");
        assertThat(parts("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
                + "X-Other: ignored\r\nContent-Disposition: form-data; name=a")).containsExactly("a=v");
        for (String headers : List.of(
                "",
                "Content-Type: text/plain",
                "Content-Disposition: attachment; name=a",
                "Content-Disposition: form-data",
                "Content-Disposition: form-data; name=\"\"",
                "Content-Disposition: form-data; name=a; name=b",
                "Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"",
                "Content-Disposition: form-data; name=\"a\"\r\nContent-Type: a/b\r\nContent-Type: a/b",
                "Content-Disposition: form-data; name=\"unclosed",
                "Content-Disposition: form-data; name=a b",
                "Content-Disposition: form-data; name=\"\u00ff\"",
                "Content-Disposition: form-data; name=\"a\0\"",
                "Content-Disposition: form-data; name=\"a\rb\"",
                "Content-Disposition: form-data; name=\"a\nb\"",
                "Content-Disposition: form-data;\r\n name=a",
                "Content-Disposition form-data; name=a",
                "Content-Disposition: form-data; name=a\r\nContent-Transfer-Encoding: base64",
                "Content-Disposition: form-data; name=a\r\n" + "X: y\r\n".repeat(MultipartReader.MAX_HEADERS),
                "Content-Disposition: form-data; name=a\r\nX: " + "y".repeat(MultipartReader.MAX_HEADER_BYTES))) {
            assertThatThrownBy(() -> parts(headers)).as(headers).isInstanceOf(MalformedMultipartException.class);
        }
    }

    @Test
    void aBodyThatEndsBeforeItsClosingDelimiterIsAnErrorNotAShortFile() throws Exception {
        byte[] whole = form("the file".getBytes(StandardCharsets.US_ASCII));
        int fileStart = new String(whole, StandardCharsets.ISO_8859_1).indexOf("the file");
        int closing = whole.length - ("\r\n--" + B + "--\r\n").length();
        for (int cut = fileStart; cut <= whole.length; cut++) {
            MultipartReader reader = new MultipartReader(new ByteArrayInputStream(whole, 0, cut), B, 100);
            reader.next();
            reader.next();
            reader.next();
            InputStream file = reader.lastBody();
            if (cut >= closing + ("\r\n--" + B + "--").length()) {
                assertThat(file.readAllBytes()).as("cut at %d, after the closing delimiter", cut).hasSize(8);
            } else {
                assertThatThrownBy(file::readAllBytes).as("cut at %d", cut).isInstanceOf(MalformedMultipartException.class)
                        .hasMessageContaining("incomplete");
            }
        }
        for (int cut = 0; cut < fileStart; cut++) {
            MultipartReader reader = new MultipartReader(new ByteArrayInputStream(whole, 0, cut), B, 100);
            assertThatThrownBy(() -> {
                while (reader.next().isPresent()) {
                    reader.body().readAllBytes();
                }
            }).as("cut at %d", cut).isInstanceOf(MalformedMultipartException.class);
        }
    }

    @Test
    void nothingButTheClosingDelimiterMayFollowTheLastPart() throws Exception {
        String body = "--" + B + "\r\nContent-Disposition: form-data; name=\"FileTransfer\"\r\n\r\nfile\r\n--" + B
                + "\r\nContent-Disposition: form-data; name=\"Metadata.FileName\"\r\n\r\nlate\r\n--" + B + "--\r\n";
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), B);
        reader.next();
        InputStream file = reader.lastBody();
        assertThatThrownBy(file::readAllBytes).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("must be the last part");
        assertThatThrownBy(file::read).as("and stays failed").isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void aDelimiterFollowedByAnythingButCrlfOrDashesIsRefused() {
        for (String after : List.of("x\r\n", "-x", " x\r\n", "\r", " ".repeat(100) + "\r\n")) {
            String body = "--" + B + "\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--" + B + after;
            assertThatThrownBy(() -> read(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), B, 64))
                    .as(after).isInstanceOf(MalformedMultipartException.class);
        }
    }

    @Test
    void paddingAPreambleAndAnEpilogueAreAllowedWithinBounds() throws Exception {
        String parts = "--" + B + "  \t\r\nContent-Disposition: form-data; name=a\r\n\r\nv\r\n--" + B + "-- \r\n";
        String preamble = "p".repeat(MultipartReader.MAX_PREAMBLE) + "\r\n";
        assertThat(read(stream(preamble + parts + "epilogue\r\n"), B, 64)).containsExactly("a=v");
        assertThatThrownBy(() -> read(stream("p" + preamble + parts), B, 64)).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("must begin with --boundary");
        assertThatThrownBy(() -> read(stream("p".repeat(10_000_000)), B, 64)).as("without reading all of it")
                .isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void aBodyWithoutPartsIsEmpty() throws Exception {
        assertThat(read(stream("--" + B + "--\r\n"), B, 64)).isEmpty();
        assertThatThrownBy(() -> read(stream(""), B, 64)).isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void theEpilogueIsReadToTheEndSoTheRequestIsComplete() throws Exception {
        byte[] body = (new String(form("x".getBytes()), StandardCharsets.ISO_8859_1) + "trailing words")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        MultipartReader reader = new MultipartReader(in, B, 64);
        reader.next();
        reader.body().readAllBytes();
        reader.next();
        reader.body().readAllBytes();
        reader.next();
        assertThat(reader.lastBody().readAllBytes()).containsExactly('x');
        assertThat(in.available()).isZero();
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void aPartLeftUnreadIsSkipped() throws Exception {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(form("file".getBytes())), B, 64);
        InputStream first = null;
        List<String> names = new ArrayList<>();
        for (Optional<MultipartReader.Part> part = reader.next(); part.isPresent(); part = reader.next()) {
            names.add(part.get().name());
            if (first == null) {
                first = reader.body();
            }
        }
        assertThat(names).containsExactly("Metadata.FileName", "Metadata.Recipients[0]", "FileTransfer");
        assertThat(first.read()).as("a body passed by ends").isEqualTo(-1);
    }

    private static List<String> parts(String headers) throws IOException {
        String body = "--" + B + "\r\n" + headers + "\r\n\r\nv\r\n--" + B + "--\r\n";
        return read(new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), B, 64);
    }

    /** Every part as name=value, a file part as name(file name)=content read with lastBody. */
    private static List<String> read(InputStream in, String boundary, int bufferSize) throws IOException {
        MultipartReader reader = new MultipartReader(in, boundary, bufferSize);
        List<String> parts = new ArrayList<>();
        for (Optional<MultipartReader.Part> next = reader.next(); next.isPresent(); next = reader.next()) {
            MultipartReader.Part part = next.get();
            InputStream body = part.fileName().isPresent() ? reader.lastBody() : reader.body();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[7];
            for (int n; (n = body.read(chunk)) >= 0; ) {
                out.write(chunk, 0, n);
            }
            parts.add(part.name() + part.fileName().map(f -> "(" + f + ")").orElse("") + "="
                    + out.toString(StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static byte[] form(byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"Metadata.FileName\"\r\n\r\na.txt\r\n"
                + "--" + B + "\r\nContent-Disposition: form-data; name=\"Metadata.Recipients[0]\"\r\n\r\n0192:991825827\r\n"
                + "--" + B + "\r\nContent-Disposition: form-data; name=\"FileTransfer\"; filename=\"f.txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + B + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A body that arrives in small pieces, as from a socket: one byte each, or random sizes. */
    private static final class Trickle extends FilterInputStream {
        private final Random random;

        Trickle(byte[] body) {
            super(new ByteArrayInputStream(body));
            this.random = null;
        }

        Trickle(byte[] body, long seed) {
            super(new ByteArrayInputStream(body));
            this.random = new Random(seed);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int most = random == null ? 1 : 1 + random.nextInt(Math.max(1, Math.min(length, 90)));
            return super.read(buffer, offset, Math.min(length, most));
        }
    }
}
