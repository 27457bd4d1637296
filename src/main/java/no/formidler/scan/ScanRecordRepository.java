package no.formidler.scan;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import no.formidler.transfer.ScanHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scan_record table: the verdict that decided each scanned transfer. */
@Repository
class ScanRecordRepository implements ScanHistory {
    private final JdbcClient jdbc;

    ScanRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(UUID id, ScanRecordView verdict) {
        return jdbc.sql("""
                        insert into scan_record (file_transfer_id, scanner, engine_version, signature_version, verdict,
                          signature_name, sha256, scanned)
                        values (:id, :scanner, :engine, :signatures, :verdict, :name, :sha256, :scanned)
                        on conflict (file_transfer_id) do nothing""")
                .param("id", id)
                .param("scanner", verdict.scanner())
                .param("engine", verdict.engineVersion(), Types.VARCHAR)
                .param("signatures", verdict.signatureVersion(), Types.VARCHAR)
                .param("verdict", verdict.verdict())
                .param("name", verdict.signatureName(), Types.VARCHAR)
                .param("sha256", verdict.sha256(), Types.VARCHAR)
                .param("scanned", verdict.scanned())
                .update() == 1;
    }

    @Override
    public List<ScanRecordView> records(UUID fileTransferId) {
        return jdbc.sql("""
                        select scanner, engine_version, signature_version, verdict, signature_name, sha256, scanned
                        from scan_record where file_transfer_id = :id order by id""")
                .param("id", fileTransferId)
                .query((rs, n) -> new ScanRecordView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
    }
}
