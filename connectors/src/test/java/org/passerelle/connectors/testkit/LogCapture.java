package org.passerelle.connectors.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the test JVM on the root logger, so that a test can prove a
 * token, a chat id or a phone number never reached a log line at INFO or above.
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;

    /** Starts capturing; attach after any framework has (re)initialised logging. */
    public LogCapture() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    /** The formatted lines (with any exception's full text) at INFO or above. */
    public List<String> linesAtInfoOrAbove() {
        List<ILoggingEvent> events;
        // The appender appends under its own lock, from whichever thread logs.
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                .map(LogCapture::render)
                .toList();
    }

    /** Fails if any of these values appears in a line at INFO or above. */
    public void assertNeverLogged(String... secrets) {
        var lines = linesAtInfoOrAbove();
        for (var secret : secrets) {
            assertThat(lines).as("log lines at INFO+ must not contain a secret or an address")
                    .noneMatch(line -> line.contains(secret));
        }
    }

    /** Forgets what was captured so far. */
    public void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }

    private static String render(ILoggingEvent event) {
        var line = event.getLoggerName() + " " + event.getFormattedMessage();
        var thrown = event.getThrowableProxy();
        return thrown == null ? line : line + " | " + ThrowableProxyUtil.asString(thrown);
    }
}
