#!/usr/bin/env python3
"""jobd.py: phase 8 of tools/bench: WhatsApp through ozzie-jobd, on the bench stack.

  python3 tools/bench.d/jobd.py --base URL --token TOKEN --top DIR --build DIR [--quick]

With a fake Evolution server (tests/fakes/fake_evolution.py) and the bench
stack's ozzie-jobd (restarted here with a short lease and an unbounded send
rate, then restarted as it was):
  a. the webhook's answer time under load: RATE deliveries a second (200) for
     SECONDS (10) of Evolution's text message, each its own message id and
     sender (unknown numbers, no reply: the turns stay light); p50/p99/max;
  b. inbound text -> reply handed to Evolution, with the local coach: N (50)
     messages from one user, one at a time, the time from the webhook's
     answer to the fake's record of sendText; p50/p99;
  c. jobs per second through jobd with its two runners, and no job lost or
     run twice: TURNS (10,000) turns queued at once (each a new user
     auto-created, a chat turn, a reply), one runner SIGKILLed midway; then
     every user has exactly its two chat messages, every reply was sent once.
Prints "jobd: <key>=<value>" lines for tools/bench; exit 0 unless it could not run.
"""
import argparse
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

KEY = "B6D711FCDE4D4FD5936544120E713976"


def pct(v, p):
    if not v:
        return float("nan")
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


class Api:
    def __init__(self, base, token=None):
        u = urllib.parse.urlparse(base)
        self.host, self.port = u.hostname, u.port or 80
        self.token = token
        self.local = threading.local()

    def conn(self):
        c = getattr(self.local, "c", None)
        if c is None:
            c = self.local.c = http.client.HTTPConnection(self.host, self.port, timeout=30)
        return c

    def call(self, method, path, body=None, auth=True):
        h = {"Content-Type": "application/json"}
        if auth and self.token:
            h["Authorization"] = "Bearer " + self.token
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(2):
            try:
                c = self.conn()
                c.request(method, path, data, h)
                r = c.getresponse()
                raw = r.read()
                return r.status, (json.loads(raw) if raw else None)
            except (http.client.HTTPException, OSError):
                self.local.c = None
                if attempt:
                    raise


def sample(instance, mid, jid, text):
    return {"event": "messages.upsert", "instance": instance,
            "data": {"key": {"remoteJid": jid, "fromMe": False, "id": mid, "addressingMode": "pn"},
                     "pushName": "Bench", "status": "DELIVERY_ACK",
                     "message": {"conversation": text}, "messageType": "conversation",
                     "messageTimestamp": int(time.time()), "source": "ios"},
            "destination": "http://bench/webhooks/evolution", "sender": "5511900000000@s.whatsapp.net",
            "server_url": "https://evo.example.com", "apikey": KEY}


