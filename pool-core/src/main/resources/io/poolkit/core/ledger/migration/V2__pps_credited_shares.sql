-- poolkit ledger schema, version 2: PPS credits each share exactly once, whenever it reaches the ledger.
--
-- Version 1 credited PPS by time period (the shares accepted up to the end of the last period), so a
-- share written to the ledger after its period had been credited (a recorder that waited out a
-- database outage, a slow second server) was never paid. Now each credited share is marked, per
-- chain, with the batch that paid it; the primary key makes a second crediting of the same share
-- fail, so two concurrent runs cannot both pay it. share_id has no foreign key so shares can be pruned.
CREATE TABLE pps_credited_shares (
    chain    VARCHAR(32) NOT NULL,
    share_id BIGINT      NOT NULL,
    batch_id BIGINT      NOT NULL REFERENCES credit_batches (id),
    CONSTRAINT pps_credited_shares_pk PRIMARY KEY (chain, share_id)
);

-- Shares inside the periods version 1 credited are marked by the Java migration that follows
-- (io.poolkit.core.ledger.migration.V2_1__Mark_pps_shares_of_v1_periods).
