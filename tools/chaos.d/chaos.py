#!/usr/bin/env python3
"""chaos.py: the helpers of tools/chaos (Python 3 standard library only).

  probe    GET a URL every few ms on a kept connection; one line per answer,
           "<unix ms> <status>" (0: no answer), until a stop file appears
  slow     slow clients: many connections from one loopback address that
           trickle their request headers or body, a byte at a time
  newconn  N requests, each on a new connection, as a client arriving
           during an attack does; prints how many failed and how long they took
  analyze  read the load's answer files (tools/chaos.d/ack.lua) and a probe
           file, print the scenario's figures as shell assignments

Everything talks to 127.0.0.1 (or another loopback address) only.
"""

import argparse
import glob
import http.client
import os
import selectors
import signal
import socket
import sys
import time


def now_ms():
    return int(time.time() * 1000)


def loopback(host):
    if not host.startswith("127."):
        sys.exit("chaos.py: loopback addresses only, not %s" % host)
    return host


# --- probe ------------------------------------------------------------------

def cmd_probe(a):
    host, port, path = loopback(a.host), a.port, a.path
    deadline = time.time() + a.max_seconds
    conn = None
    with open(a.out, "w", buffering=1) as out:
        while time.time() < deadline and not os.path.exists(a.stop_file):
            t0 = time.time()
            status = 0
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, port, timeout=a.timeout)
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                status = r.status
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException):
                if conn is not None:
                    conn.close()
                conn = None
            out.write("%d %d\n" % (now_ms(), status))
            left = a.interval_ms / 1000.0 - (time.time() - t0)
            if left > 0:
                time.sleep(left)


# --- slow clients -------------------------------------------------------------

