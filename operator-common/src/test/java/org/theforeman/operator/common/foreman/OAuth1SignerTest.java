package org.theforeman.operator.common.foreman;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer against the examples of RFC 5849. */
class OAuth1SignerTest {
    @Test
    void signsTheProtectedResourceRequestOfSection1_2() {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", "dpf43f3p2l4k3l03");
        oauth.put("oauth_token", "nnch734d00sl2jdk");
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", "137131202");
        oauth.put("oauth_nonce", "chapoH");
        OAuth1Signer signer =
                new OAuth1Signer("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00");

        String signature = signer.signature(
                "GET", URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original"), Map.of(), oauth);

        assertThat(signature).isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
    }

    @Test
    void buildsTheBaseStringOfSection3_4_1_1() {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", "9djdj82h48djs9d2");
        oauth.put("oauth_token", "kkk9d7dh3k39sjv7");
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", "137131201");
        oauth.put("oauth_nonce", "7d8f3e4a");
        oauth.put("oauth_signature", "ignored");
        oauth.put("realm", "Example");
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        // The form body "c2&a3=2+q", decoded.
        Map<String, List<String>> body = new LinkedHashMap<>();
        body.put("c2", List.of(""));
        body.put("a3", List.of("2 q"));

        String base = OAuth1Signer.baseString("POST", uri, body, oauth);

        assertThat(base)
                .isEqualTo(
                        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D"
                                + "%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a"
                                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3D"
                                + "kkk9d7dh3k39sjv7");
        // The signature of that request (the RFC prints none that matches; computed independently with
        // Python's oauthlib, signature.sign_hmac_sha1).
        assertThat(new OAuth1Signer("9djdj82h48djs9d2", "j49sk3j29djd", "kkk9d7dh3k39sjv7", "dh893hdasih9")
                        .signature("POST", uri, body, oauth))
                .isEqualTo("r6/TJjbCOr97/+UU0NsvSne7s5g=");
    }

    @Test
    void normalizesTheBaseStringUriOfSection3_4_1_2() {
        assertThat(OAuth1Signer.baseUri(URI.create("HTTP://EXAMPLE.COM:80/r%20v/X?id=123")))
                .isEqualTo("http://example.com/r%20v/X");
        assertThat(OAuth1Signer.baseUri(URI.create("https://www.example.net:8080/?q=1")))
                .isEqualTo("https://www.example.net:8080/");
        assertThat(OAuth1Signer.baseUri(URI.create("https://foreman.example.com:443")))
                .isEqualTo("https://foreman.example.com/");
    }

    @Test
    void percentEncodesAsSection3_6() {
        assertThat(OAuth1Signer.encode("Ladies + Gentlemen")).isEqualTo("Ladies%20%2B%20Gentlemen");
        assertThat(OAuth1Signer.encode("An encoded string!")).isEqualTo("An%20encoded%20string%21");
        assertThat(OAuth1Signer.encode("Dogs, Cats & Mice")).isEqualTo("Dogs%2C%20Cats%20%26%20Mice");
        assertThat(OAuth1Signer.encode("☃")).isEqualTo("%E2%98%83");
        assertThat(OAuth1Signer.encode("-._~")).isEqualTo("-._~");
    }

    @Test
    void theAuthorizationHeaderCarriesTheTwoLeggedParametersAndTheSignature() {
        OAuth1Signer signer = new OAuth1Signer("key", "secret");
        URI uri = URI.create("https://foreman.example.com/api/v2/smart_proxies?search=name%20%3D%20x");

        String header = signer.authorization("GET", uri, Map.of(), "abc", "1700000000");

        Map<String, String> oauth = new LinkedHashMap<>(signer.protocolParameters("abc", "1700000000"));
        String expected = OAuth1Signer.encode(signer.signature("GET", uri, Map.of(), oauth));
        assertThat(header)
                .startsWith("OAuth oauth_consumer_key=\"key\", oauth_nonce=\"abc\", "
                        + "oauth_signature_method=\"HMAC-SHA1\", oauth_timestamp=\"1700000000\", oauth_version=\"1.0\"")
                .endsWith("oauth_signature=\"" + expected + "\"")
                .doesNotContain("secret")
                .doesNotContain("oauth_token");
    }
}
