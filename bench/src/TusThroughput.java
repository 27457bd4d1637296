import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * TUS 1.0.0 upload with 8 MiB chunks (a quarter of the file when that is less), curl as the client: one upload, and four partial uploads joined by a final
 * concatenation; beside each the broker's CPU seconds per GiB.
 */
final class TusThroughput {
    private static final long MAX_CHUNK = 8 << 20;
    private static final String TUS = "/broker/api/v1/filetransfer/upload/tus/";
    private final Api api;
    private final Cpu cpu;
    private long chunkSize;

    TusThroughput(Api api, BrokerUnderTest broker) {
        this.api = api;
        this.cpu = new Cpu(broker.handle());
    }

    Map<String, Double> measure(Path file, int runs, double streamedMbps) throws Exception {
        Map<String, Double> figures = new LinkedHashMap<>();
        String probe = api.initialize();
        var options = api.send(api.request(TUS + probe, api.senderToken).header("Tus-Resumable", "1.0.0")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        if (options.statusCode() / 100 != 2) {
            System.out.println("TUS is not available (OPTIONS answered " + options.statusCode() + "); skipped");
            return figures;
        }
        long size = Files.size(file);
        chunkSize = Math.max(1, Math.min(MAX_CHUNK, size / 4));
        Path chunks = Files.createTempDirectory(file.getParent(), "chunks-");
        List<Path> chunkFiles = split(file, chunks);
        List<Double> sequential = new ArrayList<>(), parallel = new ArrayList<>();
        List<Double> sequentialCpu = new ArrayList<>(), parallelCpu = new ArrayList<>();
        try {
            for (int run = 0; run < runs; run++) {
                String id = api.initialize();
                double cpuBefore = cpu.seconds();
                long t0 = System.nanoTime();
                String location = api.createTusUpload(id, size, null);
                patch(location, chunkFiles, 0, size);
                sequential.add(Stats.mbPerSecond(size, System.nanoTime() - t0));
                sequentialCpu.add(cpu.perGib(cpuBefore, size));

                String parted = api.initialize();
                cpuBefore = cpu.seconds();
                t0 = System.nanoTime();
                uploadInFourParts(parted, chunkFiles, size);
                parallel.add(Stats.mbPerSecond(size, System.nanoTime() - t0));
                parallelCpu.add(cpu.perGib(cpuBefore, size));
            }
        } finally {
            Content.deleteTree(chunks);
        }
        figures.put("tus_mbps", Stats.median(sequential));
        figures.put("tus_cpu_s_per_gib", Stats.median(sequentialCpu));
        figures.put("tus_ratio_to_streamed", Stats.median(sequential) / streamedMbps);
        figures.put("tus_4_parts_mbps", Stats.median(parallel));
        figures.put("tus_4_parts_cpu_s_per_gib", Stats.median(parallelCpu));
        figures.put("tus_4_parts_ratio_to_tus", Stats.median(parallel) / Stats.median(sequential));
        return figures;
    }

    /** The file as chunk files, so that curl can send each as one PATCH body. */
    private List<Path> split(Path file, Path directory) throws IOException {
        List<Path> chunks = new ArrayList<>();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long offset = 0; offset < in.size(); offset += chunkSize) {
                Path chunk = directory.resolve("chunk-" + chunks.size());
                try (FileChannel out = FileChannel.open(chunk, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    long length = Math.min(chunkSize, in.size() - offset);
                    for (long done = 0; done < length; ) {
                        done += in.transferTo(offset + done, length - done, out);
                    }
                }
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    private void uploadInFourParts(String id, List<Path> chunks, long size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> parts = new ArrayList<>();
            long quarter = (chunks.size() / 4) * chunkSize; // parts start on chunk boundaries
            for (int i = 0; i < 4; i++) {
                long first = i * quarter;
                long length = i == 3 ? size - first : quarter;
                parts.add(pool.submit(() -> {
                    String location = api.createTusUpload(id, length, "partial");
                    patch(location, chunks, first, length);
                    return location;
                }));
            }
            StringBuilder concat = new StringBuilder("final;");
            for (Future<String> part : parts) {
                concat.append(part.get()).append(' ');
            }
            HttpResponse<String> done = api.send(api.request(TUS + id, api.senderToken).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Concat", concat.toString().trim()).POST(HttpRequest.BodyPublishers.noBody()).build());
            check(done, 201);
        } finally {
            pool.shutdown();
        }
    }

    /** PATCHes the chunks that make up the file's bytes {@code [first, first + length)}. */
    private void patch(String location, List<Path> chunks, long first, long length) throws Exception {
        List<Path> mine = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (long offset = 0; offset < length; offset += chunkSize) {
            mine.add(chunks.get((int) ((first + offset) / chunkSize)));
            offsets.add(offset);
        }
        if (!mine.isEmpty()) {
            Curl.tusPatches(api.baseUrl + location, api.senderToken, mine, offsets);
        }
    }

    private static void check(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri() + " → " + response.statusCode() + " " + response.body());
        }
    }
}
