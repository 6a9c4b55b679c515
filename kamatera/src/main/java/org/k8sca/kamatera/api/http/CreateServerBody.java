package org.k8sca.kamatera.api.http;

import org.k8sca.kamatera.api.CreateServerRequest;
import org.k8sca.kamatera.api.Endpoint;
import org.k8sca.kamatera.api.KamateraApiException;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The JSON body of {@code POST /service/server}, with upstream's keys in upstream's order
 * (kamatera-provider.md §2.5), one difference: the billing cycle goes out as {@code billingcycle},
 * the lower-case key the API reads. Upstream sends {@code billingCycle}, which the API ignores, so
 * upstream always creates hourly servers (kamatera-api.md §5 Q9).
 */
final class CreateServerBody {

    /** The password value that asks Kamatera to generate one. */
    static final String GENERATE_PASSWORD = "__generate__";

    private CreateServerBody() {}

    static ObjectNode of(CreateServerRequest request) {
        String tag = joinWithoutSpaces(request.tags());
        String network = joinWithoutSpaces(request.networks());
        String disk = joinWithoutSpaces(request.disks());
        String password =
                request.password().isEmpty() ? GENERATE_PASSWORD : request.password().reveal();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", request.name());
        body.put("password", password);
        body.put("passwordValidate", password);
        body.put("ssh-key", request.sshKey());
        body.put("datacenter", request.datacenter());
        body.put("image", request.image());
        body.put("cpu", request.cpu());
        body.put("ram", request.ram());
        body.put("disk", disk);
        body.put("dailybackup", request.dailyBackup() ? "yes" : "no");
        body.put("managed", request.managed() ? "yes" : "no");
        body.put("network", network);
        body.put("quantity", 1);
        body.put(
                "billingcycle",
                request.billingCycle().isEmpty() ? "hourly" : request.billingCycle());
        body.put("monthlypackage", request.monthlyPackage());
        body.put("poweronaftercreate", "yes");
        body.put("script-file", request.script().reveal());
        body.put("userdata-file", "");
        body.put("tag", tag);
        return body;
    }

    /** The API splits these values on spaces, so a value with a space would turn into two. */
    private static String joinWithoutSpaces(List<String> values) {
        for (String value : values) {
            if (value.contains(" ")) {
                throw KamateraApiException.of(
                        KamateraApiException.Kind.INVALID_REQUEST,
                        Endpoint.CREATE_SERVER,
                        "invalid Kamatera server configuration array value (\""
                                + value
                                + "\"): ,must not contain spaces",
                        false);
            }
        }
        return String.join(" ", values);
    }
}
