package org.passerelle.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/** A deliberate slip, logged through a captured appender in the plain and in the ECS format. */
class MaskingEncoderTests {

    private static final String NUMBER = "+33612345678";
    private static final String TOKEN = "7012345678:AAF0k9vZb3xQwErTyUiOpAsDfGhJkLzXc12";

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("org.passerelle.test.slip");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;

    @AfterEach
    void detach() {
        if (appender == null) {
            return;
        }
        logger.detachAppender(appender);
        appender.stop();
    }

    @Test
    void masksANumberSlippedIntoAPlainLine() {
        attach(plainEncoder());

        logger.info("number {}", NUMBER);

        assertThat(written()).contains("number " + LogMasking.PHONE).doesNotContain("612345678");
    }

    @Test
    void masksANumberSlippedIntoAnEcsLineAndKeepsItJson() {
        attach(ecsEncoder());

        logger.info("number {}", NUMBER);

        assertThat(written()).contains("\"message\":\"number " + LogMasking.PHONE + "\"")
                .doesNotContain("612345678").startsWith("{").endsWith("}\n");
    }

    @Test
    void masksSecretsInAnExceptionMessageAndItsCauseInBothFormats() {
        var failure = new IllegalStateException("call to /bot" + TOKEN + " failed",
                new IllegalArgumentException("bad chat whatsapp:" + NUMBER));
        for (var encoder : new Encoder[] {plainEncoder(), ecsEncoder()}) {
            @SuppressWarnings("unchecked")
            var typed = (Encoder<ILoggingEvent>) encoder;
            attach(typed);

            logger.error("send failed", failure);

            assertThat(written()).contains("IllegalStateException").contains(LogMasking.SECRET)
                    .doesNotContain("AAF0k9vZb3").doesNotContain("612345678");
            detach();
            out.reset();
        }
    }

    @Test
    void masksADebugLineToo() {
        attach(plainEncoder());
        logger.setLevel(Level.DEBUG);
        try {
            logger.debug("chat {} wrote", 6123456789L);
        } finally {
            logger.setLevel(null);
        }

        assertThat(written()).contains("chat " + LogMasking.PHONE + " wrote");
    }

    @Test
    void wrapsAnAppenderOnlyOnce() {
        attach(plainEncoder());

        LogMaskingInstaller.install(null);

        assertThat(appender.getEncoder()).isInstanceOf(MaskingEncoder.class);
        assertThat(((MaskingEncoder) appender.getEncoder()).delegate()).isNotInstanceOf(MaskingEncoder.class);
    }

    private void attach(Encoder<ILoggingEvent> encoder) {
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        logger.addAppender(appender);
        LogMaskingInstaller.install(null);
    }

    private PatternLayoutEncoder plainEncoder() {
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger %msg%n%ex");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private StructuredLogEncoder ecsEncoder() {
        // Spring Boot's encoder reads its settings from the environment it left in the context.
        if (context.getObject(Environment.class.getName()) == null) {
            context.putObject(Environment.class.getName(), new StandardEnvironment());
        }
        var encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
