-- PegNet pool (pool-pegnet). What the generic tables cannot hold: the accountant's in-flight work per job
-- (the job id, the unsigned 64-bit target stored as its signed bit pattern, arrival order), each job's owed-payout
-- summary (reward, fee, dust, pool difficulty), the per-user split, every submission attempt and the EMA history.
-- What users are owed is also credited into credit_batches/credits/balances (source 'pegnet-job:<height>'),
-- which makes crediting exactly-once.
CREATE TABLE pegnet_jobs (
    job_id          BIGINT       PRIMARY KEY,
    state           VARCHAR(8)   NOT NULL,
    opened_at       BIGINT       NOT NULL,
    reward          BIGINT,
    graded          INTEGER,
    winning         INTEGER,
    fee_rate        VARCHAR(24),
    pool_fee        BIGINT,
    dust            BIGINT,
    pool_difficulty VARCHAR(40),
    closed_at       BIGINT,
    CONSTRAINT pegnet_jobs_state_check CHECK (state IN ('open', 'closed'))
);

CREATE TABLE pegnet_shares (
    id          ${id},
    job_id      BIGINT       NOT NULL,
    username    VARCHAR(128) NOT NULL,
    miner_id    VARCHAR(64)  NOT NULL,
    target      BIGINT       NOT NULL,
    accepted_at BIGINT       NOT NULL
);
CREATE INDEX pegnet_shares_by_job ON pegnet_shares (job_id);

CREATE TABLE pegnet_user_owed (
    job_id      BIGINT       NOT NULL,
    username    VARCHAR(128) NOT NULL,
    difficulty  VARCHAR(40)  NOT NULL,
    proportion  VARCHAR(24)  NOT NULL,
    payout      BIGINT       NOT NULL,
    PRIMARY KEY (job_id, username)
);

CREATE TABLE pegnet_submissions (
    id          ${id},
    job_id      BIGINT       NOT NULL,
    username    VARCHAR(128) NOT NULL,
    miner_id    VARCHAR(64)  NOT NULL,
    opr_hash    VARCHAR(64)  NOT NULL,
    nonce       VARCHAR(256) NOT NULL,
    target      BIGINT       NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    entry_hash  VARCHAR(64)  NOT NULL,
    commit_txid VARCHAR(64)  NOT NULL,
    error       VARCHAR(512) NOT NULL,
    attempted_at BIGINT      NOT NULL
);
CREATE INDEX pegnet_submissions_by_job ON pegnet_submissions (job_id);

CREATE TABLE pegnet_emas (
    block_height   BIGINT PRIMARY KEY,
    minimum_target BIGINT NOT NULL,
    ema            BIGINT NOT NULL
);
