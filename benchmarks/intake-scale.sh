#!/usr/bin/env bash
# Two-end intake at 1 M, 3 M and 10 M records (issue #13 "Scale"), end to end through the command:
# CSV read, spill, grouping, pairing, the national rules, findings merged and written as JSON Lines.
# Prints, per size: the load average before the run, wall-clock time, CPU time (user + sys, all threads),
# maximum resident set (GNU time -v) and the findings written (count and SHA-256, to compare builds).
# Build first: mvn -B -q -pl rules-cli,rules-testkit -am package -DskipTests
# Usage: benchmarks/intake-scale.sh [DIR] [SIZES...]   (default /tmp/intake-scale, 1000000 3000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/intake-scale}
shift || true
sizes=("${@:-1000000 3000000 10000000}")
read -r -a sizes <<< "${sizes[*]}"
jar=$(ls rules-cli/target/approval-rules-*-all.jar | head -1)
testkit=$(ls rules-testkit/target/rules-testkit-*.jar | grep -v -e sources -e tests | head -1)
heap=${HEAP:--Xmx2g}
printf '%-10s %-6s %-9s %-9s %-8s %-9s %s\n' records load wall cpu-s rss-MB findings sha256
for n in "${sizes[@]}"; do
  d="$dir/$n"
  if [[ ! -f "$d/intake-log.csv" ]]; then
    java -cp "$testkit:$jar" org.approvalrules.testkit.gen.IntakeLogGenerator "$n" "$d" 20261204 > /dev/null
  fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$d/time.txt" java "$heap" -jar "$jar" intake --log "$d/intake-log.csv" --moves "$d/moves.csv" \
    --format jsonl > "$d/findings.jsonl" 2> "$d/stderr.txt"
  wall=$(grep 'Elapsed (wall clock)' "$d/time.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$d/time.txt")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$d/time.txt")
  printf '%-10s %-6s %-9s %-9s %-8s %-9s %s\n' "$n" "$load" "$wall" "$cpu" "$rss" \
    "$(wc -l < "$d/findings.jsonl")" "$(sha256sum "$d/findings.jsonl" | cut -c1-16)"
done
