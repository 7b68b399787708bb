# SPDX-License-Identifier: GPL-2.0-only
#
# Shell functions (sourced, with GCC and CACHE set) for real Debian kernel
# trees in the build cache: extracted once from the
# linux-source-X.Y package, configured and prepared once per compiler, and
# single objects compiled with their own Kbuild command line.

# kernel_source VERSION [DIR]: the extracted tree (from /usr/src), printed;
# in DIR (default: the shared pristine tree of the cache).
kernel_source()
{
	local src tarball
	src=${2:-$CACHE/linux-$1}
	if [ ! -f "$src/.vmapcheck-extracted" ]; then
		tarball=/usr/src/linux-source-$1.tar.xz
		if [ ! -f "$tarball" ]; then
			echo "kernel: $tarball is missing; run 'make deps'" >&2
			return 1
		fi
		echo "kernel: extracting $tarball into $src" >&2
		rm -rf "$src" "${src%/*}/linux-source-$1"
		mkdir -p "${src%/*}" &&
			tar -xf "$tarball" -C "${src%/*}" &&
			mv "${src%/*}/linux-source-$1" "$src" &&
			touch "$src/.vmapcheck-extracted" || return 1
	fi
	echo "$src"
}

# kernel_prepare VERSION BUILDDIR BASE CONFIG-OPTIONS...: a build directory
# configured with BASE (x86_64_defconfig, allmodconfig) and the options
# (scripts/config -e/-d/-m style words) applied, and "make prepare" done.
# Reconfigures when the options change.
kernel_prepare()
{
	local version kb base src want
	version=$1
	kb=$2
	base=$3
	shift 3
	src=$(kernel_source "$version") || return 1
	want="$GCC $base $*"
	if [ -f "$kb/.vmapcheck-prepared" ] && [ "$(cat "$kb/.vmapcheck-prepared")" = "$want" ]; then
		return 0
	fi
	echo "kernel: configuring $version for $GCC in $kb" >&2
	mkdir -p "$kb"
	rm -f "$kb/.vmapcheck-prepared"
	make -s -C "$src" O="$kb" CC="$GCC" HOSTCC="$GCC" "$base" >/dev/null &&
		{ [ $# -eq 0 ] || "$src/scripts/config" --file "$kb/.config" "$@"; } &&
		make -s -C "$src" O="$kb" CC="$GCC" HOSTCC="$GCC" olddefconfig >/dev/null &&
		echo "kernel: make prepare ($version)" >&2 &&
		make -s -C "$src" O="$kb" CC="$GCC" HOSTCC="$GCC" -j"$(nproc)" prepare \
			>"$kb/prepare.log" 2>&1 ||
		{ echo "kernel: preparing $version failed; see $kb/prepare.log" >&2; return 1; }
	echo "$want" >"$kb/.vmapcheck-prepared"
}

# kernel_objects VERSION BUILDDIR FILE.o...: build the objects with Kbuild
# (once), so that each has its .cmd file with the exact compile command.
kernel_objects()
{
	local src kb missing o
	src=$CACHE/linux-$1
	kb=$2
	shift 2
	missing=
	for o; do
		[ -f "$kb/$(dirname "$o")/.$(basename "$o").cmd" ] || missing="$missing $o"
	done
	[ -z "$missing" ] && return 0
	echo "kernel: building$missing" >&2
	# shellcheck disable=SC2086
	make -s -C "$src" O="$kb" CC="$GCC" HOSTCC="$GCC" -j"$(nproc)" $missing \
		>"$kb/objects.log" 2>&1 ||
		{ echo "kernel: building objects failed; see $kb/objects.log" >&2; return 1; }
}

# kernel_compile BUILDDIR FILE.o OUTPUT.o [FLAGS...]: compile FILE with its
# Kbuild command line plus FLAGS into OUTPUT; stderr is the compiler's.
kernel_compile()
{
	local kb obj out
	kb=$1
	obj=$2
	out=$3
	shift 3
	kernel_compile_source "$kb" "$obj" "" "$out" "$@"
}

# kernel_compile_source BUILDDIR FILE.o SOURCE OUTPUT.o [FLAGS...]: the same
# with SOURCE (a patched copy of FILE.c; empty: FILE.c itself) compiled in
# its place; its quoted includes still come from FILE's directory.
kernel_compile_source()
{
	local kb obj src out cmdfile cmd orig
	kb=$1
	obj=$2
	src=$3
	out=$4
	shift 4
	cmdfile=$kb/$(dirname "$obj")/.$(basename "$obj").cmd
	# The compile step of the saved command (savedcmd_ since 6.2, cmd_
	# before): no dependency file, no objtool.
	cmd=$(sed -n 's/^\(saved\)\{0,1\}cmd_[^ ]* := //p' "$cmdfile" | sed 's/ ; .*//; s/-Wp,-MMD,[^ ]* //; s/ *$//')
	cmd=$(printf '%s\n' "$cmd" | sed "s| -o $obj | -o $out |")
	if [ -n "$src" ]; then
		orig=${cmd##* }
		cmd="${cmd% *} -iquote $(dirname "$orig") $src"
	fi
	(cd "$kb" && eval "$cmd \"\$@\"")
}

# kernel_list LIST: set kversion, kb and kfiles for a file list such as
# testsuite/kernel/6.12.list (its version is in its name, its config words
# in the .config file beside it), with the tree prepared and the objects
# built.
kernel_list()
{
	kversion=$(basename "$1" .list)
	kb=$CACHE/kbuild-$kversion-$GCC
	kfiles=$(sed -n 's/^[a-z]* *\([^ ]*\.c\).*/\1/p' "$1" | awk '!seen[$0]++')
	# shellcheck disable=SC2046
	kernel_prepare "$kversion" "$kb" x86_64_defconfig $(sed 's/#.*//' "${1%.list}.config") &&
		kernel_objects "$kversion" "$kb" $(printf '%s\n' $kfiles | sed 's/\.c$/.o/')
}

# kernel_whole FILES OUT FLAGS...: the whole-build set of a list such as
# testsuite/kernel/whole-6.12.files (its "file" and "hooks" lines; config
# words in whole-VERSION.config beside it; x86_64 allmodconfig), each file
# compiled with FLAGS, nproc at a time.  Objects and each compiler's stderr
# go to OUT, named by the file's path with / as _.  Sets kversion, kb,
# kfiles.  Fails only when the tree cannot be prepared or built.
kernel_whole()
{
	local files out n file
	files=$1
	out=$2
	shift 2
	kversion=$(basename "$files" .files | sed 's/^whole-//')
	kb=$CACHE/kbuild-$kversion-all-$GCC
	kfiles=$(awk '$1 == "file" || $1 == "hooks" { print $2 }' "$files")
	# shellcheck disable=SC2046
	kernel_prepare "$kversion" "$kb" allmodconfig \
		$(sed 's/#.*//' "$(dirname "$files")/whole-$kversion.config") &&
		kernel_objects "$kversion" "$kb" $(printf '%s\n' $kfiles | sed 's/\.c$/.o/') ||
		return 1
	mkdir -p "$out"
	n=0
	for file in $kfiles; do
		kernel_compile "$kb" "${file%.c}.o" "$out/$(echo "$file" | tr / _).o" "$@" \
			2>"$out/$(echo "$file" | tr / _).stderr" &
		n=$((n + 1))
		[ $((n % $(nproc))) -eq 0 ] && wait
	done
	wait
}

# facts_units DIR: "SOURCE<TAB>FACTS-FILE" for each facts file of DIR: the
# source path is in the file's unit record (facts file names are hashed;
# the files are gzip-compressed).
facts_units()
{
	local f

	find "$1" -maxdepth 1 -name '*.facts' -type f | while read -r f; do
		zcat -f -- "$f" | awk -v file="$f" 'NR == 2 && $1 == "unit" {
			u = substr($0, 6); gsub(/%20/, " ", u); gsub(/%09/, "\t", u); gsub(/%25/, "%", u)
			print u "\t" file; exit }'
	done
}
