package org.attributiongraph.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bench's HTTP client: one keep-alive HTTP/1.1 connection to the bench's own server, written and
 * read on the calling thread. A timed request is then the server's work and the loopback, not the
 * client's: the JDK's HttpClient hands each exchange to threads of its own and added 0.36 ms to every
 * request on the bench's machine (BENCHMARKS.md, "Where the time goes"). GET only, which is all the
 * bench asks; a connection the server closed is opened again.
 */
final class BenchHttp implements AutoCloseable {

    record Response(int status, byte[] body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    BenchHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code cacheControl} may be null. */
    Response get(String path, String cacheControl) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            connect();
        }
        try {
            return exchange(path, cacheControl);
        } catch (EOFException | SocketException e) {
            if (!reused) {
                throw e;
            }
            // The server closed an idle connection (its keep-alive timeout); a GET is safe to send again.
            close();
            connect();
            return exchange(path, cacheControl);
        }
    }

    private Response exchange(String path, String cacheControl) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + (cacheControl == null ? "" : "Cache-Control: " + cacheControl + "\r\n") + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closes = value.contains("close");
                default -> { }
            }
        }
        byte[] body = chunked ? chunks() : in.readNBytes((int) Math.max(length, 0));
        if (length > 0 && body.length < length) {
            throw new EOFException("the body ended after " + body.length + " of " + length + " bytes");
        }
        if (closes) {
            close();
        }
        return new Response(status, body);
    }

    private byte[] chunks() throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers: none expected, none kept
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("a chunk ended after " + chunk.length + " of " + size + " bytes");
            }
            body.write(chunk);
            line();
        }
    }

    /** One header or chunk-size line, without its CRLF. */
    private String line() throws IOException {
        var text = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-response");
            }
            if (b != '\r') {
                text.append((char) b);
            }
        }
        return text.toString();
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = new BufferedOutputStream(socket.getOutputStream());
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // a socket that cannot close is already broken; the next request opens a new one
            }
            socket = null;
        }
    }
}
