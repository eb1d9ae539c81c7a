/* routes.h: the API's route table. */
#ifndef OZ_ROUTES_H
#define OZ_ROUTES_H

#include "http/router.h"

extern const struct oz_route oz_routes[];

#endif
