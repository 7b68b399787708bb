# SPDX-License-Identifier: GPL-2.0-only
#
# Match GCC diagnostics against the dg-style expectations written in a test
# case, the way GCC's own plugin tests do:
#
#   x = f();   /* { dg-warning "REGEX" } */      a warning on this line
#              /* { dg-note "REGEX" } */         a note on this line
#              /* { dg-error "REGEX" } */        an error on this line
#   /* { dg-warning "REGEX" "" { target *-*-* } LINE } */
#              on LINE instead: a number, .+N or .-N, or 0 for a
#              diagnostic without a location ("cc1: error: ...")
#   /* { dg-no-diagnostics } */                  nothing at all is expected
#
# Each expectation matches exactly one diagnostic.  GCC's context notes
# ("in expansion of macro") are not diagnostics of their own and are skipped.
#
# Usage: awk -f dg-match.awk -v src=CASE.c DIAGNOSTICS
# Prints one line per problem ("missing ..." or "unexpected ..."); prints
# "no-diagnostics-marker" when a case has neither expectations nor the marker.

function expectation(kind, re, line) {
	exp_kind[nexp] = kind
	exp_re[nexp] = re
	exp_line[nexp] = line
	nexp++
}

function parse_line(text, lineno,    d, kind, re, rest, spec) {
	if (text ~ /\{ *dg-no-diagnostics *\}/)
		marker = 1
	while (match(text, /\{ *dg-(warning|note|error|message) +"([^"\\]|\\.)*"[^{}]*(\{[^{}]*\}[^{}]*)?\}/)) {
		d = substr(text, RSTART, RLENGTH)
		text = substr(text, RSTART + RLENGTH)
		match(d, /dg-[a-z]+/)
		kind = substr(d, RSTART + 3, RLENGTH - 3)
		match(d, /"([^"\\]|\\.)*"/)
		re = substr(d, RSTART + 1, RLENGTH - 2)
		gsub(/\\"/, "\"", re)
		rest = substr(d, RSTART + RLENGTH)
		line = lineno
		if (match(rest, /[.]?[-+]?[0-9]+ *\}$/)) {
			spec = substr(rest, RSTART, RLENGTH)
			sub(/ *\}$/, "", spec)
			if (spec ~ /^\./)
				line = lineno + substr(spec, 2)
			else
				line = spec + 0
		}
		expectation(kind, re, line)
	}
}

BEGIN {
	nexp = 0
	n = split(src, parts, "/")
	srcbase = parts[n]
	while ((getline text < src) > 0)
		parse_line(text, ++lineno)
	close(src)
	if (nexp == 0 && !marker)
		print "no-diagnostics-marker: a case with no expectations must say { dg-no-diagnostics }"
}

# file:line:col: kind: message   (or cc1: kind: message, line 0)
{
	if (match($0, /^[^ :]+:[0-9]+:[0-9]+: (warning|error|note|fatal error): /)) {
		head = substr($0, 1, RLENGTH)
		msg = substr($0, RLENGTH + 1)
		split(head, f, ":")
		n = split(f[1], parts, "/")
		file = parts[n]
		dline = f[2] + 0
		kind = f[4]
	} else if (match($0, /^(cc1|cc1plus|gcc[-0-9]*|lto1): (warning|error|note|fatal error): /)) {
		head = substr($0, 1, RLENGTH)
		msg = substr($0, RLENGTH + 1)
		split(head, f, ":")
		file = srcbase
		dline = 0
		kind = f[2]
	} else {
		next
	}
	sub(/^ +/, "", kind)
	if (kind == "note" && msg ~ /^(in expansion of macro|in definition of macro|each undeclared identifier)/)
		next
	for (i = 0; i < nexp; i++) {
		if (used[i] || exp_line[i] != dline || file != srcbase)
			continue
		if (exp_kind[i] != "message" && exp_kind[i] != kind)
			continue
		if (msg ~ exp_re[i]) {
			used[i] = 1
			next
		}
	}
	print "unexpected " kind " at " file ":" dline ": " msg
}

END {
	for (i = 0; i < nexp; i++)
		if (!used[i])
			print "missing " exp_kind[i] " at line " exp_line[i] ": \"" exp_re[i] "\""
}
