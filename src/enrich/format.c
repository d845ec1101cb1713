/*
 * format.c - Norwegian number and date formatting.
 *
 * Sums are computed in integers before they get here; formatting never
 * does arithmetic that could round.  Digits are grouped with U+00A0 NO-BREAK
 * SPACE, so that a line never ends inside a number ("1 087 / 500"); the
 * narrow U+202F would be nicer, but Open Sans, the default face, lacks it.
 * A negative number has U+2212 MINUS SIGN, as Norwegian typesetting
 * wants: the hyphen is shorter than a digit and a line may break after it.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format.h"

void
format_integer(long long v, char *out, size_t size)
{
	char digits[32], tmp[64];
	size_t n, i, j = 0;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	snprintf(digits, sizeof(digits), "%llu", u);
	n = strlen(digits);
	if (v < 0) {
		tmp[j++] = '\xE2';
		tmp[j++] = '\x88';
		tmp[j++] = '\x92';
	}
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0) {
			tmp[j++] = '\xC2';
			tmp[j++] = '\xA0';
		}
		tmp[j++] = digits[i];
	}
	tmp[j] = '\0';
	snprintf(out, size, "%s", tmp);
}

void
format_number(double v, char *out, size_t size)
{
	char *dot;

	if (isfinite(v) && floor(v) == v && fabs(v) < 1e15) {
		format_integer((long long)v, out, size);
		return;
	}
	snprintf(out, size, "%s%.10g", v < 0 ? "\xE2\x88\x92" : "", fabs(v));
	if ((dot = strchr(out, '.')) != NULL)
		*dot = ',';
}

void
format_date(const char *iso, char *out, size_t size)
{
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-')
		snprintf(out, size, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(out, size, "%s", iso);
}

void
format_date_or_year(const cJSON *v, char *out, size_t size)
{
	if (cJSON_IsNumber(v))
		snprintf(out, size, "%d", (int)v->valuedouble);
	else if (cJSON_IsString(v))
		format_date(v->valuestring, out, size);
	else
		snprintf(out, size, "%s", "");
}

void
format_period(const cJSON *p, char *out, size_t size)
{
	char a[32], b[32];

	format_date_or_year(cJSON_GetObjectItemCaseSensitive(p, "from"), a,
	    sizeof(a));
	format_date_or_year(cJSON_GetObjectItemCaseSensitive(p, "to"), b,
	    sizeof(b));
	if (strcmp(a, b) == 0)
		snprintf(out, size, "%s", a);
	else
		snprintf(out, size, "%s–%s", a, b);
}
