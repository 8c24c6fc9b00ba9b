"""``brief.md``: the brief as Markdown, readable in a terminal and on a code host."""

from __future__ import annotations

import re
from typing import Any

from storyline.brief.claims_view import ClaimsView, claims_view
from storyline.brief.story_view import StoryView, percent, story_view
from storyline.brief.summary_view import Reference, SummaryView, summary_view

# Article text is untrusted: a code host renders inline HTML and Markdown links, so neutralise
# angle brackets and the characters that start Markdown constructs mid-line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


# At the start of a line (also after "> "), these would begin a list, a heading or a rule.
_LINE_START = re.compile(r"^(\s*)([-+*=~]|\d+[.)])(?=\s|$)", re.MULTILINE)


def escape_markdown(text: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    marker = match.group(2)
    if marker[0].isdigit():  # "1." → "1\.": a backslash before a digit would show literally
        return match.group(1) + marker[:-1] + "\\" + marker[-1]
    return match.group(1) + "\\" + marker


def code_span(value: str) -> str:
    """``value`` as inline code, verbatim: backslashes do not escape inside code spans, so use a
    fence of backticks longer than any run inside the value instead."""
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {value} " if value.startswith("`") or value.endswith("`") else value
    return f"{fence}{padded}{fence}"


def render_markdown(brief: dict[str, Any]) -> str:
    counts = brief["counts"]
    lines = [
        "# storyline brief",
        "",
        f"{counts['articles']} articles from {counts['inputs']} inputs; "
        f"{counts['exact_duplicates']} exact and {counts['near_duplicates']} near duplicates; "
        f"{counts['rejected']} inputs rejected.",
        "",
    ]
    if brief.get("stories"):
        lines += ["## Stories", ""]
        first_note = 1
        for story in brief["stories"]:
            view = story_view(story, brief["articles"])
            found = claims_view(story, brief.get("contradictions", []), brief["articles"])
            told = summary_view(story, brief["articles"])
            # the order: summary, key facts, disagreements, who said what, timeline,
            # sources, what only one source reports
            lines += _story_heading(view)
            lines += _summary_section(told, first_note)
            first_note += len(told.references)
            lines += _claims_section(found, told)
            lines += _story_section(view)
            lines += _single_source_section(told)
    if not brief.get("entities"):
        lines += ["## Articles", ""]
    entity_names = {entity["id"]: entity["name"] for entity in brief.get("entities", [])}
    if brief.get("entities"):
        lines += ["## Who and what the articles name", ""]
        lines += ["| entity | kind | mentions | also written |", "| --- | --- | --- | --- |"]
        for entity in brief["entities"][:40]:
            variants = ", ".join(v for v in entity["variants"] if v != entity["name"])
            lines.append(
                f"| {escape_markdown(entity['name'])} | {entity['kind']} | "
                f"{entity['mention_count']} | {escape_markdown(variants)} |"
            )
        lines += ["", "## Articles", ""]
    for article in brief["articles"]:
        lines += _article_section(article)
        lines += _language_section(article, entity_names)
    if brief["duplicates"]:
        lines += ["## Duplicates", ""]
        for link in brief["duplicates"]:
            if link["kind"] == "exact":
                lines.append(
                    f"- {code_span(link['source_id'])} is the same text as article "
                    f"`{link['article_id']}`"
                )
            else:
                lines.append(
                    f"- article `{link['article_id']}` nearly duplicates `{link['twin_id']}` "
                    f"(similarity {link['similarity']:.2f})"
                )
        lines.append("")
    if brief["rejected"]:
        lines += ["## Rejected inputs", ""]
        for rejection in brief["rejected"]:
            lines.append(
                f"- {code_span(rejection['origin'])}: {escape_markdown(rejection['reason'])}"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _story_heading(view: StoryView) -> list[str]:
    dates = view.first_published or "dates unknown"
    if view.last_published and view.last_published != view.first_published:
        dates += f" to {view.last_published}"
    return [
        f"### {escape_markdown(view.label)}",
        "",
        f"{dates} · {escape_markdown(view.summary)}"
        + (f": {escape_markdown(', '.join(view.independent))}" if view.independent else ""),
        "",
    ]


def _summary_section(view: SummaryView, first_note: int) -> list[str]:
    """The summary with footnote references (``[^3]``: GitHub renders them as footnotes, a
    terminal shows them as they are); numbers run on across stories so they stay unique."""
    if not view.lines:
        return []
    offset = first_note - 1
    text = " ".join(
        escape_markdown(line.text) + "".join(f"[^{ref.number + offset}]" for ref in line.references)
        for line in view.lines
    )
    lines = [f"Summary ({view.words} words):", "", text, ""]
    for ref in view.references:
        excerpt = ref.text if len(ref.text) <= 220 else ref.text[:217] + "…"
        lines.append(
            f"[^{ref.number + offset}]: {escape_markdown(ref.origin_name)}: "
            f"“{escape_markdown(excerpt)}” (in “{escape_markdown(ref.article_label)}”, "
            f"characters {_span(ref)})"
        )
    lines.append("")
    return lines


def _span(ref: Reference) -> str:
    return ref.anchor.rsplit("-c", 1)[-1].replace("-", "–")


def _quotes_section(view: SummaryView) -> list[str]:
    if not view.speakers:
        return []
    lines = ["Who said what:", ""]
    for group in view.speakers:
        unnamed = " (unnamed source)" if not group.named else ""
        lines.append(f"- **{escape_markdown(group.speaker)}**{unnamed}")
        for quote in group.quotes:
            text = quote.text if len(quote.text) <= 300 else quote.text[:297] + "…"
            carriers = ", ".join(escape_markdown(label) for label, _anchor in quote.carriers)
            n = len(quote.carriers)
            sources = (
                f"; {quote.origins} independent source{'s' if quote.origins != 1 else ''}"
                if n > 1
                else ""
            )
            lines.append(
                f"  - “{escape_markdown(text)}” — {quote.kind}; carried by {n} "
                f"article{'s' if n != 1 else ''} ({carriers}){sources}"
            )
    lines.append("")
    return lines


def _single_source_section(view: SummaryView) -> list[str]:
    if not view.single_source:
        return []
    lines = ["What only one source reports:", ""]
    for item in view.single_source:
        text = item.text if len(item.text) <= 300 else item.text[:297] + "…"
        lines.append(
            f"- {escape_markdown(text)} — {escape_markdown(item.source)}, in "
            f"“{escape_markdown(item.article_label)}”"
        )
    lines.append("")
    return lines


def _story_section(view: StoryView) -> list[str]:
    lines = [
        "Sources:",
        "",
        "| article | own | copied from | wire | group |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in view.rows:
        copied = ", ".join(
            f"{escape_markdown(share.source.label)} {percent(share.share)}"
            for share in row.copied_from
        )
        if row.is_patchwork:
            copied += " (patchwork)"
        lines.append(
            f"| {escape_markdown(row.article.label)} | {percent(row.own_share)} | "
            f"{copied.strip() or '—'} | {escape_markdown(row.wire_agency or '—')} | "
            f"{escape_markdown(row.group)} |"
        )
    lines.append("")
    if view.directions:
        lines += ["Who copied whom:", ""]
        for direction in view.directions:
            sure = (
                f"confidence {percent(direction.confidence)}"
                if direction.confidence
                else "direction unknown"
            )
            lines.append(
                f"- “{escape_markdown(direction.copy.label)}” copied from "
                f"“{escape_markdown(direction.source.label)}” ({sure}): "
                + escape_markdown("; ".join(direction.evidence))
            )
        lines.append("")
    if view.edits:
        lines += ["Facts changed inside copies:", ""]
        lines += [f"- {escape_markdown(edit.sentence)} ({edit.kind})" for edit in view.edits]
        lines.append("")
    quoting = [(pair, item) for pair in view.pairs for item in pair.shared_quotes]
    if quoting:
        lines += ["Quoted by both (shared quoting, not copying):", ""]
        for pair, item in quoting:
            lines.append(
                f"- “{escape_markdown(pair.left.label)}” and “{escape_markdown(pair.right.label)}”: "
                f"“{escape_markdown(item.excerpt)}”"
            )
        lines.append("")
    return lines


def _claims_section(view: ClaimsView, told: SummaryView) -> list[str]:
    lines: list[str] = []
    if view.facts:
        lines += ["Key facts and their independent sources:", ""]
        for fact in view.facts:
            n = len(fact.sources)
            lines.append(
                f"- {escape_markdown(fact.text)} — {n} independent source{'s' if n != 1 else ''} "
                f"({escape_markdown(', '.join(fact.sources))})"
            )
        lines.append("")
    if view.groups:
        lines += ["Where the reports disagree:", ""]
        for dispute in view.groups:
            copying = " (changed in copying)" if dispute.in_copying else ""
            lines.append(f"- **{escape_markdown(dispute.subject)}**{copying}")
            for side in dispute.sides:
                lines.append(
                    f"  - {escape_markdown(side.article_label)} ({escape_markdown(side.source)}): "
                    f"…{escape_markdown(side.before)}**{escape_markdown(side.marked)}**"
                    f"{escape_markdown(side.after)}…"
                )
            lines += [f"  - {escape_markdown(reason)}" for reason in dispute.reasons]
            lines += [f"  - Note: {escape_markdown(note)}" for note in dispute.notes]
        lines.append("")
    lines += _quotes_section(told)
    if view.timeline:
        lines += ["Timeline:", ""]
        for row in view.timeline:
            disputed = (
                f"; dates reported: {' / '.join(row.reported_dates)}" if row.reported_dates else ""
            )
            lines.append(
                f"- {code_span(row.date)} {escape_markdown(row.text)} — "
                f"{escape_markdown(', '.join(row.sources))}{escape_markdown(disputed)}"
            )
        lines.append("")
    return lines


def _article_section(article: dict[str, Any]) -> list[str]:
    published = article["published"]
    date = published["value"] or "date unknown"
    facts = [
        f"outlet: {escape_markdown(article['outlet'] or 'unknown')}",
        f"published: {date} ({published['source']})",
        f"byline: {escape_markdown(article['byline'] or 'none')}",
        f"wire credit: {escape_markdown(article['wire_credit'] or 'none')}",
        f"language: {article['language'] or 'unknown'}",
        f"{article['word_count']} words",
    ]
    lines = [
        f"### {escape_markdown(article['title'] or '(untitled)')}",
        "",
        f"{code_span(article['source_id'])} · id `{article['id']}` · " + " · ".join(facts),
        "",
    ]
    for paragraph in article["text"].split("\n\n"):
        if paragraph.strip():
            lines += ["> " + escape_markdown(paragraph.strip()).replace("\n", "\n> "), ">"]
    if lines[-1] == ">":
        lines.pop()
    lines.append("")
    if article["removed"]:
        lines.append(f"Removed as site furniture ({len(article['removed'])}):")
        lines.append("")
        for removed in article["removed"]:
            lines.append(
                f"- {escape_markdown(removed['reason'])}: {escape_markdown(removed['text'])}"
            )
        lines.append("")
    return lines


def _language_section(article: dict[str, Any], entity_names: dict[str, str]) -> list[str]:
    from storyline.brief.article_view import article_view

    view = article_view(article, entity_names)
    lines: list[str] = []
    for heading, items, arrow in (
        ("Who said what", view.quotes, False),
        ("Numbers", view.quantities, True),
        ("Times", view.times, True),
    ):
        if not items:
            continue
        lines += [f"{heading}:", ""]
        for item in items:
            text = escape_markdown(item.text if len(item.text) <= 160 else item.text[:157] + "…")
            if arrow:
                lines.append(f"- {text} → {escape_markdown(item.label)}")
            else:
                lines.append(
                    f"- **{escape_markdown(item.label)}**: “{text}” ({escape_markdown(item.detail)})"
                )
        lines.append("")
    return lines
