/*
 * test_store_job.c: ozzie-jobd's queue against a real PostgreSQL: a job
 * taken once, the order of one key's jobs, retries until dead, leases that
 * pass, two runners that never take one job, jobs given back, at most one
 * job per dedupe key, a job done with its follow-up in one transaction
 * (svc_job_finish), the purge of finished jobs; and an inbound WhatsApp
 * message taken once, its turn's answer kept for a turn taken again.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db_fixture.h"
#include "service/svc_job.h"
#include "store/store_evo.h"
#include "store/store_job.h"

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* The fixture, and a queue with nothing in it (this program alone uses it). */
static void
open_queue(struct fixture *f)
{
	fixture_open(f);
	fixture_sql("DELETE FROM jobs", NULL, NULL);
}

static int64_t
enqueue(struct store *st, const char *key, const char *dedupe, int max, int64_t delay)
{
	struct job_new	 j;
	int64_t		 id = 0;

	memset(&j, 0, sizeof(j));
	j.kind = "test.job";
	j.client = st->client;
	j.queue_key = key;
	j.dedupe_key = dedupe;
	j.payload = "{\"n\":1}";
	j.max_attempts = max;
	j.delay_ms = delay;
	ck_assert_int_eq(store_job_enqueue(st, &j, &id), 1);
	ck_assert_int_gt(id, 0);
	return id;
}

/* Claim as runner: the job's id, or 0 when none is due. */
static int64_t
claim(struct store *st, const char *runner, int lease, struct job *j)
{
	int rc = store_job_claim(st, runner, lease, j);

	ck_assert_int_ge(rc, 0);
	return rc == 1 ? j->id : 0;
}

static const char *
state_of(int64_t id, char *out, size_t len)
{
	char	 idt[32];

	snprintf(idt, sizeof(idt), "%lld", (long long)id);
	fixture_value("SELECT state FROM jobs WHERE id = $1::bigint", idt, NULL, out, len);
	return out;
}

START_TEST(taken_once_and_done)
{
	struct fixture	 fx;
	struct job	 j;
	char		 st[16];
	int64_t		 id;

	open_queue(&fx);
	id = enqueue(&fx.s.st, NULL, NULL, 0, 0);
	ck_assert_int_eq(claim(&fx.s.st, "r1", 60, &j), id);
	ck_assert_str_eq(j.kind, "test.job");
	ck_assert_str_eq(j.client, fx.a);
	ck_assert_str_eq(j.payload, "{\"n\": 1}");
	ck_assert_int_eq(j.attempts, 1);
	ck_assert_int_eq(j.max_attempts, 12);
	ck_assert_ptr_null(j.queue_key);
	/* nobody else gets it while it is held */
	ck_assert_int_eq(claim(&fx.s.st, "r2", 60, &j), 0);
	/* only its holder finishes it */
	ck_assert_int_eq(store_job_done(&fx.s.st, id, "r2"), 0);
	ck_assert_int_eq(store_job_done(&fx.s.st, id, "r1"), 1);
	ck_assert_str_eq(state_of(id, st, sizeof(st)), "done");
	ck_assert_int_eq(claim(&fx.s.st, "r1", 60, &j), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(one_key_in_order)
{
	struct fixture	 fx;
	struct job	 j;
	int64_t		 a1, a2, b1, a3;
	char		 st[12];

	open_queue(&fx);
	a1 = enqueue(&fx.s.st, "wa:k", NULL, 0, 0);
	a2 = enqueue(&fx.s.st, "wa:k", NULL, 0, 0);
	b1 = enqueue(&fx.s.st, "wa:other", NULL, 0, 0);
	a3 = enqueue(&fx.s.st, "wa:k", NULL, 0, 0);
	ck_assert_int_eq(claim(&fx.s.st, "r1", 60, &j), a1);
	ck_assert_str_eq(j.queue_key, "wa:k");
	/* a2 waits for a1; another key goes on */
	ck_assert_int_eq(claim(&fx.s.st, "r2", 60, &j), b1);
	ck_assert_int_eq(claim(&fx.s.st, "r3", 60, &j), 0);
	/* a1 fails: queued again, it still holds a2 back, and comes first again */
	ck_assert_int_eq(store_job_fail(&fx.s.st, a1, "r1", 0, "boom", 0, st), 1);
	ck_assert_str_eq(st, "queued");
	ck_assert_int_eq(claim(&fx.s.st, "r3", 60, &j), a1);
	ck_assert_int_eq(j.attempts, 2);
	ck_assert_int_eq(store_job_done(&fx.s.st, a1, "r3"), 1);
	ck_assert_int_eq(claim(&fx.s.st, "r1", 60, &j), a2);
	ck_assert_int_eq(claim(&fx.s.st, "r2", 60, &j), 0);
	/* a dead job holds nothing back */
	ck_assert_int_eq(store_job_fail(&fx.s.st, a2, "r1", 0, "bad", 1, st), 1);
	ck_assert_str_eq(st, "dead");
	ck_assert_int_eq(claim(&fx.s.st, "r2", 60, &j), a3);
	fixture_close(&fx);
}
END_TEST

START_TEST(retried_until_dead)
{
	struct fixture	 fx;
	struct job	 j;
	int64_t		 id;
	char		 st[12], err[64];

	open_queue(&fx);
	id = enqueue(&fx.s.st, NULL, NULL, 3, 0);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), id);
	/* the backoff: not due before it has passed */
	ck_assert_int_eq(store_job_fail(&fx.s.st, id, "r", 400, "503 from evolution", 0, st), 1);
	ck_assert_str_eq(st, "queued");
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), 0);
	sleep_ms(500);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), id);
	ck_assert_int_eq(store_job_fail(&fx.s.st, id, "r", 0, "again", 0, st), 1);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), id);
	ck_assert_int_eq(j.attempts, 3);
	ck_assert_int_eq(store_job_fail(&fx.s.st, id, "r", 0, "third", 0, st), 1);
	ck_assert_str_eq(st, "dead");
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), 0);
	fixture_value("SELECT last_error FROM jobs WHERE id = (SELECT max(id) FROM jobs)", NULL, NULL,
	    err, sizeof(err));
	ck_assert_str_eq(err, "third");
	fixture_close(&fx);
}
END_TEST

