/**
 * The published content in Redis, as numbered immutable versions: the shipped files seed
 * version 1, staff edit drafts per topic and language and per entry of the service directory
 * ({@link org.passerelle.core.content.DirectoryEditor}), a publish makes the next version of
 * both in one atomic step, and a rollback publishes an older version again. The engine reads
 * the version in force at every turn. Uses {@code core.store} for Redis and the {@code content}
 * module to read, write and validate the files.
 */
package org.passerelle.core.content;
