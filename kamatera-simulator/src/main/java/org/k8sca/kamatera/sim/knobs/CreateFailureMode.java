package org.k8sca.kamatera.sim.knobs;

/**
 * How a create that is "accepted but errored" looks to the client: the server is created anyway,
 * but the response is an error or never arrives (API spec §6.3 {@code createAcceptedButErrored}).
 */
public enum CreateFailureMode {
    /** HTTP 500 {@code {"message":"Failed to run command method (createServer)"}}. */
    HTTP_500,
    /** HTTP 504 with the non-JSON body {@code Gateway Timeout}. */
    GATEWAY_504,
    /** The response hangs until {@code releaseHangingRequests()} or close, then is a 504. */
    HANG
}
