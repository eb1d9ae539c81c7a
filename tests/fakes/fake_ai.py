#!/usr/bin/env python3
"""Scripted fake of the OpenAI Chat Completions and Anthropic Messages APIs.

A small HTTP/1.1 server on 127.0.0.1 for testing Ozzie's AI client without
network.  Tests script what the next provider requests get (answers, tool
calls, HTTP errors, stalls, broken JSON, broken streams, dropped
connections) through a JSON control API, and read back what the client sent.

    python3 tests/fakes/fake_ai.py --port 0 --port-file /tmp/fake.port [--log FILE]

The scripting protocol and the exact wire shapes are in tests/fakes/README.
Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import secrets
import select
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_KEY = "test-key"
DEFAULT_TEXT = "OK from the fake."
DEFAULT_STEP = {"kind": "text", "text": DEFAULT_TEXT}
DEFAULT_USAGE = (11, 7)
DEFAULT_STALL_SECONDS = 3600.0
DEFAULT_CHUNK_DELAY_MS = 5
PIECE_CHARS = 8
LOG_MAX = 1000

OPENAI_PATHS = ("/v1/chat/completions", "/chat/completions")
ANTHROPIC_PATHS = ("/v1/messages",)
STEP_KINDS = ("text", "tool_call", "status", "stall", "invalid_json",
              "stream_error", "close")


# How the scripted server differs from the real APIs ("server" in /_script):
#   ignore_stream  answer whole JSON (application/json) even to "stream": true
#   no_tools       a request with a non-empty "tools" gets 400 "<model> does
#                  not support tools" (Ollama's answer), consuming no step
SERVER_OPTS = ("ignore_stream", "no_tools")


class ScriptError(Exception):
    pass


class State:
    """The step queue and the request log, behind one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.queue = collections.deque()   # of [step, remaining]
        self.requests = collections.deque(maxlen=LOG_MAX)
        self.expect_key = DEFAULT_KEY
        self.server = {}                   # the server's quirks (SERVER_OPTS)

    def reset(self):
        with self.lock:
            self.queue.clear()
            self.requests.clear()
            self.expect_key = DEFAULT_KEY
            self.server = {}

    def script(self, steps, expect_key, server=None):
        with self.lock:
            self.queue = collections.deque(
                [s, int(s.get("repeat", 1))] for s in steps)
            self.requests.clear()
            self.expect_key = expect_key
            self.server = dict(server or {})

    def record(self, entry):
        with self.lock:
            self.requests.append(entry)
            return self.expect_key

    def quirk(self, name):
        with self.lock:
            return self.server.get(name) is True

    def next_step(self):
        with self.lock:
            if not self.queue:
                return DEFAULT_STEP
            entry = self.queue[0]
            entry[1] -= 1
            if entry[1] <= 0:
                self.queue.popleft()
            return entry[0]

    def snapshot(self):
        with self.lock:
            return list(self.requests)


STATE = State()
LOG = {"file": None, "lock": threading.Lock()}


