"""The HTTP API through FastAPI's TestClient: submissions, reads, search, errors, limits."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from storyline.web import create_app
from storyline.web.problems import PROBLEM_JSON

HOSTILE = (
    "Officials met on Monday in the capital to discuss the harbour project and its costs.\n\n"
    "<script>window.__owned = 'script'</script> and "
    '<img src="x" onerror="window.__owned = 1"> and '
    '<a id="evil" href="javascript:window.__owned=2">click me</a> were in the leaked memo.\n\n'
    "The minister said the harbour would open in 2024, and the council agreed on Tuesday."
)


@pytest.fixture
def client(tmp_path):
    return TestClient(create_app(tmp_path / "s.db", fetch_urls=True), raise_server_exceptions=False)


def assert_problem(response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["status"] == status and words in body["detail"], body


def test_the_reference_story_is_one_story_with_a_brief(loaded):
    client = loaded["client"]
    events = [result["event"] for result in loaded["submitted"]]
    assert events[0] == "started" and set(events[1:]) == {"joined"}
    page = client.get("/api/stories").json()
    assert page["total"] == 1
    story = page["items"][0]
    assert story["articles"] == 5 and story["independent_sources"] >= 1
    brief = client.get(f"/api/stories/{story['id']}").json()
    assert brief["schema_version"] and len(brief["articles"]) == 5
    assert brief["stories"][0]["id"] == story["id"]
    assert len(brief["contradictions"]) >= 3


def test_an_article_comes_with_its_annotations(loaded):
    client = loaded["client"]
    article_id = loaded["submitted"][0]["article_id"]
    entry = client.get(f"/api/articles/{article_id}").json()
    assert entry["id"] == article_id and entry["story_id"] == loaded["submitted"][0]["story_id"]
    assert entry["sentences"] and entry["mentions"] and "quotes" in entry


def test_search_finds_exactly_the_three_articles_that_mention_benghazi(loaded):
    page = loaded["client"].get("/api/search", params={"q": "Benghazi"}).json()
    assert page["total"] == 3 and len(page["items"]) == 3
    for item in page["items"]:
        start, end = item["highlights"][0]
        assert item["snippet"][start:end].lower() == "benghazi"


def test_search_reads_query_syntax_as_words(loaded):
    for query in ['"unbalanced', "NEAR(a b", "*", "title:x OR", "AND"]:
        response = loaded["client"].get("/api/search", params={"q": query})
        assert response.status_code == 200, (query, response.text)


def test_submitting_the_same_text_again_creates_nothing(loaded):
    payload = {
        "id": "again.txt",
        "text": loaded["client"]
        .get(f"/api/articles/{loaded['submitted'][1]['article_id']}")
        .json()["text"],
    }
    response = loaded["client"].post("/api/articles", json=payload)
    assert response.status_code == 200
    assert response.json()["created"] is False and response.json()["event"] == "existing"
    assert loaded["client"].get("/api/stories").json()["items"][0]["articles"] == 5


def test_pagination(client):
    texts = [
        "The Lisbon council voted on Monday to close the old Tagus bridge after inspectors found "
        "17 cracks. Mayor Ana Costa said repairs would cost 17,000 euros.",
        "Astronomers at the Paranal observatory in Chile reported a new comet on 3 May 2021, "
        "the third found by the survey telescope this decade, said Dr. Hugo Lindqvist.",
        "Wheat prices in Chicago rose 6 percent on Friday after drought in Kansas cut the harvest "
        "forecast, traders at the exchange said; futures closed at 8.12 dollars a bushel.",
    ]
    for text in texts:
        assert client.post("/api/articles", json={"text": text}).status_code == 201
    first = client.get("/api/stories", params={"limit": 2}).json()
    second = client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == 3 and len(first["items"]) == 2 and len(second["items"]) == 1
    ids = [item["id"] for item in first["items"] + second["items"]]
    assert len(set(ids)) == 3
    # newest activity first: the last submitted story leads
    assert [item["activity"] for item in first["items"] + second["items"]] == [3, 2, 1]
    assert_problem(client.get("/api/stories", params={"limit": 0}), 422, "limit")


def test_errors_are_problem_documents(client):
    assert_problem(client.get("/api/stories/story-000000000000"), 404, "no story")
    assert_problem(client.get("/api/articles/0000000000000000"), 404, "no article")
    assert_problem(client.get("/api/nothing-here"), 404, "Not Found")
    assert_problem(client.post("/api/articles", json={}), 422, "give text, html or a url")
    assert_problem(client.post("/api/articles", json={"text": 3}), 422, "text")
    assert_problem(client.post("/api/articles", json={"text": "x", "bogus": 1}), 422, "bogus")
    assert_problem(
        client.post(
            "/api/articles", content=b"{not json", headers={"content-type": "application/json"}
        ),
        422,
        "JSON",
    )
    assert_problem(
        client.post("/api/articles", json={"html": "<html><body><nav>x</nav></body></html>"}),
        422,
        "not an article",
    )
    assert_problem(
        client.post("/api/articles/batch", content=b"{}", headers={"content-type": "text/plain"}),
        415,
        "JSON Lines",
    )


def test_request_bodies_have_a_size_limit(tmp_path):
    client = TestClient(create_app(tmp_path / "s.db", max_body_bytes=1000))
    big = {"text": "word " * 400}
    assert_problem(client.post("/api/articles", json=big), 413, "1000-byte limit")

    def chunks():  # no Content-Length: counted while read
        for _ in range(5):
            yield b" " * 400

    response = client.post(
        "/api/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_problem(response, 413, "limit")


def test_writes_need_the_token_when_one_is_given(tmp_path):
    client = TestClient(create_app(tmp_path / "s.db", token="s3cret"))
    payload = {"text": HOSTILE}
    assert_problem(client.post("/api/articles", json=payload), 401, "token")
    wrong = {"Authorization": "Bearer nope"}
    assert_problem(client.post("/api/articles", json=payload, headers=wrong), 401, "token")
    right = {"Authorization": "Bearer s3cret"}
    assert client.post("/api/articles", json=payload, headers=right).status_code == 201
    assert client.get("/api/stories").status_code == 200  # reads stay open


def test_a_batch_of_json_lines(client):
    lines = [
        '{"id": "a", "text": ' + __import__("json").dumps(HOSTILE) + "}",
        "{not json",
        '{"id": "b"}',
        "",
    ]
    response = client.post(
        "/api/articles/batch",
        content="\n".join(lines).encode(),
        headers={"content-type": "application/x-ndjson"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["accepted"] == 1 and body["rejected"] == 2
    assert [line["line"] for line in body["lines"]] == [1, 2, 3]
    assert "give text, html or a url" in body["lines"][2]["error"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/",
        "http://10.1.2.3/page",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "file:///etc/passwd",
    ],
)
def test_urls_to_private_addresses_are_refused(client, url):
    assert_problem(client.post("/api/articles", json={"url": url}), 422, "refused")


def test_pages_carry_a_policy_that_allows_only_the_apps_script(loaded):
    response = loaded["client"].get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_hostile_text_is_escaped_on_every_page(client):
    created = client.post("/api/articles", json={"title": "<script>t()</script>", "text": HOSTILE})
    assert created.status_code == 201
    article_id, story_id = created.json()["article_id"], created.json()["story_id"]
    for path in (f"/articles/{article_id}", f"/stories/{story_id}", "/search?q=memo", "/"):
        page = client.get(path).text
        assert "<script>window.__owned" not in page and "<script>t()" not in page, path
        assert 'onerror="window' not in page and 'href="javascript:' not in page, path


def test_a_text_without_a_single_story_feature_starts_its_own_story(client):
    # Found by schemathesis: symbols only, no word of three letters, no name, no number.
    response = client.post("/api/articles", json={"text": "\u00de\u00c7\U0001f010", "id": "x"})
    assert response.status_code == 201, response.text
    assert response.json()["event"] == "started"
