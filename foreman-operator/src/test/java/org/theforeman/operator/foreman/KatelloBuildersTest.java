package org.theforeman.operator.foreman;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.ChecksumType;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.status.ComponentState.Phase;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.foreman.components.Candlepin;
import org.theforeman.operator.foreman.model.CandlepinConfig;
import org.theforeman.operator.foreman.model.CandlepinObjects;
import org.theforeman.operator.foreman.model.ChildConditions;
import org.theforeman.operator.foreman.model.ChildResources;
import org.theforeman.operator.foreman.model.KatelloConfig;
import org.theforeman.operator.foreman.model.WebDeployment;

class KatelloBuildersTest {
    static final Foreman SEED = ForemanBuildersTest.foreman("""
            apiVersion: app.theforeman.org/v1alpha1
            kind: Foreman
            metadata: {name: myforeman}
            spec:
              dynflow_workers: 2
              plugins: {katello: true, remote_execution: true}
            """);

    static final Foreman TEMPLATES = ForemanBuildersTest.foreman("""
            apiVersion: app.theforeman.org/v1alpha1
            kind: Foreman
            metadata: {name: fm}
            spec:
              plugins: {katello: true, remote_execution: false, ansible: false}
              smart_proxy:
                features: {logs: {}, templates: {}}
              pulp:
                file_storage_size: 100Gi
                worker: {replicas: 2}
                allowed_content_checksums: [sha256, sha512]
            """);

    @Test
    void childPulpIsOwnedAndCarriesKatellosImageAndSettings() {
        Pulp pulp = ChildResources.pulp(SEED);
        assertThat(pulp.getMetadata().getName()).isEqualTo("myforeman-pulp");
        assertThat(pulp.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getController()).isTrue());
        assertThat(pulp.getSpec().getImage()).isEqualTo("quay.io/foreman/pulp");
        assertThat(pulp.getSpec().getImageVersion()).isEqualTo("3.73");
        assertThat(pulp.getSpec().getAllowedContentChecksums()).contains(ChecksumType.sha1, ChecksumType.sha512);
        assertThat(pulp.getSpec().getCustomPulpSettings()).isEqualTo("myforeman-pulp-katello-settings");

