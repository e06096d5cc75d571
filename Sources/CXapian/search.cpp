#include "database.hpp"
#include "guard.hpp"
#include <map>
#include <utility>

using cxapian::guard;

struct cx_result {
    unsigned total = 0;
    std::vector<std::string> hits;
    std::vector<std::vector<std::pair<std::string, unsigned>>> facets;
};

namespace {

/// Counts facet values of every document the matcher accepts, from the in-memory columns.
class ColumnSpy : public Xapian::MatchSpy {
public:
    struct Target {
        const cxapian::FacetColumn *column;
        std::vector<unsigned> *counts;
    };
    explicit ColumnSpy(std::vector<Target> targets) : targets_(std::move(targets)) {}

    void operator()(const Xapian::Document &document, double) override {
        Xapian::docid id = document.get_docid();
        for (auto &target : targets_) {
            const auto &offsets = target.column->offsets;
            if (id + 1 >= offsets.size()) continue;
            for (uint32_t i = offsets[id]; i < offsets[id + 1]; ++i) (*target.counts)[target.column->codes[i]]++;
        }
    }

private:
    std::vector<Target> targets_;
};

/// Refuses text that is not canonical search text (Swift's `SearchText.canonical`): lower-case
/// words, the in-word marks the term generator keeps (`_ ' & . ,`), spaces and balanced double
/// quotes. Only ASCII is checked; any other ASCII byte — capitals, operators, brackets, `*`, `:`,
/// control characters — means a caller skipped the parser, a programmer mistake reported as such.
void check_canonical(const char *text) {
    bool in_phrase = false;
    for (const char *p = text; *p; ++p) {
        unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) continue;
        if (c == ' ' || c == '_' || c == '\'' || c == '&' || c == '.' || c == ',') continue;
        if (c == '"') { in_phrase = !in_phrase; continue; }
        throw Xapian::QueryParserError("search text is not canonical (parse it with SearchText first)");
    }
    if (in_phrase) throw Xapian::QueryParserError("search text is not canonical: unbalanced quote");
}

/// Words (all must match, stemmed English) and quoted phrases; no boolean operators, +/-, or
/// wildcards: the text is `SearchText.canonical`, in which none could occur anyway.
Xapian::Query text_query(const Xapian::Database &database, const char *text) {
    check_canonical(text);
    Xapian::QueryParser parser;
    parser.set_database(database);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    return parser.parse_query(text, Xapian::QueryParser::FLAG_PHRASE);
}

/// The text query with its concept-synonym clauses: AND of the rest of the text and, per clause,
/// (the clause's words as text OR the concept terms). Empty when there is neither.
Xapian::Query expanded_text_query(cxapian::Database &state, const cx_search_request &request) {
    const Xapian::Database &database = state.reader;
    std::vector<Xapian::Query> conjuncts;
    if (request.text && request.text[0] != '\0') {
        Xapian::Query rest = text_query(database, request.text);
        if (!rest.empty()) conjuncts.push_back(rest);
    }
    size_t next_term = 0;
    for (size_t i = 0; i < request.synonym_count; ++i) {
        std::vector<Xapian::Query> alternatives;
        Xapian::Query words = text_query(database, request.synonym_texts[i]);
        if (!words.empty()) alternatives.push_back(words);
        for (size_t t = 0; t < request.synonym_term_counts[i]; ++t) {
            alternatives.push_back(state.term_query(request.synonym_terms[next_term++]));
        }
        if (!alternatives.empty()) conjuncts.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }
    if (conjuncts.empty()) return Xapian::Query();
    if (conjuncts.size() == 1) return conjuncts[0];
    return Xapian::Query(Xapian::Query::OP_AND, conjuncts.begin(), conjuncts.end());
}

/// OR within each filter group, AND across groups; `skip_group` leaves one group out.
Xapian::Query filter_query(cxapian::Database &state, const cx_search_request &request, long skip_group) {
    std::map<unsigned, std::vector<Xapian::Query>> groups;
    for (size_t i = 0; i < request.filter_count; ++i) {
        if (static_cast<long>(request.filter_groups[i]) == skip_group) continue;
        groups[request.filter_groups[i]].push_back(state.term_query(request.filter_terms[i]));
    }
    std::vector<Xapian::Query> conjuncts;
    for (auto &group : groups) conjuncts.emplace_back(Xapian::Query::OP_OR, group.second.begin(), group.second.end());
    if (conjuncts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, conjuncts.begin(), conjuncts.end());
}

/// The full query: text (or match-all, built per call rather than the shared static) filtered.
Xapian::Query full_query(cxapian::Database &state, const Xapian::Query &text, bool has_text, const cx_search_request &request, long skip_group) {
    Xapian::Query base = has_text ? text : Xapian::Query(std::string());
    Xapian::Query filters = filter_query(state, request, skip_group);
    if (filters.empty()) return base;
    return Xapian::Query(Xapian::Query::OP_FILTER, base, filters);
}

unsigned exact_total(const Xapian::MSet &mset) {
    if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) {
        throw Xapian::InternalError("match count is not exact");
    }
    return mset.get_matches_lower_bound();
}

void collect(std::vector<std::pair<std::string, unsigned>> &out, const cxapian::FacetColumn &column,
             const std::vector<unsigned> &counts) {
    for (size_t code = 0; code < counts.size(); ++code) {
        if (counts[code] > 0) out.emplace_back(column.values[code], counts[code]);
    }
}

} // namespace

