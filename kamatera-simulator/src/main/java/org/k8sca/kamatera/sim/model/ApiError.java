package org.k8sca.kamatera.sim.model;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer of the simulated API: an HTTP status and the JSON body the real cloudcli-server
 * sends in that situation (API spec §2.5).
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final int status;
    private final transient ObjectNode body;

    private ApiError(int status, ObjectNode body) {
        super(status + " " + body);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ObjectNode body() {
        return body.deepCopy();
    }

    /** {@code {"message": message}} with the given status. */
    public static ApiError message(int status, String message) {
        ObjectNode b = NODES.objectNode();
        b.put("message", message);
        return new ApiError(status, b);
    }

    /** 400 for create validation, e.g. {@code missing required flag (name)}. */
    public static ApiError badRequest(String message) {
        return message(400, message);
    }

    /** 500 {@code Failed to run command method (<method>)}: a PHP exception inside a handler. */
    public static ApiError failedMethod(String method) {
        return message(500, "Failed to run command method (" + method + ")");
    }

    /**
     * 500 {@code {"message":"<info> (<code>)"}}: the backend rejected one step of a multi-server
     * call.
     */
    public static ApiError backend(String info, int code) {
        return message(500, info + " (" + code + ")");
    }

    /**
     * 500 {@code {"json_decode_error":null,"message":"<info> (<code>)"}}: the backend rejected a
     * create.
     */
    public static ApiError backendCreate(String info, int code) {
        ObjectNode b = NODES.objectNode();
        b.putNull("json_decode_error");
        b.put("message", info + " (" + code + ")");
        return new ApiError(500, b);
    }

    /**
     * 500 {@code {"message":"{\"errors\":[{\"code\":c,\"info\":\"…\"}]}"}}: raw backend JSON as a
     * string.
     */
    public static ApiError backendJsonString(String info, int code) {
        return message(500, backendErrors(info, code).toString());
    }

    /** The backend's own error JSON {@code {"errors":[{"code":c,"info":"…"}]}}. */
    public static ObjectNode backendErrors(String info, int code) {
        ObjectNode e = NODES.objectNode();
        e.put("code", code);
        e.put("info", info);
        ObjectNode b = NODES.objectNode();
        b.putArray("errors").add(e);
        return b;
    }

    /** 404 {@code {"error":true,"message":"Not Found"}}: unknown route. */
    public static ApiError routeNotFound() {
        ObjectNode b = NODES.objectNode();
        b.put("error", true);
        b.put("message", "Not Found");
        return new ApiError(404, b);
    }

    /** 500 for a known path called with the wrong HTTP method (Laravel maps it to 500, not 405). */
    public static ApiError methodNotAllowed(String method, String allowed) {
        ObjectNode b = NODES.objectNode();
        b.put("error", true);
        b.put(
                "message",
                "The "
                        + method
                        + " method is not supported for this route. Supported methods: "
                        + allowed
                        + ".");
        return new ApiError(500, b);
    }

    /** 404 {@code {"json_decode_error":null}}: a queue command the backend does not know (yet). */
    public static ApiError queueNotFound() {
        ObjectNode b = NODES.objectNode();
        b.putNull("json_decode_error");
        return new ApiError(404, b);
    }
}
