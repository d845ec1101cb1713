# planverk - build, test, render the examples, install.
#
#   make            build build/planverk
#   make example    install what is missing, render input/*.json to out/
#   make check      install what is missing, build, run every test
#   make asan       the tests again under AddressSanitizer and UBSan (clang)
#   make valgrind   the unit tests under valgrind
#   make fuzz       each libFuzzer harness for FUZZ_SECONDS (clang, ASan,
#                   UBSan); FUZZ=NAME runs one
#   make install    PREFIX=/usr/local DESTDIR=
#
# Dependencies are Debian packages only; `make deps` installs the missing
# ones (apt-get, as root or through sudo) and is a quick no-op otherwise.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/planverk
MANDIR    = $(PREFIX)/share/man
BUILD    ?= build

DEB_PACKAGES = gcc make pkg-config libc6-dev \
	libhpdf-dev libcjson-dev libcmocka-dev \
	libcmark-gfm-dev libcmark-gfm-extensions-dev \
	libxml2-dev libhyphen-dev hyphen-no fonts-open-sans \
	poppler-utils qpdf mupdf-tools ghostscript python3 fonts-dejavu-core \
	libharfbuzz-dev libfontconfig-dev icc-profiles-free python3-jsonschema \
	python3-pikepdf \
	man-db zlib1g-dev
# Only for `make fuzz`: clang with its libFuzzer and sanitizer runtimes.
FUZZ_PACKAGES = clang-14 libclang-rt-14-dev

PKG_LIBS  = libcjson libxml-2.0 libcmark-gfm harfbuzz harfbuzz-subset fontconfig zlib
# Recursive (=) so that pkg-config runs when a recipe needs the flags,
# after `deps` has installed the packages.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKG_LIBS) 2>/dev/null)
PKG_LDLIBS = $(shell pkg-config --libs $(PKG_LIBS) 2>/dev/null)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LDLIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	    -Wpointer-arith -Wformat=2 -Wno-unused-parameter
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(PKG_CFLAGS) \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DPLANVERK_VERSION='"$(VERSION)"' -DPLANVERK_DATADIR='"$(DATADIR)"'
LDLIBS    = $(PKG_LDLIBS) -lcmark-gfm-extensions -lhpdf -lhyphen -lm

SRC       = $(sort $(wildcard src/*/*.c))
OBJ       = $(SRC:%.c=$(BUILD)/%.o)
CMD_SRC   = $(sort $(wildcard cmd/planverk/*.c))
CMD_OBJ   = $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC  = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
REPLAY_BIN = $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)
LIB       = $(BUILD)/libplanverk.a
BIN       = $(BUILD)/planverk

.PHONY: all deps check test-run example asan valgrind bench install \
	uninstall clean fuzz fuzz-deps fuzz-bins

all: $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(OBJ)
	@rm -f $@
	$(AR) rcs $@ $(OBJ)

$(BIN): $(CMD_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CMD_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) \
		$(CMOCKA_LDLIBS) $(LDLIBS)

# The fuzz harnesses, linked with replay.c: `make check` runs the
# committed corpus and the examples through them.
$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
		tests/fuzz/common.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DFUZZ_SRCDIR='"$(CURDIR)"' $(LDFLAGS) -o $@ $< \
		tests/fuzz/replay.c tests/fuzz/common.c $(LIB) $(LDLIBS)

# The same harnesses linked with libFuzzer (BUILD=build-fuzz, CC=clang).
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/common.c \
		tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DFUZZ_SRCDIR='"$(CURDIR)"' -fsanitize=fuzzer \
		$(LDFLAGS) -o $@ $< tests/fuzz/common.c $(LIB) $(LDLIBS)

fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

-include $(OBJ:.o=.d) $(CMD_OBJ:.o=.d)

deps:
	@missing=$$(dpkg-query -W -f='$${db:Status-Abbrev} $${Package}\n' \
		$(DEB_PACKAGES) 2>/dev/null | awk '$$1 == "ii" { print $$2 }' \
		| sort > /tmp/planverk-have.$$$$; \
		for p in $(DEB_PACKAGES); do echo $$p; done | sort \
		| comm -23 - /tmp/planverk-have.$$$$; rm -f /tmp/planverk-have.$$$$); \
	if [ -n "$$missing" ]; then \
		echo "make deps: installing" $$missing; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q \
			--no-install-recommends $$missing; \
	fi

check: deps
	@$(MAKE) --no-print-directory test-run

test-run: $(BIN) $(UNIT_BIN) $(REPLAY_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

example: deps
	@$(MAKE) --no-print-directory $(BIN)
	@sh tests/render-examples.sh $(BIN)

# clang's UBSan also catches what gcc's does not (an offset added to a
# null pointer), and is the compiler `make fuzz` uses.
asan: fuzz-deps
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang \
		CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' test-run

valgrind: $(BIN) $(UNIT_BIN) $(REPLAY_BIN)
	@BUILD=$(BUILD) VALGRIND=1 sh tests/run.sh

FUZZ_SECONDS ?= 60
FUZZ ?= $(FUZZ_NAMES)
fuzz-deps:
	@$(MAKE) --no-print-directory deps DEB_PACKAGES='$(DEB_PACKAGES) $(FUZZ_PACKAGES)'

fuzz: fuzz-deps
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang \
		CFLAGS='-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
		LDFLAGS='-fsanitize=address,undefined' fuzz-bins
	@sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ)

bench: $(BIN)
	@sh bench/run.sh $(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/planverk
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 docs/planverk.1 $(DESTDIR)$(MANDIR)/man1/planverk.1
	cp -R templates fonts themes $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/planverk $(DESTDIR)$(MANDIR)/man1/planverk.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-fuzz out
