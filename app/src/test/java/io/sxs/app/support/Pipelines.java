package io.sxs.app.support;

import io.sxs.app.ScoroXeroSyncApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real application (a new Spring context) against a given broker, without the demo. */
public final class Pipelines {

    /** The operator token every test pipeline is started with (an external broker needs one). */
    public static final String OPERATOR_TOKEN = "test-operator-token-0123456789";

    private Pipelines() {
    }

    public static ConfigurableApplicationContext start(String bootstrapServers, String secretKey, Path dataDir,
                                                       Map<String, Object> extra) {
        return start(bootstrapServers, secretKey, dataDir, extra, null);
    }

    /** @param clocks the APIs' clocks (e.g. the sandboxes', to move time), or null for the system clock */
    public static ConfigurableApplicationContext start(String bootstrapServers, String secretKey, Path dataDir,
                                                       Map<String, Object> extra, io.sxs.app.pipeline.ApiClocks clocks) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("sxs.secrets.key", secretKey);
        props.put("sxs.data-dir", dataDir.toString());
        props.put("sxs.instance-id", "test");
        props.put("sxs.demo.enabled", "false");
        props.put("sxs.topics.partitions", "3");
        props.put("sxs.source.overlap", "2s");
        props.put("sxs.source.tick", "100ms");
        props.put("server.port", "0");
        props.put("sxs.control.token", OPERATOR_TOKEN);
        props.putAll(extra);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ScoroXeroSyncApplication.class).properties(props);
        if (clocks != null) {
            builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("apiClocks", clocks));
        }
        return builder.run();
    }
}
