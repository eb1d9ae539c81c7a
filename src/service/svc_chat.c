/* svc_chat.c: a chat turn (svc_chat.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ai/ai.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/coach.h"
#include "service/svc.h"
#include "service/svc_analytics.h"
#include "service/svc_ai.h"
#include "service/svc_chat.h"
#include "service/svc_facts.h"
#include "service/svc_hook.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

static void
to_fact(const struct txn *t, struct fact_txn *f)
{
	enum category c;

	memset(f, 0, sizeof(*f));
	snprintf(f->id, sizeof(f->id), "%s", t->id);
	memcpy(f->date, t->transaction_date, sizeof(f->date));
	snprintf(f->description, sizeof(f->description), "%s", t->description);
	snprintf(f->merchant, sizeof(f->merchant), "%s", t->merchant ? t->merchant : "");
	f->category = category_parse(t->category, &c) == 0 ? c : CAT_OTHER;
	snprintf(f->subcategory, sizeof(f->subcategory), "%s", t->subcategory);
	if (kind_parse(t->kind, &f->kind) == -1)
		f->kind = f->category == CAT_INCOME ? KIND_INCOME : KIND_SPENDING;
	f->amount = t->amount_cents;
	memcpy(f->currency, t->currency, sizeof(f->currency));
}

/*
 * The transactions a message logs, with the same parser as a text
 * submission; what the money is, when the words say it ("I moved 200 to my
 * fund": savings, "paguei a fatura 1.500": a debt paid), is its kind.
 */
static int
log_message(struct svc *s, const struct user *u, const char *msg, const char *source,
    struct chat_result *out)
{
	return svc_txn_log_text(s, u, msg, coach_log_kind(msg), source, out->logged,
	    CHAT_MAX_TXN_IDS, &out->nlogged);
}

/*
 * Step 1: the user's message, with the transactions it logs, in one
 * database transaction. A message that looks like a log but holds no usable
 * amount is just a message.
 */
static int
store_user_turn(struct svc *s, const struct user *u, const char *msg, const char *source,
    const char *channel_id, struct chat_result *out)
{
	struct chat_message m;
	char		 created[24];
	size_t		 i;

	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if (!coach_is_injection(msg) && coach_is_spending_log(msg) &&
	    log_message(s, u, msg, source, out) == -1) {
		if (s->err->code == OZ_SERVICE_UNAVAILABLE || s->err->code == OZ_INTERNAL_ERROR) {
			db_rollback(s->st.db);
			return -1;
		}
		memset(s->err, 0, sizeof(*s->err));
		out->nlogged = 0;
		db_rollback(s->st.db);
		if (db_begin(s->st.db) == -1)
			return svc_db_fail(s);
	}
	memset(&m, 0, sizeof(m));
	snprintf(m.id, sizeof(m.id), "%s", out->message_id);
	snprintf(m.user_id, sizeof(m.user_id), "%s", u->id);
	snprintf(m.role, sizeof(m.role), "user");
	m.content = msg;
	m.channel_message_id = channel_id;
	for (i = 0; i < out->nlogged; i++)
		m.txn_ids[m.ntxn_ids++] = out->logged[i].id;
	if (store_chat_insert(&s->st, &m, created) == -1 || db_commit(s->st.db) == -1) {
		db_rollback(s->st.db);
		return svc_db_fail(s);
	}
	if (out->nlogged > 0)
		svc_an_refresh(s, u->id);
	return 0;
}

/* The earlier turns, oldest first, within the history budget. */
static size_t
load_history(struct svc *s, const char *user, const char *skip, struct ai_turn *turns)
{
	struct chat_turn_row rows[CHAT_HISTORY_TURNS];
	size_t		 n = 0, got = 0, bytes = 0, i;

	if (store_chat_recent(&s->st, user, skip, rows, CHAT_HISTORY_TURNS, &got) == -1)
		return 0;	/* a model can answer without its history */
	for (i = 0; i < got; i++) {
		bytes += strlen(rows[i].content);
		if (bytes > CHAT_HISTORY_BYTES)
			break;
		n++;
	}
	for (i = 0; i < n; i++) {
		const struct chat_turn_row *t = &rows[n - 1 - i];

		turns[i].role = strcmp(t->role, "user") == 0 ? AI_ROLE_USER : AI_ROLE_ASSISTANT;
		turns[i].content = t->content;
	}
	return n;
}

