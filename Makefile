# vmapcheck: the one build.  See README.md.
#
#   make [GCC=gcc-12|gcc-11]   build the plugin for that compiler
#   make check                 every test (plugin cases, real kernel files)
#   make bench                 compile-time overhead on real kernel files
#   make deps                  install the Debian packages we need
#   make install [PREFIX=/usr/local] [DESTDIR=]

VERSION   := 0.1
GCC       ?= gcc-12
GXX       := $(patsubst gcc%,g++%,$(GCC))
BUILD     := build/$(GCC)
PLUGIN    := $(BUILD)/vmapcheck.so
# Kernel trees and other big, rebuildable things; never committed.
CACHE     ?= $(CURDIR)/.cache

PREFIX    ?= /usr/local
DESTDIR   ?=
LIBDIR    := $(PREFIX)/lib/vmapcheck

PLUGIN_INC = $(shell $(GCC) -print-file-name=plugin)/include
CXXFLAGS  ?= -O2 -g
PLUGIN_CXXFLAGS := -std=gnu++14 -fPIC -fno-rtti -fno-exceptions \
	-fasynchronous-unwind-tables -Wall -Wextra -Wno-unused-parameter \
	-isystem $(PLUGIN_INC) -DVMAPCHECK_VERSION='"$(VERSION)"' $(CXXFLAGS)

PLUGIN_SRCS := $(wildcard plugin/*.c)
PLUGIN_OBJS := $(patsubst plugin/%.c,$(BUILD)/%.o,$(PLUGIN_SRCS))

DEBIAN_PACKAGES := gcc-12-plugin-dev gcc-11-plugin-dev g++-11 coccinelle ocaml \
	sparse linux-source-6.12 linux-source-6.1 bc bison flex libelf-dev \
	libssl-dev binutils

.PHONY: all check check-plugin check-kernel bench deps install clean
all: $(PLUGIN)

$(BUILD)/%.o: plugin/%.c $(wildcard plugin/*.h) Makefile
	@mkdir -p $(BUILD)
	$(GXX) $(PLUGIN_CXXFLAGS) -x c++ -c -o $@ $<

$(PLUGIN): $(PLUGIN_OBJS)
	$(GXX) -shared -o $@ $^

check: check-plugin check-kernel
	@testsuite/summarize $(BUILD)/results

check-plugin: $(PLUGIN)
	@mkdir -p $(BUILD)/results
	@testsuite/run-plugin-tests GCC=$(GCC) PLUGIN=$(PLUGIN) \
		OUT=$(BUILD)/results/plugin

check-kernel: $(PLUGIN)
	@mkdir -p $(BUILD)/results
	@testsuite/run-kernel-tests GCC=$(GCC) PLUGIN=$(PLUGIN) CACHE=$(CACHE) \
		OUT=$(BUILD)/results/kernel

bench: $(PLUGIN)
	@testsuite/bench-plugin GCC=$(GCC) PLUGIN=$(PLUGIN) CACHE=$(CACHE)

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "deps: all installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y --no-install-recommends $$missing; \
	else echo "deps: run as root: apt-get install $$missing"; exit 1; fi

install: $(PLUGIN)
	install -d $(DESTDIR)$(LIBDIR)
	install -m 0644 $(PLUGIN) $(DESTDIR)$(LIBDIR)/vmapcheck.so
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0644 docs/vmapcheck.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -d $(DESTDIR)$(PREFIX)/share/doc/vmapcheck
	install -m 0644 README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/vmapcheck/

clean:
	rm -rf build
