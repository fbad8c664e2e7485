package dev.sluice.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Answers of the running app, status and body, for tests that read JSON. */
final class ApiClient {

    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client;

    ApiClient(HttpClient client) {
        this.client = client;
    }

    Answer get(String path) {
        return send(HttpRequest.GET(path));
    }

    Answer send(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new Answer(response.getStatus().getCode(), response.getContentType().map(Object::toString).orElse(""),
                    response.getBody().orElse(""));
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus().getCode(), e.getResponse().getContentType().map(Object::toString).orElse(""),
                    e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
