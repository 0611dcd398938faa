#!/usr/bin/env bash
# Lighthouse's mobile and desktop profiles on every page of the portal: the
# public ones, and the citizen's signed in as the demo citizen mads. Prints
# one table and keeps the reports; it measures and never judges, so it exits
# 0 unless something broke (build, server, login, Lighthouse).
#
#   scripts/lighthouse.sh          (or: make lighthouse)
#
# Environment:
#   LIGHTHOUSE_RUNS      runs per page and profile (default 3); the table shows
#                        the median run by performance score, as the figures
#                        vary between runs
#   LIGHTHOUSE_PAGES     the pages (default: every page, below)
#   LIGHTHOUSE_PROFILES  "mobile desktop" (default) or either
#   CHROME_PATH          the browser (default Debian's /usr/bin/chromium)
#
# Lighthouse is installed at its pinned version into .cache/lighthouse; the
# server runs from bin/jobnet with its own private PostgreSQL in a temporary
# folder, on a free port; reports go to results/lighthouse/<time>/.
set -euo pipefail

LIGHTHOUSE_VERSION="12.2.3"
RUNS="${LIGHTHOUSE_RUNS:-3}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# The demo citizen and password of server/demo/demo.go.
USERNAME="mads"
PASSWORD="jobnet-demo-2026"
# Every page a link reaches without an id: the public ones, then Mads'.
ALL_PAGES="/log-ind /opret-bruger /sagsbehandleradgang /find-job /demo/dagpengetaellere
  / /min-plan /dagpengetaellere /supplerende-dagpenge /joblog /joblog/ny-jobsoegning /joblog/ny-aktivitet
  /kalender /moeder /beskedbakke /mit-cv /mit-cv/kontakt-og-sprog /praesentations-cv /jeg-soeger-job-som
  /gemte-job /job-i-europa /historik /fravaer /fravaer/ferie /fravaer/syg-rask /fravaer/midlertidigt-arbejde
  /tilmelding /brugerprofil /brugerprofil/faa-besked /brugerprofil/brugernavn-og-adgangskode /min-sag-til-teamet"
read -r -a PAGES <<<"$(echo ${LIGHTHOUSE_PAGES:-$ALL_PAGES})"
read -r -a PROFILES <<<"${LIGHTHOUSE_PROFILES:-mobile desktop}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LH_DIR="$ROOT/.cache/lighthouse"
OUT="$ROOT/results/lighthouse/$(date +%Y%m%d-%H%M%S)"

die() { echo "lighthouse.sh: $*" >&2; exit 1; }
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "LIGHTHOUSE_RUNS must be a positive number, not '$RUNS'"
[[ -x "$CHROME_PATH" ]] || die "no browser at $CHROME_PATH (make chromium installs Debian's)"
command -v npm >/dev/null || die "npm is required"

make -C "$ROOT" --no-print-directory build >&2

lh="$LH_DIR/node_modules/.bin/lighthouse"
installed="$(node -p "require('$LH_DIR/node_modules/lighthouse/package.json').version" 2>/dev/null || true)"
if [[ "$installed" != "$LIGHTHOUSE_VERSION" ]]; then
  echo "installing lighthouse@$LIGHTHOUSE_VERSION into $LH_DIR" >&2
  mkdir -p "$LH_DIR"
  npm install --prefix "$LH_DIR" "lighthouse@$LIGHTHOUSE_VERSION" --no-audit --no-fund --loglevel=error >&2
fi

# The server's PostgreSQL runs as the postgres user when we are root, so the
# folder must be traversable by others (mktemp makes it 0700).
tmp="$(mktemp -d /tmp/jobnet-lighthouse.XXXXXX)"
chmod 755 "$tmp"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" # bin/jobnet stops its PostgreSQL on SIGTERM
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# Port 0: the kernel picks a free port, and the banner names it.
(cd "$ROOT" && exec env -u DATABASE_URL ADDR=127.0.0.1:0 JOBNET_DATA_DIR="$tmp/data" \
  JOBNET_WEB_DIR="$ROOT/web" ./bin/jobnet) >"$tmp/server.log" 2>&1 &
