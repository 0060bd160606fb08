"""Item 6: ``export --format json`` is strict JSON, whatever figures the text holds.

A 309-digit number was exported as ``Infinity``, which no JSON parser accepts.
"""
from __future__ import annotations

import json

import pytest

from tests.hostile.capped import run_capped
from tests.hostile.cases import huge_number

pytestmark = pytest.mark.hostile


def strict_loads(text: str):
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("digits", [310, 400])
def test_a_huge_number_exports_as_null(tmp_path, digits):
    path = tmp_path / "big.txt"
    path.write_bytes(huge_number().replace(b"9" * 330, b"9" * digits))
    out = run_capped(["export", str(path)], cwd=tmp_path)
    assert out.returncode == 0, out.stderr.decode()
    doc = strict_loads(out.stdout.decode())
    big = [n for n in doc["numbers"] if doc["text"][n["start"]:n["end"]].startswith("999")]
    assert big and all(n["value"] is None for n in big)


def test_the_encoder_refuses_nan(tmp_path, monkeypatch, capsys):
    from tui_reader.cli import export

    with pytest.raises(ValueError):
        export.write_json({"value": float("nan")})
