# tests/fuzz/fuzz.mk: the libFuzzer targets, linked against a clang build of
# libozzie's archives. tools/ozzie-dev fuzz configures that build (CC=clang,
# CFLAGS=-fsanitize=fuzzer-no-link, --enable-sanitizers --enable-werror) in
# .dev/build-fuzz, makes its archives, and runs this makefile there:
#
#     make -f SRCDIR/tests/fuzz/fuzz.mk top_srcdir=SRCDIR
#
# Every SRCDIR/tests/fuzz/fuzz_NAME.c is a target, built as tests/fuzz/fuzz_NAME:
# adding one is adding that file. This is not part of the autotools build, so
# a gcc build never needs clang.

top_srcdir ?= .
FUZZ_SRCDIR = $(top_srcdir)/tests/fuzz

# The build's own compiler and warnings (-Werror included), from its Makefile.
CC := $(shell sed -n 's/^CC = //p' Makefile)
OZ_CFLAGS := $(shell sed -n 's/^OZ_CFLAGS = //p' Makefile)
# The document readers' libraries (tesseract, poppler, libzip, libxml2), as configure found them.
DOC_CFLAGS := $(shell sed -n 's/^DOC_CFLAGS = //p' Makefile)
DOC_LIBS := $(shell sed -n 's/^DOC_LIBS = //p' Makefile)
PKGS = json-c libpq libcurl libcrypto

FUZZ_CPPFLAGS = -I. -I$(top_srcdir)/src -Isrc -I$(FUZZ_SRCDIR)
FUZZ_CFLAGS = $(OZ_CFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined \
	$(shell pkg-config --cflags $(PKGS)) $(DOC_CFLAGS)
FUZZ_LIBS = $(shell pkg-config --libs $(PKGS)) $(DOC_LIBS)

# The layers, highest first (as OZ_LIBS in Makefile.am).
OZ_ARCHIVES = src/api/libozapi.a src/http/libozhttp.a src/service/libozservice.a \
	src/ai/libozai.a src/doc/libozdoc.a src/store/libozstore.a src/domain/libozdomain.a \
	src/core/libozcore.a

SRCS := $(wildcard $(FUZZ_SRCDIR)/fuzz_*.c)
BINS := $(patsubst $(FUZZ_SRCDIR)/%.c,tests/fuzz/%,$(SRCS))

all: $(BINS)

tests/fuzz/%: $(FUZZ_SRCDIR)/%.c $(wildcard $(FUZZ_SRCDIR)/*.h) $(OZ_ARCHIVES)
	@mkdir -p tests/fuzz
	@echo "  FUZZ     $@"
	@$(CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -o $@ $< $(OZ_ARCHIVES) $(FUZZ_LIBS)

.PHONY: all
