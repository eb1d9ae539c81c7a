/* fcgi_io.h: between a libfcgi request and Ozzie's oz_req/oz_resp. */
#ifndef OZ_FCGI_IO_H
#define OZ_FCGI_IO_H

#include <fcgiapp.h>

struct oz_app;
struct oz_req;

/* Serve one accepted FastCGI request through the app and write the response. */
void	fcgi_serve(struct oz_app *app, struct oz_req *r, FCGX_Request *fr);

#endif
