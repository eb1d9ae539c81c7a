/*
 * fuzz_conf.c: the configuration file parser (config_load, src/core/conf.c):
 * "key = value" lines, comments, every key's type and bounds.
 *
 * Input: the file (written to a memory file; lines naming a *_file key are
 * left out, since those read whatever file they name). Checks, besides
 * crashes, leaks and sanitizer reports:
 *  - loaded: every integer key within its bounds, every enum a name of its
 *    list, every string set and free of control characters, the default
 *    currency ISO 4217, the secret key empty or at least 32 bytes, and
 *    config_value_text answers for every key;
 *  - refused: a message, naming the file and line when the file is at fault,
 *    and nothing left allocated.
 */
#include "config.h"

#include "fuzz.h"

#include <sys/mman.h>
#include <unistd.h>

#include "core/conf.h"
#include "core/currency.h"
#include "core/log.h"

static int	 fd = -1;
static char	 path[64];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_clear_ozzie_env();
	log_init("fuzz_conf", LOG_LVL_ERROR);
	if ((fd = memfd_create("fuzz.conf", MFD_CLOEXEC)) == -1)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return 0;
}

static void
check_loaded(const struct oz_config *cfg)
{
	const struct oz_config_key *k;
	char	 text[512];
	int64_t	 v;
	size_t	 i, n;

	for (k = oz_config_keys; k->name; k++) {
		const char *p = (const char *)cfg + k->offset;

		if (k->type == CFG_STRING) {
			const char *s = *(char *const *)(const void *)p;

			FUZZ_CHECK(s != NULL, "%s unset", k->name);
			for (i = 0; s[i]; i++)
				FUZZ_CHECK((unsigned char)s[i] >= 0x20, "%s: a control byte", k->name);
		} else {
			memcpy(&v, p, sizeof(v));
			if (k->type == CFG_ENUM) {
				for (n = 0; k->enums[n]; n++)
					;
				FUZZ_CHECK(v >= 0 && (size_t)v < n, "%s = %lld", k->name, (long long)v);
			} else
				FUZZ_CHECK(v >= k->min && v <= k->max, "%s = %lld", k->name,
				    (long long)v);
		}
		FUZZ_CHECK(config_value_text(cfg, k, text, sizeof(text)) == 0, "%s", k->name);
	}
	FUZZ_CHECK(currency_valid(cfg->default_currency), "default_currency");
	FUZZ_CHECK(cfg->secret_key[0] == '\0' || strlen(cfg->secret_key) >= 32, "secret_key");
}

static void
check_freed(const struct oz_config *cfg)
{
	const struct oz_config_key *k;

	for (k = oz_config_keys; k->name; k++)
		if (k->type == CFG_STRING)
			FUZZ_CHECK(*(char *const *)(const void *)((const char *)cfg + k->offset) ==
			    NULL, "%s still allocated after a refusal", k->name);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct oz_config cfg;
	char		 err[512];

	if (memmem(data, size, "_file", 5) != NULL)
		return 0;
	if (ftruncate(fd, 0) == -1 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	memset(err, 0, sizeof(err));
	if (config_load(&cfg, path, 1, err, sizeof(err)) == 0) {
		check_loaded(&cfg);
		config_free(&cfg);
	} else {
		FUZZ_CHECK(err[0] != '\0', "refused without a word");
		FUZZ_CHECK(strncmp(err, path, strlen(path)) == 0 ||
		    strncmp(err, "default_currency:", 17) == 0 ||
		    strncmp(err, "secret_key:", 11) == 0, "the message names no place: %s", err);
		check_freed(&cfg);
	}
	return 0;
}
