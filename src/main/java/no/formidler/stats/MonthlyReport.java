package no.formidler.stats;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.formidler.transfer.MonthlyActivity;

/**
 * The E13 CSV (docs/compatibility.md §1): rows merged by the columns the caller asked to see, sorted ordinally by
 * resource, sender, sender vendor, recipient, recipient vendor.
 */
record MonthlyReport(YearMonth month, List<Row> rows) {
    static final String HEADER = "year,month,resourceId,senderVendor,recipientVendor,sender,recipient,totalFileTransfers,"
            + "uploadCount,totalTransferDownloadAttempts,transfersWithDownloadConfirmed\n";

    record Key(String resourceId, String sender, String senderVendor, String recipient, String recipientVendor) {
        static final Comparator<Key> ORDINAL = Comparator.comparing(Key::resourceId)
                .thenComparing(Key::sender)
                .thenComparing(Key::senderVendor)
                .thenComparing(Key::recipient)
                .thenComparing(Key::recipientVendor);
    }

    record Row(Key key, long totalFileTransfers, long uploadCount, long downloadAttempts, long confirmed) {
        Row plus(Row other) {
            return new Row(key, totalFileTransfers + other.totalFileTransfers, uploadCount + other.uploadCount,
                    downloadAttempts + other.downloadAttempts, confirmed + other.confirmed);
        }
    }

    static MonthlyReport of(YearMonth month, List<MonthlyActivity> activity, boolean includeEndUser, boolean includeVendor) {
        Map<Key, Row> merged = new TreeMap<>(Key.ORDINAL);
        for (MonthlyActivity a : activity) {
            Key key = new Key(a.resourceId(),
                    includeEndUser ? a.sender().prefixed() : "",
                    includeVendor ? a.senderVendor() : "",
                    includeEndUser ? a.recipient().prefixed() : "",
                    includeVendor ? a.recipientVendor() : "");
            merged.merge(key, new Row(key, a.totalFileTransfers(), a.uploadCount(), a.downloadAttempts(),
                    a.transfersWithDownloadConfirmed()), Row::plus);
        }
        return new MonthlyReport(month, List.copyOf(merged.values()));
    }

    String csv() {
        StringBuilder out = new StringBuilder(HEADER);
        for (Row row : rows) {
            Key k = row.key();
            out.append(Csv.line(List.of(month.getYear(), month.getMonthValue(), k.resourceId(), k.senderVendor(),
                    k.recipientVendor(), k.sender(), k.recipient(), row.totalFileTransfers(), row.uploadCount(),
                    row.downloadAttempts(), row.confirmed())));
        }
        return out.toString();
    }
}