        ConfigMap settings = ChildResources.pulpSettings(
                SEED,
                "https://foreman.example.com",
                Map.of("TOKEN_AUTH_DISABLED", "False", "CONTENT_PATH_PREFIX", "'/pulp/content/'"));
        assertThat(settings.getData())
                .containsEntry("SMART_PROXY_PULP_URL", "'http://myforeman-pulp-api.ns.svc:24817'")
                .containsEntry("SMART_PROXY_RHSM_URL", "'https://foreman.example.com/rhsm'")
                .containsEntry("REMOTE_USER_ENVIRON_NAME", "'HTTP_REMOTE_USER'")
                .containsKey("AUTHENTICATION_BACKENDS")
                // The user's settings are kept; Katello's win where both set one.
                .containsEntry("CONTENT_PATH_PREFIX", "'/pulp/content/'")
                .containsEntry("TOKEN_AUTH_DISABLED", "True");
    }

    @Test
    void childPulpKeepsTheTemplateAndTheUsersChecksums() {
        Pulp pulp = ChildResources.pulp(TEMPLATES);
        assertThat(pulp.getSpec().getFileStorageSize()).isEqualTo("100Gi");
        assertThat(pulp.getSpec().getWorker().getReplicas()).isEqualTo(2);
        assertThat(pulp.getSpec().getAllowedContentChecksums())
                .containsExactly(ChecksumType.sha256, ChecksumType.sha512);
        // The template itself is not changed.
        assertThat(TEMPLATES.getSpec().getPulp().getCustomPulpSettings()).isNull();
    }

    @Test
    void childProxyPointsAtItsForemanWithTheFeaturesThePluginsNeed() {
        SmartProxy proxy = ChildResources.smartProxy(SEED);
        assertThat(proxy.getSpec().getForeman().getName()).isEqualTo("myforeman");
        assertThat(proxy.getSpec().getFeatures().getRemoteExecutionSsh().isOn()).isTrue();
        assertThat(proxy.getSpec().getFeatures().getDynflow().isOn()).isTrue();

        SmartProxy none = ChildResources.smartProxy(ForemanBuildersTest.foreman("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Foreman
                metadata: {name: fm}
                spec: {plugins: {katello: true}}
                """));
        assertThat(none.getSpec().getFeatures()).as("no empty features object").isNull();

        SmartProxy templated = ChildResources.smartProxy(TEMPLATES);
        assertThat(templated.getSpec().getFeatures().getRemoteExecutionSsh()).isNull();
        assertThat(templated.getSpec().getFeatures().getLogs()).isNotNull();
        assertThat(templated.getSpec().getFeatures().getTemplates()).isNotNull();
        assertThat(ChildResources.wantsProxy(TEMPLATES)).isTrue();
        assertThat(ChildResources.wantsPulp(ForemanBuildersTest.SEED)).isFalse();
        assertThat(ChildResources.wantsProxy(ForemanBuildersTest.SEED)).isFalse();
    }

    @Test
    void aChildsReadyIsTrustedOnlyForItsCurrentGeneration() {
        Condition old = Conditions.of("Ready", "True", "Ready", "all good", 1);
        assertThat(ChildConditions.mirror(ForemanConditions.PULP_READY, "Pulp", "p", false, 2L, List.of(old))
                        .phase())
                .isEqualTo(Phase.PROGRESSING);
        assertThat(ChildConditions.mirror(ForemanConditions.PULP_READY, "Pulp", "p", true, null, null)
                        .reason())
                .isEqualTo("Creating");
        assertThat(ChildConditions.mirror(ForemanConditions.PULP_READY, "Pulp", "p", true, 4L, List.of(old))
                        .reason())
                .isEqualTo("Updating");
        var ready = ChildConditions.mirror(ForemanConditions.PULP_READY, "Pulp", "p", false, 1L, List.of(old));
        assertThat(ready.phase()).isEqualTo(Phase.READY);

        Condition broken = Conditions.of("Ready", "False", "ConfigMapNotFound", "ConfigMap x does not exist", 3);
        Condition degraded = Conditions.of("Degraded", "True", "ConfigMapNotFound", "ConfigMap x does not exist", 3);
        var notReady =
                ChildConditions.mirror(ForemanConditions.PULP_READY, "Pulp", "p", false, 3L, List.of(broken, degraded));
        assertThat(notReady.phase()).isEqualTo(Phase.FAILED);
        assertThat(notReady.reason()).isEqualTo("ConfigMapNotFound");
        assertThat(notReady.message()).contains("Pulp p is not Ready", "ConfigMap x does not exist");
    }

    @Test
    void candlepinConfHasTheOauthConsumerTheDatabaseAndNoStrayCharacters() {
        var database =
                new ForemanInputs.Database("fm-postgres", "5432", "candlepin", "p\\w=d", "candlepin", null, null);
        String conf = CandlepinConfig.conf(database, "s3cret");
        assertThat(conf)
                .contains("candlepin.auth.oauth.consumer.katello.secret=s3cret\n")
                .contains("candlepin.auth.basic.enable=false\n")
                .contains("candlepin.db.database_manage_on_startup=Manage\n")
                .contains("jpa.config.hibernate.connection.url=jdbc:postgresql://fm-postgres:5432/candlepin"
                        + "?sslmode=prefer\n")
                .contains("jpa.config.hibernate.connection.password=p\\\\w=d\n")
                .contains("candlepin.ca_cert=/etc/candlepin/certs/candlepin-ca.crt\n");
        assertThat(CandlepinConfig.serverXml()).contains("port=\"23443\"", "/etc/candlepin/certs/tomcat.crt");
    }

    @Test
    void candlepinHeapFollowsItsResources() {
        assertThat(CandlepinConfig.heap(null)).isEqualTo(new CandlepinConfig.Heap(1024, 4096));
        var sample = new ResourceRequirementsBuilder()
                .addToRequests("memory", new Quantity("1Gi"))
                .addToLimits("memory", new Quantity("4Gi"))
                .build();
        assertThat(CandlepinConfig.heap(sample)).isEqualTo(new CandlepinConfig.Heap(768, 3072));
        assertThat(CandlepinConfig.tomcatConf(sample)).contains("-Xms768m -Xmx3072m");
    }

    @Test
    void candlepinRunsAsTomcatWithItsFilesAndStatusProbes() {
        Deployment deployment = CandlepinObjects.deployment(SEED, "hash");
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(53L);
        var container = pod.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo(CandlepinObjects.DEFAULT_IMAGE);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/candlepin/status");
        assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(container.getVolumeMounts())
                .extracting(VolumeMount::getMountPath)
                .contains(
                        "/etc/candlepin/candlepin.conf",
                        "/etc/tomcat/server.xml",
                        CandlepinConfig.CA_KEY,
                        CandlepinConfig.TLS_CERT);
        assertThat(CandlepinObjects.url(SEED)).isEqualTo("https://myforeman-candlepin.ns.svc:23443/candlepin");
    }

    @Test
    void candlepinsDatabaseJobPassesPasswordsOnlyThroughTheEnvironment() {
        var database =
                new ForemanInputs.Database("myforeman-postgres", "5432", "candlepin", "pw", "candlepin", null, null);
        Job job = CandlepinObjects.databaseJob(SEED, database, "postgres:16");
        String json = Serialization.asJson(job);
        assertThat(json).doesNotContain("\"pw\"");
        assertThat(job.getMetadata().getName()).startsWith("myforeman-candlepin-db-");
        assertThat(job.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getCommand()
                        .get(2))
                .contains("CREATE DATABASE", "\\gexec");
    }

    @Test
    void katelloYamlNamesCandlepinAndItsCa() {
        assertThat(KatelloConfig.render(SEED, "s3cret"))
                .contains(":url: \"https://myforeman-candlepin.ns.svc:23443/candlepin\"")
                .contains(":oauth_key: \"katello\"")
                .contains(":oauth_secret: \"s3cret\"")
                .contains(":ca_cert_file: \"/etc/foreman/katello-default-ca.crt\"");
    }

    @Test
    void podsMountKatelloYamlOnlyWithAReleaseThatLoadsKatello() {
        ForemanInputs inputs = ForemanBuildersTest.inputs(SEED);
        Release without = new Release("quay.io/foreman/foreman:nightly", List.of());
        Release with = inputs.release();
        assertThat(with.plugins()).contains("katello", "foreman_remote_execution", "foreman-tasks");
        Deployment before = WebDeployment.desired(SEED, inputs, without, "h");
        Deployment after = WebDeployment.desired(SEED, inputs, with, "h");
        assertThat(before.getSpec().getTemplate().getSpec().getVolumes())
                .noneMatch(v -> v.getName().equals("katello"));
        assertThat(after.getSpec().getTemplate().getSpec().getVolumes())
                .anyMatch(v -> v.getName().equals("katello"));
        assertThat(after.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getVolumeMounts())
                .extracting(VolumeMount::getMountPath)
                .contains(KatelloConfig.PATH, KatelloConfig.CA_PATH);

        var candlepin = new Candlepin.Result(null, "katello-hash");
        assertThat(Candlepin.podHash("config", without, candlepin)).isEqualTo("config");
        assertThat(Candlepin.podHash("config", with, candlepin)).isNotEqualTo("config");
    }
}
