/**
 * GitHub intake and output: signed webhooks in, pull-request comments, check runs and commit
 * statuses out. The only module that touches GitHub's types.
 */
package dev.sluice.webhooks;
