package io.sxs.connector.scoro.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sxs.connector.source.ApiException.Kind;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoroResponsesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    private static ScoroApiException failure(int http, String body) {
        return failure(http, NO_HEADERS, body);
    }

    private static ScoroApiException failure(int http, HttpHeaders headers, String body) {
        return catchThrowableOfType(ScoroApiException.class, () -> ScoroResponses.data(http, headers, body, NOW));
    }

    @Test
    void okEnvelopeGivesData() throws Exception {
        assertThat(ScoroResponses.data(200, NO_HEADERS, "{\"status\":\"OK\",\"statusCode\":200,\"data\":{\"id\":1.50}}", NOW)
                .get("id").decimalValue()).isEqualTo("1.50");
    }

    @Test
    void errorEnvelopeWithHttp200IsRejectedWithItsMessages() {
        ScoroApiException e = failure(200, "{\"status\":\"ERROR\",\"statusCode\":400,\"messages\":{\"error\":[\"company_id is required\",\"no: in use\"]}}");
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.messages()).containsExactly("company_id is required", "no: in use");
        assertThat(e.getMessage()).contains("company_id is required");
    }

    @Test
    void fieldKeyedAndStringMessagesAreFlattened() {
        assertThat(failure(200, "{\"status\":\"ERROR\",\"statusCode\":\"400\",\"messages\":{\"name\":\"required\"}}").messages())
                .containsExactly("name: required");
        assertThat(failure(200, "{\"status\":\"ERROR\",\"statusCode\":400,\"messages\":{\"error\":\"bad\"}}").messages())
                .containsExactly("bad");
    }

    @Test
    void notFoundInTheEnvelopeOrByHttp() {
        assertThat(failure(200, "{\"status\":\"ERROR\",\"statusCode\":404,\"messages\":{\"error\":[\"Invoice 9 not found\"]}}").kind())
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(failure(200, "{\"status\":\"ERROR\",\"messages\":{\"error\":[\"Contact 9 not found\"]}}").kind())
                .isEqualTo(Kind.NOT_FOUND);
        assertThat(failure(200, "{\"status\":\"ERROR\",\"statusCode\":400,\"messages\":{\"error\":[\"company_id: contact 9 does not exist\"]}}").kind())
                .isEqualTo(Kind.REJECTED);
        assertThat(failure(404, "<html>nope</html>").kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void credentialsFailures() {
        assertThat(failure(401, "{\"status\":\"ERROR\",\"statusCode\":401,\"messages\":{\"error\":[\"Unauthorized\"]}}").kind())
                .isEqualTo(Kind.UNAUTHORISED);
        assertThat(failure(403, "").kind()).isEqualTo(Kind.UNAUTHORISED);
        assertThat(failure(200, "{\"status\":\"ERROR\",\"statusCode\":403,\"messages\":null}").kind()).isEqualTo(Kind.UNAUTHORISED);
    }

    @Test
    void throttlingUsesTheResetHeader() {
        HttpHeaders headers = HttpHeaders.of(Map.of("x-ratelimit-reset", List.of("7")), (a, b) -> true);
        ScoroApiException e = failure(429, headers, "{\"status\":\"ERROR\",\"statusCode\":429,\"messages\":{\"error\":[\"Too many requests\"]}}");
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfterSeconds()).isEqualTo(7);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void serverErrorsAreRetryableAndHtmlIsMalformed() {
        assertThat(failure(502, "<html>bad gateway</html>").kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure(200, "{\"status\":\"ERROR\",\"statusCode\":500,\"messages\":null}").kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(failure(200, "<!DOCTYPE html><html>Login</html>").kind()).isEqualTo(Kind.MALFORMED);
        assertThat(failure(200, "{\"status\":\"OK\"").kind()).isEqualTo(Kind.MALFORMED);
        assertThat(failure(200, "{\"data\":[]}").kind()).isEqualTo(Kind.MALFORMED);
    }
}
