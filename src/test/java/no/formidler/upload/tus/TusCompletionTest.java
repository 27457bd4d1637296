package no.formidler.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Completing a concatenated upload joins its partials and re-reads the joined file for its digests: that I/O runs under
 * the upload's lease with no transaction open, and a second completion meanwhile (a HEAD) stays out of it.
 */
class TusCompletionTest extends ApiTest {
    private static final int PARTIAL = 48 << 20;

    @Autowired
    DataSource dataSource;

    private Scenario s;
    private TusRequests tus;
    private String id;

    @BeforeEach
    void transfer() {
        s = scenario().ready();
        tus = new TusRequests(client, s.senderToken);
        id = s.initialize();
    }

    private String partial(byte fill) {
        var created = tus.create(id, PARTIAL, "Upload-Concat", "partial");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        byte[] content = new byte[PARTIAL];
        Arrays.fill(content, fill);
        assertThat(tus.patch(created.header("Location"), 0, content).status()).isEqualTo(204);
        return created.header("Location");
    }

    private BrokerClient.Response joinAll(String... partials) {
        return tus.post(TusRequests.BASE + "/" + id, "Upload-Concat", "final;" + String.join(" ", partials));
    }

    @Test
    void theJoinedFileIsComposedAndReReadWithNoTransactionOpen() throws Exception {
        String first = partial((byte) 'a');
        String second = partial((byte) 'b');
        AtomicBoolean done = new AtomicBoolean();
        // Sampled every 5 ms: a broker session idle inside a transaction for more than 50 ms is one waiting on I/O (the
        // previous code sat idle in its transaction for the whole join and re-read).
        CompletableFuture<Integer> idleInTransaction = CompletableFuture.supplyAsync(() -> {
            int seen = 0;
            try (Connection connection = dataSource.getConnection(); PreparedStatement idle = connection.prepareStatement("""
                    select count(*) from pg_stat_activity where state like 'idle in transaction%'
                      and now() - state_change > interval '50 milliseconds' and pid <> pg_backend_pid()""")) {
                while (!done.get()) {
                    try (ResultSet rs = idle.executeQuery()) {
                        rs.next();
                        seen = Math.max(seen, rs.getInt(1));
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return seen;
        });
        long t0 = System.nanoTime();
        var joined = joinAll(first, second);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        done.set(true);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(s.status(id)).isEqualTo("Published");
        assertThat(s.overview(id, s.senderToken).json().get("checksum").asString()).isEqualTo(expectedMd5());
        // On a fast machine the join may end before a 50 ms idle spell could be seen: then this part says nothing.
        assumeTrue(millis > 150, () -> "the completion took " + millis + " ms, too short to be observed");
        assertThat(idleInTransaction.get()).as("sessions idle in a transaction during the completion").isZero();
    }

    @Test
    void aSecondCompletionWhileTheFirstJoinsTheFileStaysOut() throws Exception {
        String first = partial((byte) 'a');
        String second = partial((byte) 'b');
        CompletableFuture<BrokerClient.Response> joining = CompletableFuture.supplyAsync(() -> joinAll(first, second));
        AtomicInteger heads = new AtomicInteger();
        try (Connection connection = dataSource.getConnection(); PreparedStatement leased = connection.prepareStatement("""
                select count(*) from tus_upload where file_transfer_id = ? and id = file_transfer_id
                  and lease_owner is not null and lease_expires > now()""")) {
            leased.setObject(1, UUID.fromString(id));
            while (!joining.isDone()) {
                try (ResultSet rs = leased.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        // The final upload is finished and held: a HEAD tries to complete it too, and must not.
                        var head = tus.head(TusRequests.BASE + "/" + id);
                        assertThat(head.status()).as(head.toString()).isIn(200, 404, 409); // 409: the first completed meanwhile
                        heads.incrementAndGet();
                    }
                }
                Thread.sleep(10);
            }
        }
        assertThat(joining.get().status()).as(joining.get().toString()).isEqualTo(201);
        assertThat(heads.get()).as("HEADs sent while the first completion held the upload").isPositive();
        assertThat(s.status(id)).isEqualTo("Published");
        try (Connection connection = dataSource.getConnection(); PreparedStatement history = connection.prepareStatement(
                "select count(*) - count(distinct status) from file_transfer_status where file_transfer_id = ?")) {
            history.setObject(1, UUID.fromString(id));
            try (ResultSet rs = history.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("statuses recorded twice").isZero();
            }
        }
        assertThat(s.overview(id, s.senderToken).json().get("checksum").asString()).isEqualTo(expectedMd5());
    }

    private static String expectedMd5() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] content = new byte[PARTIAL];
        Arrays.fill(content, (byte) 'a');
        md5.update(content);
        Arrays.fill(content, (byte) 'b');
        md5.update(content);
        return HexFormat.of().formatHex(md5.digest());
    }
}