def sh(args, env=None, check=True):
    r = subprocess.run(args, env=env, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr.strip()[-500:]))
    return r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--top", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    rate, seconds = 200, (3 if a.quick else 10)
    nreply = 20 if a.quick else 50
    turns = 2000 if a.quick else 10000
    tool = os.path.join(a.top, "tools", "ozzie-dev")
    env = dict(os.environ)

    def psql(sql):
        return sh([tool, "psql", "-tAc", sql], env).strip()

    def jobd_restart(extra):
        e = dict(env)
        e.update(extra)
        sh([tool, "_jobd-restart", a.build], e)

    portf = "/tmp/ozzie-bench-evo-%d.port" % os.getpid()
    fake = subprocess.Popen([sys.executable, os.path.join(a.top, "tests/fakes/fake_evolution.py"),
                             "--port", "0", "--port-file", portf])
    try:
        for _ in range(200):
            if os.path.exists(portf):
                break
            time.sleep(0.05)
        fport = int(open(portf).read())
        os.unlink(portf)
        evo = Api("http://127.0.0.1:%d" % fport)
        evo.call("POST", "/_config", {"expect_key": KEY}, auth=False)
        api = Api(a.base, a.token)
        inst = "bench-%d-%d" % (os.getpid(), int(time.time()))
        st, _ = api.call("PUT", "/v1/integrations/evolution", {
            "server_url": "http://127.0.0.1:%d" % fport, "instance": inst, "api_key": KEY,
            "auto_create_users": False})
        if st not in (200, 201):
            print("jobd: error=PUT integration answered %d" % st)
            return 1
        jobd_restart({"OZZIE_EVOLUTION_SEND_RATE": "1000", "OZZIE_JOBD_LEASE_S": "5",
                      "OZZIE_AI_TIMEOUT_MS": "1000", "OZZIE_EVOLUTION_TIMEOUT_MS": "1000",
                      "OZZIE_LOG_LEVEL": "warn"})

        # a. the webhook under load
        lat, errors, lock = [], [0], threading.Lock()
        total = rate * seconds
        nthreads = 8
        t0 = time.monotonic()

        def sender(k):
            w = Api(a.base)
            for i in range(k, total, nthreads):
                due = t0 + i / float(rate)
                d = due - time.monotonic()
                if d > 0:
                    time.sleep(d)
                body = sample(inst, "L%s" % uuid.uuid4().hex, "55219%08d@s.whatsapp.net" % i, "oi")
                s = time.monotonic()
                try:
                    st, _ = w.call("POST", "/api/webhooks/evolution", body, auth=False)
                except OSError:
                    st = 0
                e = (time.monotonic() - s) * 1000
                with lock:
                    lat.append(e)
                    if st != 200:
                        errors[0] += 1
        ts = [threading.Thread(target=sender, args=(k,)) for k in range(nthreads)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        elapsed = time.monotonic() - t0
        print("jobd: webhook_rate=%.0f" % (total / elapsed))
        print("jobd: webhook_n=%d" % total)
        print("jobd: webhook_errors=%d" % errors[0])
        print("jobd: webhook_p50_ms=%.2f" % pct(lat, 50))
        print("jobd: webhook_p99_ms=%.2f" % pct(lat, 99))
        print("jobd: webhook_max_ms=%.2f" % max(lat))
        # let the queued turns drain before the next measure
        for _ in range(600):
            if psql("SELECT count(*) FROM jobs WHERE state IN ('queued','running')") == "0":
                break
            time.sleep(0.1)

        # b. inbound -> reply, with the local coach
        api.call("PUT", "/v1/integrations/evolution", {
            "server_url": "http://127.0.0.1:%d" % fport, "instance": inst, "api_key": KEY,
            "auto_create_users": True, "default_currency": "BRL"})
        evo.call("POST", "/_reset", {}, auth=False)
        evo.call("POST", "/_config", {"expect_key": KEY}, auth=False)
        # a number of this run's own: a turn of an earlier run (the bench's
        # database is kept) never queues ahead of these
        jid = "55119%08d@s.whatsapp.net" % (int(time.time()) % 100000000)
        rt = []
        texts = ["gastei 12,50 no cafe", "quanto gastei este mes?", "oi", "gastei 30 no uber"]
        for i in range(nreply + 1):
            st, _ = api.call("POST", "/api/webhooks/evolution",
                             sample(inst, "R%s" % uuid.uuid4().hex, jid, texts[i % len(texts)]), auth=False)
            sent_at = time.time()
            for _ in range(3000):
                st, rec = evo.call("GET", "/_sent", auth=False)
                if len(rec["sent"]) > i:
                    break
                time.sleep(0.002)
            if i > 0:   # the first one makes the user
                rt.append((rec["sent"][i]["at"] - sent_at) * 1000)
        print("jobd: reply_n=%d" % len(rt))
        print("jobd: reply_p50_ms=%.1f" % pct(rt, 50))
        print("jobd: reply_p99_ms=%.1f" % pct(rt, 99))

        # c. TURNS turns at once, a runner killed midway
        evo.call("POST", "/_reset", {}, auth=False)
        evo.call("POST", "/_config", {"expect_key": KEY}, auth=False)
        client = psql("SELECT client_id FROM evolution_integrations WHERE instance = '%s'" % inst)
        base_users = int(psql("SELECT count(*) FROM users WHERE client_id = '%s'" % client))
        # the bench's database is kept: this run's numbers are its own (new
        # users), and its jobs are told apart by the run's instance
        pfx = "+55%02d" % ((int(time.time()) // 60) % 90 + 10)
        c_start = psql("SELECT clock_timestamp()::text")
        psql("INSERT INTO evolution_inbound (client_id, instance, message_id) SELECT '%s', '%s',"
             " 'T' || g FROM generate_series(1, %d) g" % (client, inst, turns))
        t0 = time.monotonic()
        psql("INSERT INTO jobs (kind, client_id, queue_key, payload) SELECT 'wa.turn', '%s',"
             " 'wa:%s:%s' || lpad(g::text, 9, '0'), jsonb_build_object('instance', '%s',"
             " 'message_id', 'T' || g, 'phone', '%s' || lpad(g::text, 9, '0'), 'kind', 'text',"
             " 'text', 'gastei ' || (g %% 90 + 10) || ' no mercado') FROM generate_series(1, %d) g"
             % (client, client, pfx, inst, pfx, turns))
        killed = None
        master = open(os.path.join(env["OZZIE_DEV_DIR"], "run", "jobd.pid")).read().strip()
        half = None
        while True:
            done = int(psql("SELECT count(*) FROM jobs WHERE client_id = '%s' AND state = 'done'"
                            " AND kind IN ('wa.turn', 'wa.send') AND payload->>'instance' = '%s'"
                            " AND (payload->>'message_id') LIKE 'T%%'" % (client, inst)))
            if killed is None and done >= turns // 2:
                kids = sh(["pgrep", "-P", master], check=False).split()
                if kids:
                    killed = kids[0]
                    os.kill(int(killed), signal.SIGKILL)
                    half = (time.monotonic() - t0, done)
            if done >= 2 * turns or time.monotonic() - t0 > 900:
                break
            time.sleep(0.2)
        el = time.monotonic() - t0
        users = int(psql("SELECT count(*) FROM users WHERE client_id = '%s'" % client)) - base_users
        twice = int(psql("SELECT count(*) FROM (SELECT m.user_id FROM chat_messages m JOIN users u"
                         " ON u.client_id = m.client_id AND u.id = m.user_id WHERE m.client_id = '%s'"
                         " AND u.phone LIKE '%s%%' AND m.created_at >= '%s'::timestamptz"
                         " GROUP BY m.user_id HAVING count(*) <> 2) x" % (client, pfx, c_start)))
        lost = int(psql("SELECT count(*) FROM jobs WHERE client_id = '%s' AND state <> 'done'"
                        " AND payload->>'instance' = '%s' AND (payload->>'message_id') LIKE 'T%%'"
                        % (client, inst)))
        retaken = int(psql("SELECT count(*) FROM jobs WHERE client_id = '%s' AND attempts > 1"
                           " AND payload->>'instance' = '%s' AND (payload->>'message_id') LIKE 'T%%'"
                           % (client, inst)))
        st, rec = evo.call("GET", "/_sent", auth=False)
        numbers = [s["body"]["number"] for s in rec["sent"]]
        print("jobd: turns=%d" % turns)
        print("jobd: jobs_per_s=%.0f" % (2 * turns / el))
        print("jobd: turns_per_s=%.0f" % (turns / el))
        print("jobd: elapsed_s=%.1f" % el)
        print("jobd: killed_runner=%s_at_%.1fs_after_%d_jobs" % (killed, half[0] if half else 0,
                                                                half[1] if half else 0))
        print("jobd: users_made=%d" % users)
        print("jobd: users_without_exactly_one_turn=%d" % twice)
        print("jobd: jobs_not_done=%d" % lost)
        print("jobd: jobs_taken_again=%d" % retaken)
        print("jobd: replies_sent=%d" % len(numbers))
        print("jobd: replies_sent_twice=%d" % (len(numbers) - len(set(numbers))))
        return 0
    finally:
        fake.terminate()
        fake.wait()
        try:
            sh([tool, "_jobd-restart", a.build], env)
        except RuntimeError:
            pass


if __name__ == "__main__":
    sys.exit(main())
