from storyline.textnorm import content_id, normalise_for_identity, word_count


def test_content_id_ignores_whitespace_case_and_quote_style():
    assert content_id("He said “yes”.\n\nThen  left.") == content_id('he said "yes". then left.')
    assert content_id("He said yes.") != content_id("He said no.")
    assert len(content_id("x")) == 16


def test_normalise_folds_compatibility_characters():
    assert normalise_for_identity("ﬁve\u00a0rockets") == "five rockets"


def test_word_count_keeps_hyphenated_and_possessive_words_whole():
    assert word_count("al-Kadhimi’s US-led coalition, 5,000 troops") == 6
