#!/bin/sh
# Writes a gzipped man page made from a program's own --help text, so `man daybreakctl` and
# `daybreakctl --help` cannot say different things. Run by the build (resources/CMakeLists.txt):
#   make-manpage.sh daybreak|daybreakctl BINARY VERSION EXTRA.roff OUT.1.gz
set -eu
name=$1 binary=$2 version=$3 extra=$4 out=$5
# No display is needed for --help; keep a stray DISPLAY from making the console look for one.
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$binary" "$@" 2>/dev/null; }

# roff: backslashes as \e, every '-' as '\-' (an ASCII minus, so options copied out of the page
# work), and a leading '.' or "'" guarded.
escape() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
# A block of help text, kept as laid out.
verbatim() { echo ".nf"; escape; echo ".fi"; }
# A command's --help without the options every command shares (described once, at the top).
own_options() {
  awk '
    /^  -/ { shared = ($0 ~ /^  (--store|--json|--read-only|-h, --help|--help-all)( |$)/) }
    /^  -/ || /^[^ ]/ || /^$/ { if (!/^  -/) shared = 0 }
    !shared { print }'
}
# "Usage: /path/to/daybreakctl" and "Usage: build/app/daybreak/daybreak" become the name.
named() { sed -e "1s|^Usage: [^ ]*$name|Usage: $name|"; }

title=$(echo "$name" | tr '[:lower:]' '[:upper:]')
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
{
  echo ".TH $title 1 \"\" \"Daybreak $version\" \"Daybreak manual\""
  if [ "$name" = daybreakctl ]; then
    help=$(run --help)
    echo ".SH NAME"
    echo "$help" | sed -n 1p | escape
    echo ".SH SYNOPSIS"
    echo "$help" | sed -n 's/^Usage: //p' | escape
    echo ".SH DESCRIPTION"
    echo "$help" | sed -e '1,/^Usage: /d' | verbatim
    echo ".SH COMMANDS"
    echo "Each command's own options, as \\fBdaybreakctl\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR prints them."
    for command in $(run complete commands); do
      subs=$(run complete subcommands "$command")
      echo ".SS \"daybreakctl $command\""
      run "$command" --help | named | own_options | verbatim
      for sub in $subs; do
        echo ".SS \"daybreakctl $command $sub\""
        run "$command" "$sub" --help | named | own_options | verbatim
      done
    done
  else
    help=$(run --help | named)
    echo ".SH NAME"
    echo "$name \\- $(echo "$help" | sed -n 2p | sed -e 's/^Daybreak migration console: //' | escape)"
    echo ".SH SYNOPSIS"
    echo "$help" | sed -n 's/^Usage: //p' | escape
    echo ".SH DESCRIPTION"
    echo "$help" | sed -n 2p | escape
    echo ".SH OPTIONS"
    echo "$help" | sed -e '1,/^Options:/d' | verbatim
  fi
  cat "$extra"
} > "$tmp"
gzip -9n -c "$tmp" > "$out"
