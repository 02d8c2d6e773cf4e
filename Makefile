# factcheck: the two commands a fresh machine needs are `make example` and `make test`.
SWIFT ?= swift
EXAMPLE ?= Examples/drafts/belarus-errors.md
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
# The installed binary is built in a folder of its own: --static-swift-stdlib changes how every module is compiled,
# so sharing .build/release with `make example` would rebuild everything each time one follows the other.
STATIC_BUILD = .build-static
# Where `generate-manual` (ArgumentParser's plugin) writes the man page.
MANUAL = .build/plugins/GenerateManual/outputs/factcheck/factcheck.1

.PHONY: deps build release example test score accuracy bench clean install uninstall install-check

# PCRE2's headers and pkg-config file come from Debian's libpcre2-dev; only the runtime is on a fresh machine.
deps:
	@pkg-config --exists libpcre2-8 || { \
		echo "installing libpcre2-dev (PCRE2 headers)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libpcre2-dev; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Checks the bundled example draft, which has planted mistakes: prints them and exits 1 by design.
example: release
	.build/release/factcheck $(EXAMPLE) || [ $$? -eq 1 ]

# Every test uses Swift Testing; without --disable-xctest, XCTest adds an "Executed 0 tests" line of its own.
# The PostgreSQL fact store's tests need a server: FACTCHECK_TEST_DATABASE_URL names one, else a throw-away
# cluster is started for the run and stopped after it (.ci/postgres-cluster; CI does the same).
test: deps
	@if [ -n "$$FACTCHECK_TEST_DATABASE_URL" ]; then $(SWIFT) test --disable-xctest; \
	else .ci/postgres-cluster run $(SWIFT) test --disable-xctest; fi

# Accuracy on the labelled sets in ../shared/eval (release build).
score: release
	python3 ../shared/tools/score.py ../shared/eval/seed-dev.jsonl --baseline ../shared/corpus/belarus-us-call.txt
	python3 ../shared/tools/score.py ../shared/eval/summedits-numdate-dev.jsonl
	python3 ../shared/tools/score.py ../shared/eval/realnews-numdate-dev.jsonl

# The same figures from the in-repository harness (in process, seconds), with a per-kind breakdown: each pair-form
# set whole and by half (split by source document as score.py splits it; look at A, judge on B), and the value
# readers on Duckling's corpora.
ACCURACY = .build/release/factcheck-accuracy
accuracy: release
	$(ACCURACY) cases ../shared/eval/seed-dev.jsonl --baseline ../shared/corpus/belarus-us-call.txt
	@for set in summedits realnews; do for half in A B; do \
		echo "== $$set-numdate-dev half $$half"; \
		$(ACCURACY) cases ../shared/eval/$$set-numdate-dev.jsonl --half $$half || exit 1; done; done
	@for half in A B; do echo "== encyclopedic-dev half $$half (Benchmarks/eval, written for the project)"; \
		$(ACCURACY) cases Benchmarks/eval/encyclopedic-dev.jsonl --half $$half || exit 1; done
	$(ACCURACY) duckling

# A release binary with the Swift runtime and Foundation linked in (it needs only the system's C and C++ libraries,
# libpcre2 and libsqlite3), stripped of its debug symbols (140 MB to 78 MB); its man page and its bash, zsh and fish
# completions, all generated from the command's definition by ArgumentParser. The man page comes from a debug build,
# which `make test` has usually made already: the manual is the same, and the release build is left alone.
install: deps
	$(SWIFT) package generate-manual --configuration debug --authors "the factcheck maintainers"
	$(SWIFT) build -c release --static-swift-stdlib --product factcheck --scratch-path $(STATIC_BUILD)
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -s -m 755 $(STATIC_BUILD)/release/factcheck $(BINDIR)/factcheck
	install -m 644 $(MANUAL) $(MANDIR)/factcheck.1
	$(BINDIR)/factcheck --generate-completion-script bash > $(BASHDIR)/factcheck
	$(BINDIR)/factcheck --generate-completion-script zsh > $(ZSHDIR)/_factcheck
	$(BINDIR)/factcheck --generate-completion-script fish > $(FISHDIR)/factcheck.fish
	@echo "installed $(BINDIR)/factcheck"

uninstall:
	rm -f $(BINDIR)/factcheck $(MANDIR)/factcheck.1 $(BASHDIR)/factcheck $(ZSHDIR)/_factcheck $(FISHDIR)/factcheck.fish

# Installs into a temporary prefix and checks that the binary needs nothing of the Swift toolchain or of this
# repository (CI runs it).
install-check:
	.ci/install-check

clean:
	rm -rf .build $(STATIC_BUILD)
