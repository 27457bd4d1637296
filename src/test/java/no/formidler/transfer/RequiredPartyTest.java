package no.formidler.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.formidler.testsupport.ApiTest;
import no.formidler.testsupport.BrokerClient;
import no.formidler.testsupport.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The requiredParty rule over HTTP, as docs/compatibility.md §3 states it: the required party (here the sender of the
 * scenario, in the role of 991825827) must send, or be the one and only recipient.
 */
class RequiredPartyTest extends ApiTest {

    private static BrokerClient.Response initialize(Scenario s, String senderToken, String sender, List<String> recipients) {
        String list = String.join(",", recipients.stream().map(r -> "\"0192:" + r + "\"").toList());
        return s.client.postJson("/broker/api/v1/filetransfer", senderToken, """
                {"fileName":"a.txt","resourceId":"%s","sendersFileTransferReference":"r","sender":"0192:%s","recipients":[%s]}"""
                .formatted(s.resourceId, sender, list));
    }

    @Test
    void theRequiredPartyMustSendOrBeTheOnlyRecipient() {
        Scenario s = scenario();
        String required = s.sender;            // plays 991825827
        String otherSender = s.recipient2;     // plays 312195771
        String otherRecipient = s.recipient1;  // plays 986252932
        s.ready("{\"requiredParty\":\"0192:" + required + "\"}");
        s.policy("""
                {"rules":[{"subjects":["0192:%1$s","0192:%2$s"],"actions":["write","read"]},
                          {"subjects":["0192:%3$s"],"actions":["read"]}]}""".formatted(required, otherSender, otherRecipient));
        String otherSenderToken = s.issuer.enterprise(otherSender, Scenario.WRITE);

        assertThat(initialize(s, s.senderToken, required, List.of(otherRecipient, otherSender)).status()).isEqualTo(200);

        var missing = initialize(s, otherSenderToken, otherSender, List.of(otherRecipient));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("BRO-00026");
        assertThat(missing.json().get("detail").asString())
                .isEqualTo("The resource requires the service owner party to be present as part of the transaction.");

        var twoRecipients = initialize(s, otherSenderToken, otherSender, List.of(otherRecipient, required));
        assertThat(twoRecipients.status()).isEqualTo(400);
        assertThat(twoRecipients.json().get("code").asString()).isEqualTo("BRO-00027");

        assertThat(initialize(s, otherSenderToken, otherSender, List.of(required)).status()).isEqualTo(200);
    }
}
