# SPDX-License-Identifier: GPL-2.0-only
#
# Shell functions (sourced by tools/scan) that make the fix of one file a
# patch in git format-patch form, as a kernel developer would send it: a
# subject in the kernel's "dir/file: what it does" style, a body that says
# what was found, the hazard and the change, and no Signed-off-by (whoever
# sends the patch adds theirs after review).  The API names come from the
# model, $top/model/kernel.api.

# fix_prefix FILE: the subject prefix, the last directory and the file
# name without .c (io_uring/kbuf.c -> io_uring/kbuf, fs/ntfs3/frecord.c ->
# ntfs3/frecord), or the directory alone for its namesake file
# (io_uring/io_uring.c -> io_uring).
fix_prefix()
{
	local f=${1%.c} dir
	dir=$(basename "$(dirname "$f")")
	if [ "$dir" = "$(basename "$f")" ]; then
		echo "$dir"
	else
		echo "$dir/$(basename "$f")"
	fi
}

# fix_mappings: the mappings that the findings on stdin name ("... mapped
# by 'ptr'", "... mapped by bl->buf_ring", "goto skips the unmap of
# frame_mem ..."), one per line.
fix_mappings()
{
	cut -f5 | sed -n -e "s/.* mapped by '\{0,1\}\([^' ,;]*\).*/\1/p" \
		-e "s/^goto skips the unmap of \([^ ]*\) .*/\1/p" | sort -u
}

# fix_hunk_findings DIFF FINDINGS FILE: the findings of FILE on lines that
# a hunk of DIFF changes (its old range), or all of FILE's when none is
# (a fix-it may change the map call, not the release).
fix_hunk_findings()
{
	awk -F'\t' -v f="$3" '
		FILENAME != ARGV[2] {
			if (match($0, /^@@ -[0-9]+(,[0-9]+)? /)) {
				split(substr($0, 5, RLENGTH - 5), r, ",")
				from[++n] = r[1]; to[n] = r[1] + (2 in r ? r[2] : 1)
			}
			next
		}
		$1 == f {
			all[++m] = $0
			for (i = 1; i <= n; i++)
				if ($2 >= from[i] && $2 < to[i]) { hit[++h] = $0; break }
		}
		END {
			if (h) for (i = 1; i <= h; i++) print hit[i]
			else for (i = 1; i <= m; i++) print all[i]
		}' "$1" "$2"
}

# fix_left_out DIFF FINDINGS FILE: the lines of FILE's findings that no
# hunk of DIFF covers, as "431, 463" (none when every finding counts as
# covered, see fix_hunk_findings).
fix_left_out()
{
	comm -23 <(awk -F'\t' -v f="$3" '$1 == f { print $2 }' "$2" | sort -u) \
		<(fix_hunk_findings "$1" "$2" "$3" | cut -f2 | sort -u) |
		sort -n | paste -sd, | sed 's/,/, /g'
}

# fix_counted map|unmap: the refcounted form of that kind of call, from
# the API model (counted= of its first entry that has one).
fix_counted()
{
	awk -v kind="$1" '$1 == kind {
		for (i = 3; i <= NF; i++)
			if ($i ~ /^counted=/) { print substr($i, 9); exit }
	}' "$top/model/kernel.api"
}

# fix_subject FILE HOW MAPPING: the subject (without "[PATCH] ") of a fix
# that HOW: converts to the refcounted API, adds a label with the unmap,
# retargets gotos past the unmap, or moves the unmap first.
fix_subject()
{
	local what
	case $2 in
	converts) what="map ${3:-the buffer} with $(fix_counted map)() so that it holds its pages" ;;
	label) what="unmap ${3:-the mapping} on the error paths after mapping it" ;;
	gotos) what="unmap ${3:-the mapping} on the paths that jumped past it" ;;
	*) what="unmap ${3:-the mapping} before releasing $(case $3 in *" and "*) echo their ;; *) echo its ;; esac) pages" ;;
	esac
	echo "$(fix_prefix "$1"): $what"
}

