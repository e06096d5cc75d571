// The one place where C++ exceptions stop: every entry point runs its body through cx_guard.
#ifndef CXAPIAN_GUARD_HPP
#define CXAPIAN_GUARD_HPP

#include "cxapian.h"
#include <xapian.h>
#include <new>
#include <exception>
#include <string>

namespace cxapian {

void set_error(cx_error **error, int code, const std::string &error_class, const std::string &message);
int classify_current();

/// Runs body; turns any exception into a cx_error and returns its code (CX_OK on success).
template <typename Body>
int guard(cx_error **error, Body &&body) noexcept {
    try {
        body();
        return CX_OK;
    } catch (const Xapian::Error &e) {
        int code = classify_current();
        set_error(error, code, e.get_type(), e.get_msg().empty() ? e.get_description() : e.get_msg());
        return code;
    } catch (const std::bad_alloc &e) {
        set_error(error, CX_ERR_OUT_OF_MEMORY, "std::bad_alloc", e.what());
        return CX_ERR_OUT_OF_MEMORY;
    } catch (const std::exception &e) {
        set_error(error, CX_ERR_STD_EXCEPTION, "std::exception", e.what());
        return CX_ERR_STD_EXCEPTION;
    } catch (...) {
        set_error(error, CX_ERR_UNKNOWN, "unknown", "an unknown C++ exception was thrown");
        return CX_ERR_UNKNOWN;
    }
}

} // namespace cxapian

#endif
