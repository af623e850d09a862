#!/usr/bin/env bash
# The install a user does: build the wheel, install it (no dev extras, not editable) into a
# fresh `python3 -m venv` with that venv's own pip (no upgrade) and the pins of
# constraints.txt, then run what a new user runs first: the demo, an HTML page, the web
# server answering one request, and an export. Offline-safe: pip reads the machine's index.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tidings-wheel-check.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
step() { printf '\n== wheel-check: %s\n' "$*"; }

step "build the wheel"
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" .
WHEEL="$(ls "$WORK"/dist/tidings-*.whl)"
for member in LICENSE data/actors/README.md data/events/README.md data/geo/README.md; do
    "$PYTHON" - "$WHEEL" "$member" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
if not any(n.endswith(sys.argv[2]) for n in names):
    sys.exit(f"the wheel lacks {sys.argv[2]}")
PY
done

step "install it into a fresh venv with the venv's own pip"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" --version
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check -c constraints.txt "$WHEEL"
TIDINGS="$WORK/venv/bin/tidings"
cd "$WORK"

step "tidings demo (exits non-zero when a sample fails)"
"$TIDINGS" demo --db demo.db > demo.out

step "tidings ingest an HTML page"
cp "$OLDPWD/src/tidings/samples/sample-envoy-summoned-2024-10-08.html" page.html
"$TIDINGS" ingest page.html --db page.db
"$WORK/venv/bin/python" - <<'PY'
import sqlite3, sys
n = sqlite3.connect("page.db").execute("SELECT count(*) FROM articles").fetchone()[0]
sys.exit(0 if n == 1 else f"expected 1 stored article, found {n}")
PY

step "tidings export (GDELT and JSONL)"
"$TIDINGS" export --db demo.db --table events --format gdelt -o events.tsv
"$TIDINGS" export --db demo.db --table articles --format jsonl -o articles.jsonl
test -s events.tsv && test -s articles.jsonl

step "tidings serve answers a request"
PORT="$("$WORK/venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$TIDINGS" serve --db demo.db --port "$PORT" 2> serve.err &
SERVER_PID=$!
"$WORK/venv/bin/python" - "$PORT" <<'PY'
import json, sys, time, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/api/articles"
for _ in range(100):  # up to 20 s for the server to start
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body = json.loads(response.read())
        break
    except OSError:
        time.sleep(0.2)
else:
    sys.exit(f"no answer from {url}")
print(f"GET /api/articles: {len(body.get('items', body))} items")
PY
echo "wheel-check: OK"
