#!/usr/bin/env bash
# bench-http.sh: the citizen-scoped GETs against GET /healthz (a ping of the
# database through the same server), side by side in one run, with wrk from
# Debian: nine demo citizens' sessions over nine connections. The machine
# is shared and noisy, so the figures to read are the ratios to /healthz in
# the same run; the absolutes are printed too.
#
#   scripts/bench-http.sh [seconds per run]      (make bench-http)
#
# JOBNET_BIN and JOBNET_WEB_DIR choose the server (default bin/jobnet, web),
# so that another build can be measured the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
bin=${JOBNET_BIN:-bin/jobnet}
web=${JOBNET_WEB_DIR:-web}
conns=9
out=results/http.txt
mkdir -p results

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# A private database in a folder the postgres user can enter when we are root.
data=$(mktemp -d /tmp/jobnet-bench.XXXXXX)
chmod 755 "$data"
log="$data/server.log"
# PORT=0: the server takes a free port and prints its address.
JOBNET_DATA_DIR="$data" JOBNET_WEB_DIR="$web" PORT=0 "$bin" >"$log" 2>&1 &
server=$!
cleanup() { kill -INT $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
url=
for _ in $(seq 1 240); do
	url=$(sed -n 's/^Jobnet kører på \(http[^ ]*\).*/\1/p' "$log")
	[ -n "$url" ] && break
	kill -0 $server 2>/dev/null || break
	sleep 0.5
done
[ -n "$url" ] && curl -fs "$url/healthz" >/dev/null || { echo "the server did not start:"; cat "$log"; exit 1; }

cookies=""
for u in mads louise jonas henrik amina mette pete sofie emil; do
	c=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
		-d "{\"username\":\"$u\",\"password\":\"jobnet-demo-2026\"}" "$url/api/login" |
		tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p')
	[ -n "$c" ] || { echo "login $u failed"; exit 1; }
	cookies="$cookies,$c"
done
export JOBNET_COOKIES=${cookies#,}

# run PATH: wrk's requests/s, p50 and p99 in ms. /healthz is called
# without the sessions' cookies: it is the floor, a ping of the database
# through the same server.
run() {
	local cookies=$JOBNET_COOKIES
	[ "$1" = /healthz ] && cookies=
	JOBNET_COOKIES=$cookies wrk -t2 -c$conns -d"${secs}s" --latency -s scripts/wrk-sessions.lua -H 'X-Jobnet-Path: /' "$url$1" |
		awk '/Requests\/sec/ {rps=$2}
			/^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
			/Non-2xx/ {bad=$NF}
			function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
			END { if (bad != "") { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 }
				printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}

paths=(/api/overview /api/plan /api/counters)
declare -A rps p50 p99
# Each route right after a /healthz run, twice, so that drift hits both.
for round in 1 2; do
	for p in "${paths[@]}"; do
		read -r r a b < <(run /healthz)
		rps[/healthz]+="$r "; p50[/healthz]+="$a "; p99[/healthz]+="$b "
		read -r r a b < <(run "$p")
		rps[$p]+="$r "; p50[$p]+="$a "; p99[$p]+="$b "
	done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
{
	echo "HTTP: $conns connections over 9 citizens' sessions, wrk ${secs}s per run, medians of $((${#paths[@]} * 2)) /healthz runs and 2 per route ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
	hz_r=$(echo "${rps[/healthz]}" | median); hz_99=$(echo "${p99[/healthz]}" | median)
	printf "%-16s %9s %9s %9s %12s %12s\n" route "req/s" "p50 ms" "p99 ms" "req/s ratio" "p99 ratio"
	printf "%-16s %9s %9s %9s %12s %12s\n" /healthz "$hz_r" "$(echo "${p50[/healthz]}" | median)" "$hz_99" 1 1
	for p in "${paths[@]}"; do
		r=$(echo "${rps[$p]}" | median); b=$(echo "${p99[$p]}" | median)
		awk -v p="$p" -v r="$r" -v a="$(echo "${p50[$p]}" | median)" -v b="$b" -v hr="$hz_r" -v h99="$hz_99" \
			'BEGIN { printf "%-16s %9s %9s %9s %12.2f %12.2f\n", p, r, a, b, r / hr, b / h99 }'
	done
	echo "goal: req/s ratio >= 0.33 and p99 ratio <= 3 for every route"
} | tee "$out"
