/**
 * The migration engine and everything that moves a release towards production: resolving and
 * applying migrations, releases, promotion through environments, approvals and drift. Reports
 * progress through listener interfaces it owns; it knows nothing of GitHub.
 */
package dev.sluice.rollout;
