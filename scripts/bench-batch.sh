#!/usr/bin/env bash
# Times `unres convert` over a corpus folder, side by side with pandoc on the same texts.
#
#   scripts/bench-batch.sh [CORPUS_DIR] [COPIES]
#
# CORPUS_DIR (default ../shared/corpus, plus ../shared/seed) is copied COPIES times (default 60)
# into a temporary folder; then, with the release binary:
#   - the batch for each format set (FORMAT_SETS, default "DEFAULT": every registered format,
#     plus "md,json"), -j 1 and -j $(nproc): documents per second, per core, and peak RSS;
#   - one cold `unres convert SEED --to …` (median of 21 runs), per format set;
#   - pandoc -f markdown -t html on the same texts, one process per document (as a batch tool
#     would call it), and over all texts in one process.
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
printf '%-28s %4s %9s %10s %14s %12s %10s\n' "run" "-j" "seconds" "docs/s" "docs/s/core" "docs/CPU-s" "peak RSS"
# Every run writes into a fresh folder, and nothing is deleted until the end: on ext4 without a
# journal (this machine), creating a file right after thousands were deleted makes the kernel skip
# each recently deleted inode, one by one, which would time the file system, not unres.
runs=0
next_out() { runs=$((runs + 1)); out="$tmp/out$runs"; }
run() { # label jobs cmd... (the command writes to $out)
  local label=$1 jobs=$2; shift 2
  /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
  read -r secs rss user sys <"$tmp/time"
  awk -v l="$label" -v j="$jobs" -v s="$secs" -v r="$rss" -v n="$n" -v c="$user" -v k="$sys" 'BEGIN {
    s = (s < 0.005 ? 0.005 : s); cpu = c + k; cpu = (cpu < 0.005 ? 0.005 : cpu);
    printf "%-28s %4s %9.2f %10.0f %14.0f %12.0f %7.1f MB\n", l, j, s, n / s, n / s / j, n / cpu, r / 1024 }'
}
for set in $sets; do
  to=(); [ "$set" = DEFAULT ] || to=(--to "$set")
  label="unres ${set/DEFAULT/all formats}"
  next_out; run "$label" 1 "$bin" convert "$tmp/in" "${to[@]}" -o "$out" -q -j 1
  next_out; run "$label" "$cores" "$bin" convert "$tmp/in" "${to[@]}" -o "$out" -q -j "$cores"
done

# Memory does not grow with the number of documents: a tenth of the batch, for comparison.
mkdir -p "$tmp/small"
for ((i = 0; i < (copies + 9) / 10; i++)); do cp -r "$tmp/in/copy$i" "$tmp/small/"; done
next_out
/usr/bin/time -f '%M' -o "$tmp/time" "$bin" convert "$tmp/small" -o "$out" -q >/dev/null 2>&1 || true
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
    next_out
    s=$(date +%s%N)
    "$bin" convert "$seed" "${to[@]}" -o "$out" -q
    e=$(date +%s%N)
    echo $(((e - s) / 1000))
  done | sort -n | awk -v l="${set/DEFAULT/all formats}" '{ a[NR] = $1 } END {
    printf "cold start, seed, %-16s median %.1f ms (min %.1f, max %.1f)\n", l, a[11] / 1000, a[1] / 1000, a[NR] / 1000 }'
done
