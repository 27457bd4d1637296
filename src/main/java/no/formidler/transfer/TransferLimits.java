package no.formidler.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on one transfer ({@code formidler.transfers.*}, documented in README). The recipient cap keeps every per-transfer
 * query (reports, purge, events) bounded; the reference has none, but no real transfer has thousands of recipients.
 */
@ConfigurationProperties("formidler.transfers")
public record TransferLimits(@DefaultValue("2000") int maxRecipients) {
}
