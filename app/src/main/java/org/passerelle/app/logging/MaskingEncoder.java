package org.passerelle.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Wraps the encoder of an appender and masks what it rendered, so that the message, the
 * exception's message and stack trace, the MDC and any structured field all pass through
 * {@link LogMasking}, for the structured and the plain formats alike. Spring Boot's console and
 * file encoders write UTF-8 unless told otherwise; the charset is given when it is another.
 */
final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;
    private final Charset charset;

    MaskingEncoder(Encoder<ILoggingEvent> delegate, Charset charset) {
        this.delegate = delegate;
        this.charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** The encoder this one masks. */
    Encoder<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    public byte[] headerBytes() {
        return masked(delegate.headerBytes());
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return masked(delegate.encode(event));
    }

    @Override
    public byte[] footerBytes() {
        return masked(delegate.footerBytes());
    }

    @Override
    public void start() {
        if (!delegate.isStarted()) {
            delegate.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }

    private byte[] masked(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return bytes;
        }
        var text = new String(bytes, charset);
        var masked = LogMasking.mask(text);
        return masked.equals(text) ? bytes : masked.getBytes(charset);
    }
}
