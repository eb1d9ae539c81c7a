/* h_analytics.h: analytics across the client's users (DESIGN §4.3). */
#ifndef OZ_H_ANALYTICS_H
#define OZ_H_ANALYTICS_H

struct oz_app;
struct oz_req;

/* GET /v1/analytics/overview: users, transactions, intakes, plans, moves, chat, risk. */
int	h_an_overview(struct oz_app *app, struct oz_req *r);
/* GET /v1/analytics/spending: spending by category, merchant, month or source. */
int	h_an_spending(struct oz_app *app, struct oz_req *r);
/* GET /v1/analytics/at-risk-users: users by risk score, with their reasons, in pages. */
int	h_an_at_risk(struct oz_app *app, struct oz_req *r);
/* GET /v1/analytics/trends: a metric month by month (or week by week). */
int	h_an_trends(struct oz_app *app, struct oz_req *r);

#endif
