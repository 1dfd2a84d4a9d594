#!/usr/bin/env python3
"""stream-retry.py PAGE_URL STREAMS — a page of `playbook serve` opened while the server holds
as many live-reload streams as it allows must connect by itself once one is free:

1. opens STREAMS event streams to the server (plain sockets on loopback) and keeps them;
2. opens the page in headless chromium: its stream is refused (503), so after 3 s it must
   still not be connected;
3. closes the held streams: the page's script tries again (after Retry-After, 5 s) and must be
   connected within 20 s.

Prints one JSON object with what it saw (the held streams' answers, whether and when the page
connected); exits 1 when a step did not happen in time.
"""
import json, socket, sys, time
from urllib.parse import urlsplit

from headless import chromium, waiter

url, count = sys.argv[1], int(sys.argv[2])
address = urlsplit(url)
seen = {}

held = []
for _ in range(count):
    s = socket.create_connection((address.hostname, address.port), timeout=5)
    s.sendall(("GET /__playbook/events HTTP/1.1\r\nHost: %s\r\n\r\n" % address.netloc).encode())
    held.append(s)
answers = {}
for s in held:
    line = s.recv(4096).split(b"\r\n", 1)[0].decode()
    answers[line] = answers.get(line, 0) + 1
seen["held"] = answers

driver = chromium("--window-size=1000,700")
wait = waiter(driver, seen)
try:
    driver.get(url)
    wait("the page loads", lambda: driver.execute_script("return document.readyState") == "complete")
    time.sleep(3)
    seen["connected_while_full"] = driver.execute_script("return window.playbookPreview !== undefined")
    for s in held:
        s.close()
    freed = time.time()
    wait("the page connects once a stream is free", lambda: driver.execute_script("return window.playbookPreview !== undefined"), 20)
    seen["connected_after_seconds"] = round(time.time() - freed, 1)
    print(json.dumps(seen, indent=1))
finally:
    driver.quit()
