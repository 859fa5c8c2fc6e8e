package org.theforeman.operator.common.foreman;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The Foreman API stand-in as a process, for ./suite.sh on the local control plane (fake nodes, where
 * nothing answers inside Foreman's web pods): {@code java -cp ... ForemanStandInServer PORT NAMESPACE}
 * listens on 127.0.0.1:PORT and accepts the OAuth consumer of the Foreman operator's credentials Secret
 * in NAMESPACE (status.credentialsSecret of the Foreman there), re-read every second, as a Foreman reads
 * its settings.yaml. It prints every request it receives. Test code: never part of an operator.
 */
public final class ForemanStandInServer {
    private ForemanStandInServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String namespace = args[1];
        try (KubernetesClient client = new KubernetesClientBuilder().build();
                ForemanStandIn standIn = ForemanStandIn.onPort(port)) {
            standIn.proxyFeatures(url -> url.contains("/pulp/api/v3/smart_proxy")
                    ? List.of("Pulpcore")
                    : List.of("Logs", "Dynflow", "Script"));
            System.out.println("Foreman API stand-in listening on " + standIn.url());
            int seen = 0;
            String consumer = null;
            while (true) {
                for (Secret secret : client.secrets()
                        .inNamespace(namespace)
                        .withLabel("app.kubernetes.io/managed-by", "foreman-operator")
                        .list()
                        .getItems()) {
                    var data = secret.getData();
                    if (data != null
                            && data.containsKey("oauth_consumer_key")
                            && data.containsKey("oauth_consumer_secret")) {
                        String key = decode(data.get("oauth_consumer_key"));
                        if (!key.equals(consumer)) {
                            standIn.acceptOAuth(key, decode(data.get("oauth_consumer_secret")));
                            consumer = key;
                            System.out.println("accepting the OAuth consumer of Secret "
                                    + secret.getMetadata().getName());
                        }
                    }
                }
                List<ForemanStandIn.Request> requests = standIn.requests();
                for (; seen < requests.size(); seen++) {
                    System.out.println(requests.get(seen));
                }
                Thread.sleep(1000);
            }
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
