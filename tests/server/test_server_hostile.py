"""`leopard-cli serve` against clients that go away or misbehave. A client that disconnects
mid-stream (or while waiting) cancels its generation and the next request is answered at once; the
server stays up after invalid JSON, bad fields, 10 MB of base64 junk as an image, 60 images, images
claiming 40 000 pixels (a bare header, and real compressible ones), a body over the limit, a slow
client sending one byte a second (cut off by the request time limit), and wrong or missing API keys.
After each, /health answers and a normal request still gets the same answer."""
import base64
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time

from serve_harness import (Scratch, Server, answer_of, check, data_url, make_tiny, parse_args, png,
                           png_from_raw, png_header_only, say, user)

KEY = "hostile-test-key"
AUTH = {"Authorization": "Bearer " + KEY}
REQUEST_TIMEOUT = 5  # --request-timeout: a request must arrive within this


def expect_error(server, payload, status, code=None, param_part=None, what="", headers=AUTH, raw=None):
    s, body, _ = server.request("POST", "/v1/chat/completions", raw if raw is not None else payload, headers)
    try:
        reply = json.loads(body)
    except ValueError:
        reply = {}
    err = reply.get("error", {})
    say("  %-42s -> %d %s: %s" % (what, s, err.get("code"), (err.get("message") or "")[:110]))
    check(s == status, "%s: status %d, wanted %d: %r" % (what, s, status, body[:300]))
    check(set(err) >= {"message", "type", "param", "code"}, "%s: not OpenAI's error shape: %r" % (what, reply))
    if code:
        check(err["code"] == code, "%s: code %r, wanted %r" % (what, err["code"], code))
    if param_part:
        check(param_part in (err["param"] or "") or param_part in err["message"],
              "%s: the error does not name %r: %r" % (what, param_part, err))
    check(server.health()["status"] == "ok", "/health after " + what)
    return err


def raw_socket(server):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=60)
    return s


def read_until_closed(sock, limit_seconds):
    """Reads until the server closes; returns (bytes, seconds)."""
    start, data = time.time(), b""
    sock.settimeout(1.0)
    while time.time() - start < limit_seconds:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data, time.time() - start


def completion_tokens_in_log(server, marker):
    for line in server.log():
        if marker in line:
            m = re.search(r"tokens (\d+)\+(\d+)", line)
            return int(m.group(2)) if m else None
    return None


