-- Documents, failures, sentences, actors, events and quotes.
CREATE TABLE documents (
    doc_id       TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url          TEXT,
    title        TEXT,
    source       TEXT,
    pub_date     TEXT,
    text         TEXT NOT NULL,
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE failures (
    input     TEXT NOT NULL,
    reason    TEXT NOT NULL,
    failed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (input, reason)
);

CREATE TABLE sentences (
    doc_id     TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    n          INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, n)
);

CREATE TABLE actors (
    code    TEXT PRIMARY KEY,
    name    TEXT,
    country TEXT,
    role    TEXT
);

CREATE TABLE events (
    event_id       TEXT PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    source_code    TEXT,
    source_country TEXT,
    target_code    TEXT,
    target_country TEXT,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover_type    TEXT,
    modality       TEXT NOT NULL,
    date           TEXT,
    confidence     REAL NOT NULL,
    cluster_id     TEXT,
    data           TEXT NOT NULL  -- the full event as JSON (the output contract)
);
CREATE INDEX events_dyad ON events (source_country, target_country, root, date);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_doc ON events (doc_id);

CREATE TABLE quotes (
    quote_id     TEXT PRIMARY KEY,
    doc_id       TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    speaker_code TEXT,
    speaker_country TEXT,
    kind         TEXT NOT NULL,
    data         TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes (doc_id);
