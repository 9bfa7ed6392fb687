-- tracuu's system of record in PostgreSQL (issue 16).
-- The truth is the original source files (`sources`); every write bumps one revision number and
-- is announced with NOTIFY tracuu_changes, '<revision>'. Each tracuu instance mirrors the sources,
-- indexes them with the same readers as the files store, and serves its own in-memory index.
-- What the indexer made of them (documents, clauses, references, statuses) is written back by
-- the first instance that builds a revision, for SQL users, reports and backups.

CREATE TABLE tracuu_revision (
  id       smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  revision bigint   NOT NULL
);
INSERT INTO tracuu_revision (id, revision) VALUES (1, 0);

CREATE TABLE sources (
  corpus     text        NOT NULL,  -- the folder a file belongs to: "corpus" (admin writes), "seeds", "vlc" …
  name       text        NOT NULL,  -- its name inside that folder (sub-folders with "/")
  sha256     text        NOT NULL,
  size       integer     NOT NULL,
  bytes      bytea       NOT NULL,
  revision   bigint      NOT NULL,  -- the revision that wrote it
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (corpus, name)
);

-- One row per write: what a reconnecting instance compares, and an audit trail.
CREATE TABLE changes (
  revision bigint      PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  action   text        NOT NULL CHECK (action IN ('put', 'delete')),
  corpus   text        NOT NULL,
  name     text        NOT NULL,
  sha256   text
);

-- Derived: the latest build written back (one row), and its content.
CREATE TABLE build_state (
  id           smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  revision     bigint      NOT NULL,
  content_hash text        NOT NULL,
  built_at     timestamptz NOT NULL
);

CREATE TABLE documents (
  id     text  PRIMARY KEY,
  number text,
  type   text  NOT NULL,
  title  text,
  issuer text,
  date   text,
  corpus text  NOT NULL,
  text   text  NOT NULL,            -- the normalised full text all clause spans point into
  record jsonb NOT NULL             -- the DocumentRecord without text and clauses
);

CREATE TABLE clauses (
  id         text    PRIMARY KEY,
  doc_id     text    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord        integer NOT NULL,      -- document order
  kind       text    NOT NULL,
  path_label text    NOT NULL,
  text       text    NOT NULL,
  record     jsonb   NOT NULL       -- the Clause
);
CREATE INDEX clauses_doc ON clauses (doc_id, ord);

CREATE TABLE refs (
  id               text  PRIMARY KEY,
  doc_id           text  NOT NULL,
  clause_id        text  NOT NULL,
  relation         text  NOT NULL,
  status           text,
  target_doc_id    text,
  target_clause_id text,
  record           jsonb NOT NULL   -- the Reference
);
CREATE INDEX refs_doc ON refs (doc_id);
CREATE INDEX refs_target ON refs (target_doc_id);

-- Graph nodes: in-corpus and cited-only documents with their status and its evidence.
CREATE TABLE statuses (
  doc_id    text    PRIMARY KEY,
  in_corpus boolean NOT NULL,
  status    text,
  record    jsonb   NOT NULL        -- the GraphNode
);
