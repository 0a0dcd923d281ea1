package org.passerelle.core.channel;

/**
 * The fixed text a connector answers with while the store is down and her message waits to be
 * answered: that the service is briefly unavailable, and the emergency numbers. Built from the
 * content already in memory, never from the store.
 */
@FunctionalInterface
public interface OutageNotice {

    /**
     * The notice for a message, in the language it seems written in, or in French and English
     * when that cannot be told.
     *
     * @param written      what she wrote
     * @param languageHint a language tag the channel gives about her (Telegram's app language),
     *                     or null
     */
    String text(String written, String languageHint);
}