def main():
    args = parse_args()
    scratch = Scratch(args.work)
    model = make_tiny(args.cli, scratch.path("tiny"))
    image = png(400, 300, seed=5)
    normal = {"model": "tiny", "max_tokens": 16, "messages": [user("What is this?", image)]}
    # Beyond loopback only with a key: refused before anything listens.
    r = subprocess.run([args.cli, "serve", "--model", model, "--host", "0.0.0.0", "--port", "0"],
                       capture_output=True, text=True, timeout=120, env=dict(os.environ, LEOPARD_API_KEY=""))
    say("serve --host 0.0.0.0 without a key: exit %d: %s" % (r.returncode, r.stderr.strip()))
    check(r.returncode == 1 and "API key" in r.stderr, "a non-loopback address without a key was not refused")
    server = Server(args.cli, model, "--api-key", KEY, "--request-timeout", str(REQUEST_TIMEOUT), "--max-body-mb", "16")
    try:
        status, reply, _ = server.chat(normal, AUTH)
        check(status == 200, "the first normal request: %d %r" % (status, reply))
        reference = answer_of(reply)

        # --- a client that disconnects mid-stream cancels its generation ------------------------
        long_ask = {"model": "tiny", "max_tokens": 12000, "stream": True,
                    "messages": [user("Tell me everything about this.", image)]}
        body = json.dumps(long_ask).encode()
        sock = raw_socket(server)
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + KEY.encode() + b"\r\nContent-Length: " + str(len(body)).encode() +
                     b"\r\n\r\n" + body)
        got = b""
        while got.count(b"data: ") < 3:  # the role chunk and some text: it is generating
            chunk = sock.recv(4096)
            check(chunk, "the stream ended before any text")
            got += chunk
        check(got.startswith(b"HTTP/1.1 200"), "the stream's status line: %r" % got[:40])
        sock.close()
        t = time.time()
        status, reply, _ = server.chat(normal, AUTH)
        after = time.time() - t
        check(status == 200 and answer_of(reply) == reference, "the request after a disconnect: %d" % status)
        say("a request right after a mid-stream disconnect was answered in %.2f s" % after)
        deadline = time.time() + 30
        while completion_tokens_in_log(server, "mid-stream") is None and time.time() < deadline:
            time.sleep(0.1)
        generated = completion_tokens_in_log(server, "mid-stream")
        say("the disconnected stream stopped after %s of its 12000 tokens" % generated)
        check(generated is not None and generated < 12000, "the disconnected generation was not cancelled: %r" % generated)
        check(server.health()["cancelled"] >= 1, "/health does not count the cancel")

        # ... and one that gives up while waiting for a plain answer.
        plain_long = dict(long_ask, stream=False)
        body = json.dumps(plain_long).encode()
        sock = raw_socket(server)
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + KEY.encode() + b"\r\nContent-Length: " + str(len(body)).encode() +
                     b"\r\n\r\n" + body)
        time.sleep(0.5)
        sock.close()
        t = time.time()
        status, reply, _ = server.chat(normal, AUTH)
        say("a request right after a client gave up waiting was answered in %.2f s" % (time.time() - t))
        check(status == 200 and answer_of(reply) == reference, "after a waiting client left: %d" % status)
        deadline = time.time() + 30
        while completion_tokens_in_log(server, "while waiting") is None and time.time() < deadline:
            time.sleep(0.1)
        waited = completion_tokens_in_log(server, "while waiting")
        check(waited is None or waited < 12000, "the abandoned plain request ran to the end")
        check(any("while waiting" in l for l in server.log()), "the abandoned plain request was not cancelled")

        # --- hostile and broken requests ------------------------------------------------------
        say("hostile requests (each followed by GET /health):")
        expect_error(server, None, 400, "invalid_json", what="invalid JSON", raw=b'{"messages": [')
        expect_error(server, None, 400, "invalid_json", what="nested 100000 levels deep", raw=b"[" * 100000)
        expect_error(server, None, 400, what="not an object", raw=b"[1, 2]")
        expect_error(server, {"model": "tiny"}, 400, param_part="messages", what="no messages")
        expect_error(server, dict(normal, temperature="hot"), 400, param_part="temperature", what="temperature a string")
        expect_error(server, dict(normal, max_tokens=0), 400, param_part="max_tokens", what="max_tokens 0")
        expect_error(server, dict(normal, max_tokens=10 ** 9), 400, param_part="max_tokens", what="max_tokens past the context")
        expect_error(server, dict(normal, n=3), 400, param_part="n", what="n = 3")
        expect_error(server, dict(normal, stop=["a", "b", "c", "d", "e"]), 400, param_part="stop", what="5 stop strings")
        expect_error(server, dict(normal, model="gpt-4o"), 404, "model_not_found", what="another model")
        expect_error(server, {"messages": [{"role": "assistant", "content": "hi"}]}, 400, param_part="messages[0]",
                     what="an assistant message first")
        expect_error(server, {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]},
                     400, param_part="messages", what="the last message not the user's")
        expect_error(server, {"messages": [{"role": "tool", "content": "x"}]}, 400, param_part="messages[0].role",
                     what="a tool message")
        expect_error(server, {"messages": [{"role": "user", "content": [
            {"type": "image_url", "image_url": {"url": "http://example.com/a.png"}}, {"type": "text", "text": "x"}]}]},
                     400, "invalid_image", "messages[0].content[0].image_url.url", what="an http: image URL")

        junk = base64.b64encode(os.urandom(7_500_000)).decode()
        check(len(junk) >= 10_000_000, "junk too short")
        err = expect_error(server, {"messages": [{"role": "user", "content": [
            {"type": "text", "text": "look"}, {"type": "image_url", "image_url": {"url": "data:image/png;base64," + junk}}]}]},
                           400, "invalid_image", "messages[0].content[1].image_url.url", what="10 MB of base64 junk")
        check("image 0" in err["message"], "the junk error does not name the image: %r" % err)
        expect_error(server, {"messages": [{"role": "user", "content": [
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,!!!" + junk[:1000]}}]}]},
                     400, "invalid_image", what="not base64 at all")
        tiny_png = png(8, 8)
        err = expect_error(server, {"messages": [{"role": "user", "content": [
            {"type": "image_url", "image_url": {"url": data_url(tiny_png)}} for _ in range(60)] + [
            {"type": "text", "text": "sixty"}]}]}, 400, "too_many_images", "messages[0].content[50]", what="60 images")
        check("50" in err["message"], "the 60-image error does not say the limit: %r" % err)
        err = expect_error(server, {"messages": [user("big", tiny_png, png_header_only(40000, 40000))]}, 400, "invalid_image",
                           "messages[0].content[1]", what="a header claiming 40000 x 40000")
        check("image 1" in err["message"] and "40000" in err["message"], "names neither image nor size: %r" % err)
        wide = png_from_raw(40001, 2, b"".join(b"\x00" + b"\x00" * 40001 for _ in range(2)), 0)
        expect_error(server, {"messages": [user("wide", wide)]}, 400, "invalid_image", "image_url", what="a real 40001 x 2 PNG")
        t = time.time()
        side = 10001
        huge = png_from_raw(side, side, (b"\x00" * (side + 1)) * side, 0, level=9)  # 100.02 Mpx, ~100 KB
        say("  (made a real %d x %d PNG of %d bytes in %.1f s)" % (side, side, len(huge), time.time() - t))
        t = time.time()
        expect_error(server, {"messages": [user("huge", huge)]}, 400, "invalid_image", "image_url",
                     what="a real 10001 x 10001 PNG (100 Mpx+)")
        say("  (refused in %.2f s, from its header)" % (time.time() - t))
        truncated = png(200, 200, seed=9)
        truncated = truncated[:len(truncated) // 2]
        expect_error(server, {"messages": [user("cut", truncated)]}, 400, "invalid_image", what="a truncated PNG")

        # A body over --max-body-mb 16: refused from its Content-Length, before it is read.
        sock = raw_socket(server)
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + KEY.encode() + b"\r\nContent-Length: 100000000\r\n\r\n" + b"{" * 65536)
        data, seconds = read_until_closed(sock, 60)
        sock.close()
        say("  %-42s -> %s in %.2f s" % ("a 100 MB body", data.split(b"\r\n")[0].decode(errors="replace"), seconds))
        check(data.startswith(b"HTTP/1.1 413"), "a 100 MB body: %r" % data[:100])
        check(server.health()["status"] == "ok", "/health after a 100 MB body")

        # Wrong and missing keys: 401 for the API, /health needs none.
        for what, headers in (("a wrong API key", {"Authorization": "Bearer nope"}), ("no API key", {}),
                              ("a key without Bearer", {"Authorization": KEY})):
            expect_error(server, normal, 401, "invalid_api_key", what=what, headers=headers)
        s, _, _ = server.request("GET", "/v1/models", headers={"Authorization": "Bearer nope"})
        check(s == 401, "GET /v1/models with a wrong key: %d" % s)
        s, body, _ = server.request("GET", "/v1/models", headers=AUTH)
        check(s == 200 and json.loads(body)["data"][0]["id"] == "tiny", "GET /v1/models: %d %r" % (s, body))
        s, _, _ = server.request("GET", "/v1/nothing", headers=AUTH)
        check(s == 404, "an unknown path: %d" % s)

        # --- a slow client: one byte a second --------------------------------------------------
        request = (b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + KEY.encode() +
                   b"\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n" + b" " * 200)
        for what, head in (("in its headers", 0), ("in its body", request.index(b"\r\n\r\n") + 4)):
            sock = raw_socket(server)
            sock.sendall(request[:head])
            cut = {"seconds": None, "data": b""}
            stop = threading.Event()

            def dribble():
                start = time.time()
                for i in range(head, len(request)):
                    if stop.is_set():
                        return
                    try:
                        sock.send(request[i:i + 1])
                    except OSError:
                        cut["seconds"] = time.time() - start
                        return
                    time.sleep(1.0)

            sender = threading.Thread(target=dribble, daemon=True)
            sender.start()
            time.sleep(1.5)
            h = server.health()  # answered while the slow client holds its connection
            check(h["status"] == "ok", "/health during a slow client")
            data, seconds = read_until_closed(sock, 120)
            stop.set()
            sock.close()
            say("  a client sending one byte a second %s: cut off after %.1f s (limit %d s): %r" %
                (what, seconds + 1.5, REQUEST_TIMEOUT, data.split(b"\r\n")[0].decode(errors="replace")))
            check(seconds + 1.5 < REQUEST_TIMEOUT + 60, "the slow client was not cut off")
            check(data == b"" or data.startswith(b"HTTP/1.1 408") or data.startswith(b"HTTP/1.1 400"),
                  "the slow client got %r" % data[:80])
            check(server.health()["status"] == "ok", "/health after a slow client")

        # --- still the same server ----------------------------------------------------------------
        status, reply, _ = server.chat(normal, AUTH)
        check(status == 200 and answer_of(reply) == reference, "a normal request at the end: %d" % status)
        h = server.health()
        say("health at the end:", json.dumps(h))
        check(h["model_loaded"] and h["queued"] == 0, "/health at the end: %r" % h)
    finally:
        code = server.stop()
        say("server log (last 40):\n  " + "\n  ".join(server.log()[-40:]))
        scratch.close()
    check(code == 0, "the server exited with %r" % code)
    say("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
