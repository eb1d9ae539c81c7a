/*
 * ai_breaker.h: a circuit breaker for the remote model provider, shared by
 * every worker of a host. After a run of failed calls it opens and calls go
 * straight to the local coach; after a pause one caller probes the provider,
 * and its outcome closes or re-opens the circuit.
 */
#ifndef OZ_AI_BREAKER_H
#define OZ_AI_BREAKER_H

/*
 * Share the state through a file mapping at path (created if missing), or an
 * anonymous shared mapping inherited by forked workers if path is "". Without
 * it the state is this process's own. 0/-1.
 */
int	ai_breaker_open(const char *path);
/* 1 if a call may go to the provider now (a caller let through half-open is the probe). */
int	ai_breaker_allow(void);
/* The outcome of a call ai_breaker_allow let through: ok 1 closes, 0 counts a failure. */
void	ai_breaker_report(int ok);
/* Tests: how long the circuit stays open (ms; <= 0 restores the default). */
void	ai_breaker_set_open_ms(long ms);
/* Tests: close the circuit and forget the failures. */
void	ai_breaker_reset(void);

#endif
