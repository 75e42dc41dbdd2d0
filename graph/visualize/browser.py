"""Checking a page: headless Chromium with the network cut off, what the page tried to fetch, and
how much of the screenshot was drawn."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass

from orggraph.graph.visualize.errors import VizError


_EXTERNAL = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:|wss?:|ftp:)?//)"""
                       r"""|(?:url\(\s*["']?\s*(?:https?:|wss?:)?//)"""
                       r"""|(?:@import\s+["']?(?:url\()?\s*["']?(?:https?:)?//)""", re.I)


def external_references(html_text: str) -> list[str]:
    """Attributes and CSS that would make a browser fetch something: `src=`/`href=` to a URL,
    `url(//…)`, `@import`.  (URLs inside the inlined library's license comment fetch nothing.)"""
    return [m.group(0) for m in _EXTERNAL.finditer(html_text)]


def find_chromium() -> str | None:
    for name in (os.environ.get("ORGGRAPH_CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


@dataclass
class Rendering:
    png: str
    seconds: float
    requests: list[str]  # URLs the page itself tried to fetch (not the browser's own background traffic)
    returncode: int
    log: str


def _chromium(chromium: str, tmp: str, width: int, height: int, budget_ms: int) -> list[str]:
    """Headless Chromium with a fresh profile in `tmp`, every request sent to a dead proxy and every
    host unresolvable."""
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--no-first-run", "--no-default-browser-check",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
            "--hide-scrollbars", "--mute-audio", f"--user-data-dir={os.path.join(tmp, 'profile')}",
            f"--window-size={width},{height}", f"--virtual-time-budget={budget_ms}",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def render_offline(html_path: str, png_path: str, *, width: int = 1400, height: int = 1000,
                   budget_ms: int = 8000, timeout: float = 90) -> Rendering:
    """Open `html_path` in headless Chromium with every request sent to a dead proxy and every host
    unresolvable, screenshot it to `png_path`, and report what the page tried to load (from
    Chromium's net log: requests the page initiated, whatever their outcome)."""
    chromium = find_chromium()
    if not chromium:
        raise VizError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="orggraph-chromium-") as tmp:
        netlog = os.path.join(tmp, "net.json")
        cmd = _chromium(chromium, tmp, width, height, budget_ms) + [
            f"--screenshot={os.path.abspath(png_path)}", f"--log-net-log={netlog}", "--net-log-capture-mode=Default",
            "file://" + os.path.abspath(html_path)]
        if os.path.exists(png_path):
            os.remove(png_path)
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        seconds = time.perf_counter() - started
        requests = _page_requests(netlog)
    return Rendering(png_path, seconds, requests, proc.returncode, proc.stderr[-4000:])


def _page_requests(netlog: str) -> list[str]:
    try:
        with open(netlog, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return ["(no net log was written)"]
    try:
        data = json.loads(text)
    except json.JSONDecodeError:  # a log cut short: close it the way Chromium would
        data = json.loads(text.rstrip().rstrip(",") + "]}")
    types = {v: k for k, v in data.get("constants", {}).get("logEventTypes", {}).items()}
    out = []
    for event in data.get("events", []):
        if types.get(event.get("type")) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params", {})
        url = params.get("url")
        if not url:  # the end of a job: its start was counted
            continue
        if params.get("initiator") == "not an origin":  # the browser's own traffic, not the page's
            continue
        if url.split(":", 1)[0].lower() in ("file", "data", "blob", "about", "chrome", "devtools"):
            continue
        out.append(url)
    return out


def drawn_fraction(png_path: str, top: int = 0) -> float:
    """The share of the screenshot below `top` px whose pixels are not near-white (needs Pillow)."""
    from PIL import Image

    with Image.open(png_path) as img:
        img = img.convert("L")
        w, h = img.size
        region = img.crop((0, top, w, h))
        hist = region.histogram()
    total = sum(hist)
    return sum(hist[:235]) / total if total else 0.0


# --------------------------------------------------------------------------------------------
# What a reader sees at the opening view: every box's place on the screen, read from the page
# --------------------------------------------------------------------------------------------
_PROBE = """<script>
(function () {
  function report() {
    var net = window.orggraph, c = document.getElementById('graph'), out = [];
    net.body.data.nodes.forEach(function (n) {
      if (n.hidden) { return; }
      // The box as drawn (getBoundingBox would add the corner radius all round).
      var node = net.body.nodes[n.id], w = node.shape.width, h = node.shape.height,
          a = net.canvasToDOM({x: node.x - w / 2, y: node.y - h / 2}),
          z = net.canvasToDOM({x: node.x + w / 2, y: node.y + h / 2});
      out.push({id: n.id, group: n.group, text: (n.label || '').replace(/<[^>]*>/g, '').replace(/\\u200b/g, ''),
                left: a.x, top: a.y, right: z.x, bottom: z.y});
    });
    var pre = document.createElement('pre');
    pre.id = 'orggraph-probe';
    pre.textContent = JSON.stringify({scale: net.getScale(), width: c.clientWidth, height: c.clientHeight,
                                      boxes: out, selected: net.getSelectedNodes(),
                                      found: (document.getElementById('found') || {}).textContent || ''});
    document.body.appendChild(pre);
  }
  var tries = 0;
  (function wait() {
    if (document.body.getAttribute('data-drawn') || tries > 200) {
      (function () { /*BEFORE*/ })();
      setTimeout(report, 100);
    }
    else { tries++; setTimeout(wait, 50); }
  })();
})();
</script>"""


@dataclass
class Box:
    id: int
    group: str
    text: str  # the label's words (no markup)
    left: float
    top: float
    right: float
    bottom: float


@dataclass
class OpeningView:
    """The page as it opens: its zoom, the drawing area's size (CSS px) and the boxes on screen."""
    scale: float
    width: int
    height: int
    boxes: list[Box]  # the boxes at least partly inside the drawing area
    selected: list[int]  # the boxes selected (a search selects what it finds)
    found: str  # what the search box reports

    def labels(self) -> list[Box]:
        return [b for b in self.boxes if b.text.strip()]

    def overlaps(self, tolerance: float = 1.0) -> list[tuple[Box, Box]]:
        """Pairs of boxes on screen that cover each other by more than `tolerance` px each way."""
        items = sorted(self.boxes, key=lambda b: b.left)
        bad = []
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if b.left >= a.right - tolerance:
                    break
                if min(a.bottom, b.bottom) - max(a.top, b.top) > tolerance:
                    bad.append((a, b))
        return bad


def opening_view(html_path: str, *, width: int = 1400, height: int = 1000, budget_ms: int = 8000,
                 timeout: float = 90, then: str = "") -> OpeningView:
    """Open a copy of the page in headless Chromium (network cut off, as in `render_offline`) with a
    probe that reads where vis-network drew every box once the page has placed its opening view
    (after running the JavaScript `then`, if given: what a reader would do, e.g. type a search)."""
    chromium = find_chromium()
    if not chromium:
        raise VizError("chromium is not installed (apt-get install chromium)")
    with open(html_path, encoding="utf-8") as f:
        page = f.read()
    with tempfile.TemporaryDirectory(prefix="orggraph-probe-") as tmp:
        probed = os.path.join(tmp, "page.html")
        with open(probed, "w", encoding="utf-8") as f:
            f.write(page.replace("</body>", _PROBE.replace("/*BEFORE*/", then) + "\n</body>", 1))
        cmd = _chromium(chromium, tmp, width, height, budget_ms) + ["--dump-dom", "file://" + probed]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    m = re.search(r'<pre id="orggraph-probe">(.*?)</pre>', proc.stdout, re.S)
    if not m:
        raise VizError(f"the page did not report its boxes (chromium exit {proc.returncode}): {proc.stderr[-500:]}")
    data = json.loads(html.unescape(m.group(1)))
    boxes = [Box(**b) for b in data["boxes"]]
    on_screen = [b for b in boxes if b.right > 0 and b.left < data["width"] and b.bottom > 0 and b.top < data["height"]]
    return OpeningView(data["scale"], data["width"], data["height"], on_screen, data["selected"], data["found"])
