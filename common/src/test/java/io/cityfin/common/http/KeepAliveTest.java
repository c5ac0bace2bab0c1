package io.cityfin.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty's HTTP server, which every CityFin app runs on, keeps reading a keep-alive connection after a request
 * that arrived while the previous one was still finishing. Reactor Netty 1.3.6 buffered such a request and then, when
 * it was answered at once, never read the connection again (reactor-netty#4361): the next request on it got no answer
 * and nothing was logged. The contract fuzzer and the integration tests met it a few times in 10,000 requests (a
 * request unanswered for 30 s); 1.3.8 reads on. This pins that behaviour to the version the apps run.
 */
class KeepAliveTest {

    private DisposableServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
    }

    @Test
    void answersTheNextRequestOnAConnectionWhosePipelinedRequestWasAnsweredAtOnce() throws IOException {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(request.uri().equals("/slow")
                        ? Mono.delay(Duration.ofMillis(100)).thenReturn("slow") : Mono.just("fast")))
                .bindNow(Duration.ofSeconds(5));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            // the second request arrives while the first is still being answered: the server buffers it
            write(socket, request("/slow") + request("/fast"));
            assertThat(readResponses(socket, 2)).containsSubsequence("slow", "fast");
            write(socket, request("/next"));
            assertThat(readResponses(socket, 1)).as("the request after them, on the same connection").contains("fast");
        }
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads until {@code count} whole responses (each with a Content-Length body) have arrived. */
    private static String readResponses(Socket socket, int count) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int complete = 0;
        while (complete < count) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            seen.write(next);
            complete = completeResponses(seen.toString(StandardCharsets.US_ASCII));
        }
        return seen.toString(StandardCharsets.US_ASCII);
    }

    private static int completeResponses(String text) {
        int complete = 0;
        int at = 0;
        while (true) {
            int headersEnd = text.indexOf("\r\n\r\n", at);
            if (headersEnd < 0) {
                return complete;
            }
            String headers = text.substring(at, headersEnd).toLowerCase();
            int length = headers.indexOf("content-length:");
            int bodyLength = length < 0 ? 0 : Integer.parseInt(headers.substring(length + 15).split("\r\n")[0].strip());
            int end = headersEnd + 4 + bodyLength;
            if (text.length() < end) {
                return complete;
            }
            complete++;
            at = end;
        }
    }
}
