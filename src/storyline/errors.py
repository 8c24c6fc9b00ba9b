"""The one exception hierarchy of storyline.

    StorylineError
    ├── InputError            an input could not be read or turned into an article
    │   ├── UnreadableInput   empty, binary, too large, undecodable, truncated container
    │   ├── ExtractionError   read fine, but no article body could be found in it
    │   └── FetchError        a URL given to the server was refused or could not be fetched
    ├── StoreError            the store cannot be opened, migrated or written
    └── EvaluationError       a development set is missing or not in the expected layout

An ``InputError`` never stops a run: the pipeline records it as a ``Rejection`` with
``str(error)`` as the one-line reason and goes on with the next input.
"""


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input could not become an article. The message is the one-line reason."""


class UnreadableInput(InputError):
    """The bytes of an input cannot be read as a document."""


class ExtractionError(InputError):
    """The input was read but holds no article body."""


class FetchError(InputError):
    """A URL was refused (a private or loopback address, a scheme other than http(s)) or could
    not be fetched (timeout, too large, an HTTP error, a type that is no page)."""


class StoreError(StorylineError):
    """The store cannot be opened, migrated or written."""


class EvaluationError(StorylineError):
    """A development set is missing or malformed."""
