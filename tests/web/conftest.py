"""Real HTTP servers on 127.0.0.1 for the web tests, and no way out to anywhere else."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver binds the loopback address itself, not whatever localhost means."""
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy in the developer's environment would otherwise carry the loopback requests."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Name lookups for anything but the loopback fail as an unknown host does, so no test
    can reach the internet (or its resolver) even by mistake."""
    real = socket.getaddrinfo

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in ("127.0.0.1", "localhost", "::1"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Callable[[], Callable[[], int]]:
    """`attempts = no_network()`: from then on opening a connection fails (the command says
    so in one line) and `attempts()` counts the tries."""

    def block() -> Callable[[], int]:
        attempts = [0]

        def refuse(*args: object, **kwargs: object) -> None:
            attempts[0] += 1
            raise OSError("the network was used")

        monkeypatch.setattr(socket, "create_connection", refuse)
        monkeypatch.setattr(socket.socket, "connect", refuse)
        return lambda: attempts[0]

    return block
