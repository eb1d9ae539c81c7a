/*
 * doc_ocr.c: the OCR engine of the doc layer (tesseract's C API).
 *
 * One TessBaseAPI per language combination the users write in ("eng",
 * "por+eng", "spa+eng"), each loaded once per process: doc_ocr_init loads
 * them all (a worker calls it before serving; a prefork master that calls
 * it shares the models with its workers copy-on-write), or the first
 * document of a language loads its own. An engine is cleared after each
 * page, so nothing of one document stays for the next and a worker's
 * memory stays flat; a mutex per engine lets threads share them.
 * Recognition stops at the document's deadline (tesseract's monitor).
 */
#include "config.h"

#include <dlfcn.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "core/log.h"
#include "core/pool.h"
#include "doc/doc.h"
#include "doc/doc_int.h"

enum { ENG_EN, ENG_PT, ENG_ES, ENG_COUNT };

struct engine {
	const char	*code;		/* the user's language */
	const char	*langs;		/* tesseract's models, the user's first */
	TessBaseAPI	*api;
	int		 failed;	/* tried and could not load: not again */
	pthread_mutex_t	 mu;
};

static pthread_once_t single_once = PTHREAD_ONCE_INIT;

static struct engine engines[ENG_COUNT] = {
	{ "en", "eng", NULL, 0, PTHREAD_MUTEX_INITIALIZER },
	{ "pt", "por+eng", NULL, 0, PTHREAD_MUTEX_INITIALIZER },
	{ "es", "spa+eng", NULL, 0, PTHREAD_MUTEX_INITIALIZER },
};

/*
 * Settings every engine gets after loading. Page segmentation: tesseract's
 * automatic layout (PSM_AUTO) reads a receipt's two columns as two blocks,
 * labels first and amounts after; one uniform block (PSM_SINGLE_BLOCK)
 * keeps "TOTAL ... 12.50" on one line, and the rows of a receipt are what
 * the parser reads (measured on the corpus: tests/bench/bench_receipts).
 */
static const struct { const char *name, *value; } ocr_vars[] = {
	{ "debug_file", "/dev/null" },		/* tesseract's chatter stays off stderr */
	{ "preserve_interword_spaces", "1" },	/* columns stay apart */
	{ "tessedit_do_invert", "0" },		/* no white-on-black pass: twice the time */
};

/*
 * Tesseract runs its networks on OpenMP threads when it is built with
 * OpenMP (Debian's is). A worker reads one document at a time and the pool
 * of workers is the parallelism: tesseract's threads only fight the other
 * workers for the cores, and spin while they wait. On the corpus, with the
 * machine's two cores busy, a receipt took 1.9 s with them and 0.4 s
 * without. So no OpenMP region of this process runs in parallel (max active
 * levels 0), looked up at run time: a tesseract without OpenMP has none.
 */
static void
ocr_single_thread(void)
{
	void	(*set_levels)(int);
	void	*sym = dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");

	if (sym == NULL)
		return;
	memcpy(&set_levels, &sym, sizeof(set_levels));
	set_levels(0);
}

/* Load engine e (its mutex held): 0, or -1 (logged once). */
static int
engine_load(struct engine *e)
{
	size_t	 k;

	if (e->api != NULL)
		return 0;
	if (e->failed)
		return -1;
	pthread_once(&single_once, ocr_single_thread);
	setMsgSeverity(L_SEVERITY_NONE);
	if ((e->api = TessBaseAPICreate()) == NULL)
		goto fail;
	if (TessBaseAPIInit3(e->api, NULL, e->langs) != 0) {
		TessBaseAPIDelete(e->api);
		e->api = NULL;
		goto fail;
	}
	for (k = 0; k < sizeof(ocr_vars) / sizeof(ocr_vars[0]); k++)
		TessBaseAPISetVariable(e->api, ocr_vars[k].name, ocr_vars[k].value);
	return 0;
fail:
	e->failed = 1;
	log_warnx("ocr: the tesseract models \"%s\" could not be loaded (install "
	    "tesseract-ocr-eng, -por and -spa, or set TESSDATA_PREFIX)", e->langs);
	return -1;
}

int
doc_ocr_init(void)
{
	int	 rc = 0;
	size_t	 i;

	for (i = 0; i < ENG_COUNT; i++) {
		pthread_mutex_lock(&engines[i].mu);
		if (engine_load(&engines[i]) == -1)
			rc = -1;
		pthread_mutex_unlock(&engines[i].mu);
	}
	return rc;
}

void
doc_ocr_shutdown(void)
{
	size_t	 i;

	for (i = 0; i < ENG_COUNT; i++) {
		pthread_mutex_lock(&engines[i].mu);
		if (engines[i].api != NULL) {
			TessBaseAPIEnd(engines[i].api);
			TessBaseAPIDelete(engines[i].api);
			engines[i].api = NULL;
		}
		engines[i].failed = 0;
		pthread_mutex_unlock(&engines[i].mu);
	}
}

static struct engine *
engine_for(const char *lang)
{
	size_t	 i;

	for (i = 0; i < ENG_COUNT; i++)
		if (lang != NULL && strcmp(lang, engines[i].code) == 0)
			return &engines[i];
	return &engines[ENG_EN];
}

int
doc_ocr_pix(const struct doc_ctx *ctx, struct Pix *pix, char **text, int *confidence,
    enum doc_status *why)
{
	struct engine *e = engine_for(ctx->lang);
	ETEXT_DESC *mon = NULL;
	char	*t = NULL;
	int64_t	 left;
	int	 rc = -1, conf;

	*text = NULL;
	*confidence = 0;
	*why = DOC_UNREADABLE;
	left = ctx->deadline_ms - doc_now_ms();
	if (left <= 0) {
		*why = DOC_TIMEOUT;
		return -1;
	}
	pthread_mutex_lock(&e->mu);
	if (engine_load(e) == -1)
		goto out;
	if ((mon = TessMonitorCreate()) == NULL) {
		*why = DOC_NOMEM;
		goto out;
	}
	TessMonitorSetDeadlineMSecs(mon, left > INT32_MAX ? INT32_MAX : (int)left);
	TessBaseAPISetPageSegMode(e->api, (TessPageSegMode)doc_image_opts.psm);
	TessBaseAPISetImage2(e->api, pix);
	TessBaseAPISetSourceResolution(e->api, 300);
	if (TessBaseAPIRecognize(e->api, mon) != 0 || doc_late(ctx)) {
		*why = doc_late(ctx) ? DOC_TIMEOUT : DOC_UNREADABLE;
		goto out;
	}
	if ((t = TessBaseAPIGetUTF8Text(e->api)) == NULL) {
		*why = DOC_NOMEM;
		goto out;
	}
	conf = TessBaseAPIMeanTextConf(e->api);
	if ((*text = pool_strdup(ctx->pool, t)) == NULL) {
		*why = DOC_NOMEM;
		goto out;
	}
	*confidence = conf < 0 ? 0 : conf > 100 ? 1000 : conf * 10;
	rc = 0;
out:
	if (t != NULL)
		TessDeleteText(t);
	if (e->api != NULL)
		TessBaseAPIClear(e->api);
	if (mon != NULL)
		TessMonitorDelete(mon);
	pthread_mutex_unlock(&e->mu);
#ifdef __GLIBC__
	/*
	 * A page's images and tesseract's networks free tens of MiB that glibc
	 * keeps (its mmap threshold rises after the first large frees, so the
	 * next page's buffers come from the heap and stay): measured, a worker
	 * held 14 MiB more after a few receipts. Given back after each page.
	 */
	malloc_trim(0);
#endif
	return rc;
}