server_pid=$!
base=""
for _ in $(seq 1 240); do
  base="$(grep -o 'Jobnet kører på http://[0-9.:]*' "$tmp/server.log" | head -n1 | sed 's/^Jobnet kører på //' || true)"
  [[ -n "$base" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; die "the server stopped before it served"; }
  sleep 0.5
done
[[ -n "$base" ]] || { cat "$tmp/server.log" >&2; die "the server did not start within 2 minutes"; }
echo "server: $base" >&2

# Min Plan needs a session: log in through the API and hand the cookie to
# Lighthouse as a header (it resets the browser's cookies before each run).
cookie="$(curl -fsS -o /dev/null -D - -H 'Content-Type: application/json' \
  -d "{\"username\":\"$USERNAME\",\"password\":\"$PASSWORD\"}" "$base/api/login" |
  tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -n1)"
[[ -n "$cookie" ]] || die "login as $USERNAME gave no session cookie"
printf '{"Cookie": "%s"}\n' "$cookie" >"$tmp/headers.json"

mkdir -p "$OUT"
for profile in "${PROFILES[@]}"; do
  preset=()
  case "$profile" in
  mobile) ;; # Lighthouse's default
  desktop) preset=(--preset=desktop) ;;
  *) die "LIGHTHOUSE_PROFILES: mobile or desktop, not '$profile'" ;;
  esac
  for page in "${PAGES[@]}"; do
    slug="$profile-$(echo "${page#/}" | tr '/' '_')"
    for run in $(seq 1 "$RUNS"); do
      echo "lighthouse $profile $page (run $run of $RUNS)" >&2
      "$lh" "$base$page" --quiet "${preset[@]}" \
        --only-categories=performance,accessibility,best-practices \
        --extra-headers="$tmp/headers.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
        --output=json --output-path="$OUT/$slug-$run.json" ||
        die "lighthouse failed on $page ($profile, run $run)"
    done
  done
done

# One row per page: the median run by performance score.
node - "$OUT" "$RUNS" "$LIGHTHOUSE_VERSION" "${PROFILES[*]}" "${PAGES[@]}" <<'EOF' | tee "$OUT/table.txt"
const fs = require("fs");
const [out, runs, version, profiles, ...pages] = process.argv.slice(2);
const score = (r, c) => (r.categories[c].score === null ? "—" : Math.round(r.categories[c].score * 100));
const rows = [["profile", "page", "performance", "LCP", "CLS", "accessibility", "best practices", "FCP", "TBT"]];
let broken = false;
for (const profile of profiles.split(" "))
for (const page of pages) {
  const slug = profile + "-" + page.slice(1).replaceAll("/", "_");
  const reports = [];
  for (let i = 1; i <= Number(runs); i++) {
    const r = JSON.parse(fs.readFileSync(`${out}/${slug}-${i}.json`, "utf8"));
    if (r.runtimeError) {
      console.error(`${page} run ${i}: ${r.runtimeError.code} ${r.runtimeError.message}`);
      broken = true;
    }
    if (r.finalDisplayedUrl && new URL(r.finalDisplayedUrl).pathname !== page) {
      console.error(`${page} run ${i}: ended at ${r.finalDisplayedUrl}`);
      broken = true;
    }
    reports.push(r);
  }
  reports.sort((a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0));
  const r = reports[Math.floor(reports.length / 2)];
  const a = r.audits;
  rows.push([profile, page, score(r, "performance"), a["largest-contentful-paint"].displayValue,
    a["cumulative-layout-shift"].displayValue, score(r, "accessibility"), score(r, "best-practices"),
    a["first-contentful-paint"].displayValue, a["total-blocking-time"].displayValue]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map(r => String(r[c]).length)));
for (const r of rows) console.log(r.map((v, c) => String(v).padEnd(widths[c])).join("  ").trimEnd());
console.log(`\nLighthouse ${version}, ${profiles} profile(s), median of ${runs} run(s) per page; reports in ${out}`);
if (broken) process.exit(1);
EOF
