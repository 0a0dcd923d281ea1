package org.passerelle.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection sending requests written in full beforehand and reading
 * only what it must of each answer: the status, the length (or the chunks) and whether the
 * server closes. It costs the driver next to nothing per request, leaving the cores to the
 * application. Not thread-safe: one per sending thread.
 */
final class HttpConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(int port) {
        this.address = new InetSocketAddress("127.0.0.1", port);
    }

    /**
     * Sends one request and reads its answer.
     *
     * @return the status of the answer
     * @throws IOException when the connection fails or the answer does not come in time; the
     *                     connection is closed and the next request opens a new one
     */
    int send(byte[] request) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(address, TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    private int readAnswer() throws IOException {
        var statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        boolean closes = false;
        for (var header = line(); !header.isEmpty(); header = line()) {
            var lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        if (chunked) {
            skipChunks();
        } else {
            skip(length);
        }
        if (closes) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        long size;
        do {
            var sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            skip(size);
            line();
        } while (size > 0);
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the server closed the connection mid-answer");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        var bytes = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = bytes.length();
                return end > 0 && bytes.charAt(end - 1) == '\r' ? bytes.substring(0, end - 1) : bytes.toString();
            }
            bytes.append((char) c);
        }
        throw new IOException("the server closed the connection");
    }

    /** The head and body of a request, as bytes to send. */
    static byte[] request(String method, String path, int port, String contentType, String extraHeaders,
            String body) {
        var payload = body.getBytes(StandardCharsets.UTF_8);
        var head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + contentType
                + "\r\n" + extraHeaders + "Content-Length: " + payload.length + "\r\n\r\n";
        var headBytes = head.getBytes(StandardCharsets.US_ASCII);
        var all = new byte[headBytes.length + payload.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(payload, 0, all, headBytes.length, payload.length);
        return all;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
