/* it_suites.h: the integration suites, run in this order by it_main.c. */
#ifndef OZ_IT_SUITES_H
#define OZ_IT_SUITES_H

#include <check.h>

Suite	*tenancy_suite(void);
Suite	*finance_suite(void);
Suite	*plan_suite(void);
Suite	*goals_suite(void);
Suite	*analytics_suite(void);
Suite	*imports_suite(void);
Suite	*chat_suite(void);
Suite	*whatsapp_suite(void);
Suite	*platform_suite(void);
Suite	*faults_suite(void);

#endif
