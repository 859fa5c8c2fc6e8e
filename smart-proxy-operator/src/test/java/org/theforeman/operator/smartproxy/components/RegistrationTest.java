package org.theforeman.operator.smartproxy.components;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.foreman.ForemanApiException;
import org.theforeman.operator.common.foreman.ForemanApiException.Kind;
import org.theforeman.operator.common.foreman.ForemanCredentials;
import org.theforeman.operator.common.status.ComponentState;

class RegistrationTest {
    private static final ForemanLink.Target FOREMAN = new ForemanLink.Target(
            "https://foreman.example.com", ForemanCredentials.oauth("key", "very-secret", null), "creds");

    @Test
    void retriesBackOffExponentiallyUpToFiveMinutes() {
        assertThat(Registration.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Registration.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Registration.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(Registration.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Registration.backoff(50)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void eachFailureHasItsReasonAndForemansWordsButNoSecret() {
        assertReason(Kind.UNREACHABLE, 0, "Connection refused", "ForemanUnreachable");
        assertReason(Kind.CERTIFICATE_NOT_TRUSTED, 0, "PKIX path building failed", "ForemanCertificateNotTrusted");
        assertReason(Kind.UNAUTHORIZED, 401, "Unable to authenticate user ", "ForemanUnauthorized");
        assertReason(Kind.FORBIDDEN, 403, "Access denied", "ForemanForbidden");
        assertReason(Kind.UNPROCESSABLE, 422, "Unable to communicate with the proxy: boom", "ForemanRejectedProxy");
        assertReason(Kind.FAILED, 500, "oops", "ForemanError");
    }

    private static void assertReason(Kind kind, int status, String said, String reason) {
        ComponentState state = Registration.failure(new ForemanApiException(kind, status, said, said, null), FOREMAN);
        assertThat(state.phase()).isEqualTo(ComponentState.Phase.FAILED);
        assertThat(state.conditionType()).isEqualTo("Registered");
        assertThat(state.reason()).isEqualTo(reason);
        assertThat(state.message()).contains(said).doesNotContain("very-secret");
    }
}
