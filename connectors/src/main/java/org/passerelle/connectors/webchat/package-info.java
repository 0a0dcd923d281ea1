/**
 * The web chat: the page at {@code /chat}, its JSON API at {@code /webchat/api/messages} and the
 * server-sent event stream that carries later messages (a mediator's answer, a reminder). The
 * conversation id is a random bearer id held by the page; the engine only ever sees its
 * pseudonym.
 */
package org.passerelle.connectors.webchat;
