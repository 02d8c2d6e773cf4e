#ifndef FACTCHECK_CPCRE2_SHIM_H
#define FACTCHECK_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// These are cast expressions in pcre2.h, which Swift does not import as constants.
static inline size_t factcheck_pcre2_unset(void) { return PCRE2_UNSET; }
static inline size_t factcheck_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }

#endif
