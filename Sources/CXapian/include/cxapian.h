/*
 * cxapian.h: a flat C API over Xapian 1.4 that never throws.
 *
 * Swift cannot catch C++ exceptions (one reaching Swift aborts the process), so every entry point
 * catches Xapian::Error, std::exception and everything else in one helper and reports through a
 * cx_error out-parameter: Xapian's error class, its message and a numeric code. Handles are opaque
 * and must stay on the thread that uses them (Xapian's reference counts are not atomic).
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes: the class of failure, so callers can react without parsing messages. */
enum {
    CX_OK = 0,
    CX_ERR_DATABASE_NOT_FOUND = 1,
    CX_ERR_DATABASE_OPENING = 2,
    CX_ERR_DATABASE_LOCK = 3,
    CX_ERR_DATABASE_MODIFIED = 4,
    CX_ERR_DATABASE_CORRUPT = 5,
    CX_ERR_DATABASE = 6,
    CX_ERR_QUERY_PARSER = 7,
    CX_ERR_INVALID_ARGUMENT = 8,
    CX_ERR_INVALID_OPERATION = 9,
    CX_ERR_RANGE = 10,
    CX_ERR_XAPIAN_OTHER = 11,
    CX_ERR_OUT_OF_MEMORY = 12,
    CX_ERR_STD_EXCEPTION = 13,
    CX_ERR_UNKNOWN = 14
};

typedef struct cx_error {
    int code;
    char *error_class; /* e.g. "DatabaseNotFoundError"; "std::exception"; "unknown" */
    char *message;
} cx_error;

void cx_error_free(cx_error *error);

/* The Xapian library version this process runs against. */
void cx_version(int *major, int *minor, int *revision);

/* Open modes. */
enum {
    CX_OPEN_READ_ONLY = 0,
    CX_OPEN_READ_WRITE = 1,      /* create if missing */
    CX_OPEN_OVERWRITE = 2,       /* create, replacing any existing database */
    CX_OPEN_IN_MEMORY = 3        /* Xapian's in-memory backend; path ignored */
};

typedef struct cx_database cx_database;

cx_database *cx_database_open(const char *path, int mode, cx_error **error);
void cx_database_close(cx_database *database);

int cx_database_doccount(cx_database *database, unsigned *count, cx_error **error);
/* How many documents index `term` (0 when none). */
int cx_database_termfreq(cx_database *database, const char *term, unsigned *count, cx_error **error);
int cx_database_commit(cx_database *database, cx_error **error);
/* Re-reads the latest committed revision (read-only databases). */
int cx_database_reopen(cx_database *database, cx_error **error);
int cx_database_set_metadata(cx_database *database, const char *key, const char *value, cx_error **error);
/* Returns a malloc'd string (empty when unset); free with cx_string_free. */
char *cx_database_get_metadata(cx_database *database, const char *key, cx_error **error);
void cx_string_free(char *string);

/*
 * Declares that the boolean terms under `prefix` are kept in value slot `slot` (the values joined
 * by 0x1F) rather than as terms. Filters and facet counts on them work as for terms; changing them
 * (cx_database_update_terms) then rewrites one value instead of every posting of the document,
 * which is what makes a vocabulary edit cheap. Declare before writing or searching.
 */
int cx_database_set_value_facet(cx_database *database, const char *prefix, unsigned slot, cx_error **error);

/* One document to add or replace, identified by its unique term (Q prefix). */
typedef struct cx_document_spec {
    const char *unique_term;
    const char *const *boolean_terms; size_t boolean_term_count;
    const char *const *texts; size_t text_count;          /* free text, stemmed English */
    const unsigned *text_weights;                           /* wdf increment per text, may be NULL (1) */
    const unsigned *value_slots; const char *const *values; const size_t *value_lengths; size_t value_count;
    const char *data; size_t data_length;                   /* returned for hits */
} cx_document_spec;

