package org.theforeman.operator.common.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigHashTest {
    @Test
    void independentOfMapOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(ConfigHash.of(ab)).isEqualTo(ConfigHash.of(ba)).isEqualTo(ConfigHash.of(new TreeMap<>(ab)));
        Map<String, Object> nested1 = new HashMap<>(Map.of("x", ab, "y", List.of(1, 2)));
        Map<String, Object> nested2 = new LinkedHashMap<>();
        nested2.put("y", List.of(1, 2));
        nested2.put("x", ba);
        assertThat(ConfigHash.of(nested1)).isEqualTo(ConfigHash.of(nested2));
    }

    @Test
    void differsForDifferentContent() {
        assertThat(ConfigHash.of(Map.of("a", "1"))).isNotEqualTo(ConfigHash.of(Map.of("a", "2")));
        assertThat(ConfigHash.of(Map.of("a", "1"))).isNotEqualTo(ConfigHash.of(Map.of("b", "1")));
        // List order is meaningful (arguments, ordered settings), unlike map order.
        assertThat(ConfigHash.of(List.of(1, 2))).isNotEqualTo(ConfigHash.of(List.of(2, 1)));
        // Parts are not concatenated ambiguously.
        assertThat(ConfigHash.of("ab", "c")).isNotEqualTo(ConfigHash.of("a", "bc"));
    }

    @Test
    void isShortHex() {
        assertThat(ConfigHash.of(Map.of())).matches("[0-9a-f]{32}");
        assertThat(ConfigHash.ofText("x")).matches("[0-9a-f]{32}").isNotEqualTo(ConfigHash.ofText("y"));
    }
}
