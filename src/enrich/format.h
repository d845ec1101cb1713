/*
 * format.h - numbers, amounts and dates as Norwegian documents print them:
 * "1 220 000", "kr 879 000", "3,5", "15.01.2026", "2018–2020".
 */
#ifndef PV_FORMAT_H
#define PV_FORMAT_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Whole numbers with a no-break space (U+00A0) every three digits:
 * "1 220 000", "-5 000". */
void format_integer(long long, char *out, size_t size);
/* A JSON number as given: whole numbers grouped, decimals with a comma. */
void format_number(double, char *out, size_t size);
/* "2026-01-15" -> "15.01.2026"; anything else is copied. */
void format_date(const char *iso, char *out, size_t size);
/* A year (number) or a date (string) as printed. */
void format_date_or_year(const cJSON *, char *out, size_t size);
/* A period {"from", "to"}: "2018–2020", "01.08.2018–31.07.2020". */
void format_period(const cJSON *period, char *out, size_t size);

#endif
