"""A real client nobody here wrote — the official `openai` npm package — against `leopard-cli serve`
with the tiny model on loopback: it lists the models, asks about a PNG sent as a data: URL without
and with streaming (the streamed text must equal the plain one: greedy), gets `usage` both ways and
a 401 for a wrong key. The answer must also equal `leopard-cli ask --images` on the same file: the
server applies the same crop plan and prompt."""
import json
import os
import subprocess
import sys
import time

from serve_harness import Scratch, Server, check, fail, make_tiny, parse_args, png, say

SKIP = 77


def main():
    args = parse_args()
    client_dir = os.path.join(args.node_modules, "openai")
    if args.fetch and not os.path.exists(os.path.join(client_dir, "package.json")):
        r = subprocess.run(["bash", args.fetch, args.fetch_dest], capture_output=True, text=True, timeout=300)
        say("fetching the openai package:", r.returncode, r.stderr.strip()[-300:])
    if not args.node_modules or not os.path.exists(os.path.join(client_dir, "package.json")):
        say("SKIP: the openai npm package is not installed (scripts/fetch-openai-client.sh; needs npm and the registry)")
        return SKIP
    scratch = Scratch(args.work)
    model = make_tiny(args.cli, scratch.path("tiny"))
    image = scratch.path("page.png")
    with open(image, "wb") as f:
        f.write(png(800, 700, seed=3))  # 2 x 2 crops + the global view: 5 model images
    question = "What does this page show?"
    max_tokens = 24
    key = "test-key-123"
    server = Server(args.cli, model, "--api-key", key)
    try:
        t = time.time()
        r = subprocess.run([args.node, os.path.join(os.path.dirname(__file__), "openai_client.cjs"),
                            "http://127.0.0.1:%d/v1" % server.port, key, "tiny", image, question, str(max_tokens)],
                           capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, NODE_PATH=args.node_modules))
        say("openai client ran in %.2f s" % (time.time() - t))
        check(r.returncode == 0, "the openai client failed:\n" + r.stderr + "\nserver log:\n" + "\n".join(server.log()))
        out = json.loads(r.stdout.strip().splitlines()[-1])
        say("client saw:", json.dumps(out)[:600])
        check(out["models"] == ["tiny"], "models.list gave %r" % out["models"])
        plain, stream = out["plain"], out["stream"]
        check(plain["object"] == "chat.completion" and plain["role"] == "assistant", "plain reply shape: %r" % plain)
        check(plain["text"], "the plain answer is empty")
        check(stream["text"] == plain["text"], "streamed %r != plain %r" % (stream["text"], plain["text"]))
        check(stream["roles"] == ["assistant"], "the role came %r" % stream["roles"])
        check(stream["chunks"] >= 3, "only %d chunks" % stream["chunks"])
        for name, u in (("plain", plain["usage"]), ("stream", stream["usage"])):
            check(u is not None, "no usage in the %s reply" % name)
            check(plain["finish"] != "length" or u["completion_tokens"] == max_tokens, "%s usage: %r" % (name, u))
            # 5 model images of 169 features each are in the prompt.
            check(u["prompt_tokens"] > 5 * 169 and u["total_tokens"] == u["prompt_tokens"] + u["completion_tokens"],
                  "%s usage: %r" % (name, u))
        check(plain["usage"]["prompt_tokens"] == stream["usage"]["prompt_tokens"] and
              plain["usage"]["completion_tokens"] == stream["usage"]["completion_tokens"],
              "usage differs: %r vs %r" % (plain["usage"], stream["usage"]))
        check(plain["finish"] in ("length", "stop") and stream["finish"] == plain["finish"],
              "finish reasons %r / %r" % (plain["finish"], stream["finish"]))
        check(isinstance(out["wrongKey"], dict) and out["wrongKey"]["status"] == 401,
              "a wrong key gave %r" % out["wrongKey"])

        # The same question through `leopard-cli ask --images`: the same crop plan, prompt and answer.
        # (bytes, not text=True: universal newlines would turn the model's "\r\n" into "\n")
        r = subprocess.run([args.cli, "ask", "--model", model, "--no-save", "--max-new-tokens", str(max_tokens),
                            "--images", image, "--", question], capture_output=True, timeout=600)
        check(r.returncode == 0, "leopard-cli ask failed: " + r.stderr.decode(errors="replace"))
        asked = r.stdout.decode("utf-8")
        asked = asked[:-1] if asked.endswith("\n") else asked
        check(asked == plain["text"], "leopard-cli ask said %r, the server %r" % (asked, plain["text"]))
        say("server answer equals leopard-cli ask --images:", repr(plain["text"][:60]))
        check(server.health()["model_loaded"], "/health after the client")
    finally:
        code = server.stop()
        say("server log:\n  " + "\n  ".join(server.log()))
        scratch.close()
    check(code == 0, "the server exited with %r after SIGTERM" % code)
    say("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
