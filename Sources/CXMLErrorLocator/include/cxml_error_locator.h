#ifndef CXML_ERROR_LOCATOR_H
#define CXML_ERROR_LOCATOR_H
#include <stddef.h>

/// Parses an XML document with libxml2 (no network, no external entities) and reports the first
/// well-formedness error. Returns 1 and fills line, column and message when there is one, else 0.
/// libxml2's headers stay out of this header: they pull in a system ICU that clashes with Foundation's.
int cxml_first_error(const char *data, size_t length, int *line, int *column, char *message, size_t message_capacity);

#endif