def cmd_slow(a):
    """Half the connections send their headers a line at a time, never ending
    them; the other half send whole headers announcing a body, then the body a
    byte at a time. Each connection sends one more byte every --every seconds."""
    host = loopback(a.host)
    source = loopback(a.source)
    sel = selectors.DefaultSelector()
    socks = {}
    made = refused = 0
    stop = [False]

    def on_term(signum, frame):
        stop[0] = True

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    end = time.time() + a.seconds
    for i in range(a.conns):
        if stop[0]:
            break
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.bind((source, 0))
            s.settimeout(2)
            s.connect((host, a.port))
            if i % 2 == 0:
                s.sendall(b"GET /v1/users HTTP/1.1\r\nHost: localhost\r\n")
            else:
                s.sendall(b"POST /v1/users HTTP/1.1\r\nHost: localhost\r\n"
                          b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
            s.setblocking(False)
        except OSError:
            refused += 1
            s.close()
            continue
        made += 1
        socks[s.fileno()] = (s, i % 2)
        sel.register(s, selectors.EVENT_READ)
    next_tick = time.time() + a.every
    while not stop[0] and time.time() < end:
        closed = 0
        for key, _ in sel.select(timeout=0.2):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if not data:        # the server gave up on it
                sel.unregister(s)
                socks.pop(s.fileno(), None)
                s.close()
                closed += 1
        if time.time() >= next_tick:
            next_tick += a.every
            for fd, (s, kind) in list(socks.items()):
                try:
                    s.send(b"X-Chaos: 1\r\n" if kind == 0 else b" ")
                except OSError:
                    sel.unregister(s)
                    del socks[fd]
                    s.close()
        with open(a.status_file + ".tmp", "w") as f:
            f.write("SLOW_MADE=%d SLOW_REFUSED=%d SLOW_OPEN=%d\n" % (made, refused, len(socks)))
        os.replace(a.status_file + ".tmp", a.status_file)
    for s, _ in socks.values():
        s.close()


# --- new connections ----------------------------------------------------------

def cmd_newconn(a):
    host = loopback(a.host)
    ok = fail = 0
    times = []
    statuses = {}
    headers = {"Authorization": "Bearer " + a.token, "Connection": "close"}
    for _ in range(a.count):
        t0 = time.time()
        st = "conn"
        try:
            c = http.client.HTTPConnection(host, a.port, timeout=a.timeout)
            c.request("GET", a.path, headers=headers)
            r = c.getresponse()
            r.read()
            st = str(r.status)
            c.close()
        except socket.timeout:
            st = "timeout"
        except (OSError, http.client.HTTPException):
            st = "conn"
        times.append((time.time() - t0) * 1000)
        statuses[st] = statuses.get(st, 0) + 1
        if st == "200":
            ok += 1
        else:
            fail += 1
    times.sort()
    p50 = times[len(times) // 2] if times else 0
    desc = ",".join("%s:%d" % kv for kv in sorted(statuses.items()))
    print("NC_OK=%d NC_FAIL=%d NC_P50_MS=%.1f NC_MAX_MS=%.1f NC_STATUSES=%s"
          % (ok, fail, p50, times[-1] if times else 0, desc))


# --- analysis -----------------------------------------------------------------

def read_answers(prefix):
    rows = []
    for f in sorted(glob.glob(glob.escape(prefix) + ".*")):
        with open(f) as fh:
            for line in fh:
                p = line.split()
                if len(p) != 4:
                    continue    # a line cut by wrk's exit
                rows.append((int(p[0]), int(p[1]), p[2] == "1", p[3]))
    rows.sort()
    return rows


def cmd_analyze(a):
    rows = read_answers(a.answers)
    refs = [int(x) for x in a.ref_ms.split(",") if x] if a.ref_ms else []
    allowed = set(int(x) for x in a.allowed.split(",") if x)
    total = len(rows)
    ok = sum(1 for r in rows if 200 <= r[1] < 300)
    fails = [r for r in rows if not 200 <= r[1] < 300]
    by_status = {}
    bad = []
    for r in fails:
        by_status[r[1]] = by_status.get(r[1], 0) + 1
        if r[1] not in allowed or (r[1] == 503 and not r[2]):
            bad.append(r)
    # After each fault (refs, in order): the last failure before the next one.
    back = 0
    per_fault = 0
    for i, ref in enumerate(refs):
        nxt = refs[i + 1] if i + 1 < len(refs) else None
        window = [r for r in fails if (i == 0 or r[0] >= ref) and (nxt is None or r[0] < nxt)]
        per_fault = max(per_fault, len(window))
        if window:
            back = max(back, window[-1][0] - ref)
    ids = 0
    with open(a.ids_out, "w") as out:
        for r in rows:
            if r[1] == 201 and r[3] != "-":
                for i in r[3].split(","):
                    out.write(i + "\n")
                    ids += 1
    ready = 0
    if a.probe and refs and os.path.exists(a.probe):
        probe = []
        with open(a.probe) as fh:
            for line in fh:
                p = line.split()
                if len(p) == 2:
                    probe.append((int(p[0]), int(p[1])))
        last_bad = max((t for t, s in probe if s != 200), default=None)
        if last_bad is not None:
            after = [t for t, s in probe if s == 200 and t > last_bad]
            ready = (after[0] - refs[-1]) if after else -1
    # Throughput over the load's whole duration when given (a stalled server
    # answers little, quickly), else over the span of the answers.
    span = a.seconds or ((rows[-1][0] - rows[0][0]) / 1000.0 if total > 1 else 0)
    print("A_TOTAL=%d A_OK=%d A_FAIL=%d A_BAD=%d A_BACK_MS=%d A_PER_FAULT=%d A_IDS=%d "
          "A_READY_MS=%d A_RPS=%d" % (total, ok, len(fails), len(bad), max(back, 0), per_fault,
                                      ids, max(ready, 0) if ready >= 0 else -1,
                                      int(total / span) if span else 0))
    desc = ", ".join("%d x%d" % kv for kv in sorted(by_status.items())) or "none"
    print("A_STATUSES='%s'" % desc)
    if bad:
        print("A_BAD_DESC='%s'" % ", ".join(
            "%d%s" % (r[1], "" if r[2] or r[1] != 503 else " without Retry-After")
            for r in bad[:3]))
    else:
        print("A_BAD_DESC=''")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("probe")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", default="/ready")
    p.add_argument("--out", required=True)
    p.add_argument("--stop-file", required=True)
    p.add_argument("--interval-ms", type=int, default=20)
    p.add_argument("--timeout", type=float, default=2.0)
    p.add_argument("--max-seconds", type=float, default=120)
    p = sub.add_parser("slow")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--source", default="127.0.0.2")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--conns", type=int, default=2000)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--every", type=float, default=5)
    p.add_argument("--status-file", required=True)
    p = sub.add_parser("newconn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--timeout", type=float, default=2.0)
    p = sub.add_parser("analyze")
    p.add_argument("--answers", required=True, help="the CHAOS_OUT prefix of ack.lua")
    p.add_argument("--ref-ms", default="", help="the faults' ends, unix ms, comma-separated")
    p.add_argument("--allowed", default="", help="failure statuses allowed, e.g. 503")
    p.add_argument("--probe", default="")
    p.add_argument("--ids-out", required=True)
    p.add_argument("--seconds", type=float, default=0, help="the load's duration")
    a = ap.parse_args()
    {"probe": cmd_probe, "slow": cmd_slow, "newconn": cmd_newconn,
     "analyze": cmd_analyze}[a.cmd](a)


if __name__ == "__main__":
    main()
