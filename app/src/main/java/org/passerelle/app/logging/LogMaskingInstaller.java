package org.passerelle.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Puts a {@link MaskingEncoder} in front of the encoder of every Logback appender, right after
 * Spring Boot configured logging (and again once the context is prepared, in case it was
 * configured again), whatever the format: ECS JSON by default, any other structured format, or
 * the plain pattern. Registered in {@code META-INF/spring.factories}, since logging is set up
 * before any bean exists. Does nothing when Logback is not the logging backend.
 */
public final class LogMaskingInstaller implements GenericApplicationListener {

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        var type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                || ApplicationPreparedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        Environment environment = null;
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            environment = prepared.getEnvironment();
        } else if (event instanceof ApplicationPreparedEvent prepared) {
            environment = prepared.getApplicationContext().getEnvironment();
        }
        install(environment);
    }

    @Override
    public int getOrder() {
        // Just after Spring Boot has built the appenders.
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** Wraps the encoder of every appender of the Logback context; a second call changes nothing. */
    static void install(Environment environment) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        var fallback = charset(environment);
        for (var logger : context.getLoggerList()) {
            logger.iteratorForAppenders().forEachRemaining(appender -> wrap(appender, fallback));
        }
    }

    @SuppressWarnings("unchecked")
    private static void wrap(Appender<ILoggingEvent> appender, Charset fallback) {
        if (appender instanceof AppenderAttachable<?> holder) {
            ((AppenderAttachable<ILoggingEvent>) holder).iteratorForAppenders()
                    .forEachRemaining(inner -> wrap(inner, fallback));
        }
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> stream)) {
            return;
        }
        var encoder = stream.getEncoder();
        if (encoder == null || encoder instanceof MaskingEncoder) {
            return;
        }
        var charset = encoder instanceof LayoutWrappingEncoder<ILoggingEvent> layout && layout.getCharset() != null
                ? layout.getCharset()
                : fallback;
        var masking = new MaskingEncoder(encoder, charset);
        masking.setContext(appender.getContext());
        masking.start();
        stream.setEncoder(masking);
    }

    private static Charset charset(Environment environment) {
        var name = environment == null ? null : environment.getProperty("logging.charset.console");
        try {
            return name == null || name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
