/*
 * svc_facts.h: a facts source (domain/facts.h) over the store, for one user
 * of the calling client: what the coach and the models' tools read.
 */
#ifndef OZ_SVC_FACTS_H
#define OZ_SVC_FACTS_H

#include "domain/facts.h"

struct svc;
struct user;

struct svc_facts {
	struct facts_src	 src;
	struct svc		*s;
	char			 user[64];
	char			 currency[4];
	int			 failed;	/* a read failed (database down…) */
};

/* Make f answer for user u through s (both must outlive f). */
void	svc_facts_init(struct svc_facts *f, struct svc *s, const struct user *u);

#endif
