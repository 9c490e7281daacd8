# safesteps: plain GNU make.
#
#   make          build build/safesteps (checks the bundled content too)
#   make run      install what is missing, build, start the guide
#   make check    install what is missing, build, run every test
#   make test     build, run every test (installs nothing: debian/rules)
#   make lint     man pages, module boundaries, formatting, Ansible syntax
#   make sanitize the tests under AddressSanitizer and UBSan
#   make valgrind the tests under valgrind
#   make fuzz     the loader's fuzz target for FUZZ_SECONDS (clang)
#   make bench    the benchmark table
#   make install / uninstall / install-kiosk
#   make dist     build/safesteps-VERSION.tar.gz from git HEAD
#   make deb      the Debian packages in build/deb/, checked by lintian
#   make autopkgtest  the packages' own tests, on this machine (root)
#   make vm-test  the packaged kiosk booted in a virtual machine (root)
#
# WERROR=1 turns warnings into errors (CI sets it; a distribution's newer
# compiler must not break the build on a new warning).

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/safesteps
DOCDIR ?= $(PREFIX)/share/doc/safesteps
MANPREFIX ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc
UNITDIR ?= /etc/systemd/system
DESTDIR ?=

CC ?= cc
PKG_CONFIG ?= pkg-config

# The build directory; the sanitizer and clang builds use their own.
B ?= build

LIBS_PC = ncursesw libcjson libqrencode
TEST_PC = check vterm

# ncursesw's pkg-config adds _XOPEN_SOURCE=600; wcwidth under -std=c11
# needs 700, so the project sets its own and filters theirs out.
pc_cflags = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null))
pc_libs = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)

WERROR ?=
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wvla \
       -Wno-unused-parameter $(if $(filter 1,$(WERROR)),-Werror)
STD = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE
SAFESTEPS_CFLAGS = $(STD) $(WARN) -O2 -g $(call pc_cflags,$(LIBS_PC)) \
		   -DSAFESTEPS_VERSION='"$(VERSION)"' \
		   -I src -I $(B) $(SAN)
SAFESTEPS_LDLIBS = $(call pc_libs,$(LIBS_PC)) -lunistring
TEST_CFLAGS = $(SAFESTEPS_CFLAGS) $(call pc_cflags,$(TEST_PC)) -I tests/lib
TEST_LDLIBS = $(call pc_libs,$(TEST_PC)) $(SAFESTEPS_LDLIBS) -lutil -lm

# The user's CFLAGS, LDFLAGS and CPPFLAGS come last, so they win.
ALL_CFLAGS = $(SAFESTEPS_CFLAGS) $(CPPFLAGS) $(CFLAGS)
ALL_TEST_CFLAGS = $(TEST_CFLAGS) $(CPPFLAGS) $(CFLAGS)

