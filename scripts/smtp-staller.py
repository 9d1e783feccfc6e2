#!/usr/bin/python3
"""smtp-staller: a loopback SMTP server that stops talking, for the stall-timeout tests.

    /usr/bin/python3 scripts/smtp-staller.py --mode MODE [--port 0]

After binding it prints one line, ``PORT <n>``, and serves every connection in
its own thread until SIGTERM (or until its parent exits). Modes:

  greeting  accept the connection and never send the 220 greeting
  command   greet, then never answer EHLO (or anything else)
  data      answer EHLO/HELO, MAIL, RCPT and DATA (354) normally, read the
            message up to the final ".", then never send the reply to it

A stalled connection is held open (the server keeps reading and discarding)
until the client gives up and closes it.
"""

import argparse
import os
import signal
import socket
import sys
import threading
import time


def hold(conn):
    """Read and discard until the client closes."""
    try:
        while conn.recv(65536):
            pass
    except OSError:
        pass


def serve(conn, mode):
    with conn:
        if mode == "greeting":
            return hold(conn)
        conn.sendall(b"220 staller.localhost ESMTP\r\n")
        if mode == "command":
            return hold(conn)
        buffer = b""
        in_data = False
        while True:
            try:
                chunk = conn.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            if in_data:
                if b"\r\n.\r\n" in buffer:
                    return hold(conn)  # the message is in; its reply never comes
                buffer = buffer[-4:]
                continue
            while b"\r\n" in buffer:
                line, buffer = buffer.split(b"\r\n", 1)
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    conn.sendall(b"250 staller.localhost\r\n")
                elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    conn.sendall(b"250 OK\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    in_data = True
                    buffer = b"\r\n" + buffer  # so a message that is only "." still ends
                    if b"\r\n.\r\n" in buffer:
                        return hold(conn)
                    break
                elif verb == b"QUIT":
                    conn.sendall(b"221 Bye\r\n")
                    return
                else:
                    conn.sendall(b"502 Not implemented\r\n")


def main():
    p = argparse.ArgumentParser(description="Loopback SMTP server that stalls.")
    p.add_argument("--mode", choices=("greeting", "command", "data"), required=True)
    p.add_argument("--port", type=int, default=0)
    args = p.parse_args()

    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(64)
    sys.stdout.write("PORT %d\n" % listener.getsockname()[1])
    sys.stdout.flush()

    parent = os.getppid()

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    if parent != 1:
        threading.Thread(target=watch_parent, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn, args.mode), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
