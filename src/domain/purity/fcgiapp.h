/*
 * purity/fcgiapp.h: stands in for the real header when src/core and src/domain
 * are compiled. Those layers are plain C on plain structs (DESIGN §1): no
 * JSON, no SQL, no network, no FastCGI. Whatever needs this header belongs
 * to a layer above.
 */
#error "src/core and src/domain must not include fcgiapp.h: that code belongs to a layer above"
