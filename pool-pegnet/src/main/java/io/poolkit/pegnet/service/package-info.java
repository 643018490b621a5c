/**
 * The runnable PegNet pool: its YAML configuration and the service that assembles the ledger, the factomd client,
 * the Prosper stratum server and admin console, the rolling submitter and the accountant, and polls factomd.
 */
package io.poolkit.pegnet.service;
