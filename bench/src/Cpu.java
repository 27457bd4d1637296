import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU seconds a process (and its children: nginx's workers) has used, as /proc counts them (user + system). Unlike
 * wall-clock throughput, CPU per byte hardly moves when other work shares the machine.
 */
final class Cpu {
    private final ProcessHandle process;

    Cpu(ProcessHandle process) {
        this.process = process;
    }

    double seconds() {
        return Stream.concat(Stream.of(process), process.descendants())
                .mapToDouble(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9).sum();
    }

    /** Seconds of CPU per GiB moved, for a measurement that started at {@code before}. */
    double perGib(double before, long bytes) {
        return (seconds() - before) / (bytes / (double) (1L << 30));
    }
}
