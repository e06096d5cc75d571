#include "guard.hpp"
#include <cstdlib>
#include <cstring>

namespace cxapian {

static char *copy_string(const std::string &text) {
    char *copy = static_cast<char *>(std::malloc(text.size() + 1));
    if (copy) std::memcpy(copy, text.c_str(), text.size() + 1);
    return copy;
}

void set_error(cx_error **error, int code, const std::string &error_class, const std::string &message) {
    if (!error) return;
    cx_error *value = static_cast<cx_error *>(std::malloc(sizeof(cx_error)));
    if (!value) return;
    value->code = code;
    value->error_class = copy_string(error_class);
    value->message = copy_string(message);
    *error = value;
}

/// Maps the exception being handled to a code by its type, not its name (names drift between
/// releases). Xapian::Error is not polymorphic, so the type is found by rethrowing, as
/// xapian-bindings does; must be called from inside a catch block.
int classify_current() {
    try {
        throw;
    } catch (const Xapian::DatabaseNotFoundError &) { return CX_ERR_DATABASE_NOT_FOUND;
    } catch (const Xapian::DatabaseLockError &) { return CX_ERR_DATABASE_LOCK;
    } catch (const Xapian::DatabaseOpeningError &) { return CX_ERR_DATABASE_OPENING;
    } catch (const Xapian::DatabaseModifiedError &) { return CX_ERR_DATABASE_MODIFIED;
    } catch (const Xapian::DatabaseCorruptError &) { return CX_ERR_DATABASE_CORRUPT;
    } catch (const Xapian::DatabaseError &) { return CX_ERR_DATABASE;
    } catch (const Xapian::QueryParserError &) { return CX_ERR_QUERY_PARSER;
    } catch (const Xapian::InvalidArgumentError &) { return CX_ERR_INVALID_ARGUMENT;
    } catch (const Xapian::InvalidOperationError &) { return CX_ERR_INVALID_OPERATION;
    } catch (const Xapian::RangeError &) { return CX_ERR_RANGE;
    } catch (...) { return CX_ERR_XAPIAN_OTHER;
    }
}

} // namespace cxapian

extern "C" void cx_error_free(cx_error *error) {
    if (!error) return;
    std::free(error->error_class);
    std::free(error->message);
    std::free(error);
}

extern "C" void cx_string_free(char *string) { std::free(string); }

extern "C" void cx_version(int *major, int *minor, int *revision) {
    *major = Xapian::major_version();
    *minor = Xapian::minor_version();
    *revision = Xapian::revision();
}
