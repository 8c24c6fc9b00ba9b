"""SQLite schema, versioned with ``PRAGMA user_version``; each migration runs in one transaction.

Append new migrations to ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3

from storyline.errors import StoreError

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, the inputs that produced them, rejections, signatures, duplicate links.
    """
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        source_id   TEXT NOT NULL,
        title       TEXT,
        outlet      TEXT,
        published   TEXT,
        language    TEXT,
        word_count  INTEGER NOT NULL,
        data        TEXT NOT NULL          -- the whole Article as JSON
    );
    CREATE TABLE inputs (
        source_id   TEXT NOT NULL,
        raw_sha256  TEXT NOT NULL,
        origin      TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('article', 'rejected')),
        article_id  TEXT REFERENCES articles(id),
        reason      TEXT,
        PRIMARY KEY (source_id, raw_sha256)
    );
    CREATE INDEX inputs_by_article ON inputs(article_id);
    CREATE TABLE minhash (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id),
        signature   BLOB NOT NULL
    );
    CREATE TABLE duplicates (
        article_id  TEXT NOT NULL REFERENCES articles(id),
        twin_id     TEXT NOT NULL REFERENCES articles(id),
        kind        TEXT NOT NULL,
        similarity  REAL NOT NULL,
        PRIMARY KEY (article_id, twin_id)
    );
    """,
    # 2: per-article annotations of later stages (the language layer first). `version` names
    # the stage version and `depends_on` what else the result was computed from (the
    # publication date used as the anchor of relative times), so a re-run recomputes only what
    # a changed stage or a changed input affects.
    """
    CREATE TABLE annotations (
        article_id  TEXT NOT NULL REFERENCES articles(id),
        layer       TEXT NOT NULL,
        version     TEXT NOT NULL,
        depends_on  TEXT NOT NULL,
        data        TEXT NOT NULL,
        PRIMARY KEY (article_id, layer)
    );
    """,
    # 3: a MinHash signature is only comparable with signatures made with the same parameters
    # and stage version; record them so that other settings recompute instead of mixing.
    """
    ALTER TABLE minhash ADD COLUMN params TEXT NOT NULL DEFAULT '';
    """,
    # 4: what `storyline serve` reads: full-text search over articles (FTS5; `article_search`'s
    # rowid is `article_search_rows.row`, kept beside the article in `put_article`), story
    # membership in arrival order (the order the story index replays at start), and one row
    # per story with its counts, its activity (the arrival number of its latest article: newest
    # activity first without a wall clock) and its brief as JSON (NULL when it must be rebuilt).
    """
    CREATE VIRTUAL TABLE article_search USING fts5(
        title, text, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE article_search_rows (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id),
        row         INTEGER NOT NULL UNIQUE
    );
    INSERT INTO article_search_rows (article_id, row)
        SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM articles;
    INSERT INTO article_search (rowid, title, text)
        SELECT r.row, a.title, json_extract(a.data, '$.text')
        FROM articles AS a JOIN article_search_rows AS r ON r.article_id = a.id;
    CREATE TABLE story_members (
        article_id  TEXT PRIMARY KEY REFERENCES articles(id),
        story_id    TEXT NOT NULL,
        arrival     INTEGER NOT NULL UNIQUE
    );
    CREATE INDEX story_members_by_story ON story_members(story_id, arrival);
    CREATE TABLE stories (
        id                   TEXT PRIMARY KEY,
        label                TEXT NOT NULL,
        first_published      TEXT,
        last_published       TEXT,
        articles             INTEGER NOT NULL,
        independent_sources  INTEGER,
        activity             INTEGER NOT NULL,
        brief                TEXT
    );
    CREATE INDEX stories_by_activity ON stories(activity DESC, id);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the database to ``SCHEMA_VERSION``; refuse a database from a newer storyline."""
    (current,) = connection.execute("PRAGMA user_version").fetchone()
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"store schema version {current} is newer than this storyline supports "
            f"({SCHEMA_VERSION}); upgrade storyline"
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[version - 1]
        try:
            connection.execute("BEGIN IMMEDIATE")
            for statement in _statements(script):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version}")
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            connection.execute("ROLLBACK")
            raise StoreError(f"migration to store schema {version} failed: {error}") from error


def _statements(script: str) -> list[str]:
    # executescript() would commit implicitly; running statements one by one keeps the
    # migration inside our own transaction.
    return [part.strip() for part in script.split(";") if part.strip()]
