#!/bin/sh
# run.sh: run the test programs given, TEST_JOBS at a time (default: the
# number of processors), each with TEST_WRAP before it (valgrind ...,
# env ...).  Prints each program's output whole, in the order given, with
# its seconds, then the slowest three and the closing line
# "tests: N passed, N failed, N skipped (S s)".
#
# A test that cannot run because a tool is missing prints a line that
# starts with "SKIP: " (tests/lib/tool.h); each such line is counted.  When
# CI is set (not empty) a skip is a failure: CI installs every tool.
# Exit status 0 only if every program passed (and, in CI, nothing skipped).
#
# A program that must not overlap with others (it loads the machine, or
# uses something only one may use at a time) is named in TEST_ALONE; it
# runs after the others, by itself.
set -u
TEST_RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/safesteps-tests.XXXXXX") || exit 1
export TEST_RUN_DIR
trap 'rm -rf "$TEST_RUN_DIR"' EXIT
trap 'exit 130' INT TERM

jobs=${TEST_JOBS:-}
[ -n "$jobs" ] || jobs=$(nproc 2>/dev/null || echo 1)

now() { date +%s.%N; }
start=$(now)

alone() {
	for a in ${TEST_ALONE:-}; do
		case "$1" in */"$a" | "$a") return 0 ;; esac
	done
	return 1
}

# One program: its output, status and seconds in $TEST_RUN_DIR/N.*.
run_one='
	t0=$(date +%s.%N)
	# shellcheck disable=SC2086
	if ${TEST_WRAP:-} "$2" > "$TEST_RUN_DIR/$1.out" 2>&1; then
		echo pass > "$TEST_RUN_DIR/$1.st"
	else
		echo fail > "$TEST_RUN_DIR/$1.st"
	fi
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk "{ printf \"%.1f\n\", \$2 - \$1 }" > "$TEST_RUN_DIR/$1.sec"
'

i=0
for t in "$@"; do
	i=$((i + 1))
	alone "$t" || echo "$i $t"
done | xargs -P "$jobs" -L 1 sh -c "$run_one" sh
i=0
for t in "$@"; do
	i=$((i + 1))
	if alone "$t"; then sh -c "$run_one" sh "$i" "$t"; fi
done

passed=0 failed=0 skipped=0 i=0
: > "$TEST_RUN_DIR/times"
for t in "$@"; do
	i=$((i + 1))
	sec=$(cat "$TEST_RUN_DIR/$i.sec" 2>/dev/null || echo "?")
	echo "== $t (${sec} s)"
	cat "$TEST_RUN_DIR/$i.out" 2>/dev/null
	echo "$sec $t" >> "$TEST_RUN_DIR/times"
	n=$(grep -c '^SKIP: ' "$TEST_RUN_DIR/$i.out" 2>/dev/null || true)
	skipped=$((skipped + ${n:-0}))
	if [ "$(cat "$TEST_RUN_DIR/$i.st" 2>/dev/null)" = pass ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAILED: $t"
	fi
done
total=$(echo "$start $(now)" | awk '{ printf "%.1f", $2 - $1 }')
echo "slowest:"
sort -rn "$TEST_RUN_DIR/times" | head -n 3 | sed 's/^\([^ ]*\) \(.*\)/  \1 s  \2/'
echo "tests: $passed passed, $failed failed, $skipped skipped ($total s, $jobs at a time)"
if [ -n "${CI:-}" ] && [ "$skipped" -gt 0 ]; then
	echo "tests: CI is set, and a skipped test is a failure here (install its tool: .ci/packages-test)"
	exit 1
fi
[ "$failed" -eq 0 ]
