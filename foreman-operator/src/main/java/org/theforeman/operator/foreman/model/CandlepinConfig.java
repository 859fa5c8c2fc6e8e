package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.Map;
import org.theforeman.operator.foreman.ForemanInputs;

/**
 * The files Candlepin's image reads, rendered from the connection and the OAuth secret: candlepin.conf
 * (Java properties: OAuth consumer {@value #OAUTH_CONSUMER}, basic and trusted authentication off, the
 * database Candlepin migrates itself on startup, the CA that signs entitlement certificates), Tomcat's
 * server.xml (one HTTPS connector on {@value #PORT}) and tomcat.conf (the heap). Keys and paths as
 * foremanctl's candlepin role deploys the same image.
 */
public final class CandlepinConfig {
    public static final int PORT = 23443;
    public static final String OAUTH_CONSUMER = "katello";
    public static final String CONF = "candlepin.conf";
    public static final String SERVER_XML = "server.xml";
    public static final String TOMCAT_CONF = "tomcat.conf";
    public static final String CERTS = "/etc/candlepin/certs";
    public static final String CA_CERT = CERTS + "/candlepin-ca.crt";
    public static final String CA_KEY = CERTS + "/candlepin-ca.key";
    public static final String TLS_CERT = CERTS + "/tomcat.crt";
    public static final String TLS_KEY = CERTS + "/tomcat.key";
    public static final String STATUS = "/candlepin/status";

    private static final long MIB = 1024L * 1024L;

    private CandlepinConfig() {}

    public static String conf(ForemanInputs.Database database, String oauthSecret) {
        String url = jdbcUrl(database);
        StringBuilder out = new StringBuilder();
        out.append("# Written by the foreman-operator; edits are replaced.\n");
        property(out, "candlepin.consumer_system_name_pattern", ".+");
        property(out, "candlepin.environment_content_filtering", "true");
        property(out, "candlepin.auth.basic.enable", "false");
        property(out, "candlepin.auth.trusted.enable", "false");
        property(out, "candlepin.auth.oauth.enable", "true");
        property(out, "candlepin.auth.oauth.consumer." + OAUTH_CONSUMER + ".secret", oauthSecret);
        property(out, "candlepin.db.database_manage_on_startup", "Manage");
        property(out, "module.config.adapter_module", "org.candlepin.katello.KatelloModule");
        property(out, "candlepin.ca_key", CA_KEY);
        property(out, "candlepin.ca_cert", CA_CERT);
        property(out, "jpa.config.hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        property(out, "jpa.config.hibernate.hbm2ddl.auto", "validate");
        property(out, "jpa.config.hibernate.connection.driver_class", "org.postgresql.Driver");
        property(out, "jpa.config.hibernate.connection.url", url);
        property(out, "jpa.config.hibernate.connection.username", database.username());
        property(out, "jpa.config.hibernate.connection.password", database.password());
        // Quartz keeps Candlepin's scheduled jobs in the same database.
        property(out, "org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        property(out, "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        property(out, "org.quartz.jobStore.dataSource", "myDS");
        property(out, "org.quartz.jobStore.tablePrefix", "QRTZ_");
        property(out, "org.quartz.jobStore.useProperties", "false");
        property(out, "org.quartz.jobStore.misfireThreshold", "60000");
        property(out, "org.quartz.dataSource.myDS.driver", "org.postgresql.Driver");
        property(out, "org.quartz.dataSource.myDS.URL", url);
        property(out, "org.quartz.dataSource.myDS.user", database.username());
        property(out, "org.quartz.dataSource.myDS.password", database.password());
        property(out, "org.quartz.dataSource.myDS.maxConnections", "5");
        return out.toString();
    }

    static String jdbcUrl(ForemanInputs.Database database) {
        String sslmode = database.sslmode() == null ? "prefer" : database.sslmode();
        return "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name() + "?sslmode="
                + sslmode;
    }

    /** Tomcat's server: one HTTPS connector with the suite CA's certificate; clients may present theirs. */
    public static String serverXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the foreman-operator; edits are replaced. -->
                <Server port="-1" shutdown="SHUTDOWN">
                  <Service name="Catalina">
                    <Connector port="%d" protocol="org.apache.coyote.http11.Http11NioProtocol"
                               SSLEnabled="true" maxThreads="150" scheme="https" secure="true">
                      <SSLHostConfig certificateVerification="optional" protocols="TLSv1.2,TLSv1.3"
                                     caCertificateFile="%s">
                        <Certificate certificateFile="%s" certificateKeyFile="%s"/>
                      </SSLHostConfig>
                    </Connector>
                    <Engine name="Catalina" defaultHost="localhost">
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false"/>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(PORT, CA_CERT, TLS_CERT, TLS_KEY);
    }

    /** tomcat.conf: where Tomcat lives and the heap. */
    public static String tomcatConf(ResourceRequirements resources) {
        Heap heap = heap(resources);
        return "# Written by the foreman-operator; edits are replaced.\n"
                + "TOMCAT_CFG_LOADED=\"1\"\n"
                + "CATALINA_HOME=\"/usr/share/tomcat\"\n"
                + "CATALINA_TMPDIR=\"/var/cache/tomcat/temp\"\n"
                + "JAVA_OPTS=\"-Xms" + heap.initialMiB() + "m -Xmx" + heap.maxMiB() + "m -Dcom.redhat.fips=false\"\n"
                + "SECURITY_MANAGER=\"0\"\n";
    }

    /**
     * The heap: 1 GiB initial and 4 GiB at most (foremanctl's values) unless resources say otherwise: at most
     * three quarters of the memory limit (the rest is Tomcat's own and metaspace), at least the request.
     */
    public record Heap(long initialMiB, long maxMiB) {}

    public static Heap heap(ResourceRequirements resources) {
        long initial = 1024;
        long max = 4096;
        Long limit = mib(resources, false);
        Long request = mib(resources, true);
        if (limit != null) {
            max = Math.max(256, limit * 3 / 4);
        }
        if (request != null) {
            initial = Math.min(Math.max(256, request * 3 / 4), max);
        }
        return new Heap(Math.min(initial, max), max);
    }

    private static Long mib(ResourceRequirements resources, boolean request) {
        if (resources == null) {
            return null;
        }
        Map<String, Quantity> values = request ? resources.getRequests() : resources.getLimits();
        if (values == null || values.get("memory") == null) {
            return null;
        }
        BigDecimal bytes = Quantity.getAmountInBytes(values.get("memory"));
        return bytes.longValue() / MIB;
    }

    /** A Java properties line; the value escaped so that a password is read back as written. */
    private static void property(StringBuilder out, String key, String value) {
        out.append(key).append('=').append(escape(value)).append('\n');
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (i == 0 && (c == ' ' || c == '#' || c == '!')) {
                        escaped.append('\\');
                    }
                    escaped.append(c);
                }
            }
        }
        return escaped.toString();
    }
}
