// raptor2 as a Swift module. pkg-config adds -I/usr/include/raptor2, so the header is found by name.
#include <raptor2.h>

/// raptor_new_world() is a macro passing the compiled-against version; Swift cannot call macros.
static inline raptor_world *craptor_new_world(void) {
    return raptor_new_world_internal(RAPTOR_VERSION);
}
