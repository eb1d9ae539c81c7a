/* h_imports.h: documents sent to …/transactions, and the imports they make (DESIGN §4.1). */
#ifndef OZ_H_IMPORTS_H
#define OZ_H_IMPORTS_H

struct oz_app;
struct oz_req;

/*
 * POST …/transactions with a document: a JSON submission whose type is
 * image, pdf or spreadsheet (content in base64), multipart/form-data with
 * a file part, or a raw body of the document's own Content-Type.
 * h_txn_create hands these over.
 */
int	h_txn_document(struct oz_app *app, struct oz_req *r);
int	h_imports_list(struct oz_app *app, struct oz_req *r);
int	h_imports_get(struct oz_app *app, struct oz_req *r);
int	h_imports_delete(struct oz_app *app, struct oz_req *r);

#endif
