# Two commands on a fresh Debian/Ubuntu machine with Swift 6.3:
#   make demo   imports the bundled demo federation and prints a faceted search
#   make test   runs the whole test suite
SWIFT ?= swift
DEMO_HOME ?= .build/demo-catalogue
CATALOGUE = .build/debug/catalogue

.PHONY: deps build demo test fuzz bench clean-demo

deps:
	@bash scripts/install-system-deps.sh

build: deps
	$(SWIFT) build --product catalogue

demo: build
	@bash scripts/demo.sh "$(CATALOGUE)" "$(DEMO_HOME)"

test: deps
	$(SWIFT) test
	bash scripts/fuzz.sh --short

# The long fuzzing run (1,000,000 inputs per target); crashes go to Fuzz/artifacts/.
fuzz: deps
	bash scripts/fuzz.sh --long

bench: deps
	@bash Benchmarks/run.sh

clean-demo:
	rm -rf "$(DEMO_HOME)"
