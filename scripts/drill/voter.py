#!/usr/bin/python3
"""Casts votes at a steady rate and writes down when each one was acknowledged (for scripts/drill/restore.sh).

    voter.py BASE_URL RATE VOTES_FILE OUT_FILE [WORKERS]

VOTES_FILE has one `PANELIST /v/TOKEN` a line (vote-tokens.py's paths, with the panelist in front). Vote i is
sent at start + i / RATE by one of WORKERS (default 8) threads, each with its own keep-alive connection, as the
POST the vote page's button makes. Every answer is one line of OUT_FILE, written and flushed at once:

    PANELIST STATUS SENT DONE

STATUS is the HTTP status (200: "Dank u wel, uw stem is geteld", an acknowledged vote) or `error` when there was
no answer (the server is gone); SENT and DONE are Unix times in seconds with microseconds. A vote without an
answer is never retried. Stops after the last vote, or at SIGTERM; standard library only.
"""

import http.client
import signal
import sys
import threading
import time
import urllib.parse


def main() -> None:
    base, rate, votes_path, out_path = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
    workers = int(sys.argv[5]) if len(sys.argv) > 5 else 8
    url = urllib.parse.urlsplit(base)
    with open(votes_path, encoding="utf-8") as handle:
        votes = [line.split() for line in handle if line.strip()]
    out = open(out_path, "a", encoding="utf-8")
    lock = threading.Lock()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    next_vote = [0]
    start = time.time()

    def write(panelist: str, status: str, sent: float, done: float) -> None:
        with lock:
            if out.closed:
                return
            out.write(f"{panelist} {status} {sent:.6f} {done:.6f}\n")
            out.flush()

    def work() -> None:
        connection = None
        while not stop.is_set():
            with lock:
                index = next_vote[0]
                next_vote[0] += 1
            if index >= len(votes):
                return
            panelist, path = votes[index]
            delay = start + index / rate - time.time()
            if delay > 0 and stop.wait(delay):
                return
            sent = time.time()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
                connection.request(
                    "POST", path, body=b"", headers={"Content-Type": "application/x-www-form-urlencoded"})
                response = connection.getresponse()
                response.read()
                write(panelist, str(response.status), sent, time.time())
            except (OSError, http.client.HTTPException):
                write(panelist, "error", sent, time.time())
                if connection is not None:
                    connection.close()
                connection = None

    threads = [threading.Thread(target=work, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        if stop.wait(0.05):
            break
    with lock:
        out.close()


if __name__ == "__main__":
    main()
