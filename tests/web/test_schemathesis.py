"""Property-based run of the API against its own OpenAPI description: no server error.

Bounded to stay quick (a few examples per operation, no shrinking). The full run is a command,
against a running ``storyline serve`` (the CLI has no JSON Lines serializer, so the batch
operation is left to this test, which registers one):

    .venv/bin/schemathesis run http://127.0.0.1:8000/openapi.json --checks not_a_server_error --exclude-path /api/articles/batch
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from storyline.web.app import create_app  # noqa: E402

EXAMPLES = 8


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx, value) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else str(value).encode("utf-8")


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    app = create_app(tmp_path_factory.mktemp("schemathesis") / "s.db", fetch_urls=False)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_operation_answers_with_a_server_error(api_schema):
    failures: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 7
    for operation in operations:

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=operation.as_strategy())
        def check(case) -> None:
            response = case.call()
            if response.status_code >= 500:
                failures.append(
                    f"{case.operation.label} {case.path_parameters} {case.query}: {response.text}"
                )

        check()
    assert failures == []
