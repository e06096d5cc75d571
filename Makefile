# Two commands on a fresh Debian/Ubuntu machine with Swift 6.3:
#   make demo   harvests the bundled demo federation, prints faceted searches, then serves the API
#               on 127.0.0.1:8080 until Ctrl-C (make demo SERVE=0 stops after the searches)
#   make test   runs the whole test suite, the API's conformance checks and the browser journeys
SWIFT ?= swift
DEMO_HOME ?= .build/demo-catalogue
CATALOGUE = .build/debug/catalogue

.PHONY: deps build demo test fuzz bench clean-demo

deps:
	@bash scripts/install-system-deps.sh

build: deps
	$(SWIFT) build --product catalogue

SERVE ?= 1
PORT ?= 8080

demo: build
	@SERVE=$(SERVE) PORT=$(PORT) bash scripts/demo.sh "$(CATALOGUE)" "$(DEMO_HOME)"

test: deps
	$(SWIFT) test --no-parallel
	bash scripts/check-count-api.sh
	bash scripts/api-conformance.sh .build/debug/catalogue
	bash scripts/browser-tests.sh .build/debug/catalogue
	bash scripts/fuzz.sh --short

# The long fuzzing run (1,000,000 inputs per target); crashes go to Fuzz/artifacts/.
fuzz: deps
	bash scripts/fuzz.sh --long

bench: deps
	@bash Benchmarks/run.sh

clean-demo:
	rm -rf "$(DEMO_HOME)"
