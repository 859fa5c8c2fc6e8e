package org.theforeman.operator.common.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an object in the cluster already is what the operator wants. Two questions, both must
 * be answered yes:
 *
 * <ol>
 *   <li>Does the object hold everything the desired object sets, with the same value? A field someone
 *       changed by hand is drift; fields the API server or other controllers add (defaults, status) are
 *       not.
 *   <li>Does the desired object still set everything the operator owns in the object (its own
 *       server-side apply entry in {@code managedFields})? A field removed from the spec (a node
 *       selector, a label, an env entry) is still owned but no longer wanted: drift, so that the next
 *       apply removes it.
 * </ol>
 *
 * An unchanged object is never written again; quantities compare by amount ("0.5" and "500m").
 */
public final class DesiredState {
    /** Metadata the server owns; our desired objects never set these anyway. */
    private static final Set<String> SERVER_METADATA = Set.of(
            "resourceVersion",
            "uid",
            "generation",
            "creationTimestamp",
            "managedFields",
            "selfLink",
            "deletionTimestamp");

    private DesiredState() {}

    /**
     * @param manager the operator's field manager, whose managedFields entry says what it owns
     */
    public static boolean isSatisfiedBy(HasMetadata desired, HasMetadata actual, String manager) {
        if (actual == null) {
            return false;
        }
        JsonNode want = Serialization.jsonMapper().valueToTree(desired);
        JsonNode have = Serialization.jsonMapper().valueToTree(actual);
        if (!holdsEverythingWanted(want, have)) {
            return false;
        }
        return OwnedFields.of(actual, manager)
                .map(owned -> OwnedFields.stillWanted(want, have, owned))
                .orElse(true);
    }

    private static boolean holdsEverythingWanted(JsonNode want, JsonNode have) {
        Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("status")) {
                continue;
            }
            JsonNode wanted = field.getValue();
            if (field.getKey().equals("metadata")) {
                wanted = wanted.deepCopy();
                ((ObjectNode) wanted).remove(SERVER_METADATA);
            }
            if (!contains(have.get(field.getKey()), wanted)) {
                return false;
            }
        }
        return true;
    }

    /** {@code actual} holds everything {@code wanted} says. Lists must match element by element. */
    static boolean contains(JsonNode actual, JsonNode wanted) {
        if (wanted == null || wanted.isNull()) {
            return true;
        }
        if (actual == null || actual.isNull()) {
            return isEmpty(wanted);
        }
        if (wanted.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!contains(actual.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isArray()) {
            if (!actual.isArray() || actual.size() != wanted.size()) {
                return false;
            }
            for (int i = 0; i < wanted.size(); i++) {
                if (!contains(actual.get(i), wanted.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return sameValue(actual, wanted);
    }

    /** Scalars: equal, or the same number, or the same quantity in another notation. */
    static boolean sameValue(JsonNode actual, JsonNode wanted) {
        if (wanted.isTextual() && actual.isTextual() && !wanted.asText().equals(actual.asText())) {
            return sameQuantity(wanted.asText(), actual.asText());
        }
        if (wanted.isNumber() && actual.isNumber()) {
            return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return wanted.equals(actual);
    }

    /** The server stores quantities canonically ("0.5" becomes "500m"): compare their amounts. */
    private static boolean sameQuantity(String wanted, String actual) {
        if (!wanted.matches("[0-9.]+[A-Za-z]*") || !actual.matches("[0-9.]+[A-Za-z]*")) {
            return false;
        }
        try {
            return Quantity.getAmountInBytes(new Quantity(wanted))
                            .compareTo(Quantity.getAmountInBytes(new Quantity(actual)))
                    == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A zero value in the desired object (empty map or list, false, 0, "") is satisfied by an absent
     * field: the API server omits zero values of many fields when it serializes them.
     */
    static boolean isEmpty(JsonNode wanted) {
        return (wanted.isContainerNode() && wanted.isEmpty())
                || (wanted.isBoolean() && !wanted.booleanValue())
                || (wanted.isNumber() && wanted.decimalValue().signum() == 0)
                || (wanted.isTextual() && wanted.asText().isEmpty());
    }
}
