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
};

struct Database {
    Xapian::Database reader;                    // the database searched (same object as writer when writable)
    std::unique_ptr<Xapian::WritableDatabase> writer;
    bool in_memory = false;
    uint64_t generation = 1;                    // bumped on every change, invalidates columns
    std::map<std::string, std::shared_ptr<FacetColumn>> columns;

    const FacetColumn &column(const std::string &prefix);
};

} // namespace cxapian

struct cx_database {
    cxapian::Database state;
};

#endif
