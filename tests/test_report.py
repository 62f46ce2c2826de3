import shutil
import subprocess

import pytest

from extractors.records import ClaimReport, EventClaim, EventRecord
from extractors.report import fmt_quantity, render, write_report


def _events():
    return [EventRecord(event_id="ev-0001", doc_ids=["a", "b"], title="NCA briefing <script>alert(1)</script>", claims=[
        EventClaim(id="1", value=80.0, low=None, high=None, unit="percent", doc_ids=["a", "b"], status="agreed",
                   reports=[ClaimReport(doc_id="a", claim_id="C1", text="80%", start=3, end=6, source="Wire", sentence="So 80% avoid jail.")]),
        EventClaim(id="2", value=None, low=680000.0, high=830000.0, unit="adults", doc_ids=["a", "b"], status="variant", variant=True, reason="b gives the upper bound"),
        EventClaim(id="3", value=2087.0, low=None, high=None, unit="people", doc_ids=["a", "b"], status="conflict", conflict=True, reason="2,087 vs 2,078"),
    ])]


def test_render_colours_statuses_and_escapes_text():
    page = render(_events())
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    for status in ("agreed", "variant", "conflict"):
        assert f"<tr class='{status}'>" in page
    assert "So <mark>80%</mark> avoid jail." in page
    assert "2,087 vs 2,078" in page


@pytest.mark.parametrize(
    "claim, text",
    [({"value": 80.0, "unit": "percent"}, "80%"), ({"low": 680000, "high": 830000, "unit": "adults"}, "680,000–830,000 adults"),
     ({"low": 200, "unit": "suspects"}, "≥ 200 suspects"), ({"high": 10, "unit": "years"}, "≤ 10 years"), ({"value": 1.2e9, "unit": "GBP"}, "1,200,000,000 GBP")],
)
def test_fmt_quantity(claim, text):
    assert fmt_quantity(claim) == text


def test_report_renders_in_a_real_browser(tmp_path):
    """A headless Chromium screenshot of the page is a real, non-blank picture."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("chromium is not installed (Debian package 'chromium')")
    page = write_report(_events(), tmp_path / "report.html")
    shot = tmp_path / "shot.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,900",
                    page.as_uri()], check=True, capture_output=True, timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                          f"--user-data-dir={tmp_path / 'profile2'}", "--dump-dom", page.as_uri()], check=True, capture_output=True, text=True, timeout=120).stdout
    assert "ev-0001" in dom and "conflict" in dom
