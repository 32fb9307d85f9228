package com.sequentum.mcp.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Building an error message from an error response body (both body shapes the API uses, and text). */
class ErrorMessagesTest {

    @Test
    void anEmptyBodyKeepsTheDefault() {
        assertThat(ErrorMessages.fromBody(404, "")).isEqualTo("API Error 404: Not Found");
        assertThat(ErrorMessages.fromBody(500, null)).isEqualTo("API Error 500: Internal Server Error");
        assertThat(ErrorMessages.fromBody(503, "")).isEqualTo("API Error 503: Service Unavailable");
    }

    @Test
    void messageWinsInTheBadRequestShape() {
        assertThat(ErrorMessages.fromBody(400, "{\"statusCode\":400,\"statusDescription\":\"Bad Request\","
                + "\"message\":\"Invalid agentId\",\"severity\":\"Error\"}")).isEqualTo("Invalid agentId");
        assertThat(ErrorMessages.fromBody(400, "{\"message\":\"m\",\"title\":\"t\",\"detail\":\"d\"}")).isEqualTo("m");
    }

    @Test
    void problemDetailsCombineTitleAndDetail() {
        assertThat(ErrorMessages.fromBody(404, "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.5\","
                + "\"title\":\"Not Found\",\"status\":404,\"detail\":\"Agent with ID 999 was not found\","
                + "\"instance\":\"/api/v1/agent/999\"}")).isEqualTo("Not Found: Agent with ID 999 was not found");
        assertThat(ErrorMessages.fromBody(404, "{\"detail\":\"Only detail\"}")).isEqualTo("Only detail");
        assertThat(ErrorMessages.fromBody(401, "{\"type\":\"x\",\"title\":\"Unauthorized\",\"status\":401}"))
                .isEqualTo("Unauthorized");
    }

    @Test
    void statusDescriptionIsTheLastResort() {
        assertThat(ErrorMessages.fromBody(400, "{\"statusCode\":400,\"statusDescription\":\"Bad Request\"}"))
                .isEqualTo("Bad Request");
    }

    @Test
    void emptyOrNullFieldsAreSkipped() {
        assertThat(ErrorMessages.fromBody(400, "{\"message\":\"\",\"detail\":null,\"title\":\"T\"}")).isEqualTo("T");
        assertThat(ErrorMessages.fromBody(400, "{\"message\":\"\",\"detail\":\"\",\"title\":\"\"}"))
                .isEqualTo("API Error 400: Bad Request");
    }

    @Test
    void jsonWithoutKnownFieldsKeepsTheDefault() {
        assertThat(ErrorMessages.fromBody(409, "{\"error\":\"conflict\"}")).isEqualTo("API Error 409: Conflict");
        assertThat(ErrorMessages.fromBody(500, "[1,2]")).isEqualTo("API Error 500: Internal Server Error");
        assertThat(ErrorMessages.fromBody(500, "\"quoted\"")).isEqualTo("API Error 500: Internal Server Error");
    }

    @Test
    void textBodiesAreUsedAsIs() {
        assertThat(ErrorMessages.fromBody(500, "Not valid JSON")).isEqualTo("Not valid JSON");
        assertThat(ErrorMessages.fromBody(503, "Service down")).isEqualTo("Service down");
        assertThat(ErrorMessages.fromBody(502, "<html><body>Bad gateway</body></html>"))
                .isEqualTo("<html><body>Bad gateway</body></html>");
    }

    @Test
    void textThatMerelyStartsLikeJsonIsStillText() {
        assertThat(ErrorMessages.fromBody(404, "404 page not found")).isEqualTo("404 page not found");
        assertThat(ErrorMessages.fromBody(500, "{\"message\":\"x\"} and more")).isEqualTo("{\"message\":\"x\"} and more");
        assertThat(ErrorMessages.fromBody(500, "true story")).isEqualTo("true story");
    }

    @Test
    void longTextIsCutTo500CharactersPlusEllipsis() {
        String thousand = "x".repeat(1000);
        assertThat(ErrorMessages.fromBody(500, thousand)).isEqualTo("x".repeat(500) + "...").hasSize(503);
        assertThat(ErrorMessages.fromBody(500, "y".repeat(500))).isEqualTo("y".repeat(500));
        assertThat(ErrorMessages.fromBody(500, "z".repeat(501))).isEqualTo("z".repeat(500) + "...");
    }

    @Test
    void longJsonMessagesAreNotCut() {
        String longMessage = "m".repeat(800);
        assertThat(ErrorMessages.fromBody(400, "{\"message\":\"" + longMessage + "\"}")).isEqualTo(longMessage);
    }

    @Test
    void reasonPhrases() {
        assertThat(ErrorMessages.reasonPhrase(401)).isEqualTo("Unauthorized");
        assertThat(ErrorMessages.reasonPhrase(429)).isEqualTo("Too Many Requests");
        assertThat(ErrorMessages.reasonPhrase(504)).isEqualTo("Gateway Timeout");
    }
}
