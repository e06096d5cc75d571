#include "database.hpp"
#include "guard.hpp"
#include <algorithm>
#include <cstdlib>
#include <cstring>

using cxapian::guard;

namespace cxapian {

const FacetColumn &Database::column(const std::string &prefix) {
    auto &slot = columns[prefix];
    if (slot && slot->generation == generation) return *slot;
    auto built = std::make_shared<FacetColumn>();
    built->generation = generation;
    Xapian::docid limit = reader.get_lastdocid();
    std::vector<std::vector<uint32_t>> per_document(limit + 1);
    for (auto term = reader.allterms_begin(prefix); term != reader.allterms_end(prefix); ++term) {
        uint32_t code = static_cast<uint32_t>(built->values.size());
        built->values.push_back((*term).substr(prefix.size()));
        for (auto posting = reader.postlist_begin(*term); posting != reader.postlist_end(*term); ++posting) {
            per_document[*posting].push_back(code);
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

extern "C" int cx_database_replace(cx_database *database, const cx_document_spec *spec, cx_error **error) {
    return guard(error, [&] {
        auto &writer = writer_of(database);
        Xapian::Document document;
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        generator.set_document(document);
        for (size_t i = 0; i < spec->text_count; ++i) {
            generator.index_text(spec->texts[i], spec->text_weights ? spec->text_weights[i] : 1);
            generator.increase_termpos();
        }
        document.add_boolean_term(spec->unique_term);
        for (size_t i = 0; i < spec->boolean_term_count; ++i) document.add_boolean_term(spec->boolean_terms[i]);
        for (size_t i = 0; i < spec->value_count; ++i) {
            if (spec->value_slots[i] == Xapian::BAD_VALUENO) {
                throw Xapian::InvalidArgumentError("BAD_VALUENO is not a value slot to store a value in");
            }
            document.add_value(spec->value_slots[i], std::string(spec->values[i], spec->value_lengths[i]));
        }
        document.set_data(std::string(spec->data, spec->data_length));
        writer.replace_document(spec->unique_term, document);
        database->state.generation++;
    });
}

extern "C" int cx_database_delete(cx_database *database, const char *unique_term, cx_error **error) {
    return guard(error, [&] {
        writer_of(database).delete_document(unique_term);
        database->state.generation++;
    });
}
