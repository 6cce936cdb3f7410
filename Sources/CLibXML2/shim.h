#ifndef DEBRIEF_CLIBXML2_SHIM_H
#define DEBRIEF_CLIBXML2_SHIM_H

/* Debian's libxml2 headers pull in the system ICU, whose types clash with
   Foundation's own copy on a cold module cache. Read the version header first,
   then switch ICU off before any other libxml2 header is seen. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/* xmlFree is a mutable C global; Swift 6 rejects touching it from concurrent code. */
static inline void debrief_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
