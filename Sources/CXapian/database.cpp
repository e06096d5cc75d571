#include "database.hpp"
#include "guard.hpp"
#include <algorithm>
#include <cstdlib>
#include <cstring>

using cxapian::guard;

namespace cxapian {

namespace {

/// Matches a fixed, sorted list of document ids: a value-backed facet filter.
class DocidSource : public Xapian::PostingSource {
public:
    explicit DocidSource(std::shared_ptr<std::vector<Xapian::docid>> documents) : documents_(std::move(documents)) {}
    Xapian::doccount get_termfreq_min() const override { return documents_->size(); }
    Xapian::doccount get_termfreq_est() const override { return documents_->size(); }
    Xapian::doccount get_termfreq_max() const override { return documents_->size(); }
    void init(const Xapian::Database &) override { position_ = 0; started_ = false; }
    void next(double) override {
        if (started_) ++position_;
        started_ = true;
    }
    void skip_to(Xapian::docid target, double) override {
        started_ = true;
        position_ = std::lower_bound(documents_->begin() + position_, documents_->end(), target) - documents_->begin();
    }
    bool at_end() const override { return started_ && position_ >= documents_->size(); }
    Xapian::docid get_docid() const override { return (*documents_)[position_]; }
    Xapian::PostingSource *clone() const override { return new DocidSource(documents_); }
    std::string name() const override { return "cxapian::DocidSource"; }

private:
    std::shared_ptr<std::vector<Xapian::docid>> documents_;
    size_t position_ = 0;
    bool started_ = false;
};

} // namespace

std::map<std::string, Xapian::valueno>::const_iterator Database::value_facet_of(const std::string &term) const {
    for (auto facet = value_facets.begin(); facet != value_facets.end(); ++facet) {
        if (term.compare(0, facet->first.size(), facet->first) == 0) return facet;
    }
    return value_facets.end();
}

Xapian::Query Database::term_query(const std::string &term) {
    auto facet = value_facet_of(term);
    if (facet == value_facets.end()) return Xapian::Query(term);
    const FacetColumn &built = column(facet->first);
    auto code = built.code_of.find(term.substr(facet->first.size()));
    auto none = std::make_shared<std::vector<Xapian::docid>>();
    auto documents = code == built.code_of.end() ? none : built.documents[code->second];
    return Xapian::Query((new DocidSource(documents))->release());
}

const FacetColumn &Database::column(const std::string &prefix) {
    auto &slot = columns[prefix];
    if (slot && slot->generation == generation) return *slot;
    auto built = std::make_shared<FacetColumn>();
    built->generation = generation;
    Xapian::docid limit = reader.get_lastdocid();
    std::vector<std::vector<uint32_t>> per_document(limit + 1);
    auto value_facet = value_facets.find(prefix);
    if (value_facet != value_facets.end()) {
        for (auto value = reader.valuestream_begin(value_facet->second); value != reader.valuestream_end(value_facet->second); ++value) {
            const std::string &joined = *value;
            size_t start = 0;
            while (start <= joined.size()) {
                size_t end = joined.find(value_separator, start);
                if (end == std::string::npos) end = joined.size();
                if (end > start) {
                    std::string text = joined.substr(start, end - start);
                    auto found = built->code_of.find(text);
                    uint32_t code;
                    if (found == built->code_of.end()) {
                        code = static_cast<uint32_t>(built->values.size());
                        built->values.push_back(text);
                        built->code_of.emplace(text, code);
                        built->documents.push_back(std::make_shared<std::vector<Xapian::docid>>());
                    } else {
                        code = found->second;
                    }
                    per_document[value.get_docid()].push_back(code);
                    built->documents[code]->push_back(value.get_docid());
                }
                start = end + 1;
            }
        }
    } else {
        for (auto term = reader.allterms_begin(prefix); term != reader.allterms_end(prefix); ++term) {
            uint32_t code = static_cast<uint32_t>(built->values.size());
            built->values.push_back((*term).substr(prefix.size()));
            built->code_of.emplace(built->values.back(), code);
            for (auto posting = reader.postlist_begin(*term); posting != reader.postlist_end(*term); ++posting) {
                per_document[*posting].push_back(code);
            }
        }
    }
    built->offsets.resize(limit + 2, 0);
    for (Xapian::docid id = 0; id <= limit; ++id) {
        built->offsets[id + 1] = built->offsets[id] + static_cast<uint32_t>(per_document[id].size());
    }
    built->codes.reserve(built->offsets[limit + 1]);
    for (auto &codes : per_document) built->codes.insert(built->codes.end(), codes.begin(), codes.end());
    slot = built;
    return *slot;
}

} // namespace cxapian

