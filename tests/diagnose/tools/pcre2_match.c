/* pm PATTERNS.tsv FILE...: for each pattern (name\tregex), compile with
 * PCRE2_MULTILINE|PCRE2_UTF (as src/diagnose.c does), run over each whole
 * file, print "file\tname\tstart-line:match-line-count..." */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char *slurp(const char *p, size_t *n) {
	FILE *f = fopen(p, "rb"); if (!f) { perror(p); exit(1); }
	fseek(f, 0, SEEK_END); long l = ftell(f); rewind(f);
	char *b = malloc(l + 1); *n = fread(b, 1, l, f); b[*n] = 0; fclose(f); return b;
}
int main(int argc, char **argv) {
	size_t pn; char *pats = slurp(argv[1], &pn);
	for (int a = 2; a < argc; a++) {
		size_t n; char *buf = slurp(argv[a], &n);
		char *save, *line = strtok_r(strdup(pats), "\n", &save);
		for (; line; line = strtok_r(NULL, "\n", &save)) {
			char *tab = strchr(line, '\t'); *tab = 0;
			int rc; PCRE2_SIZE off;
			pcre2_code *re = pcre2_compile((PCRE2_SPTR)(tab + 1), PCRE2_ZERO_TERMINATED, PCRE2_MULTILINE | PCRE2_UTF, &rc, &off, NULL);
			if (!re) { printf("%s\t%s\tCOMPILE-ERROR\n", argv[a], line); continue; }
			pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
			PCRE2_SIZE start = 0; printf("%s\t%s\t", argv[a], line);
			while (start <= n && pcre2_match(re, (PCRE2_SPTR)buf, n, start, 0, md, NULL) > 0) {
				PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
				int l0 = 1; for (PCRE2_SIZE i = 0; i < ov[0]; i++) l0 += buf[i] == '\n';
				int l1 = l0; for (PCRE2_SIZE i = ov[0]; i < ov[1]; i++) l1 += buf[i] == '\n';
				printf("%d-%d,", l0, l1);
				start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
			}
			printf("\n"); pcre2_match_data_free(md); pcre2_code_free(re);
		}
		free(buf);
	}
	return 0;
}
