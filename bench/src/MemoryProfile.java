import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak RSS and heap of the broker process while a large file streams up and down. Every second the broker's heap
 * is collected (jcmd GC.run) and its live size read (jstat), so growth means retained bytes, not garbage.
 */
final class MemoryProfile {
    private final Api api;
    private final BrokerUnderTest broker;

    MemoryProfile(Api api, BrokerUnderTest broker) {
        this.api = api;
        this.broker = broker;
    }

    Map<String, Double> measure(long bytes) throws Exception {
        long baseline = liveHeap();
        AtomicLong peakLive = new AtomicLong(baseline);
        AtomicLong peakUsed = new AtomicLong(usedHeap());
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    peakUsed.accumulateAndGet(usedHeap(), Math::max);
                    peakLive.accumulateAndGet(liveHeap(), Math::max);
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        String id = api.initialize();
        api.upload(id, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> Content.generated(bytes)), bytes));
        long down = api.download(id, null);
        long elapsed = System.nanoTime() - t0;
        sampler.interrupt();
        sampler.join();
        if (down != bytes) {
            throw new IllegalStateException("Downloaded " + down + " of " + bytes + " bytes");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("memory_transfer_gib", bytes / (double) (1L << 30));
        figures.put("memory_up_and_down_mbps", Stats.mbPerSecond(2 * bytes, elapsed));
        figures.put("peak_rss_mb", peakRssKb() / 1024.0);
        figures.put("peak_used_heap_mb", peakUsed.get() / 1e6);
        figures.put("live_heap_baseline_mb", baseline / 1e6);
        figures.put("live_heap_growth_mb", (peakLive.get() - baseline) / 1e6);
        return figures;
    }

    private long liveHeap() throws Exception {
        run(List.of(tool("jcmd"), Long.toString(broker.pid()), "GC.run"));
        return usedHeap();
    }

    /** S0U + S1U + EU + OU from jstat -gc, in bytes. */
    private long usedHeap() throws Exception {
        List<String> lines = run(List.of(tool("jstat"), "-gc", Long.toString(broker.pid())));
        String[] names = lines.get(0).trim().split("\\s+");
        String[] values = lines.get(1).trim().split("\\s+");
        double kb = 0;
        for (int i = 0; i < names.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                kb += Double.parseDouble(values[i].replace(',', '.'));
            }
        }
        return (long) (kb * 1024);
    }

    private long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(broker.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static List<String> run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            List<String> lines = out.lines().toList();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + lines);
            }
            return lines;
        }
    }
}
