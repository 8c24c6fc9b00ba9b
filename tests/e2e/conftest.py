"""The mixed folder of the reference story and 50 broken or hostile files, analysed once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.testing.hostile import write_hostile_inputs


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory, request):
    story = Path(request.config.rootpath).parent / "shared" / "corpus" / "iraq-embassy-2020"
    if not story.is_dir():
        pytest.skip("reference story not available")
    folder = tmp_path_factory.mktemp("mixed")
    for path in story.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    kinds = write_hostile_inputs(folder / "bad", huge_bytes=3 * 1024 * 1024)
    out = tmp_path_factory.mktemp("out")
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "storyline.cli",
            "analyze",
            str(folder),
            "--out",
            str(out),
            "--max-bytes",
            str(2 * 1024 * 1024),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    stderr = process.stderr
    return {
        "kinds": kinds,
        "returncode": process.returncode,
        "stderr": stderr,
        "out": out,
        "brief": json.loads((out / "brief.json").read_text()),
    }
