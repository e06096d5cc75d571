#include "cxml_error_locator.h"
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <string.h>

int cxml_first_error(const char *data, size_t length, int *line, int *column, char *message, size_t message_capacity) {
    xmlResetLastError();
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr document = xmlReadMemory(data, (int)length, "document.xml", NULL, options);
    if (document != NULL) xmlFreeDoc(document);
    const xmlError *error = xmlGetLastError();
    if (error == NULL || error->level < XML_ERR_ERROR || error->line <= 0) {
        xmlResetLastError();
        return 0;
    }
    *line = error->line;
    *column = error->int2;
    if (message_capacity > 0) {
        const char *text = error->message ? error->message : "XML error";
        strncpy(message, text, message_capacity - 1);
        message[message_capacity - 1] = '\0';
        size_t end = strlen(message);
        while (end > 0 && (message[end - 1] == '\n' || message[end - 1] == ' ')) message[--end] = '\0';
    }
    xmlResetLastError();
    return 1;
}
