# make run  — install what is missing, build, plan the bundled sample district (GeoPackage + PDF).
# make test — install what is missing, build, run the whole CTest suite.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
BUILD_TYPE ?= Release
OUT ?= out

.PHONY: all deps configure build run test bench clean

all: build

deps:
	./packaging/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BUILD_DIR)/bin/greenfreight-cli plan --out $(OUT)
	@echo "Plan GeoPackage: $(abspath $(OUT))/plan.gpkg"
	@echo "Siting report:   $(abspath $(OUT))/plan.pdf"
	@if [ -n "$$DISPLAY" ] && [ -x $(BUILD_DIR)/bin/greenfreight ]; then \
	  echo "Opening the map window on the sample district…"; \
	  $(BUILD_DIR)/bin/greenfreight; \
	fi

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen QGIS_PREFIX_PATH=/usr ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD_DIR)/bin/greenfreight-bench od
	$(BUILD_DIR)/bin/greenfreight-bench solvers --family pmed_orlib

clean:
	rm -rf $(BUILD_DIR)
