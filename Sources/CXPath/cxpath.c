#include "cxpath.h"
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

struct cxp_document {
    xmlDocPtr doc;
    xmlXPathContextPtr xpath;
};

struct cxp_nodes {
    xmlXPathObjectPtr object;
};

static void copy_message(const char *text, char *message, size_t capacity) {
    if (capacity == 0) return;
    strncpy(message, text ? text : "XML error", capacity - 1);
    message[capacity - 1] = '\0';
    size_t end = strlen(message);
    while (end > 0 && (message[end - 1] == '\n' || message[end - 1] == ' ')) message[--end] = '\0';
}

static void silent(void *context, const char *format, ...) { (void)context; (void)format; }

cxp_document *cxp_parse(const char *data, size_t length, int *line, int *column, char *message, size_t message_capacity) {
    xmlResetLastError();
    // No XML_PARSE_NOENT (external entities stay unexpanded), no XML_PARSE_DTDLOAD, no network.
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlReadMemory(data, (int)length, "page.xml", NULL, options);
    if (doc == NULL) {
        const xmlError *error = xmlGetLastError();
        *line = error ? error->line : 0;
        *column = error ? error->int2 : 0;
        copy_message(error ? error->message : "not a well-formed XML document", message, message_capacity);
        xmlResetLastError();
        return NULL;
    }
    xmlXPathContextPtr xpath = xmlXPathNewContext(doc);
    if (xpath == NULL) {
        xmlFreeDoc(doc);
        copy_message("cannot create an XPath context", message, message_capacity);
        return NULL;
    }
    cxp_document *document = malloc(sizeof(cxp_document));
    document->doc = doc;
    document->xpath = xpath;
    return document;
}

void cxp_free_document(cxp_document *document) {
    if (document == NULL) return;
    xmlXPathFreeContext(document->xpath);
    xmlFreeDoc(document->doc);
    free(document);
}

int cxp_register_namespace(cxp_document *document, const char *prefix, const char *uri) {
    return xmlXPathRegisterNs(document->xpath, (const xmlChar *)prefix, (const xmlChar *)uri);
}

int cxp_compile(const char *expression, char *message, size_t message_capacity) {
    xmlResetLastError();
    xmlSetGenericErrorFunc(NULL, silent);
    xmlXPathCompExprPtr compiled = xmlXPathCompile((const xmlChar *)expression);
    xmlSetGenericErrorFunc(NULL, NULL);
    if (compiled == NULL) {
        const xmlError *error = xmlGetLastError();
        copy_message(error ? error->message : "invalid XPath expression", message, message_capacity);
        xmlResetLastError();
        return 1;
    }
    xmlXPathFreeCompExpr(compiled);
    return 0;
}

cxp_nodes *cxp_evaluate(cxp_document *document, const void *context, const char *expression, char *message, size_t message_capacity) {
    xmlResetLastError();
    document->xpath->node = context ? (xmlNodePtr)context : xmlDocGetRootElement(document->doc);
    if (context == NULL) document->xpath->node = (xmlNodePtr)document->doc;
    xmlSetGenericErrorFunc(NULL, silent);
    xmlXPathObjectPtr object = xmlXPathEvalExpression((const xmlChar *)expression, document->xpath);
    xmlSetGenericErrorFunc(NULL, NULL);
    if (object == NULL) {
        const xmlError *error = xmlGetLastError();
        copy_message(error ? error->message : "the XPath expression could not be evaluated", message, message_capacity);
        xmlResetLastError();
        return NULL;
    }
    cxp_nodes *nodes = malloc(sizeof(cxp_nodes));
    nodes->object = object;
    return nodes;
}

size_t cxp_count(const cxp_nodes *nodes) {
    xmlXPathObjectPtr object = nodes->object;
    switch (object->type) {
    case XPATH_NODESET:
        return object->nodesetval ? (size_t)object->nodesetval->nodeNr : 0;
    case XPATH_STRING:
        return object->stringval && object->stringval[0] ? 1 : 0;
    case XPATH_NUMBER:
    case XPATH_BOOLEAN:
        return 1;
    default:
        return 0;
    }
}

const void *cxp_node(const cxp_nodes *nodes, size_t index) {
    xmlXPathObjectPtr object = nodes->object;
    if (object->type != XPATH_NODESET || object->nodesetval == NULL || index >= (size_t)object->nodesetval->nodeNr) return NULL;
    return object->nodesetval->nodeTab[index];
}

char *cxp_string(const cxp_nodes *nodes, size_t index) {
    xmlXPathObjectPtr object = nodes->object;
    xmlChar *value = NULL;
    if (object->type == XPATH_NODESET) {
        const void *node = cxp_node(nodes, index);
        if (node == NULL) return NULL;
        value = xmlNodeGetContent((xmlNodePtr)node);
    } else {
        value = xmlXPathCastToString(object);
    }
    if (value == NULL) return NULL;
    char *copy = strdup((const char *)value);
    xmlFree(value);
    return copy;
}

void cxp_free_string(char *text) { free(text); }

void cxp_free_nodes(cxp_nodes *nodes) {
    if (nodes == NULL) return;
    xmlXPathFreeObject(nodes->object);
    free(nodes);
}
