"""The web app in Debian's Chromium (Playwright) against a real uvicorn server: the reference
story's page, a click into a cited passage, its disagreements, search, and hostile text that
must never run. Screenshots go to test-artifacts/."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__owned = 'script'</script>",
    '<img src="x" onerror="window.__owned = \'onerror\'">',
    '<a id="evil" href="javascript:window.__owned=\'href\'">click me</a>',
    "<svg onload=\"window.__owned = 'svg'\"></svg>",
]


@pytest.fixture(scope="module")
def artifacts(request) -> Path:
    folder = Path(request.config.rootpath) / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


def story_id(live) -> str:
    page = httpx.get(f"{live.url}/api/stories", params={"limit": 100}).json()
    return max(page["items"], key=lambda item: item["articles"])["id"]


def test_story_page_citation_and_disagreements(browser, live, artifacts):
    sid = story_id(live)
    brief = httpx.get(f"{live.url}/api/stories/{sid}").json()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live.url}/stories/{sid}")
    page.screenshot(path=str(artifacts / "web-story.png"), full_page=True)
    disputes = page.locator("#disputes .dispute")
    expected = len({c.get("dispute") or c["id"] for c in brief["contradictions"]})
    assert disputes.count() == expected == 3  # casualties, the warning's date, troop numbers
    troops = disputes.filter(has=page.locator("h3", has_text="troops"))
    assert troops.locator(".side").count() == 3  # around 3,000 / around 5,000 / more than 5,000
    # A citation: the summary's when the brief has one, else a disagreement's side.
    citation = page.locator("#summary a.citation")
    in_summary = citation.count() > 0
    if not in_summary:
        citation = page.locator("#disputes a.disputed")
    marked = citation.first.inner_text().strip()
    href = citation.first.get_attribute("href")
    citation.first.click()
    page.wait_for_url("**/articles/**#cited")
    cited = page.locator("mark#cited")
    assert cited.count() == 1 and cited.is_visible()
    start, end = (int(part.split("=")[1]) for part in href.split("?")[1].split("#")[0].split("&"))
    assert len(cited.inner_text()) > 0 and end > start
    if not in_summary:
        assert marked in cited.inner_text()
    background = cited.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    page.screenshot(path=str(artifacts / "web-article-cited.png"), full_page=False)
    assert errors == []
    page.close()


def test_story_page_reads_on_a_phone(browser, live, artifacts):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{live.url}/stories/{story_id(live)}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1  # nothing wider than the screen
    page.screenshot(path=str(artifacts / "web-story-phone.png"), full_page=False)
    page.close()


def test_search_for_benghazi_finds_the_three_articles(browser, live, artifacts):
    page = browser.new_page()
    page.goto(f"{live.url}/")
    page.screenshot(path=str(artifacts / "web-stories.png"), full_page=True)
    page.fill("input[name=q]", "Benghazi")
    page.click("form.search button")
    page.wait_for_url("**/search?q=Benghazi")
    assert page.locator("li.hit").count() == 3
    assert page.locator("li.hit mark").first.inner_text() == "Benghazi"
    page.screenshot(path=str(artifacts / "web-search.png"), full_page=True)
    page.close()


def test_hostile_article_text_is_shown_and_never_runs(browser, live, artifacts):
    text = "\n\n".join(
        f"Paragraph {n} of the leaked harbour memo quotes markup: {payload}"
        for n, payload in enumerate(PAYLOADS)
    )
    response = httpx.post(
        f"{live.url}/api/articles",
        json={"id": "hostile.txt", "title": PAYLOADS[0], "text": text},
        timeout=60,
    )
    assert response.status_code in (200, 201), response.text
    created = response.json()
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in (
        f"/articles/{created['article_id']}",
        f"/stories/{created['story_id']}",
        "/search?q=harbour+memo",
    ):
        page.goto(f"{live.url}{path}")
        if page.locator("#evil").count():
            page.locator("#evil").first.click()
        page.wait_for_timeout(200)
        assert page.evaluate("window.__owned || null") is None, path
    page.goto(f"{live.url}/articles/{created['article_id']}")
    assert "<script>window.__owned" in page.locator(".text").inner_text()
    page.screenshot(path=str(artifacts / "web-hostile-article.png"), full_page=True)
    assert dialogs == []
    page.close()


def test_the_detector_sees_a_script_that_runs(browser, tmp_path):
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text(f"<html><body>{PAYLOADS[0]}</body></html>")
    page = browser.new_page()
    page.goto(unsafe.as_uri())
    assert page.evaluate("window.__owned || null") == "script"
    page.close()


def test_the_brief_json_matches_the_api(live):
    sid = story_id(live)
    brief = httpx.get(f"{live.url}/api/stories/{sid}").json()
    assert json.dumps(brief)  # the same document brief.json holds
    assert brief["stories"][0]["id"] == sid
