/*
 * fuzz.h: what every libFuzzer target shares (tests/fuzz/README). A target
 * is one file, tests/fuzz/fuzz_NAME.c, defining LLVMFuzzerTestOneInput (and,
 * if it needs one, LLVMFuzzerInitialize); it includes "config.h" first and
 * then this header. A failed FUZZ_CHECK aborts, which libFuzzer reports as a
 * crash with the input that caused it.
 */
#ifndef OZ_FUZZ_H
#define OZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int	LLVMFuzzerInitialize(int *argc, char ***argv);

/* An invariant of the code under test: on failure, say which and abort. */
#define FUZZ_CHECK(cond, ...) do {						\
	if (!(cond)) {								\
		fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__,	\
		    __LINE__, #cond);						\
		fprintf(stderr, __VA_ARGS__);					\
		fputc('\n', stderr);						\
		abort();							\
	}									\
} while (0)

/* data as a new NUL-terminated string (it may hold NULs: C code sees the first part). */
static inline char *
fuzz_strdup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/*
 * Take the first byte of the input (0 when there is none) to choose among
 * the harness's options, advancing *data and *size past it.
 */
static inline unsigned
fuzz_byte(const uint8_t **data, size_t *size)
{
	unsigned b = 0;

	if (*size > 0) {
		b = **data;
		(*data)++;
		(*size)--;
	}
	return b;
}

/*
 * Split the input at the first '\n' into a line (NUL-terminated copy, '\n'
 * dropped) and the rest (advanced past it). The whole input when there is
 * none. The caller frees the line.
 */
static inline char *
fuzz_line(const uint8_t **data, size_t *size)
{
	const uint8_t	*nl = *size > 0 ? memchr(*data, '\n', *size) : NULL;
	size_t		 n = nl ? (size_t)(nl - *data) : *size;
	char		*line = fuzz_strdup(*data, n);

	*data += nl ? n + 1 : n;
	*size -= nl ? n + 1 : n;
	return line;
}

/* Tests see only the configuration they set: drop inherited OZZIE_* variables. */
static inline void
fuzz_clear_ozzie_env(void)
{
	extern char **environ;
	char	 name[256];
	int	 again = 1;

	while (again) {
		char **e;

		again = 0;
		for (e = environ; e && *e; e++) {
			const char *eq = strchr(*e, '=');

			if (strncmp(*e, "OZZIE_", 6) == 0 && eq && (size_t)(eq - *e) < sizeof(name)) {
				memcpy(name, *e, (size_t)(eq - *e));
				name[eq - *e] = '\0';
				unsetenv(name);
				again = 1;
				break;
			}
		}
	}
}

#endif
