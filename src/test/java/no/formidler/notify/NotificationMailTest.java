package no.formidler.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import no.formidler.jobs.JobCompletions;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.MailApiTest;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** E-mail notifications against a real SMTP server: each mail once, in the organisation's language, inert content. */
class NotificationMailTest extends MailApiTest {
    private static final String SETTINGS = "/broker/api/v1/notifications/settings";

    @Autowired
    Scheduler scheduler;
    @Autowired
    JobCompletions completions;
    @Autowired
    NotificationSender sender;
    @Autowired
    JdbcClient jdbc;

    private static String address(String org) {
        return "post-" + org + "@example.no";
    }

    private static void settings(Scenario s, String token, String json) {
        var response = s.client.putJson(SETTINGS, token, json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void emailFor(Scenario s, String token, String org, String language, String resource) {
        settings(s, token, """
                {"language":"%s","addresses":[{"channel":"email","address":"%s","resourceId":%s}]}"""
                .formatted(language, address(org), resource == null ? "null" : "\"" + resource + "\""));
    }

    private static String initialize(Scenario s, String fileName, String reference, List<String> recipients,
                                     String ttl) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fileName", fileName);
        body.put("resourceId", s.resourceId);
        body.put("sendersFileTransferReference", reference);
        body.put("sender", "0192:" + s.sender);
        body.put("recipients", recipients.stream().map(r -> "0192:" + r).toList());
        var response = s.client.postJson("/broker/api/v1/filetransfer", s.senderToken,
                BrokerClient.JSON.writeValueAsString(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("fileTransferId").asString();
    }

    private CompletableFuture<ExecutionComplete> nextSend(String id, String org, NotificationKind kind) {
        return completions.nextRunOf(MailDeliveries.SEND.instanceId(id + "/" + org + "/" + kind.dbValue()));
    }

    private void await(CompletableFuture<ExecutionComplete> send, ExecutionComplete.Result expected) throws Exception {
        scheduler.triggerCheckForDueExecutions();
        assertThat(send.get(60, TimeUnit.SECONDS).getResult()).isEqualTo(expected);
    }

    private static List<MimeMessage> mailTo(String org) throws Exception {
        String wanted = address(org);
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getRecipients(Message.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(wanted));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aPublishedTransferIsMailedOnceToEachRecipientInItsLanguage() throws Exception {
        Scenario s = scenario().ready("{\"fileTransferTimeToLive\":\"P30D\"}");
        emailFor(s, s.recipient1Token, s.recipient1, "nb", null);
        emailFor(s, s.recipient2Token, s.recipient2, "en", s.resourceId);
        String id = initialize(s, "kvartalsrapport.pdf", "sak-2026-17", List.of(s.recipient1, s.recipient2), "P30D");
        var toFirst = nextSend(id, s.recipient1, NotificationKind.PUBLISHED);
        var toSecond = nextSend(id, s.recipient2, NotificationKind.PUBLISHED);

        assertThat(s.upload(id, new byte[2048]).status()).isEqualTo(200);
        await(toFirst, ExecutionComplete.Result.OK);
        await(toSecond, ExecutionComplete.Result.OK);

        List<MimeMessage> norwegian = mailTo(s.recipient1);
        assertThat(norwegian).hasSize(1);
        MimeMessage nb = norwegian.get(0);
        assertThat(nb.getSubject()).isEqualTo("Ny fil til dere: kvartalsrapport.pdf");
        assertThat(nb.getFrom()[0].toString()).isEqualTo("noreply@formidler.example.no");
        assertThat(String.join("\n", parts(GreenMailUtil.getWholeMessage(nb)))).contains("Dere har fått en fil i Formidler.", "Avsender: 0192:" + s.sender,
                "Fil: kvartalsrapport.pdf", "Størrelse: 2,0 KiB", "Avsenders referanse: sak-2026-17",
                "Tilgjengelig til: ", "https://formidler.example.no/transfer/" + id);

        List<MimeMessage> english = mailTo(s.recipient2);
        assertThat(english).hasSize(1);
        assertThat(english.get(0).getSubject()).isEqualTo("A file for you: kvartalsrapport.pdf");
        assertThat(String.join("\n", parts(GreenMailUtil.getWholeMessage(english.get(0))))).contains(
                "You have received a file in Formidler.", "Sender's reference: sak-2026-17", "Size: 2.0 KiB",
                "https://formidler.example.no/transfer/" + id);

        scheduler.triggerCheckForDueExecutions();
        assertThat(mailTo(s.recipient1)).as("once").hasSize(1);
        assertThat(mailTo(s.recipient2)).as("once").hasSize(1);
    }

    /** A transfer initialized for one recipient with an address (in bokmål), and the first run of its publication mail. */
    private record Initialized(Scenario s, String id, CompletableFuture<ExecutionComplete> send) {
    }

    private Initialized initializedForOneRecipient(String fileName) throws Exception {
        Scenario s = scenario().ready();
        emailFor(s, s.recipient1Token, s.recipient1, "nb", null);
        String id = initialize(s, fileName, "ref-" + fileName, List.of(s.recipient1), "P30D");
        return new Initialized(s, id, nextSend(id, s.recipient1, NotificationKind.PUBLISHED));
    }

    @Test
    void aMailSentAgainAfterACrashBeforeItWasMarkedCarriesTheSameMessageId() throws Exception {
        Initialized t = initializedForOneRecipient("to-mail-once.txt");
        Scenario s = t.s();
        String id = t.id();
        assertThat(s.upload(id, "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        await(t.send(), ExecutionComplete.Result.OK);

        // What a node that died between the mail and the mark leaves: the row unsent, so the job sends it again.
        jdbc.sql("update notification set sent = null where file_transfer_id = :id").param("id", java.util.UUID.fromString(id)).update();
        sender.send(id + "/" + s.recipient1 + "/" + NotificationKind.PUBLISHED.dbValue());

        List<MimeMessage> mails = mailTo(s.recipient1);
        assertThat(mails).hasSize(2);
        String expected = "<" + id + "." + s.recipient1 + ".published@formidler.example.no>";
        assertThat(mails.get(0).getMessageID()).as("per transfer, organisation and kind").isEqualTo(expected);
        assertThat(mails.get(1).getMessageID()).as("so a mail client recognises the resend").isEqualTo(expected);
    }

    @Test
    void userValuesStayInertTextAndNeverBecomeHeaders() throws Exception {
        Scenario s = scenario().ready();
        emailFor(s, s.recipient1Token, s.recipient1, "en", null);
        String name = "{{7*7}}${jndi:ldap://127.0.0.1/a}<img src=x onerror=alert(1)>\r\nBcc: evil@example.no\r\n.pdf";
        String reference = "ref\r\nX-Injected: yes\r\n\r\n<script>alert(2)</script>" + "x".repeat(500);
        String id = initialize(s, name, reference, List.of(s.recipient1), "P30D");
        var send = nextSend(id, s.recipient1, NotificationKind.PUBLISHED);

        assertThat(s.upload(id, "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        await(send, ExecutionComplete.Result.OK);

        MimeMessage mail = mailTo(s.recipient1).get(0);
        String raw = GreenMailUtil.getWholeMessage(mail);
        List<String> headerLines = raw.substring(0, raw.indexOf("\r\n\r\n")).lines().toList();
        assertThat(headerLines).noneMatch(l -> l.regionMatches(true, 0, "Bcc:", 0, 4))
                .noneMatch(l -> l.regionMatches(true, 0, "X-Injected:", 0, 11));
        assertThat(mail.getHeader("Bcc")).isNull();
        assertThat(mail.getHeader("X-Injected")).isNull();
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(address(s.recipient1));
        assertThat(mail.getSubject()).doesNotContain("\r", "\n").startsWith("A file for you: {{7*7}}${jndi:");
        List<String> parts = parts(raw);
        String html = parts.stream().filter(p -> p.startsWith("<!DOCTYPE html>")).findFirst().orElseThrow();
        String text = parts.stream().filter(p -> !p.startsWith("<!DOCTYPE html>")).findFirst().orElseThrow();
        assertThat(html).contains("{{7*7}}${jndi:ldap://127.0.0.1/a}", "&lt;img src=x onerror=alert(1)&gt;",
                "&lt;script&gt;alert(2)&lt;/script&gt;").doesNotContain("<img", "<script");
        assertThat(text).as("plain text is inert as it is").contains("{{7*7}}${jndi:ldap://127.0.0.1/a}<img src=x");
        assertThat(text).as("no line of the body starts with an injected header").doesNotContain("\nX-Injected");
        assertThat(html + text).as("capped").doesNotContain("x".repeat(300));
    }

    @Test
    void aMailServerDownDelaysTheMailButNotTheTransfer() throws Exception {
        Initialized t = initializedForOneRecipient("late.txt");
        Scenario s = t.s();
        String id = t.id();
        var failed = t.send();
        smtp.stop();
        try {
            assertThat(s.upload(id, "published at once".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
            assertThat(s.status(id)).isEqualTo("Published");
            await(failed, ExecutionComplete.Result.FAILED);
        } finally {
            smtp = startSmtp();
        }
        assertThat(mailTo(s.recipient1)).isEmpty();

        var retried = nextSend(id, s.recipient1, NotificationKind.PUBLISHED);
        clock.advance(Duration.ofMinutes(1));
        await(retried, ExecutionComplete.Result.OK);

        assertThat(mailTo(s.recipient1)).hasSize(1);
        assertThat(mailTo(s.recipient1).get(0).getSubject()).isEqualTo("Ny fil til dere: late.txt");
    }

    @Test
    void anUnconfirmedRecipientIsRemindedOnceSevenDaysBeforeExpiryAndTheSenderToldWhenAllConfirmed() throws Exception {
        Scenario s = scenario().ready("{\"fileTransferTimeToLive\":\"P10D\"}");
        emailFor(s, s.recipient1Token, s.recipient1, "en", null);
        emailFor(s, s.recipient2Token, s.recipient2, "nb", null);
        settings(s, s.senderToken, """
                {"language":"en","notifyWhenAllConfirmed":true,
                 "addresses":[{"channel":"email","address":"%s"}]}""".formatted(address(s.sender)));
        String id = initialize(s, "remind.txt", "ref-remind", List.of(s.recipient1, s.recipient2), "P10D");
        var published = nextSend(id, s.recipient1, NotificationKind.PUBLISHED);
        assertThat(s.upload(id, "remind me".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        await(published, ExecutionComplete.Result.OK);   // else it may still be on its way when the reminders are counted
        s.download(id, s.recipient1Token);
        assertThat(s.confirm(id, s.recipient1Token).status()).isEqualTo(204);

        var reminder = nextSend(id, s.recipient2, NotificationKind.REMINDER);
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        await(reminder, ExecutionComplete.Result.OK);

        assertThat(mailTo(s.recipient2)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Ny fil til dere: remind.txt", "Påminnelse, filen er ikke lastet ned: remind.txt");
        assertThat(mailTo(s.recipient1)).as("confirmed: no reminder").extracting(MimeMessage::getSubject)
                .containsExactly("A file for you: remind.txt");

        var allConfirmed = nextSend(id, s.sender, NotificationKind.ALL_CONFIRMED);
        s.download(id, s.recipient2Token);
        assertThat(s.confirm(id, s.recipient2Token).status()).isEqualTo(204);
        await(allConfirmed, ExecutionComplete.Result.OK);
        assertThat(mailTo(s.sender)).extracting(MimeMessage::getSubject)
                .containsExactly("Every recipient has downloaded: remind.txt");
    }

    @Test
    void settingsAreTheCallersOwnAndValidated() {
        Scenario s = scenario().ready();
        var empty = s.client.get(SETTINGS, s.recipient1Token);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("addresses")).isEmpty();
        assertThat(empty.json().get("language").asString()).isEqualTo("nb");

        var bad = s.client.putJson(SETTINGS, s.recipient1Token, """
                {"language":"de","addresses":[{"channel":"email","address":"a@b.no\\r\\nBcc: x@y.no"},
                  {"channel":"sms","address":"12345"},{"channel":"fax","address":"x"}]}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").propertyNames()).contains("language", "addresses[0].address",
                "addresses[1].address", "addresses[2].channel");

        settings(s, s.recipient1Token, """
                {"language":"en","notifyWhenAllConfirmed":true,"addresses":[
                  {"channel":"email","address":"Post@Example.no","resourceId":"%s"},
                  {"channel":"sms","address":"+4799999999"}]}""".formatted(s.resourceId));
        var mine = s.client.get(SETTINGS, s.recipient1Token).json();
        assertThat(mine.get("language").asString()).isEqualTo("en");
        assertThat(mine.get("notifyWhenAllConfirmed").asBoolean()).isTrue();
        assertThat(mine.get("addresses").findValuesAsString("address")).containsExactly("post@example.no", "+4799999999");
        assertThat(s.client.get(SETTINGS, s.recipient2Token).json().get("addresses")).as("another organisation").isEmpty();

        assertThat(s.client.get(SETTINGS, null).status()).isEqualTo(401);
        assertThat(s.client.get(SETTINGS, s.ownerToken).status()).as("service-owner scope only").isEqualTo(403);
    }

    /** The text parts of the raw message, decoded (quoted-printable, base64), for content checks. */
    private static List<String> parts(String raw) throws Exception {
        List<String> parts = new java.util.ArrayList<>();
        collect(GreenMailUtil.newMimeMessage(raw).getContent(), parts);
        return parts;
    }

    private static void collect(Object content, List<String> out) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), out);
            }
        } else {
            out.add(String.valueOf(content));
        }
    }
}
