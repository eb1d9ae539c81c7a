/*
 * svc_import.h: a document a user sends (a receipt photo, a PDF, a bank
 * export, a spreadsheet) made into their transactions, as one import
 * (DESIGN §4.1): read by doc_read, each row or the receipt categorised and
 * recorded through the transactions service, duplicates of what the user
 * already has skipped; an import's record, its list, and its undoing.
 */
#ifndef OZ_SVC_IMPORT_H
#define OZ_SVC_IMPORT_H

#include <stddef.h>

#include "store/store_import.h"
#include "store/store_txn.h"

struct store_page;
struct svc;

/* A document as it arrived. */
struct import_doc {
	const unsigned char *data;
	size_t		 len;
	const char	*file_name;	/* NULL: none given */
	const char	*channel;	/* "api" | "whatsapp": the transactions' sources */
	int		 async;		/* queue it (Prefer: respond-async) */
};

/* What an import made. */
struct import_out {
	struct import_rec rec;
	struct txn	*created;	/* pool memory, ncreated of them */
	size_t		 ncreated;
};

/*
 * Import a document for the user ref names (created on first use): the
 * format from its bytes; its rows (or receipt) recorded as transactions of
 * the import, all or nothing, those the user already has (the bank's own
 * id, else the same date, amount and normalised description, counted: two
 * equal coffees are two) skipped. Async: the import is only queued (status
 * queued, nothing read yet). 0 and *out; -1 with UNPROCESSABLE_DOCUMENT
 * (no format we read, unreadable, nothing in it, over a limit of content),
 * PAYLOAD_TOO_LARGE (bytes), and nothing stored.
 */
int	svc_import_create(struct svc *s, const char *ref, const struct import_doc *d,
	    struct import_out *out);
int	svc_import_get(struct svc *s, const char *ref, const char *id, struct import_rec *out);
int	svc_import_list(struct svc *s, const char *ref, const struct store_page *pg,
	    struct import_rec *rows, size_t *n, int *has_more);
/* Delete an import and every transaction it made, taking back what they moved toward goals. */
int	svc_import_delete(struct svc *s, const char *ref, const char *id);
/*
 * Run the oldest queued import of any client, if one waits (s->st.client
 * is set to its client for the run). 1 one ran (completed or failed), 0
 * none waits, -1 a database failure.
 */
int	svc_import_run_queued(struct svc *s);

/* The ozzie-jobd job that runs a queued import (queued with it, one per import). */
#define JOB_IMPORT_RUN	"import.run"

struct job;
struct job_result;
/*
 * ozzie-jobd: run the oldest queued import (JOB_IMPORT_RUN): done when it
 * ran or none waits, retried with the backoff when the database failed.
 */
void	svc_import_job(struct svc *s, const struct job *job, struct job_result *res);

#endif
