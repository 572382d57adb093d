"""Bad input gives a clear one-line error or a flagged empty result, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eventledger import InputError, extract


@pytest.mark.parametrize("data, code", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (bytes(range(256)) * 50, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(2000), "binary"),
    (b"<html><head><title>x</title></head></html>", "no_text"),
])
def test_bad_input_raises_input_error(data, code):
    with pytest.raises(InputError) as info:
        extract(data)
    assert info.value.code == code
    assert "\n" not in str(info.value)


def test_huge_input_is_refused_before_work():
    with pytest.raises(InputError) as info:
        extract(b"word " * (11 * 1024 * 1024))
    assert info.value.code == "too_large"


def test_non_utf8_input_is_decoded():
    text = ("Protesters gathered in São Paulo on Sunday, police said, and the crowd was peaceful. " * 3).encode("latin-1")
    result = extract(b"Title of the story here\n\n" + text)
    assert "São Paulo" in result.article.text


def test_non_english_is_flagged_not_mined():
    text = ("Die Polizei hat am Sonntag in der Hauptstadt mehrere Demonstranten festgenommen, "
            "nachdem es bei einer Kundgebung gegen die Regierung zu Ausschreitungen gekommen war. ") * 3
    result = extract("Polizei nimmt Demonstranten fest\n\n" + text)
    assert result.events == [] and result.statements == []
    assert result.article.language == "unknown"
    assert any("not English" in w for w in result.warnings)


def test_cli_reports_one_line_error(tmp_path):
    bad = tmp_path / "image.bin"
    bad.write_bytes(b"\x00\x01\x02" * 1000)
    proc = subprocess.run([sys.executable, "-m", "eventledger", "extract", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "binary" in proc.stderr
    assert "Traceback" not in proc.stderr
