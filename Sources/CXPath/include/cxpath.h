// A flat C API over libxml2's parser and XPath, for reading custom XML node APIs from Swift.
// libxml2's own headers stay out of Swift (they clash with Foundation's ICU module).
#ifndef CXPATH_H
#define CXPATH_H

#include <stddef.h>

typedef struct cxp_document cxp_document;
typedef struct cxp_nodes cxp_nodes;

/// Parses a document without network access, DTD loading or entity substitution. On failure
/// returns NULL and fills line, column and message (message_capacity bytes).
cxp_document *cxp_parse(const char *data, size_t length, int *line, int *column, char *message, size_t message_capacity);
void cxp_free_document(cxp_document *document);

/// Registers a namespace prefix for later expressions. Returns 0 on success.
int cxp_register_namespace(cxp_document *document, const char *prefix, const char *uri);

/// Checks that an expression compiles. Returns 0 when it does, else fills message.
int cxp_compile(const char *expression, char *message, size_t message_capacity);

/// Evaluates an expression relative to `context` (NULL: the document). Node-set results are node
/// lists; string, number and boolean results are one value. NULL on error (message filled).
cxp_nodes *cxp_evaluate(cxp_document *document, const void *context, const char *expression, char *message, size_t message_capacity);
size_t cxp_count(const cxp_nodes *nodes);
/// The i-th node (for relative expressions), or NULL for a scalar result.
const void *cxp_node(const cxp_nodes *nodes, size_t index);
/// The string value of the i-th node or of the scalar result; free with cxp_free_string.
char *cxp_string(const cxp_nodes *nodes, size_t index);
void cxp_free_string(char *text);
void cxp_free_nodes(cxp_nodes *nodes);

#endif