extern "C" cx_database *cx_database_open(const char *path, int mode, cx_error **error) {
    cx_database *handle = nullptr;
    guard(error, [&] {
        auto database = std::make_unique<cx_database>();
        auto &state = database->state;
        switch (mode) {
        case CX_OPEN_READ_ONLY:
            state.reader = Xapian::Database(path);
            break;
        case CX_OPEN_READ_WRITE:
        case CX_OPEN_OVERWRITE:
            state.writer = std::make_unique<Xapian::WritableDatabase>(
                path, mode == CX_OPEN_OVERWRITE ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
            state.reader = *state.writer;
            break;
        case CX_OPEN_IN_MEMORY:
            state.writer = std::make_unique<Xapian::WritableDatabase>(std::string(), Xapian::DB_BACKEND_INMEMORY);
            state.reader = *state.writer;
            state.in_memory = true;
            break;
        default:
            throw Xapian::InvalidArgumentError("unknown open mode " + std::to_string(mode));
        }
        handle = database.release();
    });
    return handle;
}

extern "C" void cx_database_close(cx_database *database) {
    if (!database) return;
    cx_error *ignored = nullptr;
    guard(&ignored, [&] {
        if (database->state.writer) database->state.writer->close();
    });
    cx_error_free(ignored);
    delete database;
}

extern "C" int cx_database_doccount(cx_database *database, unsigned *count, cx_error **error) {
    return guard(error, [&] { *count = database->state.reader.get_doccount(); });
}

extern "C" int cx_database_termfreq(cx_database *database, const char *term, unsigned *count, cx_error **error) {
    return guard(error, [&] { *count = database->state.reader.get_termfreq(term); });
}

static Xapian::WritableDatabase &writer_of(cx_database *database) {
    if (!database->state.writer) throw Xapian::InvalidOperationError("the database was opened read-only");
    return *database->state.writer;
}

extern "C" int cx_database_commit(cx_database *database, cx_error **error) {
    return guard(error, [&] {
        auto &writer = writer_of(database);
        if (!database->state.in_memory) writer.commit();
        database->state.generation++;
    });
}

extern "C" int cx_database_reopen(cx_database *database, cx_error **error) {
    return guard(error, [&] {
        if (database->state.reader.reopen()) database->state.generation++;
    });
}

extern "C" int cx_database_set_metadata(cx_database *database, const char *key, const char *value, cx_error **error) {
    return guard(error, [&] { writer_of(database).set_metadata(key, value); });
}

extern "C" char *cx_database_get_metadata(cx_database *database, const char *key, cx_error **error) {
    char *result = nullptr;
    guard(error, [&] {
        std::string value = database->state.reader.get_metadata(key);
        result = static_cast<char *>(std::malloc(value.size() + 1));
        if (!result) throw std::bad_alloc();
        std::memcpy(result, value.c_str(), value.size() + 1);
    });
    return result;
}

extern "C" int cx_database_set_value_facet(cx_database *database, const char *prefix, unsigned slot, cx_error **error) {
    return guard(error, [&] {
        if (slot == Xapian::BAD_VALUENO) throw Xapian::InvalidArgumentError("BAD_VALUENO is not a value slot for a facet");
        database->state.value_facets[prefix] = slot;
        database->state.columns.clear();
    });
}

/// The boolean terms of value-backed facets, gathered per slot (values sorted, joined by 0x1F);
/// the other terms are left in `terms`.
static std::map<Xapian::valueno, std::string> take_value_facets(const cxapian::Database &state, std::vector<std::string> &terms) {
    std::map<Xapian::valueno, std::vector<std::string>> per_slot;
    for (const auto &facet : state.value_facets) per_slot[facet.second];
    std::vector<std::string> kept;
    for (auto &term : terms) {
        auto facet = state.value_facet_of(term);
        if (facet == state.value_facets.end()) kept.push_back(term);
        else per_slot[facet->second].push_back(term.substr(facet->first.size()));
    }
    terms.swap(kept);
    std::map<Xapian::valueno, std::string> joined;
    for (auto &entry : per_slot) {
        std::sort(entry.second.begin(), entry.second.end());
        std::string value;
        for (size_t i = 0; i < entry.second.size(); ++i) {
            if (i > 0) value += cxapian::value_separator;
            value += entry.second[i];
        }
        joined[entry.first] = value;
    }
    return joined;
}

namespace {

/// The Xapian document a spec describes.
Xapian::Document build_document(const cxapian::Database &state, const cx_document_spec *spec) {
    Xapian::Document document;
    if (spec->text_count > 0) {
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        generator.set_document(document);
        // Without positions: phrase queries degrade to AND (Xapian does this for databases without
        // positional data), and in exchange documents are smaller and cheaper to write, and a
        // facet-term update does not have to read every term's positions back (see update_terms).
        for (size_t i = 0; i < spec->text_count; ++i) {
            generator.index_text_without_positions(spec->texts[i], spec->text_weights ? spec->text_weights[i] : 1);
        }
    }
    document.add_boolean_term(spec->unique_term);
    std::vector<std::string> terms(spec->boolean_terms, spec->boolean_terms + spec->boolean_term_count);
    for (const auto &slot : take_value_facets(state, terms)) {
        if (!slot.second.empty()) document.add_value(slot.first, slot.second);
    }
    for (const auto &term : terms) document.add_boolean_term(term);
    for (size_t i = 0; i < spec->value_count; ++i) {
        if (spec->value_slots[i] == Xapian::BAD_VALUENO) {
            throw Xapian::InvalidArgumentError("BAD_VALUENO is not a value slot to store a value in");
        }
        document.add_value(spec->value_slots[i], std::string(spec->values[i], spec->value_lengths[i]));
    }
    if (spec->data_length > 0) document.set_data(std::string(spec->data, spec->data_length));
    return document;
}

} // namespace

extern "C" int cx_database_replace(cx_database *database, const cx_document_spec *spec, cx_error **error) {
    return guard(error, [&] {
        auto &writer = writer_of(database);
        writer.replace_document(spec->unique_term, build_document(database->state, spec));
        database->state.generation++;
    });
}

extern "C" int cx_database_add(cx_database *database, const cx_document_spec *spec, cx_error **error) {
    return guard(error, [&] {
        auto &writer = writer_of(database);
        writer.add_document(build_document(database->state, spec));
        database->state.generation++;
    });
}

extern "C" int cx_database_update_terms(cx_database *database, const char *unique_term,
                                        const char *const *prefixes, size_t prefix_count,
                                        const char *const *terms, size_t term_count, int *found, cx_error **error) {
    return guard(error, [&] {
        auto &writer = writer_of(database);
        *found = 0;
        Xapian::PostingIterator posting = writer.postlist_begin(unique_term);
        if (posting == writer.postlist_end(unique_term)) return;
        Xapian::docid id = *posting;
        Xapian::Document document = writer.get_document(id);
        std::vector<std::string> new_terms(terms, terms + term_count);
        bool changed = false;
        // Value-backed facets: one value per slot, so Xapian rewrites no postings.
        for (const auto &slot : take_value_facets(database->state, new_terms)) {
            if (document.get_value(slot.first) != slot.second) {
                if (slot.second.empty()) document.remove_value(slot.first); else document.add_value(slot.first, slot.second);
                changed = true;
            }
        }
        // Term-backed facets (node, access rights): read from the database's termlist (the
        // document's own would load every term) and touched only when they differ.
        std::vector<std::string> old_terms;
        for (size_t p = 0; p < prefix_count; ++p) {
            std::string prefix = prefixes[p];
            if (database->state.value_facets.count(prefix)) continue;
            auto term = writer.termlist_begin(id);
            for (term.skip_to(prefix); term != writer.termlist_end(id) && (*term).compare(0, prefix.size(), prefix) == 0; ++term) {
                old_terms.push_back(*term);
            }
        }
        std::sort(old_terms.begin(), old_terms.end());
        std::sort(new_terms.begin(), new_terms.end());
        if (old_terms != new_terms) {
            for (const auto &term : old_terms) document.remove_term(term);
            for (const auto &term : new_terms) document.add_boolean_term(term);
            changed = true;
        }
        *found = 1;
        if (!changed) return;
        writer.replace_document(id, document);
        database->state.generation++;
    });
}

extern "C" int cx_database_delete(cx_database *database, const char *unique_term, cx_error **error) {
    return guard(error, [&] {
        writer_of(database).delete_document(unique_term);
        database->state.generation++;
    });
}
