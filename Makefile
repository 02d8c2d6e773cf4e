# factcheck: the two commands a fresh machine needs are `make example` and `make test`.
SWIFT ?= swift
EXAMPLE ?= Examples/drafts/belarus-errors.md

.PHONY: deps build release example test score accuracy bench clean

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
test: deps
	$(SWIFT) test --disable-xctest

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
	$(ACCURACY) duckling

clean:
	rm -rf .build
