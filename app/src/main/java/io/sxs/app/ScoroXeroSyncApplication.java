package io.sxs.app;

import io.sxs.app.config.KafkaEndpoint;
import io.sxs.app.config.SecretKeys;
import io.sxs.app.config.SxsProperties;
import io.sxs.app.control.OperatorToken;
import io.sxs.app.control.XeroGrants;
import io.sxs.app.demo.Demo;
import io.sxs.app.demo.DemoSandboxes;
import io.sxs.app.pipeline.ApiClocks;
import io.sxs.app.pipeline.Connections;
import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.webhook.ConnectionDirectory;
import io.sxs.app.webhook.HintPublisher;
import io.sxs.app.webhook.WebhookAddress;
import io.sxs.app.webhook.XeroWebhookKey;
import io.sxs.kafka.embedded.EmbeddedKafkaBroker;
import io.sxs.schemas.secret.SecretCipher;
import java.util.Map;
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

    /** The control and webhook port of the runnable jar (tests and embedders choose their own, or 8080). */
    public static final int DEFAULT_PORT = 18080;

    public static void main(String[] args) {
        if (io.sxs.app.cli.SxsCli.isCli(args)) {
            // The same jar is the CLI: it talks to a running app over HTTP and starts nothing itself.
            System.exit(io.sxs.app.cli.SxsCli.run(args, new java.io.PrintWriter(System.out, true),
                    new java.io.PrintWriter(System.err, true)));
        }
        SpringApplication app = new SpringApplication(ScoroXeroSyncApplication.class);
        app.setDefaultProperties(java.util.Map.of("server.port", DEFAULT_PORT));
        app.run(args);
    }

    @Bean
    io.sxs.app.config.ProcessRoles processRoles(SxsProperties props, Environment env) {
        io.sxs.app.config.ProcessRoles roles = io.sxs.app.config.ProcessRoles.of(props.roles(),
                !env.getProperty("spring.kafka.bootstrap-servers", "").isBlank());
        org.slf4j.LoggerFactory.getLogger(ScoroXeroSyncApplication.class).info("Roles of this process: {}", roles);
        return roles;
    }

    /** Destroyed after everything that uses Kafka, because they all depend on the endpoint, which depends on it. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.kafka.bootstrap-servers:}'.isEmpty()")
    EmbeddedKafkaBroker embeddedKafkaBroker(SxsProperties props, io.sxs.app.config.ProcessRoles roles) {
        return new EmbeddedKafkaBroker(props.broker().port(), props.broker().controllerPort(),
                props.dataDir().resolve("kafka")).start();
    }

    @Bean
    KafkaEndpoint kafkaEndpoint(Environment env, ObjectProvider<EmbeddedKafkaBroker> broker) {
        EmbeddedKafkaBroker embedded = broker.getIfAvailable();
        Map<String, Object> clients = kafkaClientProperties(env);
        if (embedded != null) {
            return new KafkaEndpoint(embedded.bootstrapServers(), true, clients);
        }
        return new KafkaEndpoint(env.getRequiredProperty("spring.kafka.bootstrap-servers"), false, clients);
    }

    /**
     * Kafka client settings for every client: Spring Boot's {@code spring.kafka.properties.*} and
     * {@code spring.kafka.security.protocol}, then {@code sxs.kafka.*} (which wins), each named as Kafka names it.
     */
    static Map<String, Object> kafkaClientProperties(Environment env) {
        org.springframework.boot.context.properties.bind.Binder binder = org.springframework.boot.context.properties.bind.Binder.get(env);
        org.springframework.boot.context.properties.bind.Bindable<Map<String, String>> map =
                org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class);
        Map<String, Object> props = new java.util.TreeMap<>(binder.bind("spring.kafka.properties", map).orElse(Map.of()));
        String protocol = env.getProperty("spring.kafka.security.protocol");
        if (protocol != null && !protocol.isBlank()) {
            props.put("security.protocol", protocol.trim());
        }
        props.putAll(binder.bind("sxs.kafka", map).orElse(Map.of()));
        props.remove("bootstrap.servers"); // spring.kafka.bootstrap-servers says that
        return props;
    }

    @Bean
    SecretCipher secretCipher(SxsProperties props, KafkaEndpoint kafka) {
        return SecretKeys.cipher(props, kafka.embedded());
    }

    /** The Xero app's webhook signing key; the demo makes one for its sandbox when none is configured. */
    @Bean
    XeroWebhookKey xeroWebhookKey(SxsProperties props) {
        String key = props.webhooks().xeroKey();
        if ((key == null || key.isBlank()) && props.demo().enabled() && props.demo().webhooks()) {
            key = SecretCipher.newBase64Key();
        }
        return new XeroWebhookKey(key == null || key.isBlank() ? null : key);
    }

    @Bean
    WebhookAddress webhookAddress(SxsProperties props) {
        return new WebhookAddress(props.webhooks().publicUrl(), props.demo().enabled() && props.demo().webhooks());
    }

    @Bean(destroyMethod = "close")
    HintPublisher hintPublisher(KafkaEndpoint kafka) {
        return new HintPublisher(kafka.cluster());
    }

    @Bean
    ConnectionDirectory connectionDirectory(KafkaEndpoint kafka, SxsProperties props) {
        return new ConnectionDirectory(kafka.cluster(), props.instanceId());
    }

    /** In the demo the APIs are the sandboxes, whose clocks the budgets and schedules follow (tests bring their own). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    ApiClocks apiClocks(ObjectProvider<DemoSandboxes> demo) {
        DemoSandboxes sandboxes = demo.getIfAvailable();
        return sandboxes == null ? ApiClocks.system()
                : new ApiClocks(() -> sandboxes.xero().clock(), () -> sandboxes.scoro().clock());
    }

    @Bean
    Pipeline pipeline(KafkaEndpoint kafka, SxsProperties props, SecretCipher cipher, ApiClocks clocks,
                      WebhookAddress webhooks, XeroWebhookKey xeroKey, io.sxs.app.config.ProcessRoles roles) {
        return new Pipeline(kafka, props, cipher, clocks, webhooks, xeroKey.present() ? xeroKey.value() : null, roles);
    }

    @Bean
    OperatorToken operatorToken(SxsProperties props, KafkaEndpoint kafka) {
        return OperatorToken.of(props, kafka.embedded());
    }

    @Bean
    Connections connections(KafkaEndpoint kafka) {
        return new Connections(kafka.cluster());
    }

    @Bean
    io.sxs.app.health.PipelineHealth pipelineHealth(Pipeline pipeline) {
        return new io.sxs.app.health.PipelineHealth(pipeline);
    }

    @Bean(destroyMethod = "close")
    io.sxs.app.health.BrokerHealth brokerHealth(KafkaEndpoint kafka) {
        return new io.sxs.app.health.BrokerHealth(kafka.cluster());
    }

    @Bean
    io.sxs.app.health.ConnectionsHealth connectionsHealth(ConnectionDirectory directory, Pipeline pipeline) {
        return new io.sxs.app.health.ConnectionsHealth(directory, pipeline);
    }

    @Bean(destroyMethod = "close")
    io.sxs.app.health.PipelineMetrics pipelineMetrics(io.sxs.app.control.SyncLogFeed feed, io.sxs.app.control.ErrorList errors,
                                                      io.sxs.app.control.ConnectionLags lags, ConnectionDirectory directory,
                                                      KafkaEndpoint kafka) {
        return new io.sxs.app.health.PipelineMetrics(feed, errors, lags, id -> directory.find(id)
                .filter(c -> c.getStatus() == io.sxs.schemas.envelope.ConnectionStatus.ACTIVE).isPresent(), kafka.cluster());
    }

    @Bean
    io.sxs.app.control.SyncLogFeed syncLogFeed(KafkaEndpoint kafka) {
        return new io.sxs.app.control.SyncLogFeed(kafka.cluster());
    }

    @Bean
    io.sxs.app.control.ErrorList errorList(io.sxs.app.control.SyncLogFeed feed) {
        io.sxs.app.control.ErrorList errors = new io.sxs.app.control.ErrorList();
        feed.listen(errors::apply);
        return errors;
    }

    @Bean
    io.sxs.app.control.ConnectionLags connectionLags(io.sxs.app.control.SyncLogFeed feed) {
        io.sxs.app.control.ConnectionLags lags = new io.sxs.app.control.ConnectionLags();
        feed.listen(lags::apply);
        return lags;
    }

    @Bean
    io.sxs.app.control.ConsoleReport consoleReport(io.sxs.app.control.SyncLogFeed feed) {
        io.sxs.app.control.ConsoleReport report = new io.sxs.app.control.ConsoleReport();
        feed.listen(report::apply);
        return report;
    }

    @Bean
    io.sxs.app.control.SyncRuns syncRuns(Pipeline pipeline, HintPublisher hints, io.sxs.app.control.SyncLogFeed feed) {
        return new io.sxs.app.control.SyncRuns(pipeline, hints, feed);
    }

    @Bean
    io.sxs.app.control.RecordHistory recordHistory(KafkaEndpoint kafka) {
        return new io.sxs.app.control.RecordHistory(kafka.cluster());
    }

    @Bean
    io.sxs.app.audit.AuditReplay auditReplay(KafkaEndpoint kafka, SxsProperties props) {
        return new io.sxs.app.audit.AuditReplay(kafka.cluster(), io.sxs.mapper.MapperSettings.defaults()
                .withDependencyTimeout(props.mapper().dependencyTimeout())
                .withPunctuateInterval(props.mapper().punctuateInterval()));
    }

    @Bean
    XeroGrants xeroGrants(Pipeline pipeline) {
        return new XeroGrants(java.time.Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "sxs.demo.enabled", matchIfMissing = true)
    DemoSandboxes demoSandboxes(SxsProperties props, io.sxs.app.config.ProcessRoles roles) {
        if (!roles.runsThePipeline()) {
            throw new IllegalStateException("The demo runs every role in one process, this one runs " + roles
                    + ": set sxs.demo.enabled=false");
        }
        return new DemoSandboxes(props.demo(), props.dataDir().resolve("demo"));
    }

    @Bean
    @ConditionalOnProperty(name = "sxs.demo.enabled", matchIfMissing = true)
    Demo demo(DemoSandboxes sandboxes, KafkaEndpoint kafka, SxsProperties props, SecretCipher cipher,
              WebhookAddress webhooks, XeroWebhookKey xeroKey, Pipeline pipeline, OperatorToken operatorToken) {
        return new Demo(sandboxes, kafka, props, cipher, webhooks, xeroKey, pipeline, operatorToken);
    }
}
