/**
 * The published content in Redis, as numbered immutable versions: the shipped files seed
 * version 1, staff edit drafts per topic and language, a publish makes the next version in one
 * atomic step, and a rollback publishes an older version again. The engine reads the version in
 * force at every turn. Uses {@code core.store} for Redis and the {@code content} module to read,
 * write and validate the files.
 */
package org.passerelle.core.content;
