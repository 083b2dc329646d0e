"""Fetching the public job feeds of Remotive, Arbeitnow and Remote OK (JSON, no key) with urllib.

The base URLs can be pointed elsewhere with CAREERCLI_FEED_BASE_URL (tests serve recorded
responses from 127.0.0.1). Every network or format problem is one DataError line; nothing
here writes the store, so a failed fetch leaves it as it was.
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, NamedTuple

from careercli import __version__
from careercli.common.errors import DataError, UsageProblem, did_you_mean
from careercli.jobs.importer import ParsedFile, read_response
from careercli.jobs.record import RowMaker

TIMEOUT_S = 20.0
MAX_BYTES = 64 << 20
MAX_PAGES = 10
BASE_ENV = "CAREERCLI_FEED_BASE_URL"


class Feed(NamedTuple):
    name: str
    title: str
    base: str
    path: str
    attribution: str  # what the feed's terms ask us to say


FEEDS: dict[str, Feed] = {
    "remotive": Feed(
        "remotive",
        "Remotive",
        "https://remotive.com",
        "/api/remote-jobs",
        "Jobs from Remotive (https://remotive.com), delayed 24 hours by the feed. Each job "
        "links back to its posting on Remotive: open its url (`careercli jobs --json`) to apply.",
    ),
    "arbeitnow": Feed(
        "arbeitnow",
        "Arbeitnow",
        "https://www.arbeitnow.com",
        "/api/job-board-api",
        "Jobs from Arbeitnow (https://www.arbeitnow.com), the free job board API. Each job links "
        "back to its posting on Arbeitnow: open its url (`careercli jobs --json`) to apply.",
    ),
    "remoteok": Feed(
        "remoteok",
        "Remote OK",
        "https://remoteok.com",
        "/api",
        "Jobs from Remote OK (https://remoteok.com), named as the source as its API terms ask. "
        "Each job links back to its posting on Remote OK: open its url (`careercli jobs --json`) to apply.",
    ),
}


class Fetched(NamedTuple):
    feed: Feed
    url: str  # the first URL asked
    parsed: ParsedFile


def parse_feed(name: str) -> Feed:
    feed = FEEDS.get(name.strip().lower())
    if feed is None:
        raise UsageProblem(
            f"--source: unknown feed '{name}'; expected one of {', '.join(FEEDS)}{did_you_mean(name, FEEDS)}"
        )
    return feed


def fetch(
    feed: Feed,
    maker: RowMaker,
    search: str | None = None,
    category: str | None = None,
    limit: int | None = None,
    timeout: float = TIMEOUT_S,
) -> Fetched:
    """The feed's jobs (at most `limit`), read into jobs; raises DataError on any failure."""
    base = (os.environ.get(BASE_ENV) or feed.base).rstrip("/")
    if feed.name == "remoteok":
        if category:
            raise UsageProblem("--category: Remote OK has no categories; use --search")
        url = _url(base, feed.path, {})
        data = get_json(url, timeout)
        if not isinstance(data, list) or not data:
            raise DataError(f"{url}: malformed response: not Remote OK's list of jobs")
        words = [w.casefold() for w in (search or "").split()]
        jobs = [x for x in data[1:] if all(w in json.dumps(x, ensure_ascii=False).casefold() for w in words)]
        parsed = read_response(url, [data[0], *(jobs[:limit] if limit else jobs)], maker)
        return Fetched(feed, url, parsed)
    if feed.name == "remotive":
        params = {k: v for k, v in (("search", search), ("category", category)) if v}
        if limit:
            params["limit"] = str(limit)
        url = _url(base, feed.path, params)
        data = get_json(url, timeout)
        items = _items(url, data, "jobs")
        response: dict[str, Any] = {**data, "jobs": items[:limit] if limit else items}
    else:
        if category:
            raise UsageProblem("--category: Arbeitnow has no categories; use --search")
        url = _url(base, feed.path, {})
        response = {"data": _arbeitnow_items(base, feed, url, search, limit, timeout)}
    parsed = read_response(url, response, maker)
    return Fetched(feed, url, parsed)


def _arbeitnow_items(
    base: str, feed: Feed, url: str, search: str | None, limit: int | None, timeout: float
) -> list[Any]:
    """Arbeitnow pages through its jobs and has no search: pages are read until `limit`
    jobs match the search words (every word, in the title, tags or description)."""
    words = [w.casefold() for w in (search or "").split()]
    out: list[Any] = []
    for page in range(1, MAX_PAGES + 1):
        page_url = url if page == 1 else _url(base, feed.path, {"page": str(page)})
        data = get_json(page_url, timeout)
        for item in _items(page_url, data, "data"):
            text = json.dumps(item, ensure_ascii=False).casefold() if words else ""
            if all(w in text for w in words):
                out.append(item)
        links = data.get("links") if isinstance(data, dict) else None
        if (limit and len(out) >= limit) or not (isinstance(links, dict) and links.get("next")):
            break
    return out[:limit] if limit else out


def _url(base: str, path: str, params: dict[str, str]) -> str:
    return base + path + ("?" + urllib.parse.urlencode(params) if params else "")


def _items(url: str, data: Any, key: str) -> list[Any]:
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise DataError(f"{url}: malformed response: no '{key}' list of jobs")
    return items


class NoDowngrade(urllib.request.HTTPRedirectHandler):
    """Follows redirects, but not from https to anything else: a feed fetched over https is
    never read in the clear because its server (or someone between) said so."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        old = urllib.parse.urlsplit(req.full_url).scheme
        new = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl)).scheme
        if old == "https" and new != "https":
            raise DataError(
                f"{req.full_url}: redirected to {newurl}, which is not https; refused "
                "(the feed would be read unencrypted)"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(NoDowngrade)


def get_json(url: str, timeout: float = TIMEOUT_S) -> Any:
    """GET `url` and decode its JSON; every failure is one DataError naming the URL."""
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked below
        url, headers={"User-Agent": f"careercli/{__version__}", "Accept": "application/json"}
    )
    if urllib.parse.urlsplit(url).scheme not in {"http", "https"}:
        raise DataError(f"{url}: only http and https feeds can be fetched")
    try:
        with _opener().open(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise DataError(f"{url}: HTTP {exc.code} {exc.reason}; try again later") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise DataError(f"{url}: no answer within {timeout:g} s; try again later") from None
        raise DataError(f"{url}: cannot reach the feed ({reason}); check the network") from None
    except TimeoutError:
        raise DataError(f"{url}: no answer within {timeout:g} s; try again later") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise DataError(f"{url}: the connection failed ({exc})") from None
    if len(body) > MAX_BYTES:
        raise DataError(f"{url}: the response is larger than {MAX_BYTES >> 20} MiB")
    from careercli.common.textio import loads_json

    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(f"{url}: malformed response: not JSON") from None
    try:
        return loads_json(text, url)
    except DataError as exc:
        detail = exc.message.removeprefix(f"{url}: ")
        if detail.startswith("not valid JSON"):
            detail = "not JSON"
        raise DataError(f"{url}: malformed response: {detail}") from None
