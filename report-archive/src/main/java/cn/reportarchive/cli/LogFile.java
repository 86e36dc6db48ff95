package cn.reportarchive.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log an operator reads: {@code <data>/logs/report-archive.log}, rolled each day and at 10 MB, the
 * rolled files compressed and kept for 30 days and 200 MB at most. The levels are those of logback.xml
 * (our packages INFO, libraries WARN). Added by a command that opens the archive: that command holds the
 * index lock, so one process at a time writes (and rolls) a data directory's log.
 */
final class LogFile {
    static final String FOLDER = "logs";
    static final String NAME = "report-archive.log";
    private static final String APPENDER = "data-directory";

    private LogFile() {
    }

    /**
     * Writes the log into this data directory from now on (instead of another one this process wrote to
     * before, as in the tests, which run many commands in one process); the file, or empty when the
     * logging backend is not logback or the folder cannot be written (the command goes on without it).
     */
    static synchronized Optional<Path> attach(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize().resolve(FOLDER);
        Path file = folder.resolve(NAME);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) instanceof RollingFileAppender<ILoggingEvent> current) {
            if (current.isStarted() && file.toString().equals(current.getFile())) {
                return Optional.of(file);
            }
            root.detachAppender(current);
            current.stop();
        }
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(folder.resolve("report-archive.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        appender.setRollingPolicy(rolling);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.setCharset(StandardCharsets.UTF_8);
        appender.setEncoder(encoder);

        rolling.start();
        encoder.start();
        appender.start(); // creates the folder; fails (not started) where it cannot be written
        if (!rolling.isStarted() || !appender.isStarted()) {
            appender.stop();
            return Optional.empty();
        }
        root.addAppender(appender);
        return Optional.of(file);
    }
}
