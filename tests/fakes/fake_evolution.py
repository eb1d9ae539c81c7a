#!/usr/bin/env python3
"""fake_evolution.py -- a scripted fake of Evolution API v2 (see tests/fakes/README).

Speaks the two calls Ozzie makes, as Evolution v2.3 answers them:
  POST /message/sendText/{instance}            header apikey; {"number","text"} -> 201
  POST /chat/getBase64FromMediaMessage/{instance}  {"message":{...}} -> 201 {"base64",...}
and a control API for tests:
  POST /_mode   {"mode":"ok"|"fail"|"stall"|"refuse","count":N,"status":500,"seconds":S}
                the next N sendText requests (-1: all until changed) fail that way
  POST /_reset  back to "ok", records cleared, expect_key "evo-test-key"
  POST /_config {"expect_key":"...", "media_base64":"...", "media_mimetype":"...",
                 "media_fail":N (the next N media fetches answer 503)}
  GET  /_sent   {"sent":[{"instance","apikey","body","at","answered"}...], "attempts":N,
                 "media_calls":N (getBase64FromMediaMessage answered)}
  GET  /_health {"ok":true}
and a receiver of Ozzie's outbound webhooks:
  POST /hook/{name}   records the raw body and the Ozzie-* headers; answers 200
                      {"ok":true}, or fails as POST /_hookmode (same fields as
                      /_mode) says for the next N deliveries
  GET  /_hooks        {"hooks":[{"path","signature","event","delivery","raw","at"}...],
                       "attempts":N}
Python 3 standard library only.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

LOCK = threading.Lock()
STATE = {}


def reset():
    with LOCK:
        STATE.clear()
        STATE.update(mode="ok", count=0, status=500, seconds=30, expect_key="evo-test-key",
                     sent=[], attempts=0, media_base64="", media_mimetype="image/jpeg", media_calls=0,
                     media_fail=0,
                     hook_mode="ok", hook_count=0, hook_status=500, hook_seconds=30,
                     hooks=[], hook_attempts=0)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    log_file = None

    def log_message(self, fmt, *args):
        if Handler.log_file:
            with open(Handler.log_file, "a") as f:
                f.write("%s %s\n" % (time.strftime("%H:%M:%S"), fmt % args))

    def reply(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n > 0 else b""
        try:
            return json.loads(raw.decode() or "null")
        except ValueError:
            return None

    def do_GET(self):
        if self.path == "/_health":
            return self.reply(200, {"ok": True})
        if self.path == "/_hooks":
            with LOCK:
                return self.reply(200, {"hooks": list(STATE["hooks"]),
                                        "attempts": STATE["hook_attempts"]})
        if self.path == "/_sent":
            with LOCK:
                return self.reply(200, {"sent": list(STATE["sent"]), "attempts": STATE["attempts"],
                                        "media_calls": STATE["media_calls"]})
        return self.reply(404, {"status": 404, "error": "Not Found",
                                "response": {"message": ["Cannot GET " + self.path]}})

    def failure(self):
        """The failure the next sendText gets, or None."""
        with LOCK:
            STATE["attempts"] += 1
            if STATE["mode"] == "ok" or STATE["count"] == 0:
                return None
            if STATE["count"] > 0:
                STATE["count"] -= 1
            return dict(mode=STATE["mode"], status=STATE["status"], seconds=STATE["seconds"])

    def send_text(self, instance, body):
        with LOCK:
            key = STATE["expect_key"]
        if self.headers.get("apikey") != key:
            return self.reply(401, {"status": 401, "error": "Unauthorized",
                                    "response": {"message": "Unauthorized"}})
        if not isinstance(body, dict) or not isinstance(body.get("number"), str) \
                or not isinstance(body.get("text"), str) or not body["text"]:
            return self.reply(400, {"status": 400, "error": "Bad Request",
                                    "response": {"message": [["number and text are required"]]}})
        f = self.failure()
        if f and f["mode"] == "refuse":
            self.close_connection = True
            self.connection.close()
            return None
        if f and f["mode"] == "stall":
            time.sleep(f["seconds"])
            self.close_connection = True
            return None
        if f and f["mode"] == "fail":
            return self.reply(f["status"], {"status": f["status"], "error": "Internal Server Error",
                                            "response": {"message": "Connection Closed"}})
        mid = "BAE5" + uuid.uuid4().hex[:12].upper()
        with LOCK:
            STATE["sent"].append({"instance": instance, "apikey": self.headers.get("apikey"),
                                  "body": body, "at": time.time(), "id": mid})
        digits = "".join(c for c in body["number"] if c.isdigit())
        return self.reply(201, {
            "key": {"remoteJid": digits + "@s.whatsapp.net", "fromMe": True, "id": mid},
            "pushName": "", "status": "PENDING",
            "message": {"extendedTextMessage": {"text": body["text"]}},
            "contextInfo": None, "messageType": "extendedTextMessage",
            "messageTimestamp": int(time.time()), "instanceId": str(uuid.uuid4()),
            "source": "unknown"})

    def hook(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n).decode("utf-8", "replace") if n > 0 else ""
        with LOCK:
            STATE["hook_attempts"] += 1
            f = None
            if STATE["hook_mode"] != "ok" and STATE["hook_count"] != 0:
                if STATE["hook_count"] > 0:
                    STATE["hook_count"] -= 1
                f = dict(mode=STATE["hook_mode"], status=STATE["hook_status"],
                         seconds=STATE["hook_seconds"])
        if f and f["mode"] == "refuse":
            self.close_connection = True
            self.connection.close()
            return None
        if f and f["mode"] == "stall":
            time.sleep(f["seconds"])
            self.close_connection = True
            return None
        if f and f["mode"] == "fail":
            return self.reply(f["status"], {"ok": False})
        with LOCK:
            STATE["hooks"].append({"path": self.path, "raw": raw, "at": time.time(),
                                   "signature": self.headers.get("Ozzie-Signature"),
                                   "event": self.headers.get("Ozzie-Event"),
                                   "delivery": self.headers.get("Ozzie-Delivery")})
        return self.reply(200, {"ok": True})

    def do_POST(self):
        if self.path.startswith("/hook/"):
            return self.hook()
        body = self.body()
        path = self.path.split("?")[0]
        if path == "/_reset":
            reset()
            return self.reply(200, {"ok": True})
        if path == "/_mode":
            if not isinstance(body, dict) or body.get("mode") not in ("ok", "fail", "stall", "refuse"):
                return self.reply(400, {"ok": False, "error": "mode: ok|fail|stall|refuse"})
            with LOCK:
                STATE["mode"] = body["mode"]
                STATE["count"] = int(body.get("count", -1))
                STATE["status"] = int(body.get("status", 500))
                STATE["seconds"] = float(body.get("seconds", 30))
            return self.reply(200, {"ok": True})
        if path == "/_hookmode":
            if not isinstance(body, dict) or body.get("mode") not in ("ok", "fail", "stall", "refuse"):
                return self.reply(400, {"ok": False, "error": "mode: ok|fail|stall|refuse"})
            with LOCK:
                STATE["hook_mode"] = body["mode"]
                STATE["hook_count"] = int(body.get("count", -1))
                STATE["hook_status"] = int(body.get("status", 500))
                STATE["hook_seconds"] = float(body.get("seconds", 30))
            return self.reply(200, {"ok": True})
        if path == "/_config":
            if not isinstance(body, dict):
                return self.reply(400, {"ok": False})
            with LOCK:
                for k in ("expect_key", "media_base64", "media_mimetype", "media_fail"):
                    if k in body:
                        STATE[k] = body[k]
            return self.reply(200, {"ok": True})
        parts = path.split("/")
        if len(parts) == 4 and parts[1] == "message" and parts[2] == "sendText":
            return self.send_text(unquote(parts[3]), body)
        if len(parts) == 4 and parts[1] == "chat" and parts[2] == "getBase64FromMediaMessage":
            with LOCK:
                STATE["media_calls"] += 1
                key, b64, mime = STATE["expect_key"], STATE["media_base64"], STATE["media_mimetype"]
                failing = STATE["media_fail"] > 0
                if failing:
                    STATE["media_fail"] -= 1
            if failing:
                return self.reply(503, {"status": 503, "error": "Service Unavailable",
                                        "response": {"message": ["try again"]}})
            if self.headers.get("apikey") != key:
                return self.reply(401, {"status": 401, "error": "Unauthorized",
                                        "response": {"message": "Unauthorized"}})
            if not isinstance(body, dict) or not isinstance(body.get("message"), dict):
                return self.reply(400, {"status": 400, "error": "Bad Request",
                                        "response": {"message": ["message is required"]}})
            return self.reply(201, {"mediaType": "imageMessage", "fileName": "media",
                                    "size": {"fileLength": len(b64) * 3 // 4},
                                    "mimetype": mime, "base64": b64, "buffer": None})
        return self.reply(404, {"status": 404, "error": "Not Found",
                                "response": {"message": ["Cannot POST " + path]}})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    a = ap.parse_args()
    Handler.log_file = a.log
    reset()
    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    srv.daemon_threads = True
    if a.port_file:
        tmp = "%s.tmp.%d" % (a.port_file, os.getpid())
        with open(tmp, "w") as f:
            f.write("%d\n" % srv.server_address[1])
        os.rename(tmp, a.port_file)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=srv.shutdown).start())
    srv.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
