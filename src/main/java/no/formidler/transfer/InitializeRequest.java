package no.formidler.transfer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** The body of initialize ({@code FileTransferInitalizeExt}); checked by {@link InitializeRequestRules}. */
@JsonIgnoreProperties(ignoreUnknown = true) // unknown members ignored, as the reference does (README)
public record InitializeRequest(
        String fileName,
        String resourceId,
        String sendersFileTransferReference,
        String sender,
        List<String> recipients,
        Map<String, String> propertyList,
        String checksum,
        Boolean disableVirusScan) {

    public boolean virusScanDisabled() {
        return Boolean.TRUE.equals(disableVirusScan);
    }
}
