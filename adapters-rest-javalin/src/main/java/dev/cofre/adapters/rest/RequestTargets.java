package dev.cofre.adapters.rest;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that remember the request target exactly as the client sent it. A target
 * Jetty cannot decode ({@code %}, {@code %zz}, {@code %00}) fails before a request exists, and the
 * error handler then sees a placeholder path; {@link JettyErrors} asks here for the real one, so
 * that the error still comes in the format of the dialect whose path it was.
 */
final class RequestTargets extends HttpConnectionFactory {

    RequestTargets(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        var connection = new Remembering(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** The target of the request line being answered, as sent; null when the line never parsed. */
    static String sentTarget(Request request) {
        return request.getConnectionMetaData().getConnection() instanceof Remembering r ? r.target : null;
    }

    private static final class Remembering extends HttpConnection {
        private volatile String target;

        Remembering(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new RequestHandler() {
                @Override
                public void startRequest(String method, String uri, HttpVersion version) {
                    target = uri;
                    super.startRequest(method, uri, version);
                }
            };
        }
    }
}
