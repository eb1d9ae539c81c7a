/* check_main.h: the main() every unit test program shares. */
#ifndef OZ_CHECK_MAIN_H
#define OZ_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

/* Tests see only the configuration they set: drop inherited OZZIE_* variables. */
static inline void
oz_clear_ozzie_env(void)
{
	char	name[256];
	int	again = 1;

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

#define OZ_CHECK_MAIN(make_suite)					\
int									\
main(void)								\
{									\
	SRunner *sr;							\
	int failed;							\
									\
	oz_clear_ozzie_env();						\
	sr = srunner_create(make_suite());				\
									\
	srunner_run_all(sr, CK_NORMAL);					\
	failed = srunner_ntests_failed(sr);				\
	srunner_free(sr);						\
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;		\
}

#endif
