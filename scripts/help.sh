# Sourced by the shell scripts right after their `set` line: with -h or --help, prints the script's
# header comment (line 2 up to the `set` line) and exits.
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    sed -n '2,/^set -/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exit 0
fi
