package com.sequentum.mcp.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical request to the Sequentum API: builds headers, applies the per-attempt timeout,
 * retries per {@link RetryPolicy}, and maps failures to {@link ApiRequestError}, {@link RateLimitError},
 * {@link ApiTimeoutError}, {@link ApiNetworkError} or {@link AuthenticationError}. Never follows redirects:
 * a 3xx is returned with its {@code Location} so the caller can report it without downloading anything.
 */
public final class ApiHttp {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHttp.class);
    public static final String DEFAULT_BASE_URL = "https://dashboard.sequentum.com";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Ready at once when injected; built on a background thread by {@link #create} (see there). */
    private final CompletableFuture<HttpClient> client;
    private final String baseUrl;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ObjectMapper mapper;
    /** Reads a success body like {@code JSON.parse}: one JSON value and nothing after it. */
    private final ObjectReader bodyReader;
    private volatile ApiObserver observer = ApiObserver.NONE;

    public ApiHttp(HttpClient client, String baseUrl, Duration timeout, RetryPolicy retry, Sleeper sleeper, Clock clock,
            ObjectMapper mapper) {
        this(CompletableFuture.completedFuture(client), baseUrl, timeout, retry, sleeper, clock, mapper);
    }

    private ApiHttp(CompletableFuture<HttpClient> client, String baseUrl, Duration timeout, RetryPolicy retry,
            Sleeper sleeper, Clock clock, ObjectMapper mapper) {
        this.client = client;
        this.baseUrl = normaliseBaseUrl(baseUrl);
        this.timeout = timeout;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.mapper = mapper;
        this.bodyReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * A client with the production defaults (30 s per attempt, 3 retries, real clock). The JDK {@link HttpClient} is
     * built on a background thread: building it initialises the default TLS context (about 400 classes and the CA
     * certificate store, 100-200 ms on a 2-core machine without a class archive), which would otherwise sit on the
     * stdio start-up path before the {@code initialize} answer although no API call happens before the first tool call.
     *
     * <p>Its executor runs the client's own completion steps on the thread that has the data (its selector thread)
     * instead of handing each one to a pool thread: every call waits on its future anyway, so the hop only cost
     * time and CPU (at 64 concurrent HTTP sessions: ~1,600 → ~2,700-3,000 calls/s, ~1.0 → ~0.5 ms CPU per call,
     * bench/README.md). Nothing of ours runs in those steps; a TLS handshake on a new pooled connection also runs
     * there, which briefly delays other responses of this client.
     */
    public static ApiHttp create(String baseUrl, Duration timeout) {
        CompletableFuture<HttpClient> http = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                http.complete(HttpClient.newBuilder()
                        .executor(Runnable::run)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build());
            } catch (Throwable t) {
                http.completeExceptionally(t);
            }
        }, "api-http-init");
        builder.setDaemon(true);
        builder.start();
        return new ApiHttp(http, baseUrl, timeout, RetryPolicy.standard(), Sleeper.REAL, Clock.systemUTC(),
                new ObjectMapper());
    }

    /** Empty or unset means the default; exactly one trailing slash is removed. */
    public static String normaliseBaseUrl(String url) {
        if (url == null || url.isEmpty()) return DEFAULT_BASE_URL;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Reports responses, retries and failures to {@code o} (metrics); returns this client. */
    public ApiHttp observe(ApiObserver o) {
        this.observer = o == null ? ApiObserver.NONE : o;
        return this;
    }

    public String baseUrl() { return baseUrl; }
    public Duration timeout() { return timeout; }
    public ObjectMapper mapper() { return mapper; }

    /** Sends the request (retrying where allowed) and returns the successful answer. */
    public ApiResponse send(Credentials credentials, String method, String endpoint, JsonNode body) {
        return send(credentials, method, endpoint, body, true);
    }

    /**
     * Sends a request whose answer is not used (stop, kill, delete, enable, disable, restore...): any 2xx is
     * success and the body is ignored, even an empty or malformed one labelled as JSON.
     */
    public void sendVoid(Credentials credentials, String method, String endpoint, JsonNode body) {
        send(credentials, method, endpoint, body, false);
    }

    private ApiResponse send(Credentials credentials, String method, String endpoint, JsonNode body, boolean readBody) {
        String authorization = credentials.authorizationHeader();
        RuntimeException last = null;
        int attempts = retry.retriesMethod(method) ? retry.maxRetries() + 1 : 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                return attempt(authorization, method, endpoint, body, readBody);
            } catch (RateLimitError e) {
                last = e;
                if (attempt + 1 >= attempts) break;
                observer.retry("rate_limited");
                pause(retry.delay(attempt, e.retryAfterSeconds()));
            } catch (ApiRequestError e) {
                last = e;
                if (!retry.retriesStatus(e.statusCode()) || attempt + 1 >= attempts) break;
                observer.retry("server_error");
                pause(retry.delay(attempt, null));
            } catch (ApiTimeoutError e) {
                last = e;
                observer.failure("timeout");
                if (attempt + 1 >= attempts) break;
                observer.retry("timeout");
                pause(retry.delay(attempt, null));
            } catch (ApiNetworkError e) {
                observer.failure("network");
                throw e;
            }
        }
        throw last;
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiNetworkError("Interrupted while waiting to retry");
        }
    }

    private ApiResponse attempt(String authorization, String method, String endpoint, JsonNode body, boolean readBody) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(baseUrl + endpoint))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        rb.method(method, publisher);
        long started = System.nanoTime();
        HttpResponse<byte[]> response = execute(rb.build(), endpoint);
        int status = response.statusCode();
        observer.response(status);
        UpstreamStatus.note(status);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} in {} ms", method, LogRedaction.endpoint(endpoint), status,
                    (System.nanoTime() - started) / 1_000_000);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (location != null) {
                return new ApiResponse(status, URI.create(baseUrl + endpoint).resolve(location).toString(), MissingNode.getInstance());
            }
        }
        if (status < 200 || status >= 300) {
            String message = redact(ErrorMessages.fromBody(status, text), authorization);
            if (status == 429) {
                Double retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
                throw new RateLimitError(message, endpoint, retryAfter);
            }
            throw new ApiRequestError(status, ErrorMessages.reasonPhrase(status), message, endpoint);
        }
        if (!readBody) return new ApiResponse(status, null, MissingNode.getInstance());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("application/json")) {
            try {
                JsonNode parsed = text.isEmpty() ? null : bodyReader.readTree(text);
                if (parsed == null || parsed.isMissingNode()) {
                    throw new ApiMalformedResponseError(endpoint, "an empty body");
                }
                return new ApiResponse(status, null, parsed);
            } catch (IOException e) {
                throw new ApiMalformedResponseError(endpoint, "malformed JSON");
            }
        }
        return new ApiResponse(status, null, TextNode.valueOf(text));
    }

    /** An opened download: status, content type and the body as a stream the caller must close. */
    public record Download(int status, String contentType, java.io.InputStream body) {}

    /**
     * Opens a temporary storage link the API handed out (F2): a plain GET with no {@code Authorization} header (the
     * link is signed; the storage host must never see the caller's key), no redirects followed, the per-attempt
     * timeout for the answer's headers. The body is streamed, never buffered whole.
     */
    public Download openDownload(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ApiNetworkError("The download link is not a valid URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
                || uri.getHost() == null) {
            throw new ApiNetworkError("The download link is not an http(s) URL");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<java.io.InputStream>> future =
                client.join().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<java.io.InputStream> r = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ApiTimeoutError(timeout, "(file download)");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiNetworkError("Download interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) throw new ApiTimeoutError(timeout, "(file download)");
            throw new ApiNetworkError("Network error while downloading the file from " + uri.getHost());
        }
    }

    /**
     * Removes the caller's secret from a message built from an error body: an API that echoes the key or token
     * back must not leak it into tool results or logs.
     */
    static String redact(String message, String authorization) {
        int space = authorization.indexOf(' ');
        String secret = space < 0 ? authorization : authorization.substring(space + 1);
        return secret.isEmpty() ? message : message.replace(secret, "***");
    }

    private HttpResponse<byte[]> execute(HttpRequest request, String endpoint) {
        CompletableFuture<HttpResponse<byte[]>> future = client.join().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ApiTimeoutError(timeout, endpoint);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiNetworkError("Request interrupted: " + endpoint);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) throw new ApiTimeoutError(timeout, endpoint);
            throw new ApiNetworkError(networkMessage(cause));
        }
    }

    private String networkMessage(Throwable cause) {
        String host = URI.create(baseUrl).getHost();
        if (cause instanceof ConnectException) {
            return "Could not connect to the Sequentum API at " + host + " (connection refused or unreachable)";
        }
        if (cause instanceof UnresolvedAddressException
                || (cause != null && cause.getCause() instanceof UnresolvedAddressException)) {
            return "Could not resolve the Sequentum API host " + host;
        }
        if (cause instanceof IOException) {
            return "Network error talking to the Sequentum API at " + host + ": connection closed unexpectedly";
        }
        return "Network error talking to the Sequentum API at " + host;
    }
}