def log_line(text):
    f = LOG["file"]
    if f is None:
        return
    with LOG["lock"]:
        f.write("%s %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), text))
        f.flush()


def validate_steps(steps):
    if not isinstance(steps, list):
        raise ScriptError('"steps" must be an array')
    for i, s in enumerate(steps):
        if not isinstance(s, dict):
            raise ScriptError("step %d is not an object" % i)
        kind = s.get("kind")
        if kind not in STEP_KINDS:
            raise ScriptError("step %d: unknown kind %r" % (i, kind))
        rep = s.get("repeat", 1)
        if not isinstance(rep, int) or isinstance(rep, bool) or rep < 1:
            raise ScriptError("step %d: repeat must be an integer >= 1" % i)
        if kind == "tool_call":
            calls = s.get("calls")
            if not isinstance(calls, list) or not calls:
                raise ScriptError("step %d: calls must be a non-empty array" % i)
            for c in calls:
                if not isinstance(c, dict) or not isinstance(c.get("name"), str):
                    raise ScriptError("step %d: each call needs a name" % i)
        if kind == "status":
            st = s.get("status")
            if not isinstance(st, int) or not 100 <= st <= 999:
                raise ScriptError("step %d: status must be an HTTP status" % i)
        if "chunks" in s and not (isinstance(s["chunks"], list) and
                                  all(isinstance(c, str) for c in s["chunks"])):
            raise ScriptError("step %d: chunks must be an array of strings" % i)
        if "headers" in s and not isinstance(s["headers"], dict):
            raise ScriptError("step %d: headers must be an object" % i)


# --------------------------------------------------------------------------
# Wire helpers

def jdump(obj, pretty=False):
    if pretty:
        return json.dumps(obj, ensure_ascii=False, indent=2).encode("utf-8")
    return json.dumps(obj, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def new_id(prefix):
    return prefix + secrets.token_hex(12)


def split_text(text, step):
    """Streamed pieces: the step's chunks, else ~8 code points each (a
    Python str is split between code points, never inside a UTF-8 char)."""
    if isinstance(step.get("chunks"), list):
        return [c for c in step["chunks"]]
    return [text[i:i + PIECE_CHARS] for i in range(0, len(text), PIECE_CHARS)]


def split_args(args):
    """The arguments string in 2-3 fragments (fewer if it is that short)."""
    n = len(args)
    if n == 0:
        return []
    if n == 1:
        return [args]
    if n == 2:
        return [args[0], args[1]]
    a, b = n // 3, 2 * n // 3
    return [args[:a], args[a:b], args[b:]]


def usage_of(step):
    u = step.get("usage") or {}
    return (int(u.get("input_tokens", DEFAULT_USAGE[0])),
            int(u.get("output_tokens", DEFAULT_USAGE[1])))


def calls_of(step):
    out = []
    for c in step.get("calls", []):
        args = c.get("arguments", "{}")
        if not isinstance(args, str):
            args = json.dumps(args, ensure_ascii=False, separators=(",", ":"))
        out.append((c["name"], args))
    return out


def anthropic_input(args):
    try:
        v = json.loads(args)
    except ValueError:
        return args
    return v if isinstance(v, dict) else args


OPENAI_ERR_TYPE = {400: "invalid_request_error", 401: "invalid_request_error",
                   403: "permission_error", 404: "invalid_request_error",
                   409: "invalid_request_error", 413: "invalid_request_error",
                   422: "invalid_request_error", 429: "rate_limit_error"}
ANTHROPIC_ERR_TYPE = {400: "invalid_request_error", 401: "authentication_error",
                      403: "permission_error", 404: "not_found_error",
                      413: "request_too_large", 429: "rate_limit_error",
                      500: "api_error", 529: "overloaded_error"}
REASONS = {529: "Overloaded"}   # not in http.HTTPStatus
ERR_MESSAGE = {400: "Bad request.", 401: "Unauthorized.", 403: "Forbidden.",
               404: "Not found.", 413: "Request too large.",
               429: "Rate limit reached. Please try again later.",
               500: "The server had an error while processing your request.",
               502: "Bad gateway.", 503: "The service is temporarily unavailable.",
               529: "Overloaded"}


def openai_error(status, message=None, etype=None, code=None):
    if etype is None:
        etype = OPENAI_ERR_TYPE.get(status, "server_error" if status >= 500
                                    else "invalid_request_error")
    if message is None:
        message = ERR_MESSAGE.get(status, "HTTP %d from the fake." % status)
    return {"error": {"message": message, "type": etype, "param": None,
                      "code": code}}


def anthropic_error(status, message=None, etype=None):
    if etype is None:
        etype = ANTHROPIC_ERR_TYPE.get(status, "api_error" if status >= 500
                                       else "invalid_request_error")
    if message is None:
        message = ERR_MESSAGE.get(status, "HTTP %d from the fake." % status)
    return {"type": "error", "error": {"type": etype, "message": message}}


# --------------------------------------------------------------------------
# OpenAI shapes

class OpenAI:
    name = "openai"
    invalid_body = b'{"id": "chatcmpl-x", "choices": ['
    invalid_stream = b"data: {not json\n\n"

    def __init__(self, req):
        self.req = req
        self.model = req.get("model") if isinstance(req.get("model"), str) \
            else "gpt-fake"
        self.id = new_id("chatcmpl-")
        self.created = int(time.time())
        so = req.get("stream_options")
        self.include_usage = isinstance(so, dict) and so.get("include_usage") is True

    def error(self, status, message=None):
        return openai_error(status, message)

    def _usage(self, n, m):
        return {"prompt_tokens": n, "completion_tokens": m, "total_tokens": n + m}

    def final_text(self, step):
        n, m = usage_of(step)
        return {"id": self.id, "object": "chat.completion",
                "created": self.created, "model": self.model,
                "choices": [{"index": 0,
                             "message": {"role": "assistant",
                                         "content": step.get("text", DEFAULT_TEXT)},
                             "logprobs": None, "finish_reason": "stop"}],
                "usage": self._usage(n, m)}

    def final_tools(self, step):
        n, m = usage_of(step)
        text = step.get("text")
        calls = [{"id": new_id("call_"), "type": "function",
                  "function": {"name": name, "arguments": args}}
                 for name, args in calls_of(step)]
        return {"id": self.id, "object": "chat.completion",
                "created": self.created, "model": self.model,
                "choices": [{"index": 0,
                             "message": {"role": "assistant", "content": text,
                                         "tool_calls": calls},
                             "logprobs": None, "finish_reason": "tool_calls"}],
                "usage": self._usage(n, m)}

    def _chunk(self, delta, finish=None):
        c = {"id": self.id, "object": "chat.completion.chunk",
             "created": self.created, "model": self.model,
             "choices": [{"index": 0, "delta": delta, "logprobs": None,
                          "finish_reason": finish}]}
        if self.include_usage:
            c["usage"] = None
        return b"data: " + jdump(c) + b"\n\n"

    def _tail(self, step, finish):
        out = [self._chunk({}, finish)]
        if self.include_usage:
            n, m = usage_of(step)
            out.append(b"data: " + jdump(
                {"id": self.id, "object": "chat.completion.chunk",
                 "created": self.created, "model": self.model, "choices": [],
                 "usage": self._usage(n, m)}) + b"\n\n")
        out.append(b"data: [DONE]\n\n")
        return out

    def stream_text(self, step):
        text = step.get("text", DEFAULT_TEXT)
        out = [self._chunk({"role": "assistant", "content": ""})]
        out += [self._chunk({"content": p}) for p in split_text(text, step)]
        return out + self._tail(step, "stop")

    def stream_tools(self, step):
        text = step.get("text")
        out = []
        first = True
        if text:
            out.append(self._chunk({"role": "assistant", "content": ""}))
            out += [self._chunk({"content": p}) for p in split_text(text, step)]
            first = False
        for i, (name, args) in enumerate(calls_of(step)):
            head = {"index": i, "id": new_id("call_"), "type": "function",
                    "function": {"name": name, "arguments": ""}}
            if first:
                # Like the real API: role, null content and the first call's
                # header arrive in one delta.
                out.append(self._chunk({"role": "assistant", "content": None,
                                        "tool_calls": [head]}))
                first = False
            else:
                out.append(self._chunk({"tool_calls": [head]}))
            for frag in split_args(args):
                out.append(self._chunk({"tool_calls": [
                    {"index": i, "function": {"arguments": frag}}]}))
        return out + self._tail(step, "tool_calls")

    def stream_error(self, step):
        text = step.get("text", "Partial answer")
        pieces = split_text(text, step)[:2] if "chunks" in step else \
            [p for p in (text[:len(text) // 2], text[len(text) // 2:]) if p]
        out = [self._chunk({"role": "assistant", "content": ""})]
        out += [self._chunk({"content": p}) for p in pieces]
        out.append(b"data: " + jdump({"error": {
            "message": "The server had an error while processing your request.",
            "type": "server_error"}}) + b"\n\n")
        return out


# --------------------------------------------------------------------------
# Anthropic shapes

def sse(event, obj):
    return b"event: " + event.encode() + b"\ndata: " + jdump(obj) + b"\n\n"


class Anthropic:
    name = "anthropic"
    invalid_body = b'{"id": "msg_x", "type": "message", "content": ['
    invalid_stream = b"event: message_start\ndata: {not json\n\n"

    def __init__(self, req):
        self.req = req
        self.model = req.get("model") if isinstance(req.get("model"), str) \
            else "claude-fake"
        self.id = new_id("msg_")

    def error(self, status, message=None):
        return anthropic_error(status, message)

    def _message(self, content, stop_reason, n, m):
        return {"id": self.id, "type": "message", "role": "assistant",
                "model": self.model, "content": content,
                "stop_reason": stop_reason, "stop_sequence": None,
                "usage": {"input_tokens": n, "output_tokens": m}}

    def final_text(self, step):
        n, m = usage_of(step)
        return self._message([{"type": "text",
                               "text": step.get("text", DEFAULT_TEXT)}],
                             "end_turn", n, m)

    def final_tools(self, step):
        n, m = usage_of(step)
        content = []
        if step.get("text"):
            content.append({"type": "text", "text": step["text"]})
        for name, args in calls_of(step):
            content.append({"type": "tool_use", "id": new_id("toolu_"),
                            "name": name, "input": anthropic_input(args)})
        return self._message(content, "tool_use", n, m)

    def _start(self, step):
        n, _ = usage_of(step)
        return sse("message_start", {"type": "message_start",
                                     "message": self._message([], None, n, 1)})

    def _text_block(self, index, pieces, ping):
        out = [sse("content_block_start",
                   {"type": "content_block_start", "index": index,
                    "content_block": {"type": "text", "text": ""}})]
        if ping:
            out.append(sse("ping", {"type": "ping"}))
        out += [sse("content_block_delta",
                    {"type": "content_block_delta", "index": index,
                     "delta": {"type": "text_delta", "text": p}})
                for p in pieces]
        return out

    def _stop_block(self, index):
        return sse("content_block_stop",
                   {"type": "content_block_stop", "index": index})

    def _tail(self, step, stop_reason):
        _, m = usage_of(step)
        return [sse("message_delta",
                    {"type": "message_delta",
                     "delta": {"stop_reason": stop_reason,
                               "stop_sequence": None},
                     "usage": {"output_tokens": m}}),
                sse("message_stop", {"type": "message_stop"})]

    def stream_text(self, step):
        text = step.get("text", DEFAULT_TEXT)
        out = [self._start(step)]
        out += self._text_block(0, split_text(text, step), True)
        out.append(self._stop_block(0))
        return out + self._tail(step, "end_turn")

    def stream_tools(self, step):
        out = [self._start(step)]
        index = 0
        if step.get("text"):
            out += self._text_block(0, split_text(step["text"], step), True)
            out.append(self._stop_block(0))
            index = 1
        for name, args in calls_of(step):
            out.append(sse("content_block_start",
                           {"type": "content_block_start", "index": index,
                            "content_block": {"type": "tool_use",
                                              "id": new_id("toolu_"),
                                              "name": name, "input": {}}}))
            if index == 0:
                out.append(sse("ping", {"type": "ping"}))
            for frag in split_args(args) or [""]:
                out.append(sse("content_block_delta",
                               {"type": "content_block_delta", "index": index,
                                "delta": {"type": "input_json_delta",
                                          "partial_json": frag}}))
            out.append(self._stop_block(index))
            index += 1
        return out + self._tail(step, "tool_use")

    def stream_error(self, step):
        text = step.get("text", "Partial answer")
        pieces = split_text(text, step)[:2] if "chunks" in step else \
            [p for p in (text[:len(text) // 2], text[len(text) // 2:]) if p]
        out = [self._start(step)]
        out += self._text_block(0, pieces, False)
        out.append(sse("error", {"type": "error", "error": {
            "type": "overloaded_error", "message": "Overloaded"}}))
        return out


# --------------------------------------------------------------------------
# The HTTP handler

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-ai/1"
    disable_nagle_algorithm = True

    def version_string(self):
        return self.server_version

    # -- plumbing ---------------------------------------------------------

    def log_message(self, fmt, *args):
        if LOG["file"] is not None:
            log_line("%s %s" % (self.address_string(), fmt % args))

    def _read_body(self):
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            data = bytearray()
            while True:
                line = self.rfile.readline(65537)
                if not line:
                    break
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while True:   # trailers up to the blank line
                        t = self.rfile.readline(65537)
                        if t in (b"\r\n", b"\n", b""):
                            break
                    break
                data += self.rfile.read(size)
                self.rfile.readline(65537)
            return bytes(data)
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def _send(self, status, body, ctype="application/json", headers=None,
              extra=None):
        if isinstance(body, (dict, list)):
            body = jdump(body)
        elif isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status, REASONS.get(status))
        hdrs = {"Content-Type": ctype}
        hdrs.update(extra or {})
        hdrs.update(headers or {})
        for k, v in hdrs.items():
            if k.lower() not in ("content-length", "transfer-encoding"):
                self.send_header(k, str(v))
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.wfile.flush()

    def _wait_or_peer_close(self, seconds):
        """Sleep up to `seconds`; return early if the client hangs up."""
        deadline = time.monotonic() + seconds
        sock = self.connection
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                r, _, _ = select.select([sock], [], [], min(left, 1.0))
                if r:
                    if not sock.recv(1, socket.MSG_PEEK):
                        return
                    time.sleep(min(left, 0.2))
            except (OSError, ValueError):
                return

    # -- dispatch -----------------------------------------------------------

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_PUT(self):
        self._dispatch("PUT")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def _dispatch(self, method):
        at = time.time()
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            self._send(400, {"error": "unreadable request body"})
            return
        path = self.path.split("?", 1)[0]
        try:
            if path in OPENAI_PATHS or path in ANTHROPIC_PATHS:
                if method != "POST":
                    self._send(405, {"error": "method not allowed"},
                               extra={"Allow": "POST"})
                else:
                    self._provider(path, body, at)
            elif path.startswith("/_"):
                self._control(method, path, body)
            else:
                self._send(404, openai_error(404, "Unknown path %s" % path))
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            self.close_connection = True

    # -- control API ----------------------------------------------------------

    def _control(self, method, path, body):
        if path == "/_health" and method == "GET":
            self._send(200, {"ok": True})
        elif path == "/_requests" and method == "GET":
            self._send(200, {"requests": STATE.snapshot()})
        elif path == "/_reset" and method == "POST":
            STATE.reset()
            log_line("control reset")
            self._send(200, {"ok": True})
        elif path == "/_script" and method == "POST":
            try:
                doc = json.loads(body.decode("utf-8") or "{}")
                if not isinstance(doc, dict):
                    raise ScriptError("body must be a JSON object")
                steps = doc.get("steps", [])
                validate_steps(steps)
                key = doc.get("expect_key", DEFAULT_KEY)
                if key is not None and not isinstance(key, str):
                    raise ScriptError('"expect_key" must be a string or null')
                server = doc.get("server", {})
                if not isinstance(server, dict):
                    raise ScriptError('"server" must be an object')
                for k, v in server.items():
                    if k not in SERVER_OPTS or not isinstance(v, bool):
                        raise ScriptError('"server": unknown option %r or not a boolean' % k)
            except (ValueError, UnicodeDecodeError, ScriptError) as e:
                self._send(400, {"ok": False, "error": str(e)})
                return
            STATE.script(steps, key, server)
            log_line("control script %d steps, expect_key=%r, server=%r"
                     % (len(steps), key, server))
            self._send(200, {"ok": True, "steps": len(steps)})
        else:
            self._send(404, {"ok": False, "error": "no control endpoint %s %s"
                             % (method, path)})

    # -- provider endpoints -------------------------------------------------

    def _provider(self, path, raw, at):
        headers = {}
        for k, v in self.headers.items():
            k = k.lower()
            headers[k] = headers[k] + ", " + v if k in headers else v
        text = raw.decode("utf-8", errors="replace")
        try:
            req = json.loads(text)
        except ValueError:
            req = None
        expect = STATE.record({"path": path, "headers": headers,
                               "body": req if req is not None or text.strip() == "null"
                               else text, "at": at})
        anthropic = path in ANTHROPIC_PATHS

        # Rejections, in this order: key, anthropic-version, body. They do
        # not consume a scripted step.
        if anthropic:
            rid = {"request-id": new_id("req_")}
            if expect is not None and headers.get("x-api-key") != expect:
                self._send(401, anthropic_error(401, "invalid x-api-key"), extra=rid)
                return
            if "anthropic-version" not in headers:
                self._send(400, anthropic_error(
                    400, "anthropic-version header is required"), extra=rid)
                return
            if not isinstance(req, dict):
                self._send(400, anthropic_error(
                    400, "There was an error parsing the body of your request."),
                    extra=rid)
                return
            api = Anthropic(req)
        else:
            rid = {"x-request-id": new_id("req_")}
            auth = headers.get("authorization", "")
            got = auth[7:].strip() if auth[:7].lower() == "bearer " else None
            if expect is not None and got != expect:
                self._send(401, openai_error(401, "Incorrect API key provided",
                                             "invalid_request_error",
                                             "invalid_api_key"), extra=rid)
                return
            if not isinstance(req, dict):
                self._send(400, openai_error(
                    400, "We could not parse the JSON body of your request.",
                    "invalid_request_error"), extra=rid)
                return
            api = OpenAI(req)

        # A model without tools (Ollama): refused, consuming no step.
        tools = req.get("tools")
        if STATE.quirk("no_tools") and isinstance(tools, list) and tools:
            msg = "registry.ollama.ai/library/%s does not support tools" % api.model
            body = anthropic_error(400, msg) if anthropic else \
                openai_error(400, msg, "api_error")
            log_line("%s %s -> 400 does not support tools" % (api.name, path))
            self._send(400, body, extra=rid)
            return

        step = STATE.next_step()
        stream = req.get("stream") is True and not STATE.quirk("ignore_stream")
        kind = step.get("kind", "text")
        log_line("%s %s stream=%s -> %s" % (api.name, path, stream, kind))

        delay = step.get("delay_ms")
        if delay and kind != "stall":
            time.sleep(float(delay) / 1000.0)
        hdrs = step.get("headers") or {}

        if kind == "close":
            self.close_connection = True
            return
        if kind == "stall":
            seconds = float(step.get("seconds", DEFAULT_STALL_SECONDS))
            k = step.get("after_chunks")
            if stream and isinstance(k, int) and k > 0:
                frames = api.stream_text(step)[:k]
                out = Stream(self, hdrs, rid)
                for f in frames:
                    out.send(f)
                    self._pause(step)
            self._wait_or_peer_close(seconds)
            self.close_connection = True
            return
        if kind == "status" or (kind == "stream_error" and not stream):
            self._status(api, step if kind == "status" else {"status": 500},
                         hdrs, rid)
            return
        if kind == "invalid_json":
            if stream:
                self.close_connection = True
                out = Stream(self, hdrs, rid)
                out.send(api.invalid_stream)
                out.end()
            else:
                self._send(200, api.invalid_body, headers=hdrs, extra=rid)
            return
        if not stream:
            body = api.final_tools(step) if kind == "tool_call" \
                else api.final_text(step)
            self._send(200, jdump(body, pretty=isinstance(api, OpenAI)),
                       headers=hdrs, extra=rid)
            return
        if kind == "tool_call":
            frames = api.stream_tools(step)
        elif kind == "stream_error":
            frames = api.stream_error(step)
        else:
            frames = api.stream_text(step)
        out = Stream(self, hdrs, rid)
        for f in frames:
            out.send(f)
            self._pause(step)
        out.end()

    def _pause(self, step):
        ms = step.get("chunk_delay_ms", DEFAULT_CHUNK_DELAY_MS)
        if ms:
            time.sleep(float(ms) / 1000.0)

    def _status(self, api, step, hdrs, rid):
        status = int(step["status"])
        body = step.get("body")
        ctype = "application/json"
        if body is None:
            body = api.error(status)
        elif isinstance(body, str):
            try:
                json.loads(body)
            except ValueError:
                ctype = "text/plain; charset=utf-8"
        else:
            body = jdump(body)
        self._send(status, body, ctype=ctype, headers=hdrs, extra=rid)


class Stream:
    """A text/event-stream response: chunked on HTTP/1.1, else close-delimited.
    Every frame is written (and so sent: wfile is unbuffered) on its own."""

    def __init__(self, h, headers, extra):
        self.h = h
        self.chunked = h.request_version == "HTTP/1.1"
        if not self.chunked:
            h.close_connection = True
        h.send_response(200)
        hdrs = {"Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache"}
        hdrs.update(extra or {})
        hdrs.update(headers or {})
        for k, v in hdrs.items():
            if k.lower() not in ("content-length", "transfer-encoding"):
                h.send_header(k, str(v))
        if self.chunked:
            h.send_header("Transfer-Encoding", "chunked")
        if h.close_connection:
            h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.flush()

    def send(self, data):
        if self.chunked:
            data = b"%x\r\n" % len(data) + data + b"\r\n"
        self.h.wfile.write(data)
        self.h.wfile.flush()

    def end(self):
        if self.chunked:
            self.h.wfile.write(b"0\r\n\r\n")
            self.h.wfile.flush()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A client that went away mid-answer is normal here; say so only
        # when logging.
        if LOG["file"] is not None:
            e = sys.exc_info()[1]
            log_line("connection %s: %r" % (client_address, e))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Scripted fake OpenAI/Anthropic API")
    ap.add_argument("--port", type=int, default=0,
                    help="TCP port on 127.0.0.1 (0: any free port)")
    ap.add_argument("--port-file", help="write the chosen port here once listening")
    ap.add_argument("--log", help="append a line per request to this file")
    args = ap.parse_args(argv)

    if args.log:
        LOG["file"] = open(args.log, "a", encoding="utf-8")

    server = Server(("127.0.0.1", args.port), Handler)
    port = server.server_address[1]
    if args.port_file:
        tmp = "%s.tmp.%d" % (args.port_file, os.getpid())
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, args.port_file)
    log_line("listening on 127.0.0.1:%d" % port)

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        log_line("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
