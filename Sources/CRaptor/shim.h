// raptor2 as a Swift module. pkg-config adds -I/usr/include/raptor2, so the header is found by name.
#include <raptor2.h>
