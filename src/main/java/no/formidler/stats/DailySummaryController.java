package no.formidler.stats;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import no.formidler.error.BrokerError;
import no.formidler.storage.BlobStore;
import no.formidler.system.FormidlerProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * E14/E15 (docs/compatibility.md §1): the operators' daily summary (docs/operations.md, Daily summary), for tokens with
 * scope {@code altinn:broker.maintenance} instead of the reference's API key. Parquet as the reference;
 * {@code ?format=csv} is a Formidler extension.
 */
@Hidden
@RestController
class DailySummaryController {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private final DailySummary summary;
    private final BlobStore store;
    private final Clock clock;
    private final String environment;

    DailySummaryController(DailySummary summary, BlobStore store, Clock clock, FormidlerProperties properties) {
        this.summary = summary;
        this.store = store;
        this.clock = clock;
        this.environment = properties.mode().name().toLowerCase(Locale.ROOT);
    }

    @JsonIgnoreProperties(ignoreUnknown = true) // unknown members ignored, as the reference does (README)
    record SummaryRequest(Boolean altinn2Included) {
    }

    record GeneratedSummary(String filePath, String fileHash, long fileSizeBytes, long serviceOwnerCount,
                            long totalFileTransferCount, Instant generatedAt, String environment, boolean altinn2Included) {
    }

    private record Report(Path file, String name, String md5, long size, long owners, long transfers, Instant at) {
    }

    /**
     * E14 (docs/compatibility.md §1): generates the Parquet file and keeps it in the file store under {@code reports/}.
     */
    @PostMapping(value = "/broker/api/v1/statistics/generate-daily-summary", produces = "application/json")
    GeneratedSummary generate(@RequestBody(required = false) SummaryRequest request) throws IOException {
        Report report = build("parquet");
        try (InputStream content = Files.newInputStream(report.file())) {
            store.write("reports/" + report.name(), content);
        } finally {
            Files.deleteIfExists(report.file());
        }
        return new GeneratedSummary("reports/" + report.name(), report.md5(), report.size(), report.owners(),
                report.transfers(), report.at(), environment, false);
    }

    /** E15 (docs/compatibility.md §1): generates the file and sends it. */
    @PostMapping("/broker/api/v1/statistics/generate-and-download-daily-summary")
    void generateAndDownload(@RequestBody(required = false) SummaryRequest request,
                             @RequestParam(defaultValue = "parquet") String format,
                             HttpServletResponse response) throws IOException {
        if (!format.equals("parquet") && !format.equals("csv")) {
            throw new no.formidler.error.ValidationException(java.util.Map.of("format",
                    List.of("The format must be parquet or csv.")));
        }
        Report report = build(format);
        try {
            response.setContentType(format.equals("csv") ? "text/csv;charset=UTF-8" : "application/octet-stream");
            response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(report.name()).build().toString());
            response.setContentLengthLong(report.size());
            response.setHeader("X-File-Hash", report.md5());
            response.setHeader("X-File-Size", Long.toString(report.size()));
            response.setHeader("X-Service-Owner-Count", Long.toString(report.owners()));
            response.setHeader("X-Total-FileTransfer-Count", Long.toString(report.transfers()));
            response.setHeader("X-Generated-At", report.at().toString());
            response.setHeader("X-Environment", environment);
            response.setHeader("X-Altinn2-Included", "False");
            Files.copy(report.file(), response.getOutputStream());
        } finally {
            Files.deleteIfExists(report.file());
        }
    }

    private Report build(String format) throws IOException {
        List<DailySummaryRow> rows = summary.rows();
        if (rows.isEmpty()) {
            throw BrokerError.NO_REPORT_DATA.exception();
        }
        Instant at = clock.instant();
        String name = "%s_daily_summary_report_A3_%s.%s".formatted(STAMP.format(at), environment, format);
        Path file = Files.createTempFile("formidler-daily-summary-", "." + format);
        try {
            if (format.equals("csv")) {
                DailySummaryFiles.writeCsv(rows, file);
            } else {
                DailySummaryFiles.writeParquet(rows, file);
            }
            long owners = rows.stream().map(DailySummaryRow::serviceOwnerId).distinct().count();
            long transfers = rows.stream().mapToLong(DailySummaryRow::fileTransferCount).sum();
            return new Report(file, name, md5(file), Files.size(file), owners, transfers, at);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static String md5(Path file) throws IOException {
        // Only the MD5 is sent (X-File-Hash); FileDigests would compute a SHA-256 as well.
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), md5));
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
