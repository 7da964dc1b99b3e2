"""Fetching one URL safely: the only place the reader talks to the network.

httpx does the HTTP (TLS verification, proxies and certificates from the environment,
connection and read timeouts); this module adds what a reader of untrusted pages needs on
top: only http and https, also after each of at most 5 redirects; a size limit on the body
that holds after decompression (the raw stream is inflated here with a bounded output, so a
gzip bomb stops at the limit instead of filling memory); an overall deadline, so a server
that trickles one byte at a time cannot hold the reader forever; content types checked
before the body is read; and every failure as a `FetchError`, one line naming the URL.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType

import httpx

from reader import __version__
from reader.loader import DEFAULT_MAX_SIZE, LoadError, human_size
from reader.web import SCHEMES

MAX_REDIRECTS = 5
USER_AGENT = f"reader/{__version__} (terminal reader for Arabic news; python-httpx)"
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
TOTAL_TIMEOUT = 60.0
PAGE_TYPES = ("text/*", "application/xhtml+xml", "application/xml", "application/*+xml")
"""What an article URL may serve: HTML, XML or text."""
FEED_TYPES = (*PAGE_TYPES, "application/json", "application/*+json")
"""What a feed URL may serve: the above plus JSON Feed."""
_CHUNK = 64 * 1024


class FetchError(LoadError):
    """A URL that could not be fetched; `str(err)` is "URL: problem" on one line."""


@dataclass(frozen=True)
class Response:
    """A fetched body, decompressed, with what the headers said about it."""

    url: str
    """The URL as asked for."""
    final_url: str
    """Where the last redirect led (relative links resolve against it)."""
    status: int
    """200-299, or 304 when a conditional request found nothing new (then no content)."""
    content: bytes
    media_type: str
    """The Content-Type without parameters, lower case; "" when the server sent none."""
    charset: str | None
    """The Content-Type's charset parameter, for the loader's decoding rule."""
    etag: str | None
    last_modified: str | None


class Fetcher:
    """An HTTP client with the reader's limits; one may serve many threads at once."""

    def __init__(
        self,
        *,
        max_size: int = DEFAULT_MAX_SIZE,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        total_timeout: float = TOTAL_TIMEOUT,
    ) -> None:
        self.max_size = max_size
        self.total_timeout = total_timeout
        self._client = httpx.Client(
            follow_redirects=False,  # followed by hand: each hop's scheme is checked
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            trust_env=True,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def get(
        self,
        url: str,
        *,
        accept: tuple[str, ...] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Response:
        """GET `url`; `etag` / `last_modified` make it conditional (a 304 comes back)."""
        headers = {"Accept": ", ".join(accept) + ";q=0.9, */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.total_timeout
        current = url
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                target = _checked(url, current)
                request = self._client.build_request("GET", target, headers=headers)
                response = self._client.send(request, stream=True)
                try:
                    if response.has_redirect_location:
                        current = _redirect(url, request.url, response)
                        continue
                    return self._read(url, str(response.url), response, accept, deadline)
                finally:
                    response.close()
        except httpx.TimeoutException as err:
            raise FetchError(url, _timeout_problem(err, self._client.timeout)) from None
        except httpx.InvalidURL as err:
            raise FetchError(url, f"not a valid URL ({err})") from None
        except httpx.TransportError as err:
            raise FetchError(url, _transport_problem(err)) from None
        raise FetchError(url, f"too many redirects (more than {MAX_REDIRECTS})")

    def _read(
        self,
        url: str,
        final_url: str,
        response: httpx.Response,
        accept: tuple[str, ...],
        deadline: float,
    ) -> Response:
        headers = response.headers
        if response.status_code == 304:
            content = b""
        elif response.status_code >= 400 or response.status_code < 200:
            reason = response.reason_phrase or "error"
            raise FetchError(url, f"HTTP {response.status_code} {reason}")
        else:
            media_type = _media_type(headers.get("Content-Type", ""))
            if media_type and not _accepted(media_type, accept):
                raise FetchError(url, f"not a web page or feed (content type {media_type})")
            declared = headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_size:
                size, limit = human_size(int(declared)), human_size(self.max_size)
                raise FetchError(url, f"too large ({size}; the limit is {limit})")
            content = self._body(url, response, deadline)
        return Response(
            url=url,
            final_url=final_url,
            status=response.status_code,
            content=content,
            media_type=_media_type(headers.get("Content-Type", "")),
            charset=response.charset_encoding,
            etag=headers.get("ETag"),
            last_modified=headers.get("Last-Modified"),
        )

    def _body(self, url: str, response: httpx.Response, deadline: float) -> bytes:
        """The decompressed body, refused as soon as it passes the limit or the deadline."""
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        chunks: list[bytes] = []
        size = 0
        for chunk in _inflated(url, response.iter_raw(), encoding):
            size += len(chunk)
            if size > self.max_size:
                after = " after decompression" if encoding != "identity" else ""
                raise FetchError(url, f"too large (more than {human_size(self.max_size)}{after})")
            if time.monotonic() > deadline:
                raise FetchError(
                    url, f"timed out: the page took longer than {self.total_timeout:g} s to arrive"
                )
            chunks.append(chunk)
        return b"".join(chunks)


def _inflated(url: str, raw: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """Decompress `raw` by Content-Encoding, at most one chunk's worth of output at a time."""
    if encoding in ("identity", ""):
        yield from raw
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding {encoding!r}")
    wbits = zlib.MAX_WBITS | 16 if encoding != "deflate" else zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    first = True
    try:
        for chunk in raw:
            if first and encoding == "deflate" and chunk and (chunk[0] & 0x0F) != 8:
                inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no zlib header
            first = False
            data = chunk
            while data:
                out = inflater.decompress(data, _CHUNK)
                yield out
                data = inflater.unconsumed_tail
                if not out and not data:
                    break
        yield inflater.flush()
    except zlib.error as err:
        raise FetchError(url, f"damaged {encoding} body ({err})") from None


def _checked(original: str, url: str) -> httpx.URL:
    """`url` as an httpx URL, when it is http or https with a host."""
    parsed = httpx.URL(url)
    if parsed.scheme not in SCHEMES:
        if url == original:
            raise FetchError(original, "only http and https addresses are fetched")
        raise FetchError(
            original, f"redirected to a {parsed.scheme}: address (only http and https are followed)"
        )
    if not parsed.host:
        raise FetchError(original, "not a valid URL (no host)")
    return parsed


def _redirect(original: str, current: httpx.URL, response: httpx.Response) -> str:
    location = response.headers.get("Location", "")
    try:
        return str(current.join(location))
    except httpx.InvalidURL:
        raise FetchError(original, "redirected to an invalid address") from None


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _accepted(media_type: str, accept: tuple[str, ...]) -> bool:
    major, _, minor = media_type.partition("/")
    for pattern in accept:
        kind, _, sub = pattern.partition("/")
        if kind != major:
            continue
        if sub == "*" or sub == minor or (sub.startswith("*+") and minor.endswith(sub[1:])):
            return True
    return False


def _timeout_problem(err: httpx.TimeoutException, timeout: httpx.Timeout) -> str:
    if isinstance(err, httpx.ConnectTimeout):
        return f"timed out connecting (after {timeout.connect:g} s)"
    if isinstance(err, httpx.ReadTimeout):
        return f"timed out: the server sent nothing for {timeout.read:g} s"
    return "timed out"


def _transport_problem(err: httpx.TransportError) -> str:
    """DNS, refused connections, TLS and protocol errors, each as a short reason."""
    text = str(err) or type(err).__name__
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return "cannot connect: no such host"
    if "temporary failure in name resolution" in lowered:
        return "cannot connect: the host name could not be looked up (offline?)"
    if "connection refused" in lowered:
        return "cannot connect: connection refused"
    if "certificate" in lowered:
        return f"TLS certificate not trusted ({text})"
    if isinstance(err, httpx.ConnectError):
        return f"cannot connect ({text})"
    if isinstance(err, httpx.UnsupportedProtocol):
        return "not an address (only http and https are fetched)"
    return f"connection failed ({text})"