START_TEST(lease_passes)
{
	struct fixture	 fx;
	struct job	 j;
	int64_t		 id;

	open_queue(&fx);
	id = enqueue(&fx.s.st, "k", NULL, 0, 0);
	ck_assert_int_eq(claim(&fx.s.st, "dead-runner", 1, &j), id);
	ck_assert_int_eq(claim(&fx.s.st, "r2", 1, &j), 0);
	sleep_ms(1200);
	/* its runner died: taken again, the attempt counted */
	ck_assert_int_eq(claim(&fx.s.st, "r2", 60, &j), id);
	ck_assert_int_eq(j.attempts, 2);
	/* the first runner, back from the dead, cannot finish it */
	ck_assert_int_eq(store_job_done(&fx.s.st, id, "dead-runner"), 0);
	ck_assert_int_eq(store_job_done(&fx.s.st, id, "r2"), 1);
	fixture_close(&fx);
}
END_TEST

/* Two runners on two connections, the first still in its transaction: SKIP LOCKED. */
START_TEST(two_runners_never_share)
{
	struct fixture	 fx;
	struct oz_db	 db2;
	struct store	 st2;
	struct job	 j1, j2;
	int64_t		 a, b;

	open_queue(&fx);
	a = enqueue(&fx.s.st, NULL, NULL, 0, 0);
	b = enqueue(&fx.s.st, NULL, NULL, 0, 0);
	ck_assert_int_eq(db_init(&db2, &fx.cfg, "ozzie-unit-2"), 0);
	st2 = fx.s.st;
	st2.db = &db2;
	ck_assert_int_eq(db_begin(&fx.db), 0);
	ck_assert_int_eq(claim(&fx.s.st, "r1", 60, &j1), a);
	/* r1 has not committed: r2 skips the locked row instead of waiting */
	ck_assert_int_eq(claim(&st2, "r2", 60, &j2), b);
	ck_assert_int_eq(claim(&st2, "r2", 60, &j2), 0);
	ck_assert_int_eq(db_commit(&fx.db), 0);
	ck_assert_int_eq(claim(&st2, "r2", 60, &j2), 0);
	db_close(&db2);
	fixture_close(&fx);
}
END_TEST

START_TEST(given_back_and_deduped)
{
	struct fixture	 fx;
	struct job	 j;
	struct job_new	 n;
	int64_t		 id;

	open_queue(&fx);
	id = enqueue(&fx.s.st, NULL, "reply:once", 0, 0);
	memset(&n, 0, sizeof(n));
	n.kind = "test.job";
	n.dedupe_key = "reply:once";
	ck_assert_int_eq(store_job_enqueue(&fx.s.st, &n, NULL), 0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM jobs", NULL, NULL), 1);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), id);
	ck_assert_int_eq(store_job_release(&fx.s.st, id, "r", 300), 1);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), 0);
	sleep_ms(400);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), id);
	/* a give-back spends no attempt */
	ck_assert_int_eq(j.attempts, 1);
	/* a delayed job is not due yet */
	enqueue(&fx.s.st, NULL, NULL, 0, 60000);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), 0);
	fixture_close(&fx);
}
END_TEST

