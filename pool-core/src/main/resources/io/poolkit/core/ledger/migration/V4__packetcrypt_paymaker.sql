-- PacketCrypt PayMaker pay logs (version 4, reserved for pool-packetcrypt).
--
-- The PayMaker credits from the handlers' pay logs (ndjson of share, anns and block events) with
-- time windows, one-minute ann slots and per-slot dedup that only a replay of the logs in order
-- reproduces; so, like the node.js PayMaker's paylog files, every accepted log is kept verbatim
-- and replayed on start. log_id is the first 32 hex digits of the body's SHA-256 (the id the
-- handlers check), so a log posted twice is stored and credited once. newest_time is the time of
-- the log's newest event (ms), used to load only the history depth.
CREATE TABLE pc_paylogs (
    log_id      VARCHAR(32) NOT NULL PRIMARY KEY,
    newest_time BIGINT      NOT NULL,
    body        TEXT        NOT NULL,
    received_at BIGINT      NOT NULL
);
CREATE INDEX pc_paylogs_by_time ON pc_paylogs (newest_time, log_id);