static void
author_of(const struct ai_settings *set, const struct ai_result *res, struct chat_author *a)
{
	memset(a, 0, sizeof(*a));
	snprintf(a->provider, sizeof(a->provider), "%s", res->provider);
	a->model = res->model[0] && strcmp(res->provider, "local") != 0 ? res->model : NULL;
	a->fallback = res->fallback;
	a->failed_provider = res->fallback ? set->provider : NULL;
	a->fallback_reason = res->fallback && res->error[0] ? res->error : NULL;
}

/* Step 3: the reply and the usage, in one database transaction. */
static int
store_reply(struct svc *s, const struct user *u, const char *msg_id,
    const struct ai_settings *set, struct chat_result *out)
{
	struct chat_message m;

	memset(&m, 0, sizeof(m));
	if (svc_new_id(s, "ozz_msg", out->reply_id, sizeof(out->reply_id)) == -1)
		return -1;
	snprintf(m.id, sizeof(m.id), "%s", out->reply_id);
	snprintf(m.user_id, sizeof(m.user_id), "%s", u->id);
	snprintf(m.role, sizeof(m.role), "assistant");
	m.content = buf_str(&out->ai.reply);
	snprintf(m.emotion, sizeof(m.emotion), "%s", out->ai.emotion);
	snprintf(m.topic, sizeof(m.topic), "%s", out->ai.topic);
	snprintf(m.intent, sizeof(m.intent), "%s", out->ai.intent);
	snprintf(m.reply_to, sizeof(m.reply_to), "%s", msg_id);
	m.has_author = 1;
	m.author = out->author;
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if (store_chat_insert(&s->st, &m, out->created_at) == -1) {
		db_rollback(s->st.db);
		return svc_db_fail(s);
	}
	svc_ai_usage(s, set, &out->ai);
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	return 0;
}

int
svc_chat_record(struct svc *s, const char *user_id, const char *message, const char *reply)
{
	struct chat_message m, a;
	char		 created[24];

	memset(&m, 0, sizeof(m));
	memset(&a, 0, sizeof(a));
	if (svc_new_id(s, "ozz_msg", m.id, sizeof(m.id)) == -1 ||
	    svc_new_id(s, "ozz_msg", a.id, sizeof(a.id)) == -1)
		return -1;
	snprintf(m.user_id, sizeof(m.user_id), "%s", user_id);
	snprintf(m.role, sizeof(m.role), "user");
	m.content = message;
	snprintf(a.user_id, sizeof(a.user_id), "%s", user_id);
	snprintf(a.role, sizeof(a.role), "assistant");
	a.content = reply;
	snprintf(a.emotion, sizeof(a.emotion), "encouraging");
	snprintf(a.topic, sizeof(a.topic), "general");
	snprintf(a.intent, sizeof(a.intent), "advice_request");
	snprintf(a.reply_to, sizeof(a.reply_to), "%s", m.id);
	a.has_author = 1;
	snprintf(a.author.provider, sizeof(a.author.provider), "local");
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if (store_chat_insert(&s->st, &m, created) == -1 ||
	    store_chat_insert(&s->st, &a, created) == -1 || db_commit(s->st.db) == -1) {
		db_rollback(s->st.db);
		return svc_db_fail(s);
	}
	return 0;
}

/*
 * Steps 2 and 3 for u's message out->message_id (its logged transactions in
 * out->logged): the provider or the local coach answers, the reply is kept.
 */