/* svc_job_finish: done with its follow-up queued, in one transaction; a lost lease keeps neither. */
START_TEST(finish_with_follow_up)
{
	struct fixture	 fx;
	struct job_result res;
	struct job	 j, j2;
	char		 st[12];
	int64_t		 id;

	open_queue(&fx);
	id = enqueue(&fx.s.st, "wa:x", NULL, 0, 0);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), id);
	memset(&res, 0, sizeof(res));
	res.outcome = JOB_DONE;
	res.has_next = 1;
	res.next.kind = "test.next";
	res.next.client = fx.a;
	res.next.queue_key = "wa:x";
	res.next.dedupe_key = "next:1";
	res.next.payload = "{}";
	/* another runner holds it now: nothing is kept */
	ck_assert_int_eq(svc_job_finish(&fx.s, &j, "other", &res, 0, st), -1);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM jobs WHERE kind = 'test.next'", NULL, NULL), 0);
	ck_assert_int_eq(svc_job_finish(&fx.s, &j, "r", &res, 0, st), 0);
	ck_assert_str_eq(st, "done");
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j2), j2.id);
	ck_assert_str_eq(j2.kind, "test.next");
	/* a retry takes the backoff of its attempt (about 1 s) */
	memset(&res, 0, sizeof(res));
	res.outcome = JOB_RETRY;
	res.error = "503";
	ck_assert_int_eq(svc_job_finish(&fx.s, &j2, "r", &res, 0, st), 0);
	ck_assert_str_eq(st, "queued");
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM jobs WHERE kind = 'test.next'"
	    " AND run_at > clock_timestamp() + interval '500 milliseconds'", NULL, NULL), 1);
	/* an unknown kind cannot succeed */
	svc_job_run(&fx.s, &j2, &res);
	ck_assert_int_eq(res.outcome, JOB_DEAD);
	fixture_close(&fx);
}
END_TEST

START_TEST(purge_finished)
{
	struct fixture	 fx;
	struct job	 j;
	int64_t		 id;
	int		 n;

	open_queue(&fx);
	id = enqueue(&fx.s.st, NULL, NULL, 0, 0);
	ck_assert_int_eq(claim(&fx.s.st, "r", 60, &j), id);
	ck_assert_int_eq(store_job_done(&fx.s.st, id, "r"), 1);
	enqueue(&fx.s.st, NULL, NULL, 0, 60000);
	ck_assert_int_eq(store_job_purge(&fx.s.st, 7, &n), 0);
	ck_assert_int_eq(n, 0);
	fixture_sql("UPDATE jobs SET finished_at = now() - interval '8 days' WHERE state = 'done'",
	    NULL, NULL);
	ck_assert_int_eq(store_job_purge(&fx.s.st, 7, &n), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM jobs", NULL, NULL), 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(inbound_once_and_its_answer_kept)
{
	struct fixture	 fx;
	const char	*reply = "x";

	open_queue(&fx);
	ck_assert_int_eq(store_evo_inbound(&fx.s.st, "inst", "MSG1"), 1);
	ck_assert_int_eq(store_evo_inbound(&fx.s.st, "inst", "MSG1"), 0);
	/* the same id on another instance, or for another client, is another message */
	ck_assert_int_eq(store_evo_inbound(&fx.s.st, "inst2", "MSG1"), 1);
	ck_assert_int_eq(store_evo_inbound(&fx.st_b, "inst", "MSG1"), 1);
	ck_assert_int_eq(store_evo_turned(&fx.s.st, "inst", "MSG1", &reply), 0);
	ck_assert_ptr_null(reply);
	ck_assert_int_eq(store_evo_mark_turned(&fx.s.st, "inst", "MSG1", "Registrei *R$ 45,90*"), 0);
	ck_assert_int_eq(store_evo_turned(&fx.s.st, "inst", "MSG1", &reply), 1);
	ck_assert_str_eq(reply, "Registrei *R$ 45,90*");
	/* a turn that answers nothing is kept as such */
	ck_assert_int_eq(store_evo_mark_turned(&fx.s.st, "inst2", "MSG1", NULL), 0);
	ck_assert_int_eq(store_evo_turned(&fx.s.st, "inst2", "MSG1", &reply), 1);
	ck_assert_ptr_null(reply);
	/* the other client's is its own */
	ck_assert_int_eq(store_evo_turned(&fx.st_b, "inst", "MSG1", &reply), 0);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_job_suite(void)
{
	Suite	*s = suite_create("store_job");
	TCase	*tc = tcase_create("queue");

	tcase_add_test(tc, taken_once_and_done);
	tcase_add_test(tc, one_key_in_order);
	tcase_add_test(tc, retried_until_dead);
	tcase_add_test(tc, lease_passes);
	tcase_add_test(tc, two_runners_never_share);
	tcase_add_test(tc, given_back_and_deduped);
	tcase_add_test(tc, finish_with_follow_up);
	tcase_add_test(tc, purge_finished);
	tcase_add_test(tc, inbound_once_and_its_answer_kept);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_job_suite)
