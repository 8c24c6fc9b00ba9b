"""The reference story's brief.html in a real browser: a click on a summary citation shows
the cited passage highlighted in its article, and a hostile article in the same run runs
nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

HOSTILE = "\n\n".join(
    [
        "Militia rockets hit the embassy compound in Baghdad, officials said on Tuesday. "
        "<script>window.__owned = 'script'</script>",
        'The embassy said <img src="x" onerror="window.__owned = \'onerror\'"> nobody was hurt.',
        '<a id="evil" href="javascript:window.__owned=\'href\'">click me</a> for the embassy.',
        "<svg onload=\"window.__owned = 'svg'\"></svg></p></article><script>alert(1)</script>",
    ]
)


@pytest.fixture(scope="module")
def reference_page(tmp_path_factory, request):
    story = Path(request.config.rootpath).parent / "shared" / "corpus" / "iraq-embassy-2020"
    if not story.is_dir():
        pytest.skip("reference story not available")
    from storyline.analysis import analyze
    from storyline.store import open_store

    published = {"000": "2020-09-30", "001": "2020-09-30", "002": "2020-09-30"}
    published |= {"003": "2020-09-28", "004": "2020-10-02"}
    folder = tmp_path_factory.mktemp("summary-browser")
    source = folder / "reference.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for path in sorted(story.iterdir()):
            record = {"id": path.name, "text": path.read_text(encoding="utf-8")}
            record["published"] = published[path.name[:3]]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        hostile = {"id": "hostile.txt", "text": HOSTILE, "published": "2020-09-29"}
        hostile["title"] = "<script>window.__owned = 'title'</script>"
        out.write(json.dumps(hostile) + "\n")
    store = open_store(folder / "storyline.db")
    try:
        result = analyze([str(source)], folder / "out", store)
    finally:
        store.close()
    return result.brief, folder / "out" / "brief.html"


def test_citation_click_shows_the_highlighted_passage(browser, reference_page, request):
    brief, page_path = reference_page
    artifacts = Path(request.config.rootpath) / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    summarised = [s for s in brief["stories"] if s.get("summary", {}).get("sentences")]
    assert summarised
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_path.as_uri())
    links = page.locator("a.cite")
    assert links.count() >= len(summarised[0]["summary"]["sentences"])
    reference = max(summarised, key=lambda story: len(story["article_ids"]))
    assert len(reference["article_ids"]) >= 5
    page.locator(f"[id='{reference['id']}-summary']").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "summary-brief.png"))
    checked = 0
    for k in range(links.count()):
        anchor = links.nth(k).get_attribute("href")
        assert anchor and anchor.startswith("#")
        links.nth(k).click()
        page.wait_for_timeout(50)
        assert page.evaluate("location.hash") == anchor
        target = page.locator(f"mark[id='{anchor[1:]}']")
        assert target.count() == 1
        assert target.is_visible()
        assert target.evaluate("el => el.matches(':target')")
        background = target.evaluate("el => getComputedStyle(el).backgroundColor")
        assert background == "rgb(253, 214, 99)"  # the :target highlight
        # the mark lies inside the cited article's text section
        assert target.evaluate("el => el.closest('article') !== null")
        box = target.bounding_box()
        assert box is not None and box["height"] > 0
        checked += 1
    assert checked == links.count()
    # the reference story's first citation, shown in its article
    page.locator(f"[id='{reference['id']}'] a.cite").first.click()
    page.wait_for_timeout(100)
    page.screenshot(path=str(artifacts / "summary-citation.png"))
    # copied passages are marked by their origin in the article texts
    assert page.locator("article mark.origin-agency").count() >= 1
    assert page.evaluate("window.__owned || null") is None
    assert dialogs == []
    page.close()


def test_hostile_article_in_the_run_runs_nothing(browser, reference_page, request):
    _brief, page_path = reference_page
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_path.as_uri())
    if page.locator("#evil").count():
        page.locator("#evil").first.click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__owned || null") is None
    assert dialogs == []
    # no element was made from article markup: the payloads show as text
    assert page.locator("script").count() == 0
    assert page.locator("img[src='x'], svg[onload], a[href^='javascript']").count() == 0
    assert "<script>window.__owned" in page.locator("body").inner_text()
    page.close()
