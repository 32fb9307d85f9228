package com.sequentum.mcp.transport.http;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates RS256 JWT access tokens locally before any MCP work: signature against the issuer's JWKS (cached for
 * 10 minutes; an unknown {@code kid} triggers a refetch at most once per 30 seconds), issuer, audience (the MCP
 * endpoint URL, its bare origin with or without trailing slash, or {@code OAUTH_AUDIENCE}), expiry and not-before with
 * the configured clock skew (60 seconds by default), and a {@code sub}. The principal is {@code <issuer>#<sub>}.
 */
final class JwtTokenVerifier implements TokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(JwtTokenVerifier.class);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;

    JwtTokenVerifier(String issuer, String jwksUrl, List<String> audiences) {
        this(issuer, jwksUrl, audiences, Duration.ofSeconds(HttpSettings.DEFAULT_CLOCK_SKEW_SECONDS));
    }

    JwtTokenVerifier(String issuer, String jwksUrl, List<String> audiences, Duration clockSkew) {
        this.issuer = issuer;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUrl).toURL(),
                            new DefaultResourceRetriever(5_000, 5_000, 512 * 1024))
                    .cache(Duration.ofMinutes(10).toMillis(), Duration.ofSeconds(5).toMillis())
                    .rateLimited(Duration.ofSeconds(30).toMillis())
                    .retrying(false)
                    .build();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("OAUTH_JWKS_URL is not a valid URL: " + jwksUrl);
        }
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.copyOf(audiences),
                null, Set.of("sub", "exp", "iss"), null) {
            @Override
            public void verify(JWTClaimsSet c, SecurityContext ctx) throws BadJWTException {
                super.verify(c, ctx);
                String iss = c.getIssuer();
                if (iss == null || !(HttpSettings.stripTrailingSlashes(iss).equals(issuer))) {
                    throw new BadJWTException("JWT issuer rejected");
                }
            }
        };
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    @Override
    public Verdict verify(String token) {
        try {
            JWTClaimsSet c = processor.process(token, null);
            return new Valid(issuer + "#" + c.getSubject());
        } catch (RateLimitReachedException e) {
            // An unknown key id and the key set was refreshed moments ago: the key really is unknown.
            return new Rejected("The access token was signed with an unknown key");
        } catch (KeySourceException e) {
            LOG.warn("[MCP] JWKS unavailable: {}", e.getMessage());
            return new Unavailable("The authorization server's signing keys could not be retrieved");
        } catch (BadJOSEException | ParseException e) {
            return new Rejected(reason(e));
        } catch (Exception e) {
            return new Rejected("The access token could not be validated");
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (m.contains("expired")) return "The access token has expired";
        if (m.contains("audience") || m.contains("aud claim")) return "The access token was not issued for this resource";
        if (m.contains("issuer")) return "The access token was issued by an unexpected issuer";
        if (m.contains("before use time")) return "The access token is not yet valid";
        if (e instanceof ParseException || m.contains("invalid jwt") || m.contains("parse")) return "The access token is not a valid JWT";
        return "The access token signature or format is invalid";
    }
}
