#ifndef PLAYBOOK_CCMARK_SHIM_H
#define PLAYBOOK_CCMARK_SHIM_H
#include <cmark.h>
#endif
