/**
 * File transfers and their state machine, where upload → store → scan → publish → event ends: every status change
 * goes through {@link no.formidler.transfer.Transitions}, which writes the history row and appends the events to the
 * outbox ({@code events.EventOutbox}) in the same transaction; events/ then serves them (feed, webhooks) and altinn/
 * publishes them to Altinn Events. An upload completes in {@link no.formidler.transfer.TransferLifecycle#completeUpload}
 * (published at once, or UploadProcessing until {@link no.formidler.transfer.ScanVerdictTarget} gets the verdict).
 */
package no.formidler.transfer;