# Every module but main and the curses front end goes into the core that
# the unit tests link.
CORE_SRC = $(filter-out src/main.c src/tui.c,$(wildcard src/*.c))
CORE_OBJ = $(CORE_SRC:src/%.c=$(B)/%.o) $(B)/builtin.o
MAIN_OBJ = $(B)/main.o $(B)/tui.o
CONTENT = $(sort $(wildcard content/*.json))
EXAMPLES = $(sort $(wildcard examples/*.json))

TEST_SRC = $(sort $(wildcard tests/test_*.c))
# The longest programs start first, so that the others fill in around
# them (measured on two processors, longest first); the rest follow in
# name order.  A name here without its tests/NAME.c (renamed, removed) is
# left out, not made.
TEST_LONG = test_leaving test_tui test_qr_term test_kiosk test_qr_window \
	    test_install test_hostile test_kiosk_unit
TEST_ALL = $(TEST_SRC:tests/%.c=$(B)/tests/%)
TEST_LONG_BIN = $(filter $(TEST_ALL),$(TEST_LONG:%=$(B)/tests/%))
TEST_BIN = $(TEST_LONG_BIN) $(filter-out $(TEST_LONG_BIN),$(TEST_ALL))
TESTLIB_SRC = $(wildcard tests/lib/*.c)
TESTLIB_OBJ = $(TESTLIB_SRC:tests/lib/%.c=$(B)/tests/lib/%.o)

MAN = man/safesteps.1 man/safesteps-content.5

all: $(B)/safesteps $(B)/content.ok

$(B)/safesteps: $(MAIN_OBJ) $(CORE_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(SAFESTEPS_LDLIBS)

# The bundled content and the example site files must pass the validator
# that the program uses.
$(B)/content.ok: $(B)/safesteps $(CONTENT) $(EXAMPLES)
	$(B)/safesteps --check $(CONTENT) >/dev/null
	for f in $(EXAMPLES); do $(B)/safesteps --check --site $$f >/dev/null || exit 1; done
	@touch $@

$(B)/%.o: src/%.c | $(B)/tests/lib
	$(CC) $(ALL_CFLAGS) $(PATH_CFLAGS) -MMD -MP -c -o $@ $<

# Where the program looks for its content and the site file is built into
# main.o.  $(B)/paths holds the paths the last build used and changes only
# when they do, so that "make && make install PREFIX=/usr" rebuilds main.o,
# the man pages and the unit with /usr in them.
PATHS = $(BINDIR) $(DATADIR) $(SYSCONFDIR) $(DOCDIR)
$(B)/paths: FORCE | $(B)/tests/lib
	@echo '$(PATHS)' | cmp -s - $@ || echo '$(PATHS)' > $@
$(B)/main.o: $(B)/paths
$(B)/main.o: PATH_CFLAGS = -DSAFESTEPS_DATADIR='"$(DATADIR)"' \
			   -DSAFESTEPS_SYSCONFDIR='"$(SYSCONFDIR)"'

# The program the tests run reads no file of the machine it runs on: its
# installed directory and its /etc are under $(B)/tests (issue 13), so a
# site file in /etc/safesteps cannot change a result.
TEST_ROOT = $(abspath $(B))/tests/root
$(B)/tests/bin/paths: FORCE | $(B)/tests/bin
	@echo '$(TEST_ROOT)' | cmp -s - $@ || echo '$(TEST_ROOT)' > $@
$(B)/tests/bin/main.o: src/main.c $(B)/tests/bin/paths | $(B)/tests/bin
	$(CC) $(ALL_CFLAGS) -DSAFESTEPS_DATADIR='"$(TEST_ROOT)/share/safesteps"' \
	    -DSAFESTEPS_SYSCONFDIR='"$(TEST_ROOT)/etc"' -MMD -MP -c -o $@ $<
$(B)/tests/bin/safesteps: $(B)/tests/bin/main.o $(B)/tui.o $(CORE_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(SAFESTEPS_LDLIBS)

# The man pages with the paths of this install in them: the sources name
# the defaults, /usr/local/share/safesteps, /usr/local/share/doc/safesteps
# and /etc/safesteps.
MAN_OUT = $(MAN:man/%=$(B)/man/%)
$(B)/man/%: man/% $(B)/paths
	@mkdir -p $(B)/man
	sed -e 's|/usr/local/share/safesteps|$(DATADIR)|g' \
	    -e 's|/usr/local/share/doc/safesteps|$(DOCDIR)|g' \
	    -e 's|/etc/safesteps|$(SYSCONFDIR)/safesteps|g' $< > $@

# The built-in copy of the content, generated, never edited by hand.
$(B)/builtin.c: $(CONTENT) src/embed.sh | $(B)/tests/lib
	sh src/embed.sh $(CONTENT) > $@.tmp && mv $@.tmp $@

$(B)/builtin.o: $(B)/builtin.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The build directories (also when another build made build/ first).
$(B)/tests/lib $(B)/tests/bin:
	mkdir -p $@

$(B)/tests/lib/%.o: tests/lib/%.c | $(B)/tests/lib
	$(CC) $(ALL_TEST_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/%: tests/%.c $(CORE_OBJ) $(TESTLIB_OBJ) | $(B)/tests/lib
	$(CC) $(ALL_TEST_CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< $(CORE_OBJ) \
	    $(TESTLIB_OBJ) $(TEST_LDLIBS)

# What make run and make check need (.ci/packages-build, packages-test).
deps: deps-test
deps-build:
	@sh .ci/deps build
deps-test:
	@sh .ci/deps test

run: deps-build
	@$(MAKE) --no-print-directory all
	$(B)/safesteps --content content

# Each test binary finds the program, the content and the fixtures
# through the environment; TEST_TIMEOUT_FACTOR scales time limits.
TEST_TIMEOUT_FACTOR ?= 1
TEST_ENV = SAFESTEPS_BIN=$(B)/tests/bin/safesteps SAFESTEPS_CONTENT_DIR=content \
	   SAFESTEPS_TESTDATA=tests/data SAFESTEPS_BUILD=$(B) \
	   TEST_TIMEOUT_FACTOR=$(TEST_TIMEOUT_FACTOR) $(if $(CK_FORK),CK_FORK=$(CK_FORK))

check: deps-test
	@$(MAKE) --no-print-directory test

# TEST_JOBS test programs run at once (their output is kept apart); by
# default as many as there are processors.
TEST_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
test: all $(B)/tests/bin/safesteps $(TEST_BIN)
	@$(TEST_ENV) TEST_WRAP='$(TEST_WRAP)' TEST_JOBS='$(TEST_JOBS)' \
	    sh tests/run.sh $(TEST_BIN)

SAN = 
sanitize:
	@$(MAKE) --no-print-directory B=build/san CC=clang \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    TEST_TIMEOUT_FACTOR=3 TEST_WRAP="env SAFESTEPS_SANITIZED=1" test

clang:
	@$(MAKE) --no-print-directory B=build/clang CC=clang all

# Under valgrind only the test programs run slower (the program under
# test is not traced), and most of their time is waiting, ten times as
# long: four at a time on two processors finish sooner without crowding.
VALGRIND_JOBS ?= 4
valgrind: all $(B)/tests/bin/safesteps $(TEST_BIN)
	@$(MAKE) --no-print-directory test CK_FORK=no TEST_TIMEOUT_FACTOR=10 TEST_JOBS=$(VALGRIND_JOBS) \
	    TEST_WRAP="valgrind -q --leak-check=full --error-exitcode=1 --trace-children=no"

FUZZ_SECONDS ?= 60
fuzz:
	mkdir -p build/fuzz/corpus
	clang $(STD) -g -O1 -fsanitize=fuzzer,address,undefined \
	    $(call pc_cflags,libcjson) -I src -o build/fuzz/fuzz_load \
	    tests/fuzz_load.c src/load.c src/json.c src/report.c src/guide.c src/outside.c src/site.c src/xmalloc.c \
	    $(call pc_libs,libcjson) -lunistring
	build/fuzz/fuzz_load -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    build/fuzz/corpus tests/fuzz tests/data content

# The benchmark (issue 8): safesteps, a minimal ncurses program and
# dialog side by side on a pty, and the loader alone; see README.md.
BENCH_RUNS ?= 41
bench: all $(B)/tests/bin/safesteps $(CORE_OBJ) $(TESTLIB_OBJ)
	mkdir -p $(B)/bench
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $(B)/bench/floor tests/bench/floor.c \
	    $(call pc_libs,ncursesw)
	$(CC) $(ALL_TEST_CFLAGS) $(LDFLAGS) -o $(B)/bench/bench \
	    tests/bench/bench.c $(CORE_OBJ) $(TESTLIB_OBJ) $(TEST_LDLIBS)
	$(B)/bench/bench --runs $(BENCH_RUNS) --bin $(B)/tests/bin/safesteps \
	    --floor $(B)/bench/floor --content content

lint:
	mandoc -Tlint -Wwarning $(MAN)
	@bad=$$(grep -l 'cJSON\.h' src/*.c src/*.h | grep -vE '^src/(load\.c|json\.[ch])$$'); \
	if [ -n "$$bad" ]; then echo "lint: only src/load.c and src/json.[ch] may include cJSON: $$bad"; exit 1; fi
	@bad=$$(grep -lE '#include <(n)?curses(w)?(/[a-z]+)?\.h>|#include <term\.h>' src/*.c src/*.h | grep -v '^src/tui\.c$$'); \
	if [ -n "$$bad" ]; then echo "lint: only src/tui.c may include curses: $$bad"; exit 1; fi
	@bad=$$(grep -nE '(->|\.)text\b' src/plain.c src/print.c | grep -vE 'textout_line\([^,]*, l->text\);'); \
	if [ -n "$$bad" ]; then echo "lint: plain.c and print.c write a view line's text as it is, never look inside it:"; echo "$$bad"; exit 1; fi
	clang-format --dry-run -Werror src/*.c src/*.h tests/*.c tests/lib/*.c tests/lib/*.h tests/vm/*.c
	@if command -v dpkg-parsechangelog >/dev/null; then \
	    v=$$(dpkg-parsechangelog -S Version) || exit 1; \
	    if [ "$$v" != "$(VERSION)" ]; then echo "lint: debian/changelog says $$v, the Makefile $(VERSION)"; exit 1; fi; \
	elif [ -n "$$CI" ]; then echo "lint: dpkg-parsechangelog (dpkg-dev) is missing (CI)"; exit 1; \
	else echo "SKIP: lint: dpkg-parsechangelog (dpkg-dev) not installed, debian/changelog's version is not checked"; fi
	@if command -v ansible-playbook >/dev/null; then \
	    ANSIBLE_ROLES_PATH=deploy/ansible/roles ANSIBLE_LOCAL_TEMP=$(abspath $(B))/ansible \
	    ansible-playbook --syntax-check -i deploy/ansible/inventory.example deploy/ansible/site.yml >/dev/null && \
	    echo "lint: ansible-playbook --syntax-check deploy/ansible/site.yml: ok"; \
	elif [ -n "$$CI" ]; then echo "lint: ansible-playbook (ansible-core) is missing (CI)"; exit 1; \
	else echo "SKIP: lint: ansible-playbook (ansible-core) not installed, deploy/ansible is not checked"; fi
	@echo "lint: clean"

install: all $(MAN_OUT)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) \
	    $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5 \
	    $(DESTDIR)$(DOCDIR)/examples
	install -m 755 $(B)/safesteps $(DESTDIR)$(BINDIR)/safesteps
	install -m 644 $(CONTENT) $(DESTDIR)$(DATADIR)/
	install -m 644 $(EXAMPLES) $(DESTDIR)$(DOCDIR)/examples/
	install -m 644 $(B)/man/safesteps.1 $(DESTDIR)$(MANPREFIX)/man1/
	install -m 644 $(B)/man/safesteps-content.5 $(DESTDIR)$(MANPREFIX)/man5/

# The kiosk unit, with the installed program's path in ExecStart.
$(B)/safesteps-kiosk.service: src/safesteps-kiosk.service.in $(B)/paths
	sed 's|@BINDIR@|$(BINDIR)|g' src/safesteps-kiosk.service.in > $@

install-kiosk: install $(B)/safesteps-kiosk.service
	install -d $(DESTDIR)$(UNITDIR)
	install -m 644 $(B)/safesteps-kiosk.service $(DESTDIR)$(UNITDIR)/
	@echo "Now: systemctl daemon-reload, mask the gettys, systemctl enable --now safesteps-kiosk.service: see KIOSK in safesteps(1)"

uninstall:
	rm -f $(DESTDIR)$(UNITDIR)/safesteps-kiosk.service
	rm -f $(DESTDIR)$(BINDIR)/safesteps
	rm -f $(CONTENT:content/%=$(DESTDIR)$(DATADIR)/%)
	-rmdir $(DESTDIR)$(DATADIR)
	rm -f $(EXAMPLES:examples/%=$(DESTDIR)$(DOCDIR)/examples/%)
	-rmdir $(DESTDIR)$(DOCDIR)/examples $(DESTDIR)$(DOCDIR)
	rm -f $(DESTDIR)$(MANPREFIX)/man1/safesteps.1
	rm -f $(DESTDIR)$(MANPREFIX)/man5/safesteps-content.5

clean:
	rm -rf build

# The release tarball: what git has at HEAD (commit first).
DIST = safesteps-$(VERSION)
dist:
	@mkdir -p build
	git archive --format=tar.gz --prefix=$(DIST)/ -o build/$(DIST).tar.gz HEAD
	@echo "dist: build/$(DIST).tar.gz"

# The Debian packages, built from a git archive of HEAD under build/deb/
# (dpkg-buildpackage cleans its tree and writes to ..), then lintian.
# DEB_BUILD_OPTIONS as usual (by default: build and test on every
# processor; add nocheck to leave the tests out); DEB_BUILD_FLAGS go to
# dpkg-buildpackage.
DEB_BUILD_OPTIONS ?= parallel=$(TEST_JOBS)
DEB_BUILD_FLAGS ?=
deb:
	@git diff --quiet HEAD || echo "deb: uncommitted changes are not in the packages (git archive HEAD)"
	rm -rf build/deb
	mkdir -p build/deb
	git rev-parse HEAD > build/deb/HEAD.new
	git archive --prefix=$(DIST)/ $$(cat build/deb/HEAD.new) | tar -x -C build/deb
	cd build/deb/$(DIST) && DEB_BUILD_OPTIONS='$(DEB_BUILD_OPTIONS)' \
	    dpkg-buildpackage -us -uc $(DEB_BUILD_FLAGS)
	@if command -v lintian >/dev/null; then \
	    echo "lintian build/deb/safesteps_$(VERSION)_*.changes"; \
	    lintian --fail-on error,warning build/deb/safesteps_$(VERSION)_*.changes; \
	elif [ -n "$$CI" ]; then echo "deb: lintian is missing (CI)"; exit 1; \
	else echo "deb: lintian not installed, the packages are not checked"; fi
	@mv build/deb/HEAD.new build/deb/HEAD
	@ls build/deb/*.deb

# The packages' own test (debian/tests), on this machine as autopkgtest
# runs it in CI: it installs them, so it needs root; everything it
# installed is purged afterwards.
autopkgtest: deb-current
	sh .ci/autopkgtest build/deb

# build/deb holds the packages of HEAD (make deb writes build/deb/HEAD,
# the commit it archived, once they are built and lintian passes), or
# make deb makes them.
deb-current:
	@[ "$$(cat build/deb/HEAD 2>/dev/null)" = "$$(git rev-parse HEAD)" ] || \
	    $(MAKE) --no-print-directory deb

# The packaged kiosk booted in a virtual machine (issue 21): see README.md,
# "A kiosk".  Builds the packages first unless build/deb has HEAD's.
vm-test: $(B)/tests/vm/kiosk-vm
	B=$(B) sh tests/vm/run.sh

$(B)/tests/vm/kiosk-vm: tests/vm/kiosk_vm.c $(CORE_OBJ) $(TESTLIB_OBJ)
	@mkdir -p $(B)/tests/vm
	$(CC) $(ALL_TEST_CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< $(CORE_OBJ) \
	    $(TESTLIB_OBJ) $(TEST_LDLIBS)

FORCE:

.PHONY: all deps deps-build deps-test run check test sanitize clang valgrind fuzz bench lint \
	install install-kiosk uninstall clean dist deb deb-current autopkgtest vm-test FORCE

-include $(wildcard $(B)/*.d $(B)/tests/*.d $(B)/tests/lib/*.d $(B)/tests/bin/*.d $(B)/tests/vm/*.d)
