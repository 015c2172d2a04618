#!/bin/sh
# Runs the given tests N times in a row, streams buffered as in CI (no PYTHONUNBUFFERED), and
# says how many runs passed. A test that passes "usually" is a failing test.
#   sh scripts/repeat-tests.sh 50 tests/test_cli.py -k ctrl_c
set -u
count=${1:?how many runs}
shift
cd "$(dirname "$0")/.."
passed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
i=0
while [ "$i" -lt "$count" ]; do
    i=$((i + 1))
    if env -u PYTHONUNBUFFERED QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "$@" \
        > "$log" 2>&1; then
        passed=$((passed + 1))
    else
        echo "run $i failed:"
        tail -30 "$log"
    fi
done
echo "$passed of $count runs passed: $*"
[ "$passed" -eq "$count" ]
