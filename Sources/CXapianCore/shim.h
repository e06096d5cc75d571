// Xapian is C++ and is used only from CXapian's sources; this module exists to carry the
// compiler and linker flags of pkg-config's xapian-core to CXapian. Nothing to import here.
