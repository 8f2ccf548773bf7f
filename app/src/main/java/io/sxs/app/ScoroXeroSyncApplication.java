package io.sxs.app;

import io.sxs.app.config.KafkaEndpoint;
import io.sxs.app.config.SecretKeys;
import io.sxs.app.config.SxsProperties;
import io.sxs.app.demo.Demo;
import io.sxs.app.demo.DemoSandboxes;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.kafka.embedded.EmbeddedKafkaBroker;
import io.sxs.schemas.secret.SecretCipher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * scoro-xero-sync. Without {@code spring.kafka.bootstrap-servers} it starts an embedded broker; with
 * {@code sxs.demo.enabled} (the default) it also starts both sandboxes with demo data and one demo connection.
 */
@SpringBootApplication
@EnableConfigurationProperties(SxsProperties.class)
public class ScoroXeroSyncApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoroXeroSyncApplication.class, args);
    }

    /** Destroyed after everything that uses Kafka, because they all depend on the endpoint, which depends on it. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.kafka.bootstrap-servers:}'.isEmpty()")
    EmbeddedKafkaBroker embeddedKafkaBroker(SxsProperties props) {
        return new EmbeddedKafkaBroker(props.broker().port(), props.broker().controllerPort(),
                props.dataDir().resolve("kafka")).start();
    }

    @Bean
    KafkaEndpoint kafkaEndpoint(Environment env, ObjectProvider<EmbeddedKafkaBroker> broker) {
        EmbeddedKafkaBroker embedded = broker.getIfAvailable();
        if (embedded != null) {
            return new KafkaEndpoint(embedded.bootstrapServers(), true);
        }
        return new KafkaEndpoint(env.getRequiredProperty("spring.kafka.bootstrap-servers"), false);
    }

    @Bean
    SecretCipher secretCipher(SxsProperties props, KafkaEndpoint kafka) {
        return SecretKeys.cipher(props, kafka.embedded());
    }

    @Bean
    Pipeline pipeline(KafkaEndpoint kafka, SxsProperties props, SecretCipher cipher) {
        return new Pipeline(kafka, props, cipher);
    }

    @Bean
    @ConditionalOnProperty(name = "sxs.demo.enabled", matchIfMissing = true)
    DemoSandboxes demoSandboxes(SxsProperties props) {
        return new DemoSandboxes(props.demo());
    }

    @Bean
    @ConditionalOnProperty(name = "sxs.demo.enabled", matchIfMissing = true)
    Demo demo(DemoSandboxes sandboxes, KafkaEndpoint kafka, SxsProperties props, SecretCipher cipher) {
        return new Demo(sandboxes, kafka, props, cipher);
    }
}
