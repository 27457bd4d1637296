import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The broker's embedded PostgreSQL, reached directly (its port is in {@code postmaster.pid}) to multiply the
 * transfers made through the API into many more with insert-selects, as issue 16 allows for 1,000,000 stored: made one
 * by one through the API they would take an hour. The JDBC driver is the one in the broker's jar.
 */
final class BrokerDatabase implements AutoCloseable {
    /** The tables whose rows make up a transfer, with the column that holds its id. */
    private static final List<String[]> TRANSFER_TABLES = List.of(
            new String[]{"file_transfer", "id"},
            new String[]{"file_transfer_status", "file_transfer_id"},
            new String[]{"recipient", "file_transfer_id"},
            new String[]{"recipient_status", "file_transfer_id"});

    private final Connection connection;
    private int seeded;

    private BrokerDatabase(Connection connection) {
        this.connection = connection;
    }

    static BrokerDatabase open(Path brokerDataDir, Path work) throws Exception {
        String port = Files.readAllLines(brokerDataDir.resolve("postgres").resolve("postmaster.pid")).get(3).trim();
        Driver driver = (Driver) new URLClassLoader(new URL[]{driverJar(work).toUri().toURL()})
                .loadClass("org.postgresql.Driver").getDeclaredConstructor().newInstance();
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        Connection connection = driver.connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", login);
        return new BrokerDatabase(connection);
    }

    /** The PostgreSQL driver: from ./start's extracted jar if there is one, else copied out of the executable jar. */
    private static Path driverJar(Path work) throws Exception {
        Path lib = Path.of("target/formidler-app/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                var found = jars.filter(p -> p.getFileName().toString().startsWith("postgresql-")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        try (JarFile jar = new JarFile("target/formidler.jar")) {
            var entry = jar.stream().filter(e -> e.getName().matches("BOOT-INF/lib/postgresql-[0-9].*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL driver in target/formidler.jar"));
            Path copy = work.resolve("postgresql-driver.jar");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
    }

    /** Remembers the transfers stored so far (made through the API) as the ones {@link #growTo} copies. */
    void rememberSeed() throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("create temp table bench_seed as select id from file_transfer");
            try (ResultSet count = sql.executeQuery("select count(*) from bench_seed")) {
                count.next();
                seeded = count.getInt(1);
            }
        }
    }

    /**
     * Copies the seed's transfers (with their recipients and both histories, and their pending purge) until
     * {@code total} are stored; each copy gets a new id and is made a few seconds older than the one before, so that
     * "newest first" still has an order to follow. Then the copies are vacuumed (the planner's statistics and the
     * rows' visibility hints brought up to date) and a checkpoint writes them out, so that the measurement that follows
     * does not pay for the bulk load itself: a store that grew one transfer at a time has no million fresh, unhinted
     * rows waiting for their first checkpoint.
     */
    void growTo(int total) throws SQLException {
        int stored;
        try (Statement sql = connection.createStatement(); ResultSet count = sql.executeQuery("select count(*) from file_transfer")) {
            count.next();
            stored = count.getInt(1);
        }
        int rounds = (total - stored) / seeded;
        if (rounds <= 0) {
            return;
        }
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("drop table if exists bench_copy");
            try (PreparedStatement copies = connection.prepareStatement(
                    "create temp table bench_copy as select s.id as source, gen_random_uuid() as copy, g + ? as round "
                            + "from bench_seed s, generate_series(1, ?) g")) {
                copies.setInt(1, stored / seeded);
                copies.setInt(2, rounds);
                copies.execute();
            }
            sql.execute("create index on bench_copy (source)");
            for (String[] table : TRANSFER_TABLES) {
                sql.executeUpdate(copyStatement(table[0], "t." + table[1] + " = c.source", table[1], "c.copy"));
            }
            sql.executeUpdate(copyStatement("scheduled_tasks",
                    "t.task_name = 'purge-file-transfer' and t.task_instance = c.source::text", "task_instance", "c.copy::text"));
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("vacuum analyze");
            sql.execute("checkpoint");
        }
    }

    /**
     * {@code insert into T (…) select … from bench_copy c join T t on …} over T's columns as the catalog lists them
     * (so a column added by a later migration is copied too), serial keys left to their sequence.
     */
    private String copyStatement(String table, String join, String idColumn, String copiedId) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement catalog = connection.prepareStatement("""
                select column_name from information_schema.columns
                where table_schema = 'public' and table_name = ? and coalesce(column_default, '') not like 'nextval(%'
                order by ordinal_position""")) {
            catalog.setString(1, table);
            try (ResultSet rows = catalog.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    columns.add('"' + column + '"');
                    values.add(column.equals(idColumn) ? copiedId
                            : column.equals("created") ? "t.created - c.round * interval '1 second'"
                            : "t.\"" + column + '"');
                }
            }
        }
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from bench_copy c join " + table + " t on " + join;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
