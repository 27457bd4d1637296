package no.formidler.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Initialize-and-upload as the reference's k6 use-case test sends it ({@code Metadata.PropertyList.<key>}).
 */
class MultipartPropertyListTest extends ApiTest {
    private static final String API = "/broker/api/v1";

    @Test
    void theK6UseCaseTestsDottedPropertyListBindsLikeTheBracketedForm() {
        Scenario s = scenario().ready();
        Map<String, String> fields = metadata(s);
        fields.put("Metadata.PropertyList.testTag", "k6");
        fields.put("Metadata.PropertyList[useCase]", "broker");
        fields.put("Metadata.PropertyList.description", "dotted and bracketed");
        var response = multipart(s.senderToken, fields);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode properties = s.overview(response.json().get("fileTransferId").asString(), s.senderToken).json()
                .get("propertyList");
        assertThat(properties.get("testTag").asString()).isEqualTo("k6");
        assertThat(properties.get("useCase").asString()).isEqualTo("broker");
        assertThat(properties.get("description").asString()).isEqualTo("dotted and bracketed");
    }

    @Test
    void aMultipartFieldThatBindsToNothingIsRefusedNotDropped() {
        Scenario s = scenario().ready();
        Map<String, String> fields = metadata(s);
        fields.put("Metadata.PropertyLists.typo", "lost?");
        var response = multipart(s.senderToken, fields);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").has("Metadata.PropertyLists.typo")).isTrue();
        assertThat(client.get(API + "/filetransfer?resourceId=" + s.resourceId, s.senderToken).json()).isEmpty();
    }

    private static Map<String, String> metadata(Scenario s) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Metadata.FileName", "usecase-broker-test-file2.txt");
        fields.put("Metadata.ResourceId", s.resourceId);
        fields.put("Metadata.SendersFileTransferReference", "k6-" + UUID.randomUUID());
        fields.put("Metadata.Sender", "0192:" + s.sender);
        fields.put("Metadata.Recipients[0]", "0192:" + s.recipient1);
        fields.put("Metadata.DisableVirusScan", "false");
        return fields;
    }

    /** The k6 test's multipart body: the metadata fields, then the file part {@code FileTransfer}. */
    private BrokerClient.Response multipart(String token, Map<String, String> fields) {
        String boundary = "k6" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"FileTransfer\"; filename=\"usecase-broker-test-file2.txt\"\r\n")
                .append("Content-Type: text/plain\r\n\r\nuse case file\r\n")
                .append("--").append(boundary).append("--\r\n");
        return client.post(API + "/filetransfer/upload", token, HttpRequest.BodyPublishers.ofString(body.toString()),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
    }
}
