#!/usr/bin/env python
"""Simulated appliance lab: starts every registered appliance on its own 127.0.0.1 port.

    python tests/lab/server.py --port-file PATH [--devices N] [--seed S] [--username U --password P]
        [--api-key-id ID --api-key-secret SECRET] [--state-dir DIR] [--tls] [--time-scale F]
        [--ports '{"drm": 41234, ...}']

Writes {"drm": "http://127.0.0.1:PORT", ...} (plus "ca" with --tls) to PATH atomically once all
appliances listen, serves until SIGTERM/SIGINT, then removes the port file and exits 0.
"""
import argparse
import importlib
import json
import os
import signal
import ssl
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from labcore import LabServer  # noqa: E402

# name -> module.  Each module exposes create(opts, state_dir) -> labcore.Appliance.
# An appliance is served when its module file exists, so adding one is adding its module.
KNOWN_APPLIANCES = ("drm", "powerstore", "aiqum", "rpc", "generic")
APPLIANCES = {name: name for name in KNOWN_APPLIANCES
              if os.path.exists(os.path.join(os.path.dirname(os.path.abspath(__file__)), name + ".py"))}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.partition("\n\n")[0])
    p.add_argument("--port-file", required=True)
    p.add_argument("--devices", type=int, default=100)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--username", default="admin")
    p.add_argument("--password", default="lab-Passw0rd!")
    p.add_argument("--api-key-id", default="lab-key-id")
    p.add_argument("--api-key-secret", default="lab-key-secret")
    p.add_argument("--state-dir", default=None, help="SQLite state lives here (default: fresh temp dir)")
    p.add_argument("--tls", action="store_true")
    p.add_argument("--time-scale", type=float, default=1.0, help="multiplier for simulated durations")
    p.add_argument("--only", default=None, help="comma-separated subset of appliances to start")
    p.add_argument("--verbose", action="store_true", help="log every request to stderr")
    p.add_argument("--ports", type=parse_ports, default={},
                   help='JSON object of fixed ports by appliance, e.g. \'{"drm": 41234}\' (others: free ports); '
                        "with the same --state-dir this restarts a lab where clients expect it")
    return p.parse_args(argv)


def parse_ports(text):
    try:
        ports = json.loads(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--ports must be a JSON object: {exc}") from None
    if not isinstance(ports, dict) or not all(
            name in KNOWN_APPLIANCES and isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536
            for name, port in ports.items()):
        raise argparse.ArgumentTypeError(
            f"--ports must map appliance names ({', '.join(KNOWN_APPLIANCES)}) to ports 1-65535, got {text!r}")
    return ports


def ensure_certs(state_dir):
    """Self-signed CA + server cert for 127.0.0.1/localhost, generated once per state dir."""
    ca, key, cert = (os.path.join(state_dir, n) for n in ("ca.pem", "server.key", "server.pem"))
    if all(os.path.exists(p) for p in (ca, key, cert)):
        return ca, cert, key
    ca_key, csr, ext = (os.path.join(state_dir, n) for n in ("ca.key", "server.csr", "server.ext"))
    with open(ext, "w") as fh:
        fh.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                 "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
                 "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n")

    def run(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", ca, "-days", "3650",
        "-subj", "/CN=asyncjobs lab CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=localhost")
    run("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-out", cert,
        "-days", "825", "-sha256", "-extfile", ext)
    return ca, cert, key


def write_atomically(path, data):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".portfile-")
    with os.fdopen(fd, "w") as fh:
        json.dump(data, fh)
    os.replace(tmp, path)


def main(argv=None):
    opts = parse_args(argv)
    state_dir = opts.state_dir or tempfile.mkdtemp(prefix="asyncjobs-lab-")
    os.makedirs(state_dir, exist_ok=True)
    names = opts.only.split(",") if opts.only else list(APPLIANCES)

    ssl_context, urls = None, {}
    if opts.tls:
        ca, cert, key = ensure_certs(state_dir)
        ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ssl_context.load_cert_chain(cert, key)

    servers = []
    for name in names:
        appliance = importlib.import_module(APPLIANCES[name]).create(opts, state_dir)
        server = LabServer(appliance, port=opts.ports.get(name, 0), ssl_context=ssl_context, verbose=opts.verbose)
        servers.append(server)
        urls[name] = server.url(opts.tls)
        threading.Thread(target=server.serve_forever, name=f"lab-{name}", daemon=True).start()
    if opts.tls:
        urls["ca"] = ca

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    write_atomically(opts.port_file, urls)
    while not stop.wait(0.5):
        pass

    for server in servers:
        server.shutdown()
        server.server_close()
        server.appliance.close()
    try:
        os.remove(opts.port_file)
    except FileNotFoundError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
