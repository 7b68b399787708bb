# vmapcheck: the one build.  See README.md.
#
#   make [GCC=gcc-12|gcc-11]   build the plugin for that compiler
#   make scan                  the main job: scan the default kernel input
#   make check                 every test; ends with "N passed, N failed"
#   make check-plugin, make check-kernel, make check-cocci   one suite
#   make kernel-check          the kernel-fixes series: checkpatch, UML build, KUnit, sparse
#   make cocci-scan [KSRC=DIR] the Coccinelle rules over a whole kernel tree
#   make mutants [TREES=...]   recall of both engines on bugs injected into
#                              the Debian 6.12 and 6.1 trees
#   make check-wide [DIRS=...] whole directories of 6.12 with the plugin: no
#                              finding outside our verdict files
#   make fuzz [FUZZ_SECONDS=N] [CSMITH_PROGRAMS=N]   afl++ on the facts reader
#                              and the api-file parser, a csmith sweep
#   make bench                 plugin and facts overhead, merge time, tree scan time,
#                              vmap_pages() cost, make scan stages, the facts of
#                              an allmodconfig drivers/gpu/drm (1.5 hours)
#   make deps                  install the Debian packages we need
#   make install [PREFIX=/usr/local] [DESTDIR=]
#   make clean

VERSION   := 0.1
GCC       ?= gcc-12
GXX       := $(patsubst gcc%,g++%,$(GCC))
BUILD     := build/$(GCC)
PLUGIN    := $(BUILD)/vmapcheck.so
MERGE     := $(BUILD)/vmapcheck-merge
# The plugin in Kbuild's checker slot (make C=1 CHECK=...).
CHECKER   := $(BUILD)/vmapcheck-check
# make scan's "unmap first" fix: the unmapping statement moved up (found
# next to MERGE by the scripts).
UNMAP_FIRST := $(BUILD)/vmapcheck-unmap-first
# The merge and the api-file parser built with ASan+UBSan, for make check.
SANITIZED := $(BUILD)/sanitized
# Our check of SARIF 2.1.0 logs, for make check (testsuite/lib/sarif-check.c).
SARIF_CHECK := $(BUILD)/sarif-check
# Kernel trees and other big, rebuildable things; never committed.
CACHE     ?= $(CURDIR)/.cache

PREFIX    ?= /usr/local
DESTDIR   ?=
LIBDIR    := $(PREFIX)/lib/vmapcheck
DATADIR   := $(PREFIX)/share/vmapcheck

PLUGIN_INC = $(shell $(GCC) -print-file-name=plugin)/include
CFLAGS    ?= -O2 -g
CXXFLAGS  ?= -O2 -g
WARNINGS  := -Wall -Wextra -Wno-unused-parameter
# The analysis core is plain C, shared by the plugin and vmapcheck-merge;
# the files that talk to GCC are C++, as GCC's plugin headers are.
CORE_CFLAGS := -std=gnu11 -fPIC $(WARNINGS) -DVMAPCHECK_VERSION='"$(VERSION)"' $(CFLAGS)
PLUGIN_CXXFLAGS := -std=gnu++14 -fPIC -fno-rtti -fno-exceptions \
	-fasynchronous-unwind-tables $(WARNINGS) -isystem $(PLUGIN_INC) \
	-DVMAPCHECK_VERSION='"$(VERSION)"' $(CXXFLAGS)

CORE      := util model classes fnmodel summary flow checks check-release check-lazy messages \
	facts relevance gzip
