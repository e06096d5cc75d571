// flat C API over Xapian (being built)
