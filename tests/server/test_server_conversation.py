"""Multi-turn requests, stop strings, sampling options of `leopard-cli serve` (tiny model):
- a request that continues the conversation just answered reuses the worker's KV cache
  (usage.prompt_tokens_details.cached_tokens > 0);
- the same continuation after another conversation was asked in is replayed from the remembered
  token ids and gives the same answer (greedy);
- a history the server did not answer (an edited reply) is rebuilt from its text and answered;
- an image added mid-conversation, a system message, a text-only conversation;
- `stop` (string or array) cuts the text before the first stop string with finish_reason "stop",
  streamed and not; max_tokens gives "length"; max_completion_tokens is honoured;
- a seed makes sampling repeatable."""
import sys

from serve_harness import (Scratch, Server, answer_of, check, make_tiny, parse_args, png, say, streamed_text, user)


def main():
    args = parse_args()
    scratch = Scratch(args.work)
    model = make_tiny(args.cli, scratch.path("tiny"))
    img1, img2, img3 = png(700, 500, seed=1), png(400, 400, seed=2), png(500, 800, seed=3)
    server = Server(args.cli, model)
    try:
        last = {"line": ""}

        def ask(messages, **extra):
            since = len(server.log())
            status, reply, _ = server.chat(dict({"model": "tiny", "max_tokens": 20, "messages": messages}, **extra))
            check(status == 200, "%d %r" % (status, reply))
            last["line"] = server.chat_log_line(since)  # how the server took it: new, continued, replayed, rebuilt
            return reply

        first = [user("What is on this page?", img1)]
        r1 = ask(first)
        a1 = answer_of(r1)
        check(r1["usage"]["prompt_tokens_details"]["cached_tokens"] == 0, "a new conversation reused a cache: %r" % r1["usage"])
        follow = first + [{"role": "assistant", "content": a1}, {"role": "user", "content": "And what else?"}]
        r2 = ask(follow)
        a2 = answer_of(r2)
        cached = r2["usage"]["prompt_tokens_details"]["cached_tokens"]
        say("follow-up: prompt %d positions, %d from the kept KV cache" % (r2["usage"]["prompt_tokens"], cached))
        check(cached > 0, "the continued conversation did not reuse the KV cache: %r" % r2["usage"])
        check(r2["usage"]["prompt_tokens"] > r1["usage"]["prompt_tokens"], "the follow-up's prompt is not longer")
        check("continued" in last["line"] and "replayed" not in last["line"], "the log does not say continued: " + last["line"])

        other = ask([user("Describe this.", img2)])  # another conversation: the worker now holds that one
        check(answer_of(other), "the other conversation's answer is empty")
        r2b = ask(follow)
        say("the follow-up again after another conversation: cached %d, answer %s" %
            (r2b["usage"]["prompt_tokens_details"]["cached_tokens"], "equal" if answer_of(r2b) == a2 else "DIFFERENT"))
        check(answer_of(r2b) == a2, "replayed continuation %r != held continuation %r" % (answer_of(r2b), a2))
        check("replayed" in last["line"], "the log does not say replayed: " + last["line"])

        edited = first + [{"role": "assistant", "content": "A page with numbers."}, {"role": "user", "content": "Which?"}]
        r3 = ask(edited)
        check(answer_of(r3) is not None, "the rebuilt conversation was not answered")
        check("rebuilt from text" in last["line"], "the log does not say rebuilt: " + last["line"])
        # ... and continuing *that* exactly afterwards (the server answered it, it remembers the ids)
        r3b = ask(edited + [{"role": "assistant", "content": answer_of(r3)}, {"role": "user", "content": "Sure?"}])
        check(r3b["usage"]["prompt_tokens_details"]["cached_tokens"] > r3["usage"]["prompt_tokens"] and
              "continued" in last["line"] and "replayed" not in last["line"],
              "the rebuilt conversation's follow-up did not continue it: %r %s" % (r3b["usage"], last["line"]))

        added = follow + [{"role": "assistant", "content": a2}, user("Compare with this one.", img3)]
        r4 = ask(added)
        say("a page added mid-conversation: prompt %d positions (was %d), cached %d" %
            (r4["usage"]["prompt_tokens"], r2["usage"]["prompt_tokens"], r4["usage"]["prompt_tokens_details"]["cached_tokens"]))
        check(r4["usage"]["prompt_tokens"] > r2["usage"]["prompt_tokens"] + 169, "the added image is not in the prompt")

        r5 = ask([{"role": "system", "content": "You are terse."}, user("Answer.", img2)])
        check(answer_of(r5), "a system message broke the request")
        t1 = ask([{"role": "user", "content": "Hello there"}])
        t2 = ask([{"role": "user", "content": "Hello there"}, {"role": "assistant", "content": answer_of(t1)},
                  {"role": "user", "content": "Again"}])
        check(t2["usage"]["prompt_tokens_details"]["cached_tokens"] > 0, "a text-only follow-up: %r" % t2["usage"])

        # --- stop strings, finish reasons, max_completion_tokens ------------------------------------
        base = [user("Say something long.", img1)]
        full = ask(base, max_tokens=48)
        text = answer_of(full)
        check(full["choices"][0]["finish_reason"] == "length", "48 tokens of the tiny model end with %r" %
              full["choices"][0]["finish_reason"])
        check(full["usage"]["completion_tokens"] == 48, "usage: %r" % full["usage"])
        check(len(text) > 20, "the long answer is too short to cut: %r" % text)
        stop = text[len(text) // 2:len(text) // 2 + 3]
        cut = text[:text.find(stop)]
        for form in (stop, [stop, "\u2603never"]):
            r = ask(base, max_tokens=48, stop=form)
            check(answer_of(r) == cut and r["choices"][0]["finish_reason"] == "stop",
                  "stop %r: got %r (%s), wanted %r" % (form, answer_of(r), r["choices"][0]["finish_reason"], cut))
            status, events, done = server.stream({"model": "tiny", "max_tokens": 48, "messages": base, "stop": form})
            s_text, s_finish, _ = streamed_text(events)
            check(status == 200 and done and s_text == cut and s_finish == "stop",
                  "streamed stop %r: %r (%s)" % (form, s_text, s_finish))
        say("stop %r cut %d characters to %d, streamed and not" % (stop, len(text), len(cut)))
        short = ask(base, max_completion_tokens=5, max_tokens=40)
        check(short["usage"]["completion_tokens"] == 5, "max_completion_tokens ignored: %r" % short["usage"])
        status, events, done = server.stream({"model": "tiny", "max_tokens": 7, "messages": base})
        s_text, s_finish, usage = streamed_text(events)
        check(done and s_finish == "length" and usage is None, "a stream without include_usage: %r %r" % (s_finish, usage))

        # --- sampling: a seed makes it repeatable ---------------------------------------------------
        hot = dict(max_tokens=24, temperature=0.9, top_p=0.95)
        s7a, s7b, s8 = (answer_of(ask(base, seed=s, **hot)) for s in (7, 7, 8))
        say("sampled with seed 7 twice: %s; seed 8 %s" % ("equal" if s7a == s7b else "DIFFERENT",
                                                          "differs" if s8 != s7a else "is the same"))
        check(s7a == s7b, "the same seed sampled differently")
        check(server.health()["model_loaded"], "/health at the end")
    finally:
        server.stop()
        say("server log (last 25):\n  " + "\n  ".join(server.log()[-25:]))
        scratch.close()
    say("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
