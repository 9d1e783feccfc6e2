#!/usr/bin/python3
"""smtp-catcher: a loopback SMTP server for tests and the demo.

Run with Debian's Python, which has aiosmtpd (python3-aiosmtpd):

    /usr/bin/python3 scripts/smtp-catcher.py --dir /tmp/mail --port 0

After binding it prints exactly one line, ``PORT <n>``, to stdout and
serves until SIGTERM or SIGINT (exit status 0).

Every accepted message is stored once per recipient as a file in the
Maildir ``DIR/new`` (written to ``DIR/tmp`` first, then renamed, so a
reader never sees a partial file). Two headers are prepended to the
stored bytes: ``X-Catcher-Mail-From:`` and ``X-Catcher-Rcpt-To:`` (the
envelope), and ``X-Catcher-Peer:`` (client address:port, which shows whether
several messages came over one connection).

Failure simulation, by the recipient's local part:
  contains "defer"    -> 451 4.3.0 Try again later   (at RCPT TO)
  contains "reject"   -> 550 5.1.1 No such user      (at RCPT TO)
  contains "once421"  -> the first time this address is seen: 421 at RCPT TO
                         and the connection is closed; afterwards accepted
  contains "droponce" -> the first time this address is seen: the connection
                         is dropped after the message data, before any reply
                         (nothing stored); afterwards accepted

``--auth USER:PASS`` requires AUTH PLAIN or LOGIN with those credentials
(allowed over the plain connection: this is a loopback test server).

TLS, with ``--tls-cert FILE --tls-key FILE`` (PEM) and ``--tls-mode``:
  starttls  -> STARTTLS is offered and required: any command other than
               EHLO/HELO/NOOP/QUIT/STARTTLS before it gets
               ``530 Must issue a STARTTLS command first``; with --auth,
               AUTH is offered only after STARTTLS
  implicit  -> the socket speaks TLS from the first byte (SMTPS, as on 465)
"""

import argparse
import asyncio
import logging
import os
import signal
import socket
import ssl
import sys
import time
import warnings

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:  # pragma: no cover - depends on the host
    sys.stderr.write(
        "smtp-catcher: aiosmtpd is not available for %s; "
        "install python3-aiosmtpd and run with /usr/bin/python3\n" % sys.executable
    )
    sys.exit(3)

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class Catcher:
    def __init__(self, maildir):
        self.maildir = maildir
        self.counter = 0
        # Addresses that already had their one simulated failure.
        self.tripped = set()
        if maildir:
            for sub in ("tmp", "new", "cur"):
                os.makedirs(os.path.join(maildir, sub), exist_ok=True)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.rsplit("@", 1)[0].lower()
        if "reject" in local:
            return "550 5.1.1 No such user"
        if "defer" in local:
            return "451 4.3.0 Try again later"
        if "once421" in local and address not in self.tripped:
            self.tripped.add(address)
            # The reply is written before the task next yields; the close runs after it.
            asyncio.get_running_loop().call_soon(server.transport.close)
            return "421 4.3.2 Closing connection, try again"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or b""
        for rcpt in envelope.rcpt_tos:
            if "droponce" in rcpt.rsplit("@", 1)[0].lower() and rcpt not in self.tripped:
                self.tripped.add(rcpt)
                # abort(): no reply at all, not even the one returned below (the transport is gone).
                server.transport.abort()
                return "250 2.0.0 never sent"
        peer = session.peer
        peer = "%s:%s" % (peer[0], peer[1]) if isinstance(peer, tuple) else str(peer)
        for rcpt in envelope.rcpt_tos:
            self.store(envelope.mail_from or "", rcpt, peer, content)
        return "250 2.0.0 OK: queued"

    def store(self, mail_from, rcpt, peer, content):
        if not self.maildir:
            return
        self.counter += 1
        # Maildir-style unique name; the zero-padded time and counter keep
        # lexicographic order equal to arrival order.
        name = "%017.6f.%08d.P%d.catcher" % (time.time(), self.counter, os.getpid())
        head = (
            "X-Catcher-Mail-From: <%s>\r\nX-Catcher-Rcpt-To: <%s>\r\nX-Catcher-Peer: %s\r\n"
            % (mail_from, rcpt, peer)
        ).encode("utf-8", "surrogateescape")
        tmp_path = os.path.join(self.maildir, "tmp", name)
        new_path = os.path.join(self.maildir, "new", name)
        with open(tmp_path, "wb") as f:
            f.write(head + content)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp_path, new_path)


