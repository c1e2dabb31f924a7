"""A mail server for Lantern's tests: takes every message sent to it on a
loopback port and writes it to a folder, delivering nothing.

    /usr/bin/python3 scripts/smtp-sink.py --port 2525 --folder /tmp/mail

Built on aiosmtpd (Debian's python3-aiosmtpd, which scripts/setup --test
installs). Each message becomes two files, written whole before they
appear (a temporary name, then a rename):

- NAME.eml: the message as it arrived;
- NAME.json: what tests read: the envelope's sender and recipients, the
  headers, the subject, and the plain-text and HTML parts decoded.

Prints "ready" once it listens; stops on SIGTERM or SIGINT.

`--defer ADDRESS` answers 451 (try later) to RCPT TO that address and
`--refuse ADDRESS` answers 550: for tests of Lantern's retries.
"""

import argparse
import email
import email.policy
import itertools
import json
import os
import signal
import threading
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder, defer, refuse):
        self.folder = folder
        self.defer = {a.lower() for a in defer}
        self.refuse = {a.lower() for a in refuse}
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 No such mailbox here"
        if address.lower() in self.defer:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        name = f"{time.time_ns()}-{next(self.counter):06d}"
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_to": envelope.rcpt_tos,
            "headers": [[key, str(value)] for key, value in message.items()],
            "subject": str(message.get("Subject", "")),
            "to": str(message.get("To", "")),
            "from": str(message.get("From", "")),
            "text": part(message, "plain"),
            "html": part(message, "html"),
        }
        self.write(f"{name}.eml", raw)
        self.write(f"{name}.json", json.dumps(record, ensure_ascii=False, indent=1).encode())
        return "250 OK: kept"

    def write(self, name, data):
        temporary = os.path.join(self.folder, f".{name}.part")
        with open(temporary, "wb") as file:
            file.write(data)
        os.rename(temporary, os.path.join(self.folder, name))


def part(message, subtype):
    body = message.get_body(preferencelist=(subtype,))
    return body.get_content() if body is not None else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--refuse", action="append", default=[])
    arguments = parser.parse_args()
    os.makedirs(arguments.folder, exist_ok=True)
    sink = Sink(arguments.folder, arguments.defer, arguments.refuse)
    controller = Controller(sink, hostname="127.0.0.1", port=arguments.port, ready_timeout=10)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
