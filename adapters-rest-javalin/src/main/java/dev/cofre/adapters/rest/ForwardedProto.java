package dev.cofre.adapters.rest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * {@code X-Forwarded-Proto: https} from a trusted proxy (a TLS-terminating one) makes the request
 * count as HTTPS, for the links Cofre writes; from anyone else the header is ignored, as anyone
 * can write any header.
 */
final class ForwardedProto implements HttpConfiguration.Customizer {

    private final Predicate<InetAddress> trustedProxy;

    ForwardedProto(Predicate<InetAddress> trustedProxy) {
        this.trustedProxy = trustedProxy;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        if (proto == null || request.isSecure() || !"https".equalsIgnoreCase(proto.strip())
                || !(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
                || !trustedProxy.test(peer.getAddress())) {
            return request;
        }
        HttpURI https = HttpURI.build(request.getHttpURI()).scheme("https")
                .port(request.getHttpURI().getPort() == 80 ? -1 : request.getHttpURI().getPort());
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return https;
            }

            @Override
            public boolean isSecure() {
                return true;
            }
        };
    }
}
