#ifndef PLAYBOOK_CJEMALLOC_SHIM_H
#define PLAYBOOK_CJEMALLOC_SHIM_H
/* Debian's jemalloc is built without a prefix: linking it gives the whole process its
   malloc and free. The header is here for mallctl, which the executable uses to report it. */
#include <jemalloc/jemalloc.h>
#endif
