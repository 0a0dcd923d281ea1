package org.passerelle.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What people write to the service, in its eight languages: short messages with a phone
 * keyboard's spelling, greetings, questions about rights, papers, a bed, a doctor, an
 * appointment, menu numbers and thanks, in the same proportion in every language.
 */
public final class MessageSample {

    private static final String RESOURCE = "messages.tsv";

    /** One message and the language it is written in. */
    public record Message(String language, String text) {
    }

    private MessageSample() {
    }

    /**
     * The messages in the order of the file: languages interleave when taken with a stride.
     *
     * @throws IllegalStateException when the sample is missing or a line is malformed
     */
    public static List<Message> all() {
        var in = MessageSample.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the message sample " + RESOURCE + " is missing");
        }
        var messages = new ArrayList<Message>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException("a line of " + RESOURCE + " has no tab: " + line);
                }
                messages.add(new Message(line.substring(0, tab), line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(messages);
    }

    /** The texts of each language of the sample, the languages in the order of the file. */
    public static List<List<String>> byLanguage() {
        var all = all();
        return all.stream().map(Message::language).distinct()
                .map(language -> all.stream().filter(m -> m.language().equals(language)).map(Message::text).toList())
                .toList();
    }

    /**
     * What person {@code sender} writes the {@code round}-th time: she writes in language
     * {@code sender mod} the languages and goes through its messages in order, from her own place
     * in the list (the people of one language start at each message in turn), so that any
     * stretch of consecutive people and rounds holds every kind of message in equal shares.
     *
     * @param byLanguage as {@link #byLanguage()} gives it
     */
    public static String next(List<List<String>> byLanguage, int sender, long round) {
        var hers = byLanguage.get(sender % byLanguage.size());
        return hers.get((int) ((round + sender / byLanguage.size()) % hers.size()));
    }

    /**
     * The sample reordered so that consecutive messages are in different languages, as on a busy
     * evening: the i-th message of each language, then the (i+1)-th, and so on.
     */
    public static List<Message> interleaved() {
        var all = all();
        var languages = all.stream().map(Message::language).distinct().toList();
        var perLanguage = languages.stream()
                .map(language -> all.stream().filter(m -> m.language().equals(language)).toList()).toList();
        int longest = perLanguage.stream().mapToInt(List::size).max().orElse(0);
        var mixed = new ArrayList<Message>(all.size());
        for (int i = 0; i < longest; i++) {
            for (var messages : perLanguage) {
                if (i < messages.size()) {
                    mixed.add(messages.get(i));
                }
            }
        }
        return List.copyOf(mixed);
    }
}
