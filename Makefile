# Two commands on a fresh Debian/Ubuntu machine with Swift 6.3:
#   make demo   imports the bundled demo federation and prints a faceted search
#   make test   runs the whole test suite
SWIFT ?= swift
DEMO_HOME ?= .build/demo-catalogue
CATALOGUE = .build/debug/catalogue

.PHONY: deps build demo test bench clean-demo

deps:
	@bash scripts/install-system-deps.sh

build: deps
	$(SWIFT) build --product catalogue

demo: build
	@bash scripts/demo.sh "$(CATALOGUE)" "$(DEMO_HOME)"

test: deps
	$(SWIFT) test

bench: deps
	@bash Benchmarks/run.sh

clean-demo:
	rm -rf "$(DEMO_HOME)"
