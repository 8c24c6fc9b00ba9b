"""The default store: one embedded SQLite file in WAL mode."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from storyline.errors import StoreError
from storyline.model import Article, DuplicateLink, article_from_dict, to_dict
from storyline.store.base import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    InputRecord,
    SearchHit,
    Store,
    StoredAnnotation,
    StoryRecord,
)
from storyline.store.migrations import migrate

# SQLite's default limit on host parameters in one statement is 32766 (since 3.32); stay well
# under it when asking for many ids at once.
_ID_CHUNK = 900


class SQLiteStore(Store):
    """Articles and their inputs in a SQLite database file.

    WAL mode lets readers (``storyline articles``, the web app) work while a run writes, and
    ``synchronous=NORMAL`` in WAL mode still never corrupts the file on a crash: at worst the
    last transaction is lost, which is the article in flight.
    """

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per write.
            self._db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            migrate(self._db)
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"cannot open store {self.path}: {error}") from error

    # -- writes ---------------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def put_article(self, article: Article, record: InputRecord) -> bool:
        with self._transaction() as db:
            row = db.execute(
                "SELECT source_id, json_extract(data, '$.origin') FROM articles WHERE id = ?",
                (article.id,),
            ).fetchone()
            is_new = row is None
            # Ties on source_id (two folders both holding "a.html") are broken by origin.
            if is_new or (article.source_id, article.origin) < (row[0], row[1] or ""):
                db.execute(
                    "INSERT OR REPLACE INTO articles"
                    " (id, source_id, title, outlet, published, language, word_count, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        article.source_id,
                        article.title,
                        article.outlet,
                        article.published.value,
                        article.language,
                        article.word_count,
                        json.dumps(to_dict(article), ensure_ascii=False, sort_keys=True),
                    ),
                )
                self._index_text(db, article)
            self._put_input(db, record)
        return is_new

    @staticmethod
    def _index_text(db: sqlite3.Connection, article: Article) -> None:
        """Keep the article's full-text entry in step with its stored title and text."""
        found = db.execute(
            "SELECT row FROM article_search_rows WHERE article_id = ?", (article.id,)
        ).fetchone()
        if found is None:
            (row,) = db.execute(
                "SELECT COALESCE(MAX(row), 0) + 1 FROM article_search_rows"
            ).fetchone()
            db.execute(
                "INSERT INTO article_search_rows (article_id, row) VALUES (?, ?)", (article.id, row)
            )
        else:
            row = found[0]
            db.execute("DELETE FROM article_search WHERE rowid = ?", (row,))
        db.execute(
            "INSERT INTO article_search (rowid, title, text) VALUES (?, ?, ?)",
            (row, article.title, article.text),
        )

    def put_rejection(self, record: InputRecord) -> None:
        with self._transaction() as db:
            self._put_input(db, record)

    @staticmethod
    def _put_input(db: sqlite3.Connection, record: InputRecord) -> None:
        db.execute(
            "INSERT OR REPLACE INTO inputs"
            " (source_id, raw_sha256, origin, status, article_id, reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                record.source_id,
                record.raw_sha256,
                record.origin,
                record.status,
                record.article_id,
                record.reason,
            ),
        )

    def put_signature(self, article_id: str, signature: bytes, params: str) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO minhash (article_id, signature, params) VALUES (?, ?, ?)",
                (article_id, signature, params),
            )

    def replace_duplicate_links(
        self, article_ids: Iterable[str], links: Iterable[DuplicateLink]
    ) -> None:
        ids = sorted(set(article_ids))
        with self._transaction() as db:
            for chunk in _chunks(ids):
                marks = _marks(chunk)
                db.execute(f"DELETE FROM duplicates WHERE article_id IN ({marks})", chunk)
            db.executemany(
                "INSERT OR REPLACE INTO duplicates (article_id, twin_id, kind, similarity)"
                " VALUES (?, ?, ?, ?)",
                [(link.article_id, link.twin_id, link.kind, link.similarity) for link in links],
            )

    # -- reads ----------------------------------------------------------------------------

    def find_input(self, source_id: str, raw_sha256: str) -> InputRecord | None:
        row = self._db.execute(
            "SELECT source_id, origin, raw_sha256, status, article_id, reason FROM inputs"
            " WHERE source_id = ? AND raw_sha256 = ?",
            (source_id, raw_sha256),
        ).fetchone()
        return _input(row) if row else None

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return article_from_dict(json.loads(row[0])) if row else None

    def iter_articles(self, article_ids: Iterable[str] | None = None) -> Iterator[Article]:
        if article_ids is None:
            rows: Iterable[tuple[str]] = self._db.execute("SELECT data FROM articles ORDER BY id")
            for (data,) in rows:
                yield article_from_dict(json.loads(data))
            return
        for chunk in _chunks(sorted(set(article_ids))):
            query = f"SELECT data FROM articles WHERE id IN ({_marks(chunk)}) ORDER BY id"
            for (data,) in self._db.execute(query, chunk).fetchall():
                yield article_from_dict(json.loads(data))

    def count_articles(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def inputs_for_articles(self, article_ids: Iterable[str]) -> list[InputRecord]:
        records: list[InputRecord] = []
        for chunk in _chunks(sorted(set(article_ids))):
            rows = self._db.execute(
                "SELECT source_id, origin, raw_sha256, status, article_id, reason FROM inputs"
                f" WHERE article_id IN ({_marks(chunk)})",
                chunk,
            ).fetchall()
            records.extend(_input(row) for row in rows)
        return sorted(records, key=lambda r: (r.article_id or "", r.source_id, r.raw_sha256))

    def rejections(self) -> list[InputRecord]:
        rows = self._db.execute(
            "SELECT source_id, origin, raw_sha256, status, article_id, reason FROM inputs"
            " WHERE status = 'rejected' ORDER BY origin, source_id, raw_sha256"
        ).fetchall()
        return [_input(row) for row in rows]

    def get_signatures(self, article_ids: Iterable[str], params: str) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            rows = self._db.execute(
                "SELECT article_id, signature FROM minhash"
                f" WHERE params = ? AND article_id IN ({_marks(chunk)})",
                [params, *chunk],
            ).fetchall()
            found.update({article_id: bytes(signature) for article_id, signature in rows})
        return found

    def duplicate_links(self, article_ids: Iterable[str]) -> list[DuplicateLink]:
        wanted = set(article_ids)
        links: list[DuplicateLink] = []
        for chunk in _chunks(sorted(wanted)):
            rows = self._db.execute(
                "SELECT article_id, twin_id, kind, similarity FROM duplicates"
                f" WHERE article_id IN ({_marks(chunk)})",
                chunk,
            ).fetchall()
            links.extend(
                DuplicateLink(article_id=a, twin_id=t, kind=k, similarity=s)
                for a, t, k, s in rows
                if t in wanted
            )
        return sorted(links, key=lambda link: (link.twin_id, link.article_id))

    def put_annotation(self, annotation: StoredAnnotation) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO annotations (article_id, layer, version, depends_on, data)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    annotation.article_id,
                    annotation.layer,
                    annotation.version,
                    annotation.depends_on,
                    annotation.data,
                ),
            )

    def get_annotations(
        self, layer: str, article_ids: Iterable[str]
    ) -> dict[str, StoredAnnotation]:
        found: dict[str, StoredAnnotation] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            rows = self._db.execute(
                "SELECT article_id, layer, version, depends_on, data FROM annotations"
                f" WHERE layer = ? AND article_id IN ({_marks(chunk)})",
                [layer, *chunk],
            ).fetchall()
            found.update({row[0]: StoredAnnotation(*row) for row in rows})
        return found

    # -- stories and search -----------------------------------------------------------------

    def search_articles(
        self, words: Sequence[str], limit: int, offset: int = 0
    ) -> tuple[int, list[SearchHit]]:
        # Every word as a quoted FTS5 string: no user input is ever read as query syntax.
        terms = [word.replace('"', " ").strip() for word in words]
        query = " AND ".join(f'"{term}"' for term in terms if term)
        if not query:
            return 0, []
        (total,) = self._db.execute(
            "SELECT COUNT(*) FROM article_search WHERE article_search MATCH ?", (query,)
        ).fetchone()
        rows = self._db.execute(
            "SELECT r.article_id, a.title, a.outlet, a.published,"
            " snippet(article_search, 1, ?, ?, '…', 16), m.story_id"
            " FROM article_search"
            " JOIN article_search_rows AS r ON r.row = article_search.rowid"
            " JOIN articles AS a ON a.id = r.article_id"
            " LEFT JOIN story_members AS m ON m.article_id = r.article_id"
            " WHERE article_search MATCH ?"
            " ORDER BY article_search.rank, r.article_id LIMIT ? OFFSET ?",
            (SNIPPET_OPEN, SNIPPET_CLOSE, query, limit, offset),
        ).fetchall()
        return total, [SearchHit(*row) for row in rows]

    def place_articles(self, placements: Sequence[tuple[str, str]]) -> None:
        with self._transaction() as db:
            self._place(db, placements)

    @staticmethod
    def _place(db: sqlite3.Connection, placements: Iterable[tuple[str, str]]) -> None:
        for article_id, story_id in placements:
            placed = db.execute(
                "UPDATE story_members SET story_id = ? WHERE article_id = ?",
                (story_id, article_id),
            ).rowcount
            if not placed:
                db.execute(
                    "INSERT INTO story_members (article_id, story_id, arrival)"
                    " SELECT ?, ?, COALESCE(MAX(arrival), 0) + 1 FROM story_members",
                    (article_id, story_id),
                )

    def put_story(
        self, story: StoryRecord, article_ids: Sequence[str], folded: Sequence[str] = ()
    ) -> None:
        with self._transaction() as db:
            for story_id in folded:
                db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
                db.execute(
                    "UPDATE story_members SET story_id = ? WHERE story_id = ?",
                    (story.id, story_id),
                )
            self._place(db, [(article_id, story.id) for article_id in article_ids])
            db.execute(
                "INSERT OR REPLACE INTO stories (id, label, first_published, last_published,"
                " articles, independent_sources, activity, brief) VALUES (?, ?, ?, ?, ?, ?,"
                " (SELECT COALESCE(MAX(arrival), 0) FROM story_members WHERE story_id = ?), ?)",
                (
                    story.id,
                    story.label,
                    story.first_published,
                    story.last_published,
                    story.articles,
                    story.independent_sources,
                    story.id,
                    story.brief,
                ),
            )

    def story_members(self, story_id: str) -> list[str]:
        rows = self._db.execute(
            "SELECT article_id FROM story_members WHERE story_id = ? ORDER BY arrival",
            (story_id,),
        ).fetchall()
        return [row[0] for row in rows]

    def story_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            rows = self._db.execute(
                f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({_marks(chunk)})",
                chunk,
            ).fetchall()
            found.update(dict(rows))
        return found

    def iter_memberships(self) -> Iterator[tuple[str, str]]:
        rows = self._db.execute("SELECT article_id, story_id FROM story_members ORDER BY arrival")
        yield from rows

    def unplaced_articles(self) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_members)"
            " ORDER BY id"
        ).fetchall()
        return [row[0] for row in rows]

    def get_story(self, story_id: str) -> StoryRecord | None:
        row = self._db.execute(
            f"SELECT {_STORY_COLUMNS}, brief FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        return StoryRecord(*row) if row else None

    def list_stories(self, limit: int, offset: int = 0) -> tuple[int, list[StoryRecord]]:
        (total,) = self._db.execute("SELECT COUNT(*) FROM stories").fetchone()
        rows = self._db.execute(
            f"SELECT {_STORY_COLUMNS} FROM stories ORDER BY activity DESC, id LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return total, [StoryRecord(*row) for row in rows]

    def close(self) -> None:
        self._db.close()


_STORY_COLUMNS = (
    "id, label, first_published, last_published, articles, independent_sources, activity"
)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any error: a write is whole or absent."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db.execute("BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if exc is None:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._db.execute("ROLLBACK")
                raise StoreError(f"cannot write to the store: {error}") from error
            return
        self._db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            # One exception family for callers (see storyline.errors): a full disk, a locked
            # database or a broken constraint all say "the store cannot be written".
            raise StoreError(f"cannot write to the store: {exc}") from exc


def _input(row: tuple) -> InputRecord:
    source_id, origin, raw_sha256, status, article_id, reason = row
    return InputRecord(
        source_id=source_id,
        origin=origin,
        raw_sha256=raw_sha256,
        status=status,
        article_id=article_id,
        reason=reason,
    )


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _ID_CHUNK):
        yield ids[start : start + _ID_CHUNK]


def _marks(chunk: list[str]) -> str:
    return ", ".join("?" * len(chunk))
