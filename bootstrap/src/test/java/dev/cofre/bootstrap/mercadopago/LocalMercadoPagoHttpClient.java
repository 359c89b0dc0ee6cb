package dev.cofre.bootstrap.mercadopago;

import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.exceptions.MPException;
import com.mercadopago.net.MPDefaultHttpClient;
import com.mercadopago.net.MPRequest;
import com.mercadopago.net.MPResponse;
import java.net.URI;
import org.apache.http.impl.client.HttpClients;

/**
 * Points Mercado Pago's official Java SDK at a local server, unmodified: the SDK's base URL is a
 * constant and its default client speaks https only, so this client is the SDK's own default client
 * over a plain Apache client, with each request's scheme, host and port rewritten to {@code base}
 * (path and query kept). Install it with {@code MercadoPagoConfig.setHttpClient(...)}.
 */
public final class LocalMercadoPagoHttpClient extends MPDefaultHttpClient {

    private final URI base;

    public LocalMercadoPagoHttpClient(URI base) {
        super(HttpClients.createDefault());
        this.base = base;
    }

    @Override
    public MPResponse send(MPRequest request) throws MPException, MPApiException {
        URI vendor = URI.create(request.getUri());
        String local = base.getScheme() + "://" + base.getAuthority() + vendor.getRawPath()
                + (vendor.getRawQuery() == null ? "" : "?" + vendor.getRawQuery());
        return super.send(MPRequest.builder()
                .uri(local)
                .method(request.getMethod())
                .headers(request.getHeaders())
                .payload(request.getPayload())
                .queryParams(request.getQueryParams())
                .accessToken(request.getAccessToken())
                .connectionTimeout(request.getConnectionTimeout())
                .connectionRequestTimeout(request.getConnectionRequestTimeout())
                .socketTimeout(request.getSocketTimeout())
                .build());
    }
}
