# SPDX-License-Identifier: GPL-2.0-only
#
# Match diagnostics against the dg-style expectations written in test
# sources, the way GCC's own plugin tests do:
#
#   x = f();   /* { dg-warning "REGEX" } */      a warning on this line
#              /* { dg-note "REGEX" } */         a note on this line
#              /* { dg-error "REGEX" } */        an error on this line
#   /* { dg-warning "REGEX" "" { target *-*-* } LINE } */
#              on LINE instead: a number, .+N or .-N, or 0 for a
#              diagnostic without a location ("cc1: error: ...")
#   /* { dg-no-diagnostics } */                  nothing at all is expected
#
# With -v prefix=merge-, the directives read are dg-merge-warning,
# dg-merge-note and dg-merge-none instead: expectations on vmapcheck-merge's
# output for a multi-file case.
#
# Each expectation matches exactly one diagnostic.  GCC's context notes
# ("in expansion of macro") are not diagnostics of their own and are skipped.
#
# Usage: awk -f dg-match.awk -v src="A.c [B.c...]" [-v prefix=merge-] DIAGNOSTICS
# Prints one line per problem ("missing ..." or "unexpected ..."), and a
# complaint when no source has expectations nor the "nothing" marker.

function expectation(file, kind, re, line) {
	exp_file[nexp] = file
	exp_kind[nexp] = kind
	exp_re[nexp] = re
	exp_line[nexp] = line
	nexp++
}

function basename(path,    parts, n) {
	n = split(path, parts, "/")
	return parts[n]
}

function parse_line(file, text, lineno,    d, kind, re, rest, spec, line, pat) {
	if (text ~ none_marker)
		marker = 1
	pat = "\\{ *dg-" prefix "(warning|note|error|message) +\"([^\"\\\\]|\\\\.)*\"[^{}]*(\\{[^{}]*\\}[^{}]*)?\\}"
	while (match(text, pat)) {
		d = substr(text, RSTART, RLENGTH)
		text = substr(text, RSTART + RLENGTH)
		match(d, "dg-" prefix "[a-z]+")
		kind = substr(d, RSTART + 3 + length(prefix), RLENGTH - 3 - length(prefix))
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
		expectation(file, kind, re, line)
	}
}

BEGIN {
	nexp = 0
	none_marker = prefix == "" ? "\\{ *dg-no-diagnostics *\\}" : "\\{ *dg-" prefix "none *\\}"
	nsrc = split(src, sources, " ")
	for (s = 1; s <= nsrc; s++) {
		lineno = 0
		while ((getline text < sources[s]) > 0)
			parse_line(basename(sources[s]), text, ++lineno)
		close(sources[s])
	}
	if (nexp == 0 && !marker)
		print "no-diagnostics-marker: a case with no expectations must say so (" none_marker ")"
}

# file:line:col: kind: message   (or cc1: kind: message, line 0)
{
	if (match($0, /^[^ :]+:[0-9]+:[0-9]+: (warning|error|note|fatal error): /)) {
		head = substr($0, 1, RLENGTH)
		msg = substr($0, RLENGTH + 1)
		split(head, f, ":")
		file = basename(f[1])
		dline = f[2] + 0
		kind = f[4]
	} else if (match($0, /^(cc1|cc1plus|gcc[-0-9]*|lto1): (warning|error|note|fatal error): /)) {
		head = substr($0, 1, RLENGTH)
		msg = substr($0, RLENGTH + 1)
		split(head, f, ":")
		file = basename(sources[1])
		dline = 0
		kind = f[2]
	} else {
		next
	}
	sub(/^ +/, "", kind)
	if (kind == "note" && msg ~ /^(in expansion of macro|in definition of macro|each undeclared identifier)/)
		next
	for (i = 0; i < nexp; i++) {
		if (used[i] || exp_line[i] != dline || exp_file[i] != file)
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
			print "missing " exp_kind[i] " at " exp_file[i] ":" exp_line[i] ": \"" exp_re[i] "\""
}