def make_authenticator(user, password):
    want = LoginPassword(user.encode("utf-8"), password.encode("utf-8"))

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            mechanism in ("PLAIN", "LOGIN")
            and isinstance(auth_data, LoginPassword)
            and auth_data.login == want.login
            and auth_data.password == want.password
        )
        # handled=False: let aiosmtpd send 535 itself on failure.
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    return authenticator


def main():
    p = argparse.ArgumentParser(description="Loopback SMTP catcher for tests.")
    p.add_argument("--dir", help="Maildir to store accepted messages in")
    p.add_argument("--host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="port, 0 picks a free one")
    p.add_argument("--auth", metavar="USER:PASS", help="require AUTH PLAIN/LOGIN")
    p.add_argument("--tls-cert", metavar="FILE", help="PEM certificate (chain) for TLS")
    p.add_argument("--tls-key", metavar="FILE", help="PEM private key for TLS")
    p.add_argument(
        "--tls-mode",
        choices=("starttls", "implicit"),
        help="starttls: offer and require STARTTLS; implicit: TLS from the first byte",
    )
    args = p.parse_args()

    if args.host not in LOOPBACK:
        p.error("--host must be a loopback address")
    kwargs = {}
    if args.auth:
        if ":" not in args.auth:
            p.error("--auth must be USER:PASS")
        user, password = args.auth.split(":", 1)
        kwargs = dict(
            authenticator=make_authenticator(user, password),
            auth_required=True,
            auth_require_tls=False,
        )

    tls_options = (args.tls_cert, args.tls_key, args.tls_mode)
    if any(tls_options) and not all(tls_options):
        p.error("--tls-cert, --tls-key and --tls-mode go together")
    context = None
    if args.tls_mode:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        try:
            context.load_cert_chain(args.tls_cert, args.tls_key)
        except (OSError, ssl.SSLError) as error:
            p.error("cannot load TLS certificate/key: %s" % error)
    server_ssl = None
    if args.tls_mode == "starttls":
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = True
        if args.auth:
            kwargs["auth_require_tls"] = True
    elif args.tls_mode == "implicit":
        # aiosmtpd only counts STARTTLS as "TLS" for auth_require_tls, so keep
        # it off: here every byte, AUTH included, is encrypted anyway.
        server_ssl = context

    # A parent may start us with SIGTERM/SIGINT blocked (threads of a Swift or
    # dispatch-based test runner do); the mask is inherited, so unblock them.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    # aiosmtpd warns (and logs) about AUTH without TLS and deprecations;
    # keep stderr for real errors only.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    handler = Catcher(args.dir)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def factory():
        return SMTP(handler, hostname="catcher.localhost", loop=loop, **kwargs)

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    server = loop.run_until_complete(
        loop.create_server(
            factory, host=args.host, port=args.port, family=family, ssl=server_ssl
        )
    )
    port = server.sockets[0].getsockname()[1]
    sys.stdout.write("PORT %d\n" % port)
    sys.stdout.flush()

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    # Do not outlive the process that started us (e.g. a crashed test run).
    parent = os.getppid()

    async def watch_parent():
        while os.getppid() == parent:
            await asyncio.sleep(1)
        stop.set()

    if parent != 1:
        loop.create_task(watch_parent())
    try:
        loop.run_until_complete(stop.wait())
    finally:
        server.close()
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
