#ifndef PLAYBOOK_CXLSXWRITER_SHIM_H
#define PLAYBOOK_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
