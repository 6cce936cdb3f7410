/* The floor under any importer built on libxml2: the same HTML parse that Debrief runs (memory
 * parser, RECOVER|NOERROR|NOWARNING|NONET, SAX events), with callbacks that only count.
 * Usage: sax-floor PAGE.html */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long characters = 0, elements = 0;
static void on_characters(void *context, const xmlChar *bytes, int count) { (void)context; (void)bytes; characters += count; }
static void on_start(void *context, const xmlChar *name, const xmlChar **attributes) { (void)context; (void)name; (void)attributes; elements++; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: sax-floor PAGE.html\n"); return 64; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 66; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *page = malloc(size);
    if (!page || fread(page, 1, size, file) != (size_t)size) { fprintf(stderr, "cannot read %s\n", argv[1]); return 66; }
    fclose(file);
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(page, (int)size);
    htmlSAXHandler handler;
    memset(&handler, 0, sizeof handler);
    handler.characters = on_characters;
    handler.startElement = on_start;
    *context->sax = handler;
    htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    htmlParseDocument(context);
    printf("%ld elements, %ld bytes of text\n", elements, characters);
    htmlFreeParserCtxt(context);
    free(page);
    return 0;
}
