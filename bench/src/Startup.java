import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Time from process start to the first 200 from /health: on a new data directory, and restarted on it. */
final class Startup {
    private Startup() {
    }

    static Map<String, Double> measure(Path work, int restarts) throws Exception {
        Path dataDir = work.resolve("startup");
        double cold;
        try (BrokerUnderTest broker = BrokerUnderTest.start(dataDir)) {
            cold = broker.startup.toMillis() / 1000.0;
        }
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < restarts; i++) {
            try (BrokerUnderTest broker = BrokerUnderTest.start(dataDir)) {
                warm.add(broker.startup.toMillis() / 1000.0);
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("startup_new_data_dir_s", cold);
        figures.put("startup_restart_s", Stats.median(warm));
        return figures;
    }
}
