/* fcgi_io.h: between a libfcgi request and Ozzie's oz_req/oz_resp. */
#ifndef OZ_FCGI_IO_H
#define OZ_FCGI_IO_H

#include <fcgiapp.h>
#include <libpq-fe.h>

struct oz_app;
struct oz_req;

/*
 * Serve one accepted FastCGI request through the app and write the response:
 * 0. Or 1 when the answer waits for a database round trip (app_handle):
 * fcgi_complete then finishes it with the statement's result (or NULL).
 */
int	fcgi_serve(struct oz_app *app, struct oz_req *r, FCGX_Request *fr);
void	fcgi_complete(struct oz_app *app, struct oz_req *r, FCGX_Request *fr,
	    PGresult *res);

#endif
