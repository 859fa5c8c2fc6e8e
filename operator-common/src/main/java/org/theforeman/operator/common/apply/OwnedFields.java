package org.theforeman.operator.common.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of an object that one field manager owns, read from the manager's server-side apply entry in
 * {@code metadata.managedFields} (the {@code fieldsV1} set). Pruning the live object to that set and
 * comparing it with what the manager wants now is how a removal is noticed: a field the operator set
 * before and no longer sets is still in its owned set, but no longer in the desired object.
 *
 * <p>The {@code fieldsV1} format: {@code f:<name>} a field of an object, {@code k:<json>} a list element
 * by its key fields, {@code v:<json>} a set element by value, {@code i:<n>} a list element by index, and
 * {@code .} the element itself.
 */
final class OwnedFields {
    private static final ObjectMapper JSON = Serialization.jsonMapper();
    /** List keys the API server fills in when a client leaves them out (ports and their protocol). */
    private static final Set<String> DEFAULTED_KEYS = Set.of("protocol");

    private OwnedFields() {}

    /** The fields {@code manager} owns through server-side apply, or empty when it never applied this object. */
    static Optional<JsonNode> of(HasMetadata actual, String manager) {
        List<ManagedFieldsEntry> entries = actual.getMetadata().getManagedFields();
        if (entries == null) {
            return Optional.empty();
        }
        return entries.stream()
                .filter(e -> manager.equals(e.getManager()) && "Apply".equals(e.getOperation()))
                .filter(e -> e.getSubresource() == null || e.getSubresource().isEmpty())
                .findFirst()
                .map(e -> JSON.valueToTree(e.getFieldsV1()));
    }

    /**
     * Whether every field the manager owns in {@code actual} is still set by {@code desired}: a path owned
     * but no longer wanted is a removal that an apply must carry out. Values are not compared here (the
     * caller does that the other way round); an owned atomic value (a leaf of the owned set) counts as one
     * field, so what the server defaults inside it is not mistaken for a removal.
     */
    static boolean stillWanted(JsonNode desired, JsonNode actual, JsonNode owned) {
        if (actual == null || owned == null) {
            return true;
        }
        if (desired == null || desired.isNull()) {
            return DesiredState.isEmpty(actual);
        }
        if (!hasChildren(owned)) {
            return true;
        }
        if (actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = owned.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().startsWith("f:")) {
                    continue;
                }
                String name = field.getKey().substring(2);
                if (!stillWanted(desired.get(name), actual.get(name), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (actual.isArray()) {
            for (int index = 0; index < actual.size(); index++) {
                JsonNode element = actual.get(index);
                JsonNode elementOwned = elementOwnership(owned, element, index);
                if (elementOwned == null) {
                    continue;
                }
                JsonNode wanted = matchingElement(desired, owned, element, index);
                if (wanted == null || !stillWanted(wanted, element, elementOwned)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The element of the desired list that stands for {@code element}: same key fields, same value, or same index. */
    private static JsonNode matchingElement(JsonNode desired, JsonNode owned, JsonNode element, int index) {
        if (!desired.isArray()) {
            return null;
        }
        for (Iterator<String> keys = owned.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.startsWith("k:") && element.isObject() && matchesKey(element, parse(key.substring(2)))) {
                JsonNode identity = parse(key.substring(2));
                for (JsonNode candidate : desired) {
                    if (candidate.isObject() && matchesKey(withDefaults(candidate, identity), identity)) {
                        return candidate;
                    }
                }
                return null;
            }
        }
        for (JsonNode candidate : desired) {
            if (DesiredState.sameValue(candidate, element)) {
                return candidate;
            }
        }
        return index < desired.size() ? desired.get(index) : null;
    }

    /**
     * The candidate with the identity's key fields it leaves out filled in from the identity: the server
     * defaults some key fields (a Service port's protocol is TCP unless the operator says otherwise).
     */
    private static JsonNode withDefaults(JsonNode candidate, JsonNode identity) {
        ObjectNode filled = candidate.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = identity.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!filled.has(field.getKey()) && DEFAULTED_KEYS.contains(field.getKey())) {
                filled.set(field.getKey(), field.getValue());
            }
        }
        return filled;
    }

    /** The ownership subtree of a list element, or null when the manager does not own it. */
    private static JsonNode elementOwnership(JsonNode owned, JsonNode element, int index) {
        for (Iterator<Map.Entry<String, JsonNode>> it = owned.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (key.equals("i:" + index)) {
                return entry.getValue();
            }
            if (key.startsWith("v:") && parse(key.substring(2)).equals(element)) {
                return entry.getValue();
            }
            if (key.startsWith("k:") && element.isObject() && matchesKey(element, parse(key.substring(2)))) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean matchesKey(JsonNode element, JsonNode key) {
        for (Iterator<Map.Entry<String, JsonNode>> it = key.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = element.get(field.getKey());
            if (value == null || !DesiredState.sameValue(value, field.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether an ownership node names owned children (and not only the element itself, {@code .}). */
    private static boolean hasChildren(JsonNode owned) {
        for (Iterator<String> names = owned.fieldNames(); names.hasNext(); ) {
            if (!names.next().equals(".")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable managedFields key " + json, e);
        }
    }
}
