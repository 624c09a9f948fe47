# -*- coding: utf-8 -*-
# Copyright: (c) 2026, asyncjobs.fleet contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# PRIVATE: for internal use by the asyncjobs.fleet collection only. No API guarantee.

"""Censoring of secrets in messages and results: every Redactor of the process knows
every secret, and a cut message never shows a secret's beginning."""

from __future__ import annotations

import collections
import re
import weakref


REDACTED = "********"
_URL_USERINFO = re.compile(r"(?<=://)[^/@\s]+@")
# The shortest piece of a secret masked where an excerpt ends (a secret cut there, by us or by
# the server): 4 characters. Shorter pieces say too little about a secret to matter, and the
# Redactor's floor for whole secrets is 3; masking them would also garble the word that ends an
# ordinary excerpt far more often (any text ending in "ad" when a password starts with "ad").
MIN_SECRET_PREFIX = 4


# Every Redactor alive in this process, so that an excerpt cut far from any transport (a backend
# quoting a reply it parsed) still masks the task's secrets: see clip().
_LIVE = weakref.WeakSet()


class Redactor(object):
    """Replaces known secret values (and URL user-info) in any text."""

    def __init__(self, secrets=()):
        self.secrets = sorted({str(s) for s in secrets if s and len(str(s)) >= 3}, key=len, reverse=True)
        # Per-request credentials (signatures): only the latest matter, since a server echoes
        # the request it is answering.
        self.recent = collections.deque(maxlen=16)
        _LIVE.add(self)

    def known(self):
        """Every secret this Redactor masks, longest first."""
        return self.secrets + sorted(self.recent, key=len, reverse=True)

    def remember(self, value):
        """Also redact ``value``, a credential made for one request (e.g. an HMAC signature)."""
        if value and len(str(value)) >= 3:
            self.recent.append(str(value))

    def __call__(self, text):
        if text is None:
            return text
        text = _URL_USERINFO.sub(REDACTED + "@", str(text))
        for secret in self.known():
            text = text.replace(str(secret), REDACTED)
        return text

    def data(self, value):
        """``value`` (decoded JSON) with every string redacted, keys included."""
        if isinstance(value, dict):
            return {self(k) if isinstance(k, str) else k: self.data(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.data(v) for v in value]
        return self(value) if isinstance(value, str) else value


def _mask_cut_secret(text, secrets):
    """``text`` with a trailing beginning of a secret (at least MIN_SECRET_PREFIX characters) masked.

    The end of an excerpt is where a secret is cut, by clip() or already by the server (an echo
    cut to a size), and the whole-secret replacement cannot see a cut one.
    """
    for secret in secrets:
        for size in range(min(len(secret), len(text)), MIN_SECRET_PREFIX - 1, -1):
            if text.endswith(secret[:size]):
                return text[:len(text) - size] + REDACTED
    return text


def clip(text, limit=200, redact=None, collapse=True):
    """An excerpt of untrusted ``text`` safe to show: redacted whole, then cut, then its end checked.

    Redacting before cutting keeps a secret that straddles the cut from surviving in part; the
    cut (or the server's own) can still end inside a secret, so a trailing beginning of any
    secret is masked too. ``redact`` adds a Redactor to every live one of this process (the
    task's transports). ``collapse`` folds whitespace runs into single spaces.
    """
    if text is None:
        return ""
    redactors = list(_LIVE) + ([redact] if redact is not None else [])
    text = _URL_USERINFO.sub(REDACTED + "@", str(text))
    for redactor in redactors:
        text = redactor(text)
    if collapse:
        text = " ".join(text.split())
    cut = len(text) > limit
    if cut:
        text = text[:limit]
    secrets = sorted({s for r in redactors for s in r.known()}, key=len, reverse=True)
    text = _mask_cut_secret(text, secrets)
    return text + "..." if cut else text
