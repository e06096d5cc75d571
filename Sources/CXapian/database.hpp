// The state behind a cx_database handle: the Xapian database and the facet columns built from it.
#ifndef CXAPIAN_DATABASE_HPP
#define CXAPIAN_DATABASE_HPP

#include "cxapian.h"
#include <xapian.h>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cxapian {

/// Document id → codes of one facet's values, read from the index's own postings. Rebuilt when the
/// database changes, so counting a match is an array lookup rather than a document read.
struct FacetColumn {
    uint64_t generation = 0;
    std::vector<std::string> values;            // code → value (term without prefix)
    std::vector<uint32_t> offsets;              // docid → start in codes (size doc_limit + 2)
    std::vector<uint32_t> codes;                // concatenated codes per document
    std::map<std::string, uint32_t> code_of;    // value → code
    std::vector<std::shared_ptr<std::vector<Xapian::docid>>> documents;  // code → sorted docids (value-backed facets)
};

/// Document id → group code (a value slot's value) and 64-bit key (another slot, 16 hex digits),
/// for counting matches per group with a keyed sum in one pass. Rebuilt when the database changes.
struct GroupColumn {
    static constexpr uint32_t none = UINT32_MAX;
    uint64_t generation = 0;
    std::vector<std::string> values;            // code → group value
    std::vector<uint32_t> codes;                // docid → code, or none
    std::vector<uint64_t> keys;                 // docid → key
};

/// The separator of values in a value-backed facet's slot.
constexpr char value_separator = '\x1f';

struct Database {
    Xapian::Database reader;                    // the database searched (same object as writer when writable)
    std::unique_ptr<Xapian::WritableDatabase> writer;
    bool in_memory = false;
    uint64_t generation = 1;                    // bumped on every change, invalidates columns
    std::map<std::string, std::shared_ptr<FacetColumn>> columns;
    std::map<std::string, Xapian::valueno> value_facets;   // prefix → slot
    std::map<std::pair<Xapian::valueno, Xapian::valueno>, std::shared_ptr<GroupColumn>> group_columns;

    const FacetColumn &column(const std::string &prefix);
    const GroupColumn &group_column(Xapian::valueno group_slot, Xapian::valueno key_slot);
    /// The value-backed facet a term belongs to, or value_facets.end().
    std::map<std::string, Xapian::valueno>::const_iterator value_facet_of(const std::string &term) const;
    /// A query matching the documents carrying `term`: the term itself, or for a value-backed
    /// facet the documents whose slot holds the value.
    Xapian::Query term_query(const std::string &term);
};

} // namespace cxapian

struct cx_database {
    cxapian::Database state;
};

#endif
