/* The machine's practical limit: the engine's CSR loop (src/engine/pass.ts, train.ts) in C,
 * sequential SGD, float64, sigmoid neurons, one output. Reads a net written by bench/native.ts
 * from stdin, prints example-updates per CPU-second. Built by the benchmark with `cc -O2`. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int rd(void) { int v; if (scanf("%d", &v) != 1) exit(2); return v; }
static double rdf(void) { double v; if (scanf("%lf", &v) != 1) exit(2); return v; }
static int *ints(int n) { int *a = malloc(sizeof(int) * (n > 0 ? n : 1)); for (int i = 0; i < n; i++) a[i] = rd(); return a; }
static double *dbls(int n) { double *a = malloc(sizeof(double) * (n > 0 ? n : 1)); for (int i = 0; i < n; i++) a[i] = rdf(); return a; }

int main(void) {
  int N = rd(), E = rd(), out = rd(), P = rd(), epochs = rd();
  double eta = rdf();
  int *order = ints(N), *kind = ints(N), *feature = ints(N);
  int *inStart = ints(N + 1), *inSrc = ints(E), *inEdge = ints(E);
  int *outStart = ints(N + 1), *outDst = ints(E), *outEdge = ints(E);
  int *eSrc = ints(E), *eDst = ints(E);
  double *w = dbls(E), *X = dbls(2 * P), *Y = dbls(P);
  double *z = calloc(N, 8), *dz = calloc(N, 8), *dh = calloc(N, 8), *de = calloc(N, 8), *g = calloc(E, 8);
  double first = 0, lastE = 0;
  clock_t t0 = clock();
  for (int ep = 0; ep < epochs; ep++) {
    double err = 0;
    for (int i = 0; i < P; i++) {
      const double *x = X + 2 * i;
      for (int p = 0; p < N; p++) {
        int k = order[p];
        if (kind[k] != 2) { z[k] = kind[k] == 0 ? x[feature[k]] : 1; continue; }
        double s = 0;
        for (int q = inStart[k]; q < inStart[k + 1]; q++) s += z[inSrc[q]] * w[inEdge[q]];
        z[k] = 1 / (1 + exp(-s));
        dz[k] = z[k] * (1 - z[k]);
      }
      double d = z[out] - Y[i];
      err += d * d;
      for (int p = N - 1; p >= 0; p--) {
        int k = order[p];
        if (kind[k] != 2) { dh[k] = 0; continue; }
        if (k == out) { dh[k] = dz[k]; continue; }
        double s = 0;
        for (int q = outStart[k]; q < outStart[k + 1]; q++) s += dh[outDst[q]] * w[outEdge[q]];
        dh[k] = s * dz[k];
      }
      double f = 2 * d;
      for (int k = 0; k < N; k++) de[k] = f * dh[k];
      for (int e = 0; e < E; e++) g[e] = de[eDst[e]] * z[eSrc[e]];
      for (int e = 0; e < E; e++) w[e] -= eta * g[e];
    }
    if (ep == 0) first = err;
    lastE = err;
  }
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  int finite = 1;
  for (int e = 0; e < E; e++) if (!isfinite(w[e])) finite = 0;
  printf("%.6f %.17g %.17g %d %.17g\n", (double)epochs * P / secs, first, lastE, finite, w[0]);
  return 0;
}
