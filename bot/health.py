"""A health endpoint (`HEALTH_PORT`): GET /healthz answers 200 when the bot runs and its state store
can be read, 503 otherwise. A proxy or supervisor checks it; it serves nothing else.

Why a server of our own: python-telegram-bot's webhook server has no room for other routes, and a
polling bot has no server at all.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)
MAX_REQUEST = 4096  # a health check's request line and headers; anything longer is cut off


async def serve_health(host: str, port: int, healthy: Callable[[], bool]) -> asyncio.Server:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=5)
            line = request[:MAX_REQUEST].split(b"\r\n", 1)[0].decode("latin-1")
            method, path = (line.split(" ") + ["", ""])[:2]
            if method != "GET" or path.split("?")[0] != "/healthz":
                status, body = "404 Not Found", {"status": "not found"}
            else:
                ok = await asyncio.to_thread(healthy)
                status, body = ("200 OK", {"status": "ok"}) if ok else ("503 Service Unavailable", {"status": "down"})
            data = json.dumps(body).encode()
            head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n"
            writer.write(head.encode() + b"Connection: close\r\n\r\n" + data)
            await writer.drain()
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, host, port, limit=MAX_REQUEST)
    log.info("health endpoint on http://%s:%s/healthz", host, port)
    return server
