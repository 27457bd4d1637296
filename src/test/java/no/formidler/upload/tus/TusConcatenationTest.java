package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concatenation: partial uploads in parallel, joined by a final upload in the order its header lists them. */
class TusConcatenationTest extends ApiTest {
    private Scenario s;
    private TusRequests tus;
    private String id;

    @BeforeEach
    void transfer() {
        s = scenario().ready("{\"maxFileTransferSize\":100}");
        tus = new TusRequests(client, s.senderToken);
        id = s.initialize();
    }

    private String partial(String content) {
        var created = tus.create(id, content.length(), "Upload-Concat", "partial");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).matches(TusRequests.BASE + "/" + id + "/partial/[0-9a-f]{32}");
        assertThat(tus.patch(location, 0, content.getBytes()).status()).isEqualTo(204);
        return location;
    }

    @Test
    void theFinalUploadJoinsPartialsInTheOrderItListsThemNotTheOrderTheyWereCreated() {
        String first = partial("AAAA");
        String second = partial("BBB");
        String third = partial("CC");
        var head = tus.head(second);
        assertThat(head.header("Upload-Concat")).isEqualTo("partial");
        assertThat(head.header("Upload-Offset")).isEqualTo("3");
        var response = tus.post(TusRequests.BASE + "/" + id,
                "Upload-Concat", "final;" + client.baseUrl() + third + " " + first + " " + second);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo(TusRequests.BASE + "/" + id);
        assertThat(s.status(id)).isEqualTo("Published");
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("CCAAAABBB");
        // The joined file is kept as its partials: a range inside one, across two, and at the end.
        assertThat(s.download(id, s.recipient1Token, "Range", "bytes=2-5").body()).isEqualTo("AAAA");
        assertThat(s.download(id, s.recipient1Token, "Range", "bytes=1-6").body()).isEqualTo("CAAAAB");
        var last = s.download(id, s.recipient1Token, "Range", "bytes=-4");
        assertThat(last.status()).isEqualTo(206);
        assertThat(last.header("Content-Range")).isEqualTo("bytes 5-8/9");
        assertThat(last.body()).isEqualTo("ABBB");
    }

    @Test
    void theLegacyTwoSegmentPartialUrlNamesTheSameUpload() {
        var created = tus.create(id, 4, "Upload-Concat", "partial");
        String partialId = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        String legacy = TusRequests.BASE + "/" + id + "/" + partialId;
        assertThat(tus.patch(legacy, 0, "ab".getBytes()).status()).isEqualTo(204);
        assertThat(tus.head(created.header("Location")).header("Upload-Offset")).isEqualTo("2");
        assertThat(tus.patch(legacy, 2, "cd".getBytes()).status()).isEqualTo(204);
        assertThat(tus.post(TusRequests.BASE + "/" + id, "Upload-Concat", "final;" + partialId).status()).isEqualTo(201);
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("abcd");
    }

    @Test
    void anEmptyPartialAddsNothingToTheJoinedFile() {
        String first = partial("AB");
        var empty = tus.create(id, 0, "Upload-Concat", "partial");
        assertThat(empty.status()).as(empty.toString()).isEqualTo(201);
        String third = partial("C");
        var response = tus.post(TusRequests.BASE + "/" + id,
                "Upload-Concat", "final;" + first + " " + empty.header("Location") + " " + third);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(s.status(id)).isEqualTo("Published");
        assertThat(s.download(id, s.recipient1Token).body()).isEqualTo("ABC");
    }

    @Test
    void theSumOfThePartialsMayNotExceedTheResourceMaximum() {
        assertThat(tus.create(id, 60, "Upload-Concat", "partial").status()).isEqualTo(201);
        var second = tus.create(id, 41, "Upload-Concat", "partial");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("code").asString()).isEqualTo("BRO-00016");
    }

    @Test
    void aFinalUploadNeedsFinishedKnownPartialsOfItsOwnTransfer() {
        var unfinished = tus.create(id, 10, "Upload-Concat", "partial").header("Location");
        var response = tus.post(TusRequests.BASE + "/" + id, "Upload-Concat", "final;" + unfinished);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("is not finished");

        var unknown = tus.post(TusRequests.BASE + "/" + id, "Upload-Concat",
                "final;" + TusRequests.BASE + "/" + id + "/partial/" + "0".repeat(32));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).startsWith("Unknown partial upload id");

        String other = s.initialize();
        var foreign = tus.create(other, 2, "Upload-Concat", "partial").header("Location");
        tus.patch(foreign, 0, "zz".getBytes());
        var mixed = tus.post(TusRequests.BASE + "/" + id, "Upload-Concat", "final;" + foreign);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("detail").asString()).contains("does not belong to file transfer " + id);
        assertThat(s.status(id)).isEqualTo("UploadStarted");
    }

    @Test
    void aMalformedConcatHeaderOrAFinalWithALengthIsRefusedWith400() {
        String first = partial("ab");
        assertThat(tus.post(TusRequests.BASE + "/" + id, "Upload-Concat", "everything").status()).isEqualTo(400);
        var elsewhere = tus.post(TusRequests.BASE + "/" + id, "Upload-Concat", "final;/somewhere/else/" + "0".repeat(32));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().get("detail").asString()).startsWith("Header Upload-Concat: Header is invalid.");
        assertThat(tus.post(TusRequests.BASE + "/" + id, "Upload-Concat", "final;" + first, "Upload-Length", "2").status())
                .isEqualTo(400);
        assertThat(tus.post(TusRequests.BASE + "/" + id, "Upload-Concat", "final;" + first + " " + first).status())
                .isEqualTo(400);
    }
}
