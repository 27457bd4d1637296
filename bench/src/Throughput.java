import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streamed upload and download of one file through the broker, and the same file through nginx, side by side in each
 * run with curl as the client; beside each throughput the server's CPU seconds per GiB. Each run also writes the file
 * with dd past the page cache, the disk's speed that a durable upload cannot pass (nginx's PUT does not sync).
 */
final class Throughput {
    private final Api api;
    private final Nginx nginx;
    private final Cpu brokerCpu;
    private final Cpu nginxCpu;

    Throughput(Api api, Nginx nginx, BrokerUnderTest broker) {
        this.api = api;
        this.nginx = nginx;
        this.brokerCpu = new Cpu(broker.handle());
        this.nginxCpu = new Cpu(nginx.handle());
    }

    /** One figure's runs: throughput and the server's CPU per GiB. */
    private record Series(String name, Cpu cpu, List<Double> mbps, List<Double> cpuPerGib) {
        Series(String name, Cpu cpu) {
            this(name, cpu, new ArrayList<>(), new ArrayList<>());
        }

        void time(long size, Work work) throws Exception {
            double cpuBefore = cpu.seconds();
            long t0 = System.nanoTime();
            long bytes = work.run();
            long elapsed = System.nanoTime() - t0;
            if (bytes != size) {
                throw new IllegalStateException(name + ": moved " + bytes + " bytes, expected " + size);
            }
            cpuPerGib.add(cpu.perGib(cpuBefore, bytes));
            mbps.add(Stats.mbPerSecond(bytes, elapsed));
        }

        void put(Map<String, Double> figures) {
            figures.put(name + "_mbps", Stats.median(mbps));
            figures.put(name + "_cpu_s_per_gib", Stats.median(cpuPerGib));
        }
    }

    private static final int RANGE_BURSTS = 3;

    Map<String, Double> measure(Path file, int runs) throws Exception {
        long size = Files.size(file);
        Series up = new Series("upload", brokerCpu), nginxUp = new Series("nginx_upload", nginxCpu);
        Series down = new Series("download", brokerCpu), nginxDown = new Series("nginx_download", nginxCpu);
        Series ranges = new Series("download_4_ranges", brokerCpu);
        Series nginxRanges = new Series("nginx_download_4_ranges", nginxCpu);
        // Per burst, the slowest of its four ranges to send a first byte: a burst lasts until its last range ends.
        List<Double> firstByteMs = new ArrayList<>(), nginxFirstByteMs = new ArrayList<>();
        List<Double> durableWrite = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String id = api.initialize();
            String upload = api.baseUrl + "/broker/api/v1/filetransfer/" + id + "/upload";
            up.time(size, () -> expect2xx(Curl.upload("POST", upload, api.senderToken, "application/octet-stream", file), size));
            String name = nginx.url("run-" + run + ".bin");
            nginxUp.time(size, () -> expect2xx(Curl.upload("PUT", name, null, "application/octet-stream", file), size));
            durableWrite.add(durableWriteMbps(file));
            String download = api.baseUrl + "/broker/api/v1/filetransfer/" + id + "/download";
            down.time(size, () -> Curl.download(download, api.recipientToken, null));
            nginxDown.time(size, () -> Curl.download(name, null, null));
            // A burst of four takes a few hundred ms, where one noisy moment of this machine moves the figure by a
            // third: three bursts each, interleaved, the first of them the transfer's first ranged download.
            for (int burst = 0; burst < RANGE_BURSTS; burst++) {
                ranges.time(size, () -> inFourRanges(size,
                        range -> Curl.fetch(download, api.recipientToken, range), firstByteMs));
                nginxRanges.time(size, () -> inFourRanges(size, range -> Curl.fetch(name, null, range),
                        nginxFirstByteMs));
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        for (Series series : List.of(up, nginxUp, down, nginxDown, ranges, nginxRanges)) {
            series.put(figures);
        }
        figures.put("upload_ratio", Stats.median(up.mbps()) / Stats.median(nginxUp.mbps()));
        figures.put("disk_durable_write_mbps", Stats.median(durableWrite));
        figures.put("upload_ratio_to_durable_write", Stats.median(up.mbps()) / Stats.median(durableWrite));
        figures.put("download_ratio", Stats.median(down.mbps()) / Stats.median(nginxDown.mbps()));
        figures.put("download_4_ranges_ratio", Stats.median(ranges.mbps()) / Stats.median(nginxRanges.mbps()));
        figures.put("download_4_ranges_last_first_byte_ms", Stats.median(firstByteMs));
        figures.put("nginx_download_4_ranges_last_first_byte_ms", Stats.median(nginxFirstByteMs));
        return figures;
    }

    /**
     * The file copied to the same disk by {@code dd} in 4 MiB writes past the page cache ({@code oflag=direct}, then
     * {@code conv=fdatasync}): the disk's own speed, which no upload that is durable at its answer can pass for long.
     * Through the page cache with one sync at the end it would not be a bound: an upload that sends its bytes to the
     * disk while they arrive beat it. A filesystem without direct I/O gets that copy instead.
     */
    private static double durableWriteMbps(Path file) throws Exception {
        Path copy = file.resolveSibling("durable-write.bin");
        try {
            for (List<String> flags : List.of(List.of("oflag=direct", "bs=4M"), List.of("bs=256K"))) {
                Files.deleteIfExists(copy);
                List<String> command = new ArrayList<>(List.of("dd", "if=" + file, "of=" + copy, "conv=fdatasync", "status=none"));
                command.addAll(flags);
                long t0 = System.nanoTime();
                Process dd = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (dd.waitFor() == 0 && Files.size(copy) == Files.size(file)) {
                    return Stats.mbPerSecond(Files.size(file), System.nanoTime() - t0);
                }
            }
            throw new IllegalStateException("dd could not copy " + file);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static long expect2xx(int status, long size) {
        if (status / 100 != 2) {
            throw new IllegalStateException("The upload answered " + status);
        }
        return size;
    }

    interface Fetch {
        Curl.Fetched fetch(String range) throws Exception;
    }

    interface Work {
        long run() throws Exception;
    }

    /** Fetches the four quarters at once; returns the bytes received, and adds the slowest first byte to the list. */
    static long inFourRanges(long size, Fetch fetch, List<Double> firstByteMs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Curl.Fetched>> parts = new ArrayList<>();
            long quarter = size / 4;
            for (int i = 0; i < 4; i++) {
                long first = i * quarter;
                long last = i == 3 ? size - 1 : first + quarter - 1;
                parts.add(pool.submit(() -> fetch.fetch("bytes=" + first + "-" + last)));
            }
            long total = 0;
            double slowest = 0;
            for (Future<Curl.Fetched> part : parts) {
                Curl.Fetched fetched = part.get();
                total += fetched.bytes();
                slowest = Math.max(slowest, fetched.firstByteSeconds());
            }
            firstByteMs.add(slowest * 1000);
            return total;
        } finally {
            pool.shutdown();
        }
    }
}
