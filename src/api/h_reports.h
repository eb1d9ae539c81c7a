/* h_reports.h: a user's money in figures: spending aggregates, recurring payments. */
#ifndef OZ_H_REPORTS_H
#define OZ_H_REPORTS_H

struct oz_app;
struct oz_req;

/* GET …/spending: one aggregate of the user's transactions, optionally grouped. */
int	h_spending(struct oz_app *app, struct oz_req *r);
/* GET …/recurring: the recurring payments found in the user's history. */
int	h_recurring(struct oz_app *app, struct oz_req *r);

#endif
