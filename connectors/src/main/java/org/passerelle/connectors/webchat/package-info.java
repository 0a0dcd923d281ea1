/**
 * The web chat: the page at {@code /chat}, its JSON API at {@code /webchat/api/messages} and the
 * server-sent event stream that carries later messages (a mediator's answer, a reminder). The
 * conversation id is a random bearer id held by the page; the engine only ever sees its
 * pseudonym. A stream lives in the instance the page opened it on; the relay carries a later
 * message, sealed, through Redis pub/sub to the instance that holds her stream.
 */
package org.passerelle.connectors.webchat;
