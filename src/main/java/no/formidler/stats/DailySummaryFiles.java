package no.formidler.stats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes the daily summary as Parquet (the reference's format and columns) or as CSV with the same columns. */
final class DailySummaryFiles {
    static final List<String> COLUMNS = List.of("date", "year", "month", "day", "service_owner_id_pk",
            "service_owner_name", "file_sender_id", "resource_id", "altinn_resource_service", "recipient_type",
            "altinn_version", "filetransfercount", "databasestoragebytes", "filestoragebytes");
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message daily_summary {
              required binary date (STRING);
              required int32 year;
              required int32 month;
              required int32 day;
              required binary service_owner_id_pk (STRING);
              required binary service_owner_name (STRING);
              required binary file_sender_id (STRING);
              required binary resource_id (STRING);
              required binary altinn_resource_service (STRING);
              required binary recipient_type (STRING);
              required binary altinn_version (STRING);
              required int64 filetransfercount;
              required int64 databasestoragebytes;
              required int64 filestoragebytes;
            }""");

    private DailySummaryFiles() {
    }

    static void writeParquet(List<DailySummaryRow> rows, Path file) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .build()) {
            for (DailySummaryRow row : rows) {
                writer.write(groups.newGroup()
                        .append("date", row.date().toString())
                        .append("year", row.date().getYear())
                        .append("month", row.date().getMonthValue())
                        .append("day", row.date().getDayOfMonth())
                        .append("service_owner_id_pk", row.serviceOwnerId())
                        .append("service_owner_name", row.serviceOwnerName())
                        .append("file_sender_id", row.fileSenderId())
                        .append("resource_id", row.resourceId())
                        .append("altinn_resource_service", row.resourceId())
                        .append("recipient_type", row.recipientType())
                        .append("altinn_version", DailySummaryRow.ALTINN_VERSION)
                        .append("filetransfercount", row.fileTransferCount())
                        .append("databasestoragebytes", 0L)
                        .append("filestoragebytes", row.fileStorageBytes()));
            }
        }
    }

    static void writeCsv(List<DailySummaryRow> rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(Csv.line(COLUMNS));
            for (DailySummaryRow row : rows) {
                out.write(Csv.line(List.of(row.date(), row.date().getYear(), row.date().getMonthValue(),
                        row.date().getDayOfMonth(), row.serviceOwnerId(), row.serviceOwnerName(), row.fileSenderId(),
                        row.resourceId(), row.resourceId(), row.recipientType(), DailySummaryRow.ALTINN_VERSION,
                        row.fileTransferCount(), 0, row.fileStorageBytes())));
            }
        }
    }
}