GCC_SIDE  := vmapcheck api keys extract values pageargs describe conditions report
# vmapcheck-merge: its driver, the readers of objects and patches, its
# outputs, and the helper closure of make scan.
MERGE_SIDE := merge objfile patchfile json sarif helpers
CORE_OBJS := $(patsubst %,$(BUILD)/%.o,$(CORE))
# The one API model, and what make generates from it.
MODEL     := model/kernel.api
GEN       := $(BUILD)/gen
# The Coccinelle rules with the model in them, as users run them, and the
# man pages with the model's table.
RULES_DIR := build/rules
RULES     := $(patsubst rules/%,$(RULES_DIR)/%,$(wildcard rules/*.cocci))
MAN_PAGES := $(patsubst docs/%,build/man/%,$(wildcard docs/*.1))
MUTATE    := build/tools/mutate.cocci
PLUGIN_OBJS := $(CORE_OBJS) $(patsubst %,$(BUILD)/%.o,$(GCC_SIDE))
MERGE_OBJS := $(patsubst %,$(BUILD)/%.o,$(MERGE_SIDE))
MERGE_SRCS := $(patsubst %,plugin/%.c,$(MERGE_SIDE))
# What the scripts are told: the compiler, our binaries and rules, the cache.
KERNEL_ARGS := GCC=$(GCC) PLUGIN=$(CURDIR)/$(PLUGIN) CACHE=$(CACHE)
RULES_ARGS := RULES=$(CURDIR)/$(RULES_DIR)
RUN_ARGS  := $(KERNEL_ARGS) MERGE=$(CURDIR)/$(MERGE) $(RULES_ARGS)
# The test runner also gets the sanitized builds.
TEST_ARGS := $(RUN_ARGS) SANITIZED=$(CURDIR)/$(SANITIZED) SARIF_CHECK=$(CURDIR)/$(SARIF_CHECK)

DEBIAN_PACKAGES := gcc-12 g++-12 gcc-12-plugin-dev gcc-11 g++-11 \
	gcc-11-plugin-dev coccinelle ocaml sparse linux-source-6.12 \
	linux-source-6.1 bc bison flex libelf-dev libssl-dev binutils make jq ccache \
	xz-utils patch git zlib1g-dev gcc-12-powerpc64-linux-gnu
# make fuzz only.
FUZZ_PACKAGES := afl++ csmith libcsmith-dev

# The plain-C parts (the facts reader, the api-file parser, the analysis)
# built whole with sanitizers, for make check, and with afl++'s compiler
# and sanitizers, for make fuzz: vmapcheck-merge and fuzz/api-file.c.
CORE_SRCS := $(patsubst %,plugin/%.c,$(CORE))
SANITIZE  := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_BUILD := build/fuzz
FUZZ_SECONDS ?= 120
CSMITH_PROGRAMS ?= 50

.PHONY: all scan cocci-scan check check-plugin check-kernel check-cocci kernel-check bench deps \
	fuzz-deps fuzz mutants check-wide install clean
all: $(PLUGIN) $(MERGE) $(CHECKER) $(UNMAP_FIRST) $(RULES) $(MAN_PAGES)

$(CORE_OBJS): $(BUILD)/%.o: plugin/%.c $(wildcard plugin/*.h) Makefile
	@mkdir -p $(BUILD)
	$(GCC) $(CORE_CFLAGS) -I$(GEN) -c -o $@ $<

# The built-in model as a C string for model.c.
$(GEN)/kernel-api.inc: $(MODEL)
	@mkdir -p $(GEN)
	sed 's/\\/\\\\/g; s/"/\\"/g; s/.*/\t"&\\n"/' $< >$@
$(BUILD)/model.o: $(GEN)/kernel-api.inc

# A semantic patch: its "@vmapcheck-api@" line becomes the model,
# rules/api.ml, its check's ID (vmap_ID.cocci, "_" for "-") with every
# rule's, and rules/checks.ml.  spatch puts line directives into script
# code at a '#': none may be left.
check_id = $(subst _,-,$(patsubst vmap_%.cocci,%,$(notdir $(1))))
CHECK_IDS := $(foreach r,$(wildcard rules/*.cocci),"$(call check_id,$(r))";)
define with-model
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@awk -v model=$(MODEL) -v api=rules/api.ml -v checks=rules/checks.ml \
		-v id='$(call check_id,$<)' -v ids='$(CHECK_IDS)' '/@vmapcheck-api@/ { \
		print "(* Made by make from " model ", " api " and " checks ": edit those. *)"; \
		print "let builtin_model = {model|"; \
		while ((getline l < model) > 0) { sub(/#.*/, "", l); if (l ~ /[^ ]/) print l } \
		print "|model}"; \
		while ((getline l < api) > 0) print l; \
		print "let check_id = \"" id "\""; \
		print "let check_ids = [" ids "]"; \
		while ((getline l < checks) > 0) print l; \
		next } { print }' $< >$@
endef
$(RULES_DIR)/%.cocci: rules/%.cocci rules/api.ml rules/checks.ml $(MODEL)
	$(with-model)
# The mutation operators of make mutants.
$(MUTATE): tools/mutate.cocci rules/api.ml $(MODEL)
	$(with-model)

# A man page: its "@vmapcheck-model@" line becomes the model's entries.
build/man/%.1: docs/%.1 $(MODEL)
	@mkdir -p build/man
	@echo "  GEN     $@"
	@awk -v model=$(MODEL) '/@vmapcheck-model@/ { \
		while ((getline l < model) > 0) \
			if (l !~ /^(#|$$)/) { gsub(/\\/, "\\e", l); gsub(/-/, "\\-", l); print l } \
		next } { print }' $< >$@

$(BUILD)/%.o: plugin/%.c $(wildcard plugin/*.h) Makefile
	@mkdir -p $(BUILD)
	$(GXX) $(PLUGIN_CXXFLAGS) -x c++ -c -o $@ $<

$(PLUGIN): $(PLUGIN_OBJS)
	$(GXX) -shared -o $@ $^ -lz

$(MERGE_OBJS): $(BUILD)/%.o: plugin/%.c $(wildcard plugin/*.h) Makefile
	@mkdir -p $(BUILD)
	$(GCC) $(CORE_CFLAGS) -c -o $@ $<

$(MERGE): $(CORE_OBJS) $(MERGE_OBJS)
	$(GCC) -o $@ $^ -lz

$(SARIF_CHECK): testsuite/lib/sarif-check.c Makefile
	@mkdir -p $(BUILD)
	$(GCC) -std=gnu11 $(WARNINGS) $(CFLAGS) -o $@ $<

$(CHECKER): plugin/kbuild-check.c Makefile
	@mkdir -p $(BUILD)
	$(GCC) -std=gnu11 $(WARNINGS) $(CFLAGS) -DVMAPCHECK_CC='"$(GCC)"' -o $@ $<

$(UNMAP_FIRST): plugin/unmap-first.c Makefile
	@mkdir -p $(BUILD)
	$(GCC) -std=gnu11 $(WARNINGS) $(CFLAGS) -o $@ $<
# sanitize-tool COMPILER: the source alone, sanitized.
define sanitize-tool
	@mkdir -p $(@D)
	$(1) -std=gnu11 $(WARNINGS) -O1 -g $(SANITIZE) -o $@ $<
endef
$(SANITIZED)/vmapcheck-unmap-first: plugin/unmap-first.c Makefile
	$(call sanitize-tool,$(GCC))
$(FUZZ_BUILD)/vmapcheck-unmap-first: plugin/unmap-first.c Makefile
	$(call sanitize-tool,afl-clang-fast)

# link-core COMPILER MAIN: the core and MAIN as one program, sanitized.
define link-core
	@mkdir -p $(@D)
	$(1) -std=gnu11 $(WARNINGS) -O1 -g $(SANITIZE) -DVMAPCHECK_VERSION='"$(VERSION)"' \
		-I$(GEN) -Iplugin -o $@ $(CORE_SRCS) $(2) -lz
endef
CORE_DEPS := $(CORE_SRCS) $(wildcard plugin/*.h) $(GEN)/kernel-api.inc Makefile
$(SANITIZED)/vmapcheck-merge: $(MERGE_SRCS) $(CORE_DEPS)
	$(call link-core,$(GCC),$(MERGE_SRCS))
$(SANITIZED)/api-file: fuzz/api-file.c $(CORE_DEPS)
	$(call link-core,$(GCC),fuzz/api-file.c)
$(FUZZ_BUILD)/vmapcheck-merge: $(MERGE_SRCS) $(CORE_DEPS)
	$(call link-core,afl-clang-fast,$(MERGE_SRCS))
$(FUZZ_BUILD)/api-file: fuzz/api-file.c $(CORE_DEPS)
	$(call link-core,afl-clang-fast,fuzz/api-file.c)

# make scan [KSRC=DIR] [O=DIR] [SCAN=quick|full] [CONFIG=...] [M=DIR] [V=0] [FACTS=dir|object]
#           [HELPERS=1] [CROSS=FILE] [FAIL_ON_FINDINGS=1]
SCAN_VARS := KSRC O SCAN CONFIG M V FACTS HELPERS CROSS FAIL_ON_FINDINGS
scan: deps $(PLUGIN) $(MERGE) $(UNMAP_FIRST) $(RULES)
	@tools/scan $(RUN_ARGS) $(foreach v,$(SCAN_VARS),$(if $($(v)),$(v)=$($(v))))

# KSRC: a kernel source tree (default: the Debian 6.12 tree of the cache).
cocci-scan: deps $(RULES)
	@tools/cocci-scan CACHE=$(CACHE) $(RULES_ARGS) $(if $(KSRC),KSRC=$(KSRC)) $(if $(M),M=$(M)) $(if $(REPORT),REPORT=$(REPORT))

check: deps $(PLUGIN) $(MERGE) $(CHECKER) $(UNMAP_FIRST) $(RULES) $(MAN_PAGES) $(MUTATE) \
	$(SANITIZED)/vmapcheck-merge $(SANITIZED)/vmapcheck-unmap-first \
	$(SANITIZED)/api-file $(SARIF_CHECK)
	@testsuite/run $(TEST_ARGS)

check-plugin check-kernel check-cocci: deps $(PLUGIN) $(MERGE) $(RULES)
	@testsuite/run $(TEST_ARGS) $(patsubst check-%,%,$@)

# Recall on bugs injected into the Debian trees (tools/mutants); the table
# of the run goes into docs/checks.md.  TREES="6.12 6.1", SAMPLE=N.
mutants: deps $(PLUGIN) $(MERGE) $(RULES) $(MUTATE)
	@tools/mutants $(RUN_ARGS) DOC=docs/checks.md $(if $(TREES),TREES="$(TREES)") \
		$(if $(SAMPLE),SAMPLE=$(SAMPLE))

# Precision on ordinary code (tools/check-wide): about 1,100 units of
# allmodconfig, 20 minutes on 2 cores, so not in make check.
check-wide: deps $(PLUGIN)
	@tools/check-wide $(KERNEL_ARGS) $(if $(DIRS),DIRS="$(DIRS)")

# afl++ on the facts reader (through vmapcheck-merge), the api-file
# parser, the report readers and vmapcheck-unmap-first, FUZZ_SECONDS
# each; new crashes go into the regression corpus testsuite/fuzz; then
# CSMITH_PROGRAMS programs through the plugin.
fuzz: fuzz-deps $(PLUGIN) $(FUZZ_BUILD)/vmapcheck-merge $(FUZZ_BUILD)/api-file \
	$(FUZZ_BUILD)/vmapcheck-unmap-first \
	$(SANITIZED)/vmapcheck-merge
	@fuzz/afl $(KERNEL_ARGS) FUZZ_BUILD=$(CURDIR)/$(FUZZ_BUILD) SECONDS=$(FUZZ_SECONDS)
	@fuzz/csmith $(KERNEL_ARGS) SANITIZED=$(CURDIR)/$(SANITIZED) PROGRAMS=$(CSMITH_PROGRAMS)

# The kernel-fixes series on the Debian 6.12 and 6.1 trees (testsuite/suites/kfix.sh).
kernel-check: deps
	@testsuite/run CACHE=$(CACHE) kfix

bench: deps $(PLUGIN) $(MERGE) $(RULES)
	@bench/plugin-overhead $(KERNEL_ARGS)
	@bench/merge-time $(KERNEL_ARGS) MERGE=$(CURDIR)/$(MERGE)
	@bench/cocci-scan-time CACHE=$(CACHE) $(RULES_ARGS)
	@bench/vmap-pages-cost CACHE=$(CACHE)
	@bench/scan-stages $(RUN_ARGS)
	@bench/full-facts $(KERNEL_ARGS) MERGE=$(CURDIR)/$(MERGE)

# Installs what is missing as root; otherwise says what to run.
define install-packages
	@missing=$$(for p in $(1); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "deps: installing" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "deps: missing packages; run: sudo apt-get install" $$missing; \
		exit 1; fi
endef
deps:
	$(call install-packages,$(DEBIAN_PACKAGES))
fuzz-deps:
	$(call install-packages,$(FUZZ_PACKAGES))

install: $(PLUGIN) $(MERGE) $(CHECKER) $(UNMAP_FIRST) $(RULES) $(MAN_PAGES)
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(DATADIR)
	install -m 0644 $(PLUGIN) $(DESTDIR)$(LIBDIR)/vmapcheck.so
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(MERGE) $(DESTDIR)$(PREFIX)/bin/vmapcheck-merge
	install -m 0755 $(CHECKER) $(DESTDIR)$(PREFIX)/bin/vmapcheck-check
	install -m 0755 $(UNMAP_FIRST) $(DESTDIR)$(PREFIX)/bin/vmapcheck-unmap-first
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0644 $(MAN_PAGES) $(DESTDIR)$(PREFIX)/share/man/man1/
	install -d $(DESTDIR)$(PREFIX)/share/doc/vmapcheck
	install -m 0644 README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/vmapcheck/
	install -d $(DESTDIR)$(DATADIR)/rules
	install -m 0644 $(RULES) $(DESTDIR)$(DATADIR)/rules/
	install -m 0644 $(MODEL) $(DESTDIR)$(DATADIR)/

clean:
	rm -rf build
