"""No article text runs as script when brief.html is opened in a real browser (Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from records import make_article
from storyline.brief import build_brief, write_brief
from storyline.store import InputRecord

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__owned = 'script'</script>",
    '<img src="x" onerror="window.__owned = \'onerror\'">',
    '<a id="evil" href="javascript:window.__owned=\'href\'">click me</a>',
    "<svg onload=\"window.__owned = 'svg'\"></svg>",
    "</p></article><script>window.__owned = 'breakout'</script>",
]


def owned_after_opening(browser, page_path: Path, screenshot: Path | None = None) -> object:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_path.as_uri())
    if page.locator("#evil").count():
        page.locator("#evil").first.click()
    page.wait_for_timeout(300)
    if screenshot is not None:
        page.screenshot(path=str(screenshot), full_page=True)
    owned = page.evaluate("window.__owned || null")
    page.close()
    return owned or (dialogs[0] if dialogs else None)


def test_the_detector_sees_a_script_that_runs(browser, tmp_path):
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text(f"<html><body>{PAYLOADS[0]}</body></html>")
    assert owned_after_opening(browser, unsafe) == "script"


def test_hostile_article_text_never_runs(browser, tmp_path, request):
    text = "\n\n".join(f"Paragraph {i} quotes markup: {p}" for i, p in enumerate(PAYLOADS))
    article = make_article(text, "hostile.txt", title=PAYLOADS[0], byline=PAYLOADS[1])
    record = InputRecord("hostile.txt", "hostile.txt", "0" * 64, "article", article.id)
    write_brief(build_brief([article], [record], []), tmp_path)
    artifacts = Path(request.config.rootpath) / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    owned = owned_after_opening(
        browser, tmp_path / "brief.html", screenshot=artifacts / "hostile-brief.png"
    )
    assert owned is None
    shown = (tmp_path / "brief.html").read_text()
    assert "&lt;script&gt;window.__owned" in shown


def test_brief_of_the_hostile_folder_runs_no_script(browser, hostile_run, request):
    artifacts = Path(request.config.rootpath) / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page = hostile_run["out"] / "brief.html"
    assert owned_after_opening(browser, page, screenshot=artifacts / "mixed-brief.png") is None
