package org.k8sca.app.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.k8sca.app.loop.LoopObserver;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.NodeGroupStatus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code /status} page: a loop observer that keeps what the page shows, and the HTTP handler
 * that renders it. Observers run on the loop thread and the handler on an HTTP thread, so what the
 * loop observed is published as one immutable value.
 */
public final class StatusPage implements LoopObserver {

    private final Clock clock;
    private final AtomicReference<ClusterStatus> latest = new AtomicReference<>();

    /**
     * @param clock the autoscaler's clock (the page shows ages on it, not on the wall clock)
     */
    public StatusPage(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void clusterState(ClusterStatus status, ClusterStateUpdate update) {
        latest.set(status);
    }

    /** The page as it would be served now. */
    public String render() {
        ClusterStatus status = latest.get();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"5\">")
                .append("<title>kamatera-autoscaler status</title></head><body>\n")
                .append("<h1>kamatera-autoscaler</h1>\n")
                .append("<p id=\"now\">")
                .append(Html.escape(clock.instant().toString()))
                .append("</p>\n");
        if (status == null) {
            html.append("<p id=\"starting\">No loop has run yet.</p>\n");
        } else {
            html.append("<table id=\"node-groups\"><tr><th>group</th><th>min</th>")
                    .append("<th>current</th><th>target</th><th>max</th></tr>\n");
            for (NodeGroupStatus g : status.groups()) {
                html.append("<tr><td>")
                        .append(Html.escape(g.id()))
                        .append("</td><td>")
                        .append(g.minSize())
                        .append("</td><td>")
                        .append(g.counts().registered())
                        .append("</td><td>")
                        .append(g.targetSize())
                        .append("</td><td>")
                        .append(g.maxSize())
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Serves {@link #render()} on GET and HEAD. */
    public HttpHandler handler() {
        return this::handle;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(method);
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
