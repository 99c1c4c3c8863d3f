"""What the `leopard-cli serve` tests share (python3 stdlib only): a tiny model made by the built
`leopard-cli make-tiny`, the server started on a free loopback port with its stderr collected, plain
HTTP requests (http.client), server-sent events read by hand, and PNGs written with zlib.

Timings are printed, never asserted tightly: the machine may be a loaded 2-core box."""
import argparse
import base64
import http.client
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True, help="the built leopard-cli")
    p.add_argument("--work", default="", help="scratch directory (default: a temporary one)")
    p.add_argument("--node", default="node")
    p.add_argument("--node-modules", default="")
    p.add_argument("--fetch", default="", help="scripts/fetch-openai-client.sh")
    p.add_argument("--fetch-dest", default="")
    return p.parse_args()


def say(*parts):
    print("[serve-test]", *parts, flush=True)


def fail(message):
    say("FAIL:", message)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


class Scratch:
    def __init__(self, work):
        self.owned = not work
        self.dir = work or tempfile.mkdtemp(prefix="leopard-serve-test-")
        os.makedirs(self.dir, exist_ok=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def close(self):
        if self.owned:
            shutil.rmtree(self.dir, ignore_errors=True)


def make_tiny(cli, out):
    if not os.path.exists(os.path.join(out, "config.json")):
        r = subprocess.run([cli, "make-tiny", "--out", out], capture_output=True, text=True, timeout=300)
        check(r.returncode == 0, "make-tiny failed: " + r.stderr)
    return out


def png(width, height, seed=0, grey=False):
    """A deterministic PNG (a gradient that differs per seed), written with zlib."""
    channels = 1 if grey else 3
    rows = []
    for y in range(height):
        if grey:
            row = bytes(((x * 3 + y * 5 + seed * 17) & 0xFF) for x in range(width))
        else:
            row = bytes(v for x in range(width)
                        for v in (((x + seed * 31) & 0xFF), ((y * 2 + seed) & 0xFF), (((x ^ y) + seed * 7) & 0xFF)))
        rows.append(b"\x00" + row)
    raw = b"".join(rows)
    return png_from_raw(width, height, raw, 0 if grey else 2)


def png_from_raw(width, height, raw, color_type, level=6):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, level)) + chunk(b"IEND", b"")


def png_header_only(width, height):
    """A PNG that claims width x height in its header and has no pixel data."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b"")


def data_url(data, mime="image/png"):
    return "data:%s;base64,%s" % (mime, base64.b64encode(data).decode("ascii"))


def user(text, *images):
    content = [{"type": "image_url", "image_url": {"url": data_url(i)}} for i in images]
    content.append({"type": "text", "text": text})
    return {"role": "user", "content": content}


class Server:
    """leopard-cli serve on 127.0.0.1, any free port."""

    def __init__(self, cli, model, *args, ready_timeout=180, env=None):
        cmd = [cli, "serve", "--model", model, "--port", "0"] + list(args)
        self.lines = []
        self._lock = threading.Lock()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     env=dict(os.environ, **(env or {})))
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.port = None
        deadline = time.time() + ready_timeout
        while time.time() < deadline and self.port is None:
            with self._lock:
                for line in self.lines:
                    m = re.search(r"listening on http://[^ ]*:(\d+)", line)
                    if m:
                        self.port = int(m.group(1))
            if self.proc.poll() is not None:
                fail("the server exited at start: " + "\n".join(self.lines))
            time.sleep(0.05)
        check(self.port is not None, "the server did not say where it listens")
        while time.time() < deadline:
            status, body, _ = self.request("GET", "/health", timeout=10)
            if status == 200 and json.loads(body).get("model_loaded"):
                return
            time.sleep(0.1)
        fail("the model did not load in time")

    def _read(self):
        for line in self.proc.stderr:
            with self._lock:
                self.lines.append(line.rstrip("\n"))

    def log(self):
        with self._lock:
            return list(self.lines)

    def chat_log_line(self, since, timeout=30):
        """The first chat-completion log line after line `since` (the server writes it after the
        response, so it may come a moment after the client has its answer)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for line in self.log()[since:]:
                if "POST /v1/chat/completions" in line:
                    return line
            time.sleep(0.02)
        return ""

    def connection(self, timeout=120):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=120):
        """(status, body bytes, headers dict with lower-case names)."""
        conn = self.connection(timeout)
        try:
            data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
            h = {"Content-Type": "application/json"} if data is not None else {}
            h.update(headers or {})
            conn.request(method, path, body=data, headers=h)
            r = conn.getresponse()
            return r.status, r.read(), {k.lower(): v for k, v in r.getheaders()}
        finally:
            conn.close()

    def chat(self, payload, headers=None, timeout=300):
        status, body, h = self.request("POST", "/v1/chat/completions", payload, headers, timeout)
        try:
            return status, json.loads(body), h
        except ValueError:
            return status, {"raw": body[:200].decode("utf-8", "replace")}, h

    def stream(self, payload, headers=None, timeout=300):
        """Streams a chat completion: (status, list of parsed events, '[DONE]' seen)."""
        conn = self.connection(timeout)
        try:
            conn.request("POST", "/v1/chat/completions", body=json.dumps(dict(payload, stream=True)).encode(),
                         headers=dict({"Content-Type": "application/json"}, **(headers or {})))
            r = conn.getresponse()
            if r.status != 200:
                return r.status, [json.loads(r.read())], False
            events, done = [], False
            for raw in r:
                line = raw.decode("utf-8").rstrip("\r\n")
                if not line.startswith("data: "):
                    continue
                data = line[len("data: "):]
                if data == "[DONE]":
                    done = True
                    break
                events.append(json.loads(data))
            return r.status, events, done
        finally:
            conn.close()

    def health(self, timeout=30):
        status, body, _ = self.request("GET", "/health", timeout=timeout)
        check(status == 200, "GET /health answered %d" % status)
        return json.loads(body)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._reader.join(timeout=5)
        return self.proc.returncode


def streamed_text(events):
    text, finish, usage = "", None, None
    for e in events:
        for c in e.get("choices", []):
            text += c.get("delta", {}).get("content") or ""
            finish = c.get("finish_reason") or finish
        usage = e.get("usage") or usage
    return text, finish, usage


def answer_of(reply):
    return reply["choices"][0]["message"]["content"]
