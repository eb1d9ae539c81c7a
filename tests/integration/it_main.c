/* it_main.c: run every integration suite against the stack under test. */
#include "config.h"

#include <check.h>
#include <curl/curl.h>
#include <stdlib.h>

#include "it_suites.h"

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	curl_global_init(CURL_GLOBAL_ALL);
	sr = srunner_create(tenancy_suite());
	srunner_add_suite(sr, finance_suite());
	srunner_add_suite(sr, plan_suite());
	srunner_add_suite(sr, goals_suite());
	srunner_add_suite(sr, analytics_suite());
	srunner_add_suite(sr, imports_suite());
	srunner_add_suite(sr, chat_suite());
	srunner_add_suite(sr, whatsapp_suite());
	/* The platform suite stops PostgreSQL and kills workers: it runs last. */
	srunner_add_suite(sr, platform_suite());
	/* PostgreSQL killed under load: last of all. */
	srunner_add_suite(sr, faults_suite());
	srunner_run_all(sr, CK_VERBOSE);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	curl_global_cleanup();
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
