/**
 * SQL review of PostgreSQL migrations: splitting files into statements, reading them, and the
 * lint rules. Plain Java and JSqlParser only; the build forbids Micronaut, GitHub and JGit here.
 */
package dev.sluice.review;
