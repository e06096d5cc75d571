// Exact match counts per group (a value slot), with a per-group wrapping sum of a 64-bit key from
// another slot: the cohort counter's one pass (a dataset's distinct subjects and their cell key).
#include "database.hpp"
#include "guard.hpp"
#include <map>

using cxapian::guard;

struct cx_grouped_count {
    std::vector<std::string> groups;
    std::vector<unsigned> counts;
    std::vector<uint64_t> key_sums;
};

namespace cxapian {

/// A key slot's value: 16 hexadecimal digits (text, so that values stay C strings end to end).
static uint64_t parse_key(const std::string &text) {
    if (text.size() != 16) throw Xapian::DatabaseCorruptError("a key value is not 16 hexadecimal digits");
    uint64_t key = 0;
    for (char c : text) {
        unsigned digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else throw Xapian::DatabaseCorruptError("a key value is not 16 lower-case hexadecimal digits");
        key = (key << 4) | digit;
    }
    return key;
}

const GroupColumn &Database::group_column(Xapian::valueno group_slot, Xapian::valueno key_slot) {
    auto &slot = group_columns[{group_slot, key_slot}];
    if (slot && slot->generation == generation) return *slot;
    auto built = std::make_shared<GroupColumn>();
    built->generation = generation;
    Xapian::docid limit = reader.get_lastdocid();
    built->codes.assign(limit + 1, GroupColumn::none);
    built->keys.assign(limit + 1, 0);
    std::map<std::string, uint32_t> code_of;
    for (auto value = reader.valuestream_begin(group_slot); value != reader.valuestream_end(group_slot); ++value) {
        auto found = code_of.find(*value);
        uint32_t code;
        if (found == code_of.end()) {
            code = static_cast<uint32_t>(built->values.size());
            built->values.push_back(*value);
            code_of.emplace(*value, code);
        } else {
            code = found->second;
        }
        built->codes[value.get_docid()] = code;
    }
    for (auto value = reader.valuestream_begin(key_slot); value != reader.valuestream_end(key_slot); ++value) {
        built->keys[value.get_docid()] = parse_key(*value);
    }
    slot = built;
    return *slot;
}

} // namespace cxapian

namespace {

/// Adds each accepted document to its group's count and key sum, from the in-memory column.
class GroupSpy : public Xapian::MatchSpy {
public:
    GroupSpy(const cxapian::GroupColumn &column, cx_grouped_count &result) : column_(column), result_(result) {}

    void operator()(const Xapian::Document &document, double) override {
        Xapian::docid id = document.get_docid();
        if (id >= column_.codes.size()) return;
        uint32_t code = column_.codes[id];
        if (code == cxapian::GroupColumn::none) return;
        result_.counts[code] += 1;
        result_.key_sums[code] += column_.keys[id];   // wraps modulo 2^64, as the cell key is defined
    }

private:
    const cxapian::GroupColumn &column_;
    cx_grouped_count &result_;
};

} // namespace

extern "C" cx_grouped_count *cx_database_grouped_count(
    cx_database *database, const char *const *filter_terms, const unsigned *filter_groups, size_t filter_count,
    unsigned group_slot, unsigned key_slot, cx_error **error) {
    cx_grouped_count *handle = nullptr;
    guard(error, [&] {
        auto &state = database->state;
        const cxapian::GroupColumn &column = state.group_column(group_slot, key_slot);
        auto result = std::make_unique<cx_grouped_count>();
        result->counts.assign(column.values.size(), 0);
        result->key_sums.assign(column.values.size(), 0);

        std::map<unsigned, std::vector<Xapian::Query>> groups;
        for (size_t i = 0; i < filter_count; ++i) groups[filter_groups[i]].push_back(state.term_query(filter_terms[i]));
        std::vector<Xapian::Query> conjuncts;
        for (auto &group : groups) conjuncts.emplace_back(Xapian::Query::OP_OR, group.second.begin(), group.second.end());
        Xapian::Query query = conjuncts.empty()
            ? Xapian::Query(std::string())
            : Xapian::Query(Xapian::Query::OP_AND, conjuncts.begin(), conjuncts.end());

        Xapian::Enquire enquire(state.reader);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        GroupSpy spy(column, *result);
        enquire.add_matchspy(&spy);
        Xapian::doccount everything = std::max<Xapian::doccount>(state.reader.get_doccount(), 1);
        Xapian::MSet mset = enquire.get_mset(0, 0, everything);
        if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) {
            throw Xapian::InternalError("match count is not exact");
        }
        // Only the groups with a match; the caller learns a group's whole size by counting with no filter.
        auto kept = std::make_unique<cx_grouped_count>();
        for (size_t code = 0; code < column.values.size(); ++code) {
            if (result->counts[code] == 0) continue;
            kept->groups.push_back(column.values[code]);
            kept->counts.push_back(result->counts[code]);
            kept->key_sums.push_back(result->key_sums[code]);
        }
        handle = kept.release();
    });
    return handle;
}

extern "C" size_t cx_grouped_count_size(const cx_grouped_count *result) { return result->groups.size(); }

extern "C" const char *cx_grouped_count_group(const cx_grouped_count *result, size_t index, size_t *length,
                                              unsigned *count, uint64_t *key_sum) {
    const std::string &group = result->groups.at(index);
    *length = group.size();
    *count = result->counts.at(index);
    *key_sum = result->key_sums.at(index);
    return group.data();
}

extern "C" void cx_grouped_count_free(cx_grouped_count *result) { delete result; }
