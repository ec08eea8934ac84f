#!/usr/bin/env bash
# Times `unres convert` over a corpus folder, side by side with pandoc on the same texts.
#
#   scripts/bench-batch.sh [CORPUS_DIR] [COPIES]
#
# CORPUS_DIR (default ../shared/corpus, plus ../shared/seed) is copied COPIES times (default 60)
# into a temporary folder; then, with the release binary:
#   - the batch for each format set (FORMAT_SETS, default "DEFAULT": every registered format,
#     plus "md,json"), -j 1 and -j $(nproc), each REPEAT times (default 3): documents per second,
#     per core and per CPU-second, and peak RSS of the fastest run; the median run per core;
#   - one cold `unres convert SEED --to …` (median of 21 runs), per format set;
#   - pandoc -f markdown -t html on the same texts, one process per document (as a batch tool
#     would call it), and over all texts in one process.
# The copies and outputs live under TMPDIR (default /tmp): TMPDIR=/dev/shm leaves the disk out.
# Build first: cargo build --release. Needs GNU time (/usr/bin/time) and pandoc.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/corpus}
copies=${2:-60}
bin=${UNRES_BIN:-${CARGO_TARGET_DIR:-$here/target}/release/unres}
seed=${SEED:-$here/../shared/seed/A_RES_65_122.en.txt}
sets=${FORMAT_SETS:-"DEFAULT md,json"}
cores=$(nproc)

[ -x "$bin" ] || { echo "no release binary at $bin (cargo build --release)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/unres-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Documents only: not the .body.txt / .annex.txt reference texts beside them.
mapfile -t docs < <(find "$corpus" -name '*.txt' ! -name '*.body.txt' ! -name '*.annex.txt' | sort)
[ -f "$seed" ] && docs+=("$seed")
for ((i = 0; i < copies; i++)); do
  mkdir -p "$tmp/in/copy$i"
  cp "${docs[@]}" "$tmp/in/copy$i/"
done
n=$((${#docs[@]} * copies))
bytes=$(du -sb "$tmp/in" | cut -f1)
echo "unres $("$bin" --version | cut -d' ' -f2), $n documents ($((bytes / 1024)) KiB: ${#docs[@]} texts x $copies), $cores cores"
echo

# docs/CPU-s: documents per second of CPU time (user + system), the figure that holds on a busy machine.
# Each batch runs REPEAT times (default 3); the row is the fastest run, the last column the median
# documents per second per core: the file system's time varies from run to run (see below).
printf '%-28s %4s %9s %10s %14s %12s %10s %10s\n' "run" "-j" "seconds" "docs/s" "docs/s/core" "docs/CPU-s" "peak RSS" "median/core"
# Every run writes into a fresh folder, and nothing is deleted until the end: on ext4 without a
# journal (this machine), creating a file right after thousands were deleted makes the kernel skip
# each recently deleted inode, one by one, which would time the file system, not unres.
repeat=${REPEAT:-3}
runs=0
run() { # label jobs cmd... (an argument OUT stands for a fresh output folder)
  local label=$1 jobs=$2; shift 2
  : >"$tmp/times"
  for ((r = 0; r < repeat; r++)); do
    runs=$((runs + 1))
    local args=("${@/#OUT/$tmp/out$runs}")
    /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "${args[@]}" >/dev/null 2>"$tmp/err" || true
    cat "$tmp/time" >>"$tmp/times"
  done
  sort -n "$tmp/times" | awk -v l="$label" -v j="$jobs" -v n="$n" '
    { s[NR] = ($1 < 0.005 ? 0.005 : $1); r[NR] = $2; cpu[NR] = $3 + $4 }
    END {
      c = (cpu[1] < 0.005 ? 0.005 : cpu[1]); m = s[int((NR + 1) / 2)];
      printf "%-28s %4s %9.2f %10.0f %14.0f %12.0f %7.1f MB %10.0f\n", l, j, s[1], n / s[1], n / s[1] / j, n / c, r[1] / 1024, n / m / j }'
}
for set in $sets; do
  to=(); [ "$set" = DEFAULT ] || to=(--to "$set")
  label="unres ${set/DEFAULT/all formats}"
  run "$label" 1 "$bin" convert "$tmp/in" "${to[@]}" -o OUT -q -j 1
  run "$label" "$cores" "$bin" convert "$tmp/in" "${to[@]}" -o OUT -q -j "$cores"
done

# Memory does not grow with the number of documents: a tenth of the batch, for comparison.
mkdir -p "$tmp/small"
for ((i = 0; i < (copies + 9) / 10; i++)); do cp -r "$tmp/in/copy$i" "$tmp/small/"; done
runs=$((runs + 1))
/usr/bin/time -f '%M' -o "$tmp/time" "$bin" convert "$tmp/small" -o "$tmp/out$runs" -q >/dev/null 2>&1 || true
echo "peak RSS, all formats, $(( ${#docs[@]} * ((copies + 9) / 10) )) documents: $(( $(cat "$tmp/time") / 1024 )) MB (compare the row above)"

if command -v pandoc >/dev/null; then
  echo
  one=("${docs[@]}")
  start=$(date +%s.%N)
  for d in "${one[@]}"; do pandoc --quiet -f markdown -t html "$d" >/dev/null; done
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="${#one[@]}" 'BEGIN {
    printf "%-28s %4s %9.2f %10.1f %14.1f   (%.0f ms a document)\n", "pandoc md->html, 1 process/doc", 1, e - s, n / (e - s), n / (e - s), 1000 * (e - s) / n }'
  cat "${one[@]}" >"$tmp/all.txt"
  /usr/bin/time -f '%e %M' -o "$tmp/time" pandoc --quiet -f markdown -t html "$tmp/all.txt" -o /dev/null
  read -r secs rss <"$tmp/time"
  awk -v s="$secs" -v r="$rss" -v n="${#one[@]}" 'BEGIN {
    s = (s < 0.005 ? 0.005 : s);
    printf "%-28s %4s %9.2f %10.1f %14.1f %7.1f MB\n", "pandoc md->html, 1 process", 1, s, n / s, n / s, r / 1024 }'
fi

echo
for set in $sets; do
  to=(); [ "$set" = DEFAULT ] || to=(--to "$set")
  for i in $(seq 21); do
    runs=$((runs + 1))
    s=$(date +%s%N)
    "$bin" convert "$seed" "${to[@]}" -o "$tmp/out$runs" -q
    e=$(date +%s%N)
    echo $(((e - s) / 1000))
  done | sort -n | awk -v l="${set/DEFAULT/all formats}" '{ a[NR] = $1 } END {
    printf "cold start, seed, %-16s median %.1f ms (min %.1f, max %.1f)\n", l, a[11] / 1000, a[1] / 1000, a[NR] / 1000 }'
done
