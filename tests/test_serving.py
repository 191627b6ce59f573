"""The nginx configuration of docs/subscribing.md, run by a real nginx on 127.0.0.1."""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import heze_plan
from heze_plan.calendar.feed_set import write_feeds

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)
SNIPPET = Path(__file__).resolve().parents[1] / "docs" / "serving" / "nginx-feeds.conf"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("nginx")
    feeds = root / "feeds"
    write_feeds(heze_plan.load(), feeds, base_url="https://example.org/heze/")
    port = _free_port()
    snippet = SNIPPET.read_text(encoding="utf-8").replace("/srv/heze-feeds/", f"{feeds}/")
    temp = root / "temp"
    temp.mkdir()
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private directory
    (root / "nginx.conf").write_text(
        f"{user}pid {root}/nginx.pid;\nerror_log {root}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n"
        + "".join(
            f" {kind}_temp_path {temp}/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f" server {{\n  listen 127.0.0.1:{port};\n{snippet}\n }}\n}}\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [NGINX or "", "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/heze/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "index.json", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"nginx exited: {process.stderr.read().decode() if process.stderr else ''}")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.mark.skipif(
    NGINX is None, reason="no nginx binary (Debian: apt-get install nginx; .ci/run installs it)"
)
class TestNginx:
    """RFC 9110 conditional requests and RFC 5545 §8.1's media type, as Debian's nginx serves them."""

    def test_feed_headers(self, server: str) -> None:
        """A feed is ``text/calendar; charset=utf-8`` with an ETag and a Last-Modified."""
        status, headers, body = fetch(server + "plan.ics")
        assert status == 200
        assert headers["content-type"] == "text/calendar; charset=utf-8"
        assert headers["etag"].startswith('"')
        assert headers["last-modified"].endswith("GMT")
        assert body.startswith(b"BEGIN:VCALENDAR\r\n")

    def test_gzip(self, server: str) -> None:
        """With ``Accept-Encoding: gzip`` the feed comes compressed and decompresses to the file."""
        _, _, plain = fetch(server + "plan.ics")
        status, headers, body = fetch(server + "plan.ics", **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["content-encoding"] == "gzip"
        assert "accept-encoding" in headers["vary"].lower()
        assert gzip.decompress(body) == plain
        assert len(body) < len(plain) / 3

    def test_conditional_get(self, server: str) -> None:
        """If-None-Match with the ETag, or If-Modified-Since with Last-Modified: 304 and no body."""
        _, headers, _ = fetch(server + "plan.ics")
        status, _, body = fetch(server + "plan.ics", **{"If-None-Match": headers["etag"]})
        assert (status, body) == (304, b"")
        status, _, body = fetch(server + "plan.ics", **{"If-Modified-Since": headers["last-modified"]})
        assert (status, body) == (304, b"")

    def test_index_and_manifest(self, server: str) -> None:
        """index.json is JSON in UTF-8; the manifest is not served."""
        status, headers, _ = fetch(server + "index.json")
        assert (status, headers["content-type"]) == (200, "application/json; charset=utf-8")
        assert fetch(server + ".heze-plan-manifest.json")[0] == 404
