// libxml2 as a system library, for its pkg-config flags. Only the C target CXMLErrorLocator
// includes libxml2's headers; Swift never imports them (they clash with Foundation's ICU).
#include <libxml/xmlversion.h>