int cx_database_replace(cx_database *database, const cx_document_spec *document, cx_error **error);
/* Adds the document without looking for one with its unique term first: for a writer that has
   just deleted (or never had) every document it adds, such as a cohort index rebuild. */
int cx_database_add(cx_database *database, const cx_document_spec *document, cx_error **error);
int cx_database_delete(cx_database *database, const char *unique_term, cx_error **error);

/*
 * Replaces the boolean terms under `prefixes` of the document with `unique_term` by `terms`,
 * leaving its text, values and data as they are. Xapian then rewrites only the postings that
 * changed, which is what a vocabulary edit needs. *found is 0 (and nothing is written) when no
 * document has the unique term.
 */
int cx_database_update_terms(cx_database *database, const char *unique_term,
                             const char *const *prefixes, size_t prefix_count,
                             const char *const *terms, size_t term_count, int *found, cx_error **error);

/* Sorts. */
enum {
    CX_SORT_RELEVANCE = 0,      /* by weight; with no text, by document id (sort_slot unused) */
    CX_SORT_VALUE_DESCENDING = 1,
    CX_SORT_VALUE_ASCENDING = 2
};

/*
 * A search. Filters are boolean terms, each with a group: OR within a group, AND across groups.
 * Facets are term prefixes to count; a facet whose excluded_group is >= 0 is counted in an extra
 * pass with that group's filters removed (disjunctive counts), the others in the main pass.
 * Every count and the total are exact.
 */
typedef struct cx_search_request {
    const char *text;                                       /* may be NULL or empty: match all */
    const char *const *filter_terms; const unsigned *filter_groups; size_t filter_count;
    int sort; unsigned sort_slot;
    unsigned offset; unsigned limit;
    const char *const *facet_prefixes; const int *facet_excluded_groups; size_t facet_count;
    /*
     * Concept synonyms found in the text: clause i matches its own words as free text OR any of
     * its synonym_term_counts[i] boolean terms (taken in order from synonym_terms). Clauses are
     * ANDed with `text` (the rest of the query); both may be present, either may be empty.
     */
    const char *const *synonym_texts; const size_t *synonym_term_counts; const char *const *synonym_terms;
    size_t synonym_count;
} cx_search_request;

typedef struct cx_result cx_result;

cx_result *cx_database_search(cx_database *database, const cx_search_request *request, cx_error **error);
void cx_result_free(cx_result *result);

unsigned cx_result_total(const cx_result *result);
size_t cx_result_hit_count(const cx_result *result);
/* The data stored with hit i; length in *length. Valid until cx_result_free. */
const char *cx_result_hit_data(const cx_result *result, size_t index, size_t *length);
/* Facet f's value count, and value v's term (without prefix) and count. */
size_t cx_result_facet_value_count(const cx_result *result, size_t facet);
const char *cx_result_facet_value(const cx_result *result, size_t facet, size_t value, unsigned *count);

/*
 * Counts the documents matching the filters (boolean terms, OR within a group, AND across groups;
 * none: every document) per value of `group_slot`, exactly, and sums per group, modulo 2^64, the
 * key each document holds in `key_slot` (16 lower-case hexadecimal digits). One pass over the matches; the columns
 * are read from the value slots once per database revision. Groups without a match are left out.
 */
typedef struct cx_grouped_count cx_grouped_count;
cx_grouped_count *cx_database_grouped_count(cx_database *database, const char *const *filter_terms, const unsigned *filter_groups,
                                            size_t filter_count, unsigned group_slot, unsigned key_slot, cx_error **error);
size_t cx_grouped_count_size(const cx_grouped_count *result);
/* Group i's value (length in *length), match count and key sum. Valid until cx_grouped_count_free. */
const char *cx_grouped_count_group(const cx_grouped_count *result, size_t index, size_t *length, unsigned *count, uint64_t *key_sum);
void cx_grouped_count_free(cx_grouped_count *result);

#ifdef __cplusplus
}
#endif

#endif
