#!/usr/bin/env python3
"""Runs a list of browser steps in headless Chromium through chromedriver, speaking the
W3C WebDriver HTTP protocol with the standard library (no Selenium, no Rust async crates).

Usage: webdriver_steps.py STEPS.json DOWNLOAD_DIR

STEPS.json is a list of objects, each one of:
  {"open": "file:///…"}             navigate
  {"click": "CSS"}                  click the first element the selector finds
  {"key": "n"}                      press and release one key (W3C key actions)
  {"eval": "return …"}              run a script; its value is added to the output
  {"reload": true}                  reload the page
  {"screenshot": "/path.png"}       save a screenshot of the window
  {"download": "NAME"}              wait until DOWNLOAD_DIR/NAME exists (complete)
Prints one JSON object: {"results": [values of eval steps], "ms": [milliseconds per step]}.
Exits 1 with a message on any WebDriver error (including an unexpected alert, which is how
a script injected through the page would show itself).
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, base):
        self.base = base
        self.sid = None

    def call(self, method, path, body=None):
        url = self.base + path
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {path}: {e.code} {e.read()[:600]!r}") from None

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.sid}{path}", body)

    def find(self, css):
        """The element reference (a one-key object, as scripts take it) and its id."""
        ref = self.s("POST", "/element", {"using": "css selector", "value": css})
        return ref, next(iter(ref.values()))


def main():
    steps = json.load(open(sys.argv[1], encoding="utf-8"))
    downloads = os.path.abspath(sys.argv[2])
    driver_bin = shutil.which("chromedriver")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    port = free_port()
    proc = subprocess.Popen([driver_bin, f"--port={port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    d = Driver(f"http://127.0.0.1:{port}")
    results, times = [], []
    try:
        for _ in range(100):
            try:
                d.call("GET", "/status")
                break
            except Exception:
                time.sleep(0.1)
        opts = {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,900"],
            "prefs": {"download.default_directory": downloads,
                      "download.prompt_for_download": False},
        }
        if browser:
            opts["binary"] = browser
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": opts}}}
        d.sid = d.call("POST", "/session", caps)["sessionId"]
        # Downloads in headless mode: allowed into the folder explicitly as well.
        try:
            d.s("POST", "/chromium/send_command", {
                "cmd": "Page.setDownloadBehavior",
                "params": {"behavior": "allow", "downloadPath": downloads}})
        except RuntimeError:
            pass
        for step in steps:
            t0 = time.monotonic()
            if "open" in step:
                d.s("POST", "/url", {"url": step["open"]})
            elif "click" in step:
                ref, el = d.find(step["click"])
                # Centre it first: the page's sticky header would cover an element the
                # driver scrolls to the top edge.
                d.s("POST", "/execute/sync", {
                    "script": "arguments[0].scrollIntoView({block: 'center'});",
                    "args": [ref]})
                d.s("POST", f"/element/{el}/click", {})
            elif "key" in step:
                k = step["key"]
                d.s("POST", "/actions", {"actions": [{"type": "key", "id": "kb", "actions": [
                    {"type": "keyDown", "value": k}, {"type": "keyUp", "value": k}]}]})
            elif "eval" in step:
                results.append(d.s("POST", "/execute/sync", {"script": step["eval"], "args": []}))
            elif "reload" in step:
                d.s("POST", "/refresh", {})
            elif "screenshot" in step:
                png = base64.b64decode(d.s("GET", "/screenshot"))
                with open(step["screenshot"], "wb") as f:
                    f.write(png)
            elif "download" in step:
                path = os.path.join(downloads, step["download"])
                deadline = time.monotonic() + 20
                while not (os.path.exists(path) and not os.path.exists(path + ".crdownload")):
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"no download {path}: {os.listdir(downloads)}")
                    time.sleep(0.1)
            else:
                raise RuntimeError(f"unknown step {step}")
            times.append(round((time.monotonic() - t0) * 1000, 1))
    except Exception as e:  # report, then clean up below
        print(f"webdriver step failed: {e}", file=sys.stderr)
        return 1
    finally:
        if d.sid:
            try:
                d.call("DELETE", f"/session/{d.sid}")
            except Exception:
                pass
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(json.dumps({"results": results, "ms": times}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