static int
answer_turn(struct svc *s, const struct user *u, const char *message, ai_delta_fn delta,
    void *delta_ctx, struct chat_result *out)
{
	struct ai_turn	 turns[CHAT_HISTORY_TURNS];
	struct fact_txn	 logged[CHAT_MAX_TXN_IDS];
	struct svc_facts facts;
	struct ai_settings set;
	struct ai_chat	 c;
	char		 today[11];
	size_t		 i;

	cal_today(today);
	svc_ai_settings(s->cfg, &set);
	svc_facts_init(&facts, s, u);
	for (i = 0; i < out->nlogged; i++)
		to_fact(&out->logged[i], &logged[i]);
	memset(&c, 0, sizeof(c));
	c.language = u->language;
	c.currency = u->currency;
	c.today = today;
	c.message = message;
	c.nhistory = load_history(s, u->id, out->message_id, turns);
	c.history = turns;
	c.facts = &facts.src;
	c.logged = logged;
	c.nlogged = out->nlogged;
	c.delta = delta;
	c.delta_ctx = delta_ctx;
	if (ai_chat_run(&set, &c, &out->ai) == -1 || out->ai.reply.len == 0)
		return svc_fail(s, OZ_INTERNAL_ERROR, "the coach could not answer");
	author_of(&set, &out->ai, &out->author);
	return store_reply(s, u, out->message_id, &set, out);
}

int
svc_chat_turn(struct svc *s, const char *ref, const char *message, const char *source,
    ai_delta_fn delta, void *delta_ctx, struct chat_result *out)
{
	struct user	 u;

	out->nlogged = 0;
	if (svc_user_resolve(s, ref, 1, &u) == -1 ||
	    svc_new_id(s, "ozz_msg", out->message_id, sizeof(out->message_id)) == -1 ||
	    store_user_turn(s, &u, message, source, NULL, out) == -1)
		return -1;
	svc_hook_txns(s, out->logged, out->nlogged);
	return answer_turn(s, &u, message, delta, delta_ctx, out);
}

int
svc_chat_turn_once(struct svc *s, const char *ref, const char *message, const char *source,
    const char *channel_id, struct chat_result *out, int *replayed)
{
	struct chat_message had;
	const char	*reply;
	struct user	 u;
	size_t		 i;
	int		 rc;

	out->nlogged = 0;
	*replayed = 0;
	if (svc_user_resolve(s, ref, 1, &u) == -1)
		return -1;
	if ((rc = store_chat_by_channel(&s->st, u.id, channel_id, &had, &reply)) == -1)
		return svc_db_fail(s);
	if (rc == 0) {
		if (svc_new_id(s, "ozz_msg", out->message_id, sizeof(out->message_id)) == -1 ||
		    store_user_turn(s, &u, message, source, channel_id, out) == -1)
			return -1;
		svc_hook_txns(s, out->logged, out->nlogged);
		return answer_turn(s, &u, message, NULL, NULL, out);
	}
	/* Taken before: the message and what it logged stand; its reply, or one now. */
	*replayed = 1;
	snprintf(out->message_id, sizeof(out->message_id), "%s", had.id);
	if (reply != NULL) {
		buf_puts(&out->ai.reply, reply);
		return 0;
	}
	for (i = 0; i < had.ntxn_ids && out->nlogged < CHAT_MAX_TXN_IDS; i++) {
		if ((rc = store_txn_get(&s->st, u.id, had.txn_ids[i], &out->logged[out->nlogged])) == -1)
			return svc_db_fail(s);
		if (rc == 1)
			out->nlogged++;
	}
	return answer_turn(s, &u, message, NULL, NULL, out);
}

int
svc_chat_history(struct svc *s, const char *ref, const struct store_page *pg,
    struct chat_message *rows, size_t *n, int *has_more)
{
	*n = 0;
	*has_more = 0;
	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (store_chat_list(&s->st, ref, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	return *n == 0 && !pg->has_after ? svc_user_after_miss(s, ref) : 0;
}
