package org.passerelle.connectors.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event at INFO or above, except the Twilio stand-in's own, and asserts that
 * no secret or personal datum appears in them.
 */
final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;

    private LogCapture() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /** The text of every captured line at INFO or above, with its stack trace. */
    synchronized List<String> lines() {
        return List.copyOf(appender.list).stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .filter(event -> !event.getLoggerName().toLowerCase(Locale.ROOT).contains("wiremock"))
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
    }

    void assertNeverLogged(String... secrets) {
        var lines = lines();
        for (var secret : secrets) {
            assertThat(lines).as("log lines at INFO or above").noneMatch(line -> line.contains(secret));
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
