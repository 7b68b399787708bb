# SPDX-License-Identifier: GPL-2.0-only
#
# Shell functions (sourced) for running our Coccinelle rules the way the
# kernel's scripts/coccicheck runs a rule: its "// Options:" line, -D MODE,
# --very-quiet, and --no-show-diff in the report and org modes.

# cocci_run MODE RULE SPATCH-ARGS...
cocci_run()
{
	local mode rule flags
	mode=$1
	rule=$2
	shift 2
	flags=--very-quiet
	case $mode in report|org) flags="--no-show-diff $flags" ;; esac
	# shellcheck disable=SC2046,SC2086
	spatch -D "$mode" $flags --cocci-file "$rule" \
		$(sed -n 's|^// Options:||p' "$rule") "$@"
}

# api_names KIND...: the functions of those kinds in the API model
# (model/kernel.api), and those marked "scan", as one extended regex
# alternation.
api_names()
{
	awk -v kinds=" $* " '!/^#/ && NF >= 3 &&
		(index(kinds, " " $1 " ") || / scan( |$)/) { print $2 }' \
		"$top/model/kernel.api" | paste -sd'|'
}

# mapping_sources TREE [SUBDIR]: the C files of the kernel TREE (under
# SUBDIR) that name a mapping API, relative to TREE, sorted; not tools/,
# samples/, Documentation/, scripts/ or usr/, which are not kernel code.
# The token prefilter of both make scan and make cocci-scan.
mapping_sources()
{
	(cd "$1" && grep -rlE --include='*.c' \
		"\\b($(api_names map map-counted unmap unmap-counted))\\b" \
		"${2:-.}" | sed 's|^\./||' |
		grep -Ev '^(tools|samples|Documentation|scripts|usr)/' | sort)
}
