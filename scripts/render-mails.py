#!/usr/bin/env python3
"""Renders the HTML part of one mail of every kind in headless Chromium, as a resident would see it.

    render-mails.py MAILDIR OUTDIR [--widths 320,390,1024] [--chromium PATH] [--pages DIR]

One message per `X-Tweedemening-Kind` (the first file of that kind in MAILDIR/new and MAILDIR/cur) is shown at
every width, in the light and the dark colour scheme, and saved as OUTDIR/{kind}-{width}-{scheme}.png. The page
is driven over Chrome's DevTools protocol on a pipe (`--remote-debugging-pipe`): a headless window cannot be
made narrower than 500 px, so the viewport is set by device-metrics emulation, and the colour scheme by
emulating the `prefers-color-scheme` media feature.

Prints a table kind x width x scheme with the horizontal overflow in px (the document's scroll width minus
the width asked for) and exits 1 when any page overflows, when the dark scheme does not change the pixels the
reader sees (the page's corner must be dark in dark mode and light in light mode), or when MAILDIR holds no
mail. Exit 2 when Chromium cannot be driven.

With --pages, every DIR/*.html (the intake's web pages, saved by scripts/demo.sh) is shown too, at every width in
the light scheme only (pages have no dark scheme), as OUTDIR/page-{name}-{width}-light.png, and fails the same way
on overflow.
"""

import argparse
import base64
import email
import email.policy
import json
import os
import pathlib
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib


class Browser:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (answers and events out)."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="render-mails-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()

        def child_fds():  # the pipe ends at exactly fds 3 and 4, whatever numbers the pipes got here
            commands, answers = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--disable-extensions", "--mute-audio", f"--user-data-dir={self.profile}",
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child_fds, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.writer = os.fdopen(to_browser_w, "wb", buffering=0)
        self.reader = os.fdopen(from_browser_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self):
        while b"\0" not in self.buffer:
            chunk = self.reader.read(1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.writer.write(json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read_message()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, method, session):
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                del self.events[: index + 1]
                return event
        while True:
            event = self._read_message()
            if event.get("method") == method and event.get("sessionId") == session:
                self.events.clear()
                return event

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def png_pixel(data, x, y):
    """The RGB of one pixel of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat, width, channels = 8, b"", 0, 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, _, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and interlace == 0 and colour in (2, 6), "unexpected PNG format"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    for row in range(y + 1):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        previous = line
    return tuple(previous[x * channels:x * channels + 3])


def luminance(rgb):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


MEASURE = """(() => {
  const root = document.documentElement;
  const widest = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
  return {widest: Math.max(widest, window.innerWidth), height: root.scrollHeight,
          dark: matchMedia('(prefers-color-scheme: dark)').matches};
})()"""


def one_per_kind(maildir):
    found = {}
    for folder in ("new", "cur"):
        directory = pathlib.Path(maildir, folder)
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            kind = message["X-Tweedemening-Kind"]
            if kind and kind not in found:
                part = message.get_body(preferencelist=("html",))
                if part is not None:
                    found[kind] = part.get_content()
    return dict(sorted(found.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("maildir")
    parser.add_argument("outdir")
    parser.add_argument("--widths", default="320,390,1024")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--pages", help="a folder of .html web pages to check as well (light scheme)")
    args = parser.parse_args()
    widths = [int(width) for width in args.widths.split(",")]
    kinds = one_per_kind(args.maildir)
    if not kinds:
        print(f"no mail with an X-Tweedemening-Kind and an HTML part in {args.maildir}", file=sys.stderr)
        return 1
    web_pages = {}
    if args.pages:
        web_pages = {f"page {path.stem}": path.read_text(encoding="utf-8")
                     for path in sorted(pathlib.Path(args.pages).glob("*.html"))}
        if not web_pages:
            print(f"no .html pages in {args.pages}", file=sys.stderr)
            return 1
    out = pathlib.Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    pages = pathlib.Path(tempfile.mkdtemp(prefix="render-mails-html-"))
    browser = Browser(args.chromium)
    results, problems = {}, []
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        for kind, html in list(kinds.items()) + list(web_pages.items()):
            is_page = kind in web_pages
            page = pages / f"{kind.replace(' ', '-')}.html"
            page.write_text(html, encoding="utf-8")
            for width in widths:
                for scheme in ("light",) if is_page else ("light", "dark"):
                    browser.send("Emulation.setDeviceMetricsOverride",
                                 {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600},
                                 session=session)
                    browser.send("Emulation.setEmulatedMedia",
                                 {"features": [{"name": "prefers-color-scheme", "value": scheme}]}, session=session)
                    browser.send("Page.navigate", {"url": page.as_uri()}, session=session)
                    browser.wait_for("Page.loadEventFired", session)
                    measured = browser.send("Runtime.evaluate", {"expression": MEASURE, "returnByValue": True},
                                            session=session)["result"]["value"]
                    height = min(max(measured["height"], 100), 12000)
                    shot = browser.send("Page.captureScreenshot",
                                        {"format": "png", "captureBeyondViewport": True,
                                         "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
                                        session=session)
                    png = base64.b64decode(shot["data"])
                    (out / f"{kind.replace(' ', '-')}-{width}-{scheme}.png").write_bytes(png)
                    # The page's corner (outer background): dark in dark mode, light in light mode.
                    corner = luminance(png_pixel(png, 2, 2))
                    # A phone zooms a too-wide page out (the viewport grows to fit it): measured against the
                    # width asked for, not the viewport's, so that counts as overflow too.
                    overflow = measured["widest"] - width
                    results[(kind, width, scheme)] = overflow
                    if overflow > 0:
                        problems.append(f"{kind} at {width} px ({scheme}) overflows by {overflow} px")
                    if (scheme == "dark") != measured["dark"]:
                        problems.append(f"{kind} at {width} px: prefers-color-scheme {scheme} was not applied")
                    if scheme == "dark" and corner > 0.15:
                        problems.append(f"{kind} at {width} px: dark scheme, but the page is light "
                                        f"(luminance {corner:.2f})")
                    if scheme == "light" and corner < 0.6:
                        problems.append(f"{kind} at {width} px: light scheme, but the page is dark "
                                        f"(luminance {corner:.2f})")
    except (RuntimeError, OSError) as error:
        print(f"cannot drive chromium: {error}", file=sys.stderr)
        return 2
    finally:
        browser.close()
        shutil.rmtree(pages, ignore_errors=True)

    columns = [(width, scheme) for width in widths for scheme in ("light", "dark")]
    header = f"{'overflow px':22}" + "".join(f"{f'{w} {s}':>12}" for w, s in columns)
    print(header)
    for kind in list(kinds) + list(web_pages):
        print(f"{kind:22}" + "".join(f"{results.get((kind, w, s), '-'):>12}" for w, s in columns))
    print(f"{len(kinds)} kinds, {len(web_pages)} web pages, {len(results)} PNGs in {out}")
    for problem in problems:
        print("FAIL: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
