/**
 * Understanding a message: the safety rules that run first and never depend on a model, the
 * language (script, Apache OpenNLP's detector, short-word lexicons), and the intent (one OpenNLP
 * document categorizer per language, trained from the content's example phrases). Plain Java;
 * uses the {@code content} module for the phrases.
 */
package org.passerelle.core.nlu;
