#!/bin/sh
# run.sh: run the test programs given, TEST_JOBS at a time (default 1),
# each with TEST_WRAP before it (valgrind ..., env ...).  Prints each
# program's output whole, in the order given, then the closing line
# "tests: N passed, N failed".  Exit status 0 only if every one passed.
set -u
TEST_RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/safesteps-tests.XXXXXX") || exit 1
export TEST_RUN_DIR
trap 'rm -rf "$TEST_RUN_DIR"' EXIT
trap 'exit 130' INT TERM

i=0
for t in "$@"; do
	i=$((i + 1))
	echo "$i $t"
done | xargs -P "${TEST_JOBS:-1}" -L 1 sh -c '
	# shellcheck disable=SC2086
	if ${TEST_WRAP:-} "$2" > "$TEST_RUN_DIR/$1.out" 2>&1; then
		echo pass > "$TEST_RUN_DIR/$1.st"
	else
		echo fail > "$TEST_RUN_DIR/$1.st"
	fi
' sh

passed=0 failed=0 i=0
for t in "$@"; do
	i=$((i + 1))
	echo "== $t"
	cat "$TEST_RUN_DIR/$i.out" 2>/dev/null
	if [ "$(cat "$TEST_RUN_DIR/$i.st" 2>/dev/null)" = pass ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAILED: $t"
	fi
done
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
