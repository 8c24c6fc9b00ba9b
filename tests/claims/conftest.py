"""The reference story through every stage up to claims (``reference_stages`` in the root
``conftest.py``), in the shape the claims tests read."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def reference_claims(reference_stages):
    """(articles by source prefix "000"…, the story's StoryClaims, the story analysis)."""
    stages = reference_stages
    return stages["articles"], stages["claims"], stages["story"]
