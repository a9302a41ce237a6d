package org.attributiongraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two things about hostile requests that only Tomcat can do. Requests it refuses before they reach
 * the application (an encoded slash or NUL in the path, a bad percent escape, a request line or
 * headers over the size limit) are answered as problem documents too, instead of Tomcat's HTML error
 * page with its server version. And {@code 100 Continue} is sent only when the application starts
 * reading the body, so an upload refused on its declared length (413) is never sent at all.
 */
@Configuration
class TomcatSettings implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat instantiates it by name, so it is public with a public constructor. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (status < 400 || response.getContentWritten() > 0 || !ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            var problem = JSON.createObjectNode()
                    .put("type", "about:blank")
                    .put("title", known == null ? "Error" : known.getReasonPhrase())
                    .put("status", status)
                    .put("detail", status == 400
                            ? "The request could not be read: its path holds an encoded slash, backslash or NUL, a bad percent escape, "
                              + "or its request line or headers are too large"
                            : "The request was refused before it reached the application");
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getOutputStream().write(JSON.writeValueAsBytes(problem));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the response already committed: nothing more can be said.
            }
        }
    }
}
