"""A headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``).

No websocket library and no webdriver: Chromium reads commands on file descriptor 3 and writes
replies and events on 4, each a JSON object ended by a NUL byte. The tests use it as a person uses
the page: a window of a given size, typing, Enter, clicks at the pixels of a button, screenshots;
they read what the page shows through ``Runtime.evaluate``, and every uncaught exception, console
error and failed request is collected in :attr:`Browser.errors`.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _high_pipe() -> tuple[int, int]:
    """A pipe whose two ends are numbered 10 or more, clear of the 3 and 4 the child needs."""
    import fcntl

    low = os.pipe()
    high = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in low)
    for fd in low:
        os.close(fd)
    return high[0], high[1]


class BrowserError(RuntimeError):
    """Chromium answered a command with an error, or did not answer in time."""


class Browser:
    """One headless Chromium with one page, ``width`` × ``height`` CSS pixels."""

    def __init__(self, *, width: int = 1400, height: int = 900, timeout: float = 120.0) -> None:
        if CHROMIUM is None:
            raise BrowserError("chromium is not installed")
        self.timeout = timeout
        self.errors: list[str] = []
        self._profile = tempfile.TemporaryDirectory()
        to_child, self._write = _high_pipe()
        self._read, from_child = _high_pipe()
        command = [
            "bash", "-c", f'exec "$0" "$@" 3<&{to_child} 4>&{from_child} {to_child}<&- {from_child}>&-',
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            f"--user-data-dir={self._profile.name}", f"--window-size={width},{height}",
            "--remote-debugging-pipe", "about:blank",
        ]  # fmt: skip
        # the shell puts our pipe ends on the child's fds 3 (commands) and 4 (replies), then runs Chromium
        self._process = subprocess.Popen(
            command, pass_fds=(to_child, from_child), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        os.close(to_child)
        os.close(from_child)
        self._next = 0
        self._replies: dict[int, dict] = {}
        self._lock = threading.Condition()
        threading.Thread(target=self._listen, daemon=True).start()
        self.session = self._attach()
        for domain in ("Runtime", "Page", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    # --- the protocol ---------------------------------------------------------------------------

    def _listen(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for raw in messages:
                self._receive(json.loads(raw))

    def _receive(self, message: dict) -> None:
        method = message.get("method", "")
        params = message.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.errors.append(str(details.get("exception", {}).get("description") or details.get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            self.errors.append(
                " ".join(str(arg.get("value", arg.get("description"))) for arg in params["args"])
            )
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.errors.append(params["entry"].get("text", ""))
        elif method == "Network.loadingFailed":
            self.errors.append(f"request failed: {params.get('errorText')}")
        if "id" in message:
            with self._lock:
                self._replies[message["id"]] = message
                self._lock.notify_all()

    def send(self, method: str, *, browser: bool = False, **params: Any) -> dict:
        """Send one command (to the page's session unless ``browser``) and wait for its reply."""
        with self._lock:
            self._next += 1
            ident = self._next
        message: dict = {"id": ident, "method": method, "params": params}
        if not browser:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        with self._lock:
            while ident not in self._replies:
                if not self._lock.wait(timeout=max(deadline - time.monotonic(), 0)):
                    raise BrowserError(f"no reply to {method} in {self.timeout} s")
            reply = self._replies.pop(ident)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _attach(self) -> str:
        self.session = ""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            targets = self.send("Target.getTargets", browser=True)["targetInfos"]
            pages = [target for target in targets if target["type"] == "page"]
            if pages:
                found = self.send(
                    "Target.attachToTarget", browser=True, targetId=pages[0]["targetId"], flatten=True
                )
                return str(found["sessionId"])
            time.sleep(0.1)
        raise BrowserError("no page target")

    # --- what a test does ---------------------------------------------------------------------

    def open(self, url: str, *, ready: str = "document.body && document.body.dataset.kgDrawn > 0") -> None:
        """Load ``url`` and wait until the JavaScript condition ``ready`` holds."""
        self.send("Page.navigate", url=url)
        self.wait_for(ready)

    def run(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page."""
        found = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in found:
            raise BrowserError(f"{expression}: {found['exceptionDetails']}")
        return found["result"].get("value")

    def wait_for(self, condition: str, *, seconds: float | None = None) -> None:
        deadline = time.monotonic() + (seconds or self.timeout)
        while not self.run(f"Boolean({condition})"):
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out waiting for {condition}")
            time.sleep(0.05)

    def settle(self) -> None:
        """Wait for two animation frames, so the canvas shows the last change."""
        self.run("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def wheel(self, x: float, y: float, delta: float) -> None:
        """Turn the mouse wheel at (x, y); a negative ``delta`` zooms a map in."""
        self.send("Input.dispatchMouseEvent", type="mouseWheel", x=x, y=y, deltaX=0, deltaY=delta)

    def click_element(self, selector: str) -> None:
        """Click the middle of the element ``selector`` as a mouse would."""
        box = self.run(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        self.click(*box)

    def type_text(self, selector: str, text: str) -> None:
        self.click_element(selector)
        self.send("Input.insertText", text=text)

    def press_enter(self) -> None:
        for kind in ("rawKeyDown", "char", "keyUp"):
            extra = {"text": "\r"} if kind == "char" else {}
            self.send(
                "Input.dispatchKeyEvent",
                type=kind,
                key="Enter",
                code="Enter",
                windowsVirtualKeyCode=13,
                **extra,
            )

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.send("Browser.close", browser=True)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._write)
        os.close(self._read)
        self._profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