/// With no text and no filters every document matches: the total is the document count and each
/// facet value's count is its term's frequency, so no match pass or spy is needed (exact, and
/// independent of the catalogue's size but for the number of facet values).
static void browse_all_counts(cxapian::Database &state, const cx_search_request &request, cx_result &result) {
    const Xapian::Database &db = state.reader;
    result.facets.resize(request.facet_count);
    for (size_t f = 0; f < request.facet_count; ++f) {
        std::string prefix = request.facet_prefixes[f];
        if (state.value_facets.count(prefix)) {
            const cxapian::FacetColumn &column = state.column(prefix);
            for (size_t code = 0; code < column.values.size(); ++code) {
                if (!column.documents[code]->empty()) result.facets[f].emplace_back(column.values[code], column.documents[code]->size());
            }
            continue;
        }
        for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
            if (term.get_termfreq() > 0) result.facets[f].emplace_back((*term).substr(prefix.size()), term.get_termfreq());
        }
    }
}

extern "C" cx_result *cx_database_search(cx_database *database, const cx_search_request *request, cx_error **error) {
    cx_result *handle = nullptr;
    guard(error, [&] {
        auto &state = database->state;
        if (request->sort != CX_SORT_RELEVANCE && request->sort_slot == Xapian::BAD_VALUENO) {
            throw Xapian::InvalidArgumentError("BAD_VALUENO is not a value slot to sort by");
        }
        auto result = std::make_unique<cx_result>();
        const Xapian::Database &db = state.reader;
        Xapian::doccount everything = std::max<Xapian::doccount>(db.get_doccount(), 1);
        Xapian::Query text = expanded_text_query(state, *request);
        bool has_text = !text.empty();

        // Xapian's in-memory backend does not lower term frequencies on replace or delete, so it
        // always takes the counting pass below (the on-disk backend keeps them exact).
        if (!has_text && request->filter_count == 0 && !state.in_memory) {
            browse_all_counts(state, *request, *result);
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query(std::string()));
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            if (request->sort == CX_SORT_VALUE_DESCENDING) enquire.set_sort_by_value(request->sort_slot, true);
            if (request->sort == CX_SORT_VALUE_ASCENDING) enquire.set_sort_by_value(request->sort_slot, false);
            Xapian::MSet mset = enquire.get_mset(request->offset, request->limit);
            result->total = db.get_doccount();
            for (auto hit = mset.begin(); hit != mset.end(); ++hit) result->hits.push_back(hit.get_document().get_data());
            handle = result.release();
            return;
        }

        std::vector<const cxapian::FacetColumn *> columns;
        std::vector<std::vector<unsigned>> counts(request->facet_count);
        result->facets.resize(request->facet_count);
        std::vector<ColumnSpy::Target> main_targets;
        for (size_t f = 0; f < request->facet_count; ++f) {
            columns.push_back(&state.column(request->facet_prefixes[f]));
            counts[f].assign(columns[f]->values.size(), 0);
            if (request->facet_excluded_groups[f] < 0) main_targets.push_back({columns[f], &counts[f]});
        }

        Xapian::Enquire enquire(db);
        enquire.set_query(full_query(state, text, has_text, *request, -1));
        if (!has_text) enquire.set_weighting_scheme(Xapian::BoolWeight());
        switch (request->sort) {
        case CX_SORT_VALUE_DESCENDING: enquire.set_sort_by_value_then_relevance(request->sort_slot, true); break;
        case CX_SORT_VALUE_ASCENDING: enquire.set_sort_by_value_then_relevance(request->sort_slot, false); break;
        default:
            // Relevance; with no text every weight is equal and matches come in document-id order,
            // which a reindex lays down as (node, identifier). Reading a sort value for every match
            // would cost a value-stream read per document.
            break;
        }
        ColumnSpy spy(main_targets);
        if (!main_targets.empty()) enquire.add_matchspy(&spy);
        Xapian::MSet mset = enquire.get_mset(request->offset, request->limit, everything);
        result->total = exact_total(mset);
        for (auto hit = mset.begin(); hit != mset.end(); ++hit) result->hits.push_back(hit.get_document().get_data());

        for (size_t f = 0; f < request->facet_count; ++f) {
            long excluded = request->facet_excluded_groups[f];
            if (excluded >= 0) {
                Xapian::Enquire pass(db);
                pass.set_query(full_query(state, text, has_text, *request, excluded));
                pass.set_weighting_scheme(Xapian::BoolWeight());
                ColumnSpy facet_spy({{columns[f], &counts[f]}});
                pass.add_matchspy(&facet_spy);
                Xapian::MSet counted = pass.get_mset(0, 0, everything);
                exact_total(counted);
            }
            collect(result->facets[f], *columns[f], counts[f]);
        }
        handle = result.release();
    });
    return handle;
}

extern "C" void cx_result_free(cx_result *result) { delete result; }

extern "C" unsigned cx_result_total(const cx_result *result) { return result->total; }

extern "C" size_t cx_result_hit_count(const cx_result *result) { return result->hits.size(); }

extern "C" const char *cx_result_hit_data(const cx_result *result, size_t index, size_t *length) {
    const std::string &data = result->hits.at(index);
    *length = data.size();
    return data.data();
}

extern "C" size_t cx_result_facet_value_count(const cx_result *result, size_t facet) {
    return result->facets.at(facet).size();
}

extern "C" const char *cx_result_facet_value(const cx_result *result, size_t facet, size_t value, unsigned *count) {
    const auto &entry = result->facets.at(facet).at(value);
    *count = entry.second;
    return entry.first.c_str();
}
