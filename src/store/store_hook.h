/*
 * store_hook.h: outbound webhooks (DESIGN §4.4, sql/012): a client's
 * endpoints, and the deliveries of its events to them.
 */
#ifndef OZ_STORE_HOOK_H
#define OZ_STORE_HOOK_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

#define HOOK_URL_MAX		2000
#define HOOK_DESC_MAX		500
#define HOOK_EVENTS_MAX		16

struct hook_endpoint {
	char		 id[OZ_ID_MAX];
	const char	*url;			/* in the pool */
	const char	*description;		/* NULL: none */
	const char	*events_json;		/* a JSON array of the event types */
	const char	*secret_hex;		/* sealed; never shown */
	int		 enabled;
	const char	*disabled_reason;	/* NULL: none */
	char		 failing_since[24];	/* "" when it is not failing */
	char		 created_at[24];
	char		 updated_at[24];
	int64_t		 cursor_us;
};

/* What a create or an update writes; has_* for an update. */
struct hook_fields {
	const char	*url, *description, *events_json;
	int		 enabled;
	int		 has_url, has_description, has_events, has_enabled;
};

struct hook_delivery {
	char		 id[OZ_ID_MAX];
	char		 endpoint_id[OZ_ID_MAX];
	char		 event_id[OZ_ID_MAX];
	char		 event_type[32];
	const char	*payload;		/* JSON text of the event's data */
	char		 status[12];
	int		 attempts;
	int		 response_code;		/* 0: none yet */
	const char	*error;			/* NULL: none */
	char		 created_at[24];
	char		 last_attempt_at[24];
	char		 delivered_at[24];
	int64_t		 cursor_us;
	int64_t		 age_s;			/* seconds since the event */
};

/* Insert endpoint id (secret sealed, as hex). 0/-1. */
int	store_hook_insert(struct store *st, const char *id, const struct hook_fields *f,
	    const char *secret_hex, struct hook_endpoint *out);
/* One endpoint: 1/0/-1. */
int	store_hook_get(struct store *st, const char *id, struct hook_endpoint *out);
/* Update what f has; enabling again forgets the failures. 1/0/-1. */
int	store_hook_update(struct store *st, const char *id, const struct hook_fields *f,
	    struct hook_endpoint *out);
/* Delete it with its deliveries: 1/0/-1. */
int	store_hook_delete(struct store *st, const char *id);
/* A page of the client's endpoints, newest first. 0/-1. */
int	store_hook_list(struct store *st, const struct store_page *pg, struct hook_endpoint *rows,
	    size_t *n, int *has_more);
/*
 * Fan an event out: a delivery to each enabled endpoint of st->client that
 * takes type, each with its ozzie-jobd job (kind job_kind, at most
 * max_attempts). *n how many. 0/-1.
 */
int	store_hook_fan_out(struct store *st, const char *event_id, const char *type,
	    const char *data_json, const char *job_kind, int max_attempts, int *n);
/* A delivery with its endpoint: 1/0/-1. */
int	store_hook_delivery(struct store *st, const char *id, struct hook_delivery *d,
	    struct hook_endpoint *e);
/* A page of an endpoint's deliveries, newest first. 0/-1. */
int	store_hook_deliveries(struct store *st, const char *endpoint,
	    const struct store_page *pg, struct hook_delivery *rows, size_t *n, int *has_more);
/*
 * Record an attempt: status ("delivered", "pending", "failed"), the answer's
 * code (0: none) and error (NULL: none). A delivered one clears the
 * endpoint's failures; another marks it failing since now if it was not.
 * *failing_s gets how long the endpoint has been failing (0 when not). 0/-1.
 */
int	store_hook_attempt(struct store *st, const char *id, const char *endpoint,
	    const char *status, int code, const char *error, int64_t *failing_s);
/* Disable an endpoint for reason. 0/-1. */
int	store_hook_disable(struct store *st, const char *endpoint, const char *reason);

#endif