# fix_wrap INDENT: stdin folded at 72 columns, continuation lines indented
# by INDENT spaces (and folded shorter by as much: checkpatch wants no
# line of the body over 75).
fix_wrap()
{
	local pad line first rest
	pad=$(printf '%*s' "$1" '')
	while IFS= read -r line; do
		first=$(printf '%s\n' "$line" | fold -s -w 72 | head -n 1)
		printf '%s\n' "$first" | sed 's/ *$//'
		rest=${line:${#first}}
		[ -z "$rest" ] ||
			printf '%s\n' "$rest" | fold -s -w $((72 - $1)) | sed "s/^/$pad/; s/ *\$//"
	done
}

# fix_moved_note: what a reviewer of a moved unmap should check.
fix_moved_note()
{
	echo "vmapcheck moved the unmap only where nothing between the release and the unmap assigns, steps or takes the address of what the moved statement reads, or reads what it writes; what the functions called between them change through pointers is not checked."
}

# fix_patch FILE DIFF FINDINGS ENGINE NUMBER DIR [NOTE]: write the patch of
# FILE (its unified DIFF, paths a/ and b/) into DIR, named as git
# format-patch names it (NNNN-subject.patch), NOTE a last paragraph of its
# body; prints its path.
fix_patch()
{
	local file=$1 diff=$2 findings=$3 engine=$4 n=$5 dir=$6 note=${7:-}
	local covered mapping how=first subject out
	covered=$(fix_hunk_findings "$diff" "$findings" "$file")
	mapping=$(printf '%s\n' "$covered" | fix_mappings)
	case $(printf '%s\n' "$mapping" | grep -c .) in
	1) ;;
	2) mapping=$(printf '%s\n' "$mapping" | paste -sd'\t' | sed 's/\t/ and /') ;;
	*) mapping= ;;
	esac
	if grep -q "^+.*\\<$(fix_counted map)(" "$diff"; then
		how=converts
	elif grep -q "^+ *[A-Za-z_][A-Za-z0-9_]*:$" "$diff"; then
		how=label
	elif grep -q "^+.*\\<goto " "$diff"; then
		how=gotos
	fi
	subject=$(fix_subject "$file" "$how" "$mapping")
	out=$dir/$(printf '%04d' "$n")-$(echo "$subject" |
		sed 's/[^A-Za-z0-9_]\{1,\}/-/g; s/^-//' | cut -c1-52 | sed 's/-*$//').patch
	{
		echo "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001"
		echo "From: vmapcheck <vmapcheck@localhost>"
		echo "Date: $(date -R)"
		echo "Subject: [PATCH] $subject"
		echo
		if [ "$how" = gotos ]; then
			echo "These jumps skip the unmap, and the mapping outlives its pages:"
		else
			echo "Pages are released here while a kernel mapping of them still exists:"
		fi
		echo
		printf '%s\n' "$covered" | awk -F'\t' 'BEGIN { OFS = "" }
			{
				print "  ", $1, ":", $2, ": ", $5
				k = split($6, notes, "\001")
				for (j = 1; j <= k; j++)
					if (notes[j] !~ /: fix: /) print "    ", notes[j]
			}' | awk '!seen[$0]++' | fix_wrap 4
		echo
		fix_wrap 0 <<-EOF
		Until the unmap, the kernel keeps a read-write alias of free pages. The page allocator may hand them out as a page table, which Xen refuses to pin while a writable mapping of it exists, or to a driver that maps them uncached, which makes an illegal cache-attribute alias; speculative loads read through the alias either way.
		EOF
		echo
		if [ "$how" = converts ]; then
			fix_wrap 0 <<-EOF
			Map with $(fix_counted map)() and unmap with $(fix_counted unmap)(): the mapping then holds a reference on every page it maps, so the pages stay allocated until it is gone, however late the unmap runs.
			EOF
		elif [ "$how" = label ]; then
			echo "Give the unmap a label of its own in front of the release, and let the paths that leave after the map take it." | fix_wrap 0
		elif [ "$how" = gotos ]; then
			echo "Let the paths that jump past the unmap take its label."
		else
			echo "Unmap first, on every path that releases the pages."
		fi
		echo
		if [ -n "$note" ]; then
			printf '%s\n' "$note" | fix_wrap 0
			echo
		fi
		echo "Found by vmapcheck ($engine)." | fix_wrap 0
		echo "---"
		if [ "$how" = converts ]; then
			echo "Needs $(fix_counted map)()/$(fix_counted unmap)() (vmapcheck's kernel-fixes series)."
			echo
		fi
		git apply --stat "$diff"
		echo
		sed 's|^--- a/\(.*\)$|diff --git a/\1 b/\1\n&|' "$diff"
		echo "-- "
		echo "vmapcheck"
	} >"$out"
	echo "$out"
}
