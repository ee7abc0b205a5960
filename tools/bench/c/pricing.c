/*
 * C reference for the pricing benchmark: the same formulas as libs/domain/src/pricing
 * (Cody's erf/erfc, Black-Scholes-Merton greeks, the normalised-Black implied-volatility
 * solver with the same starting guesses and Householder(3) steps, and a 600-option chain).
 * Compiled at bench time (cc -O2 ... -lm) into a temporary folder; never committed as a binary.
 *
 * Usage: pricing <inputs.bin> <runs>
 *   inputs.bin: doubles, see tools/bench/pricing.bench.ts (writeInputs) for the layout.
 * Prints one JSON object with the median ns per operation of each benchmark.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const double INV_SQRT_2 = 0.70710678118654752440, INV_SQRT_2PI = 0.39894228040143267794;
static const double INV_SQRT_PI = 0.56418958354775628695, HALF_LN_2PI = 0.9189385332046728;
#define ERF_CENTRAL_LIMIT 0.46875

static double erf_central(double y) {
  double z = y * y;
  double num = (((0.185777706184603153 * z + 3.1611237438705656) * z + 113.864154151050156) * z + 377.485237685302021) * z + 3209.37758913846947;
  double den = (((z + 23.6012909523441209) * z + 244.024637934444173) * z + 1282.61652607737228) * z + 2844.23683343917062;
  return y * num / den;
}
static double erfcx_tail(double y) {
  if (y <= 4) {
    double num = (((((((2.15311535474403846e-8 * y + 0.564188496988670089) * y + 8.88314979438837594) * y + 66.1191906371416295) * y + 298.635138197400131) * y + 881.952221241769090) * y + 1712.04761263407058) * y + 2051.07837782607147) * y + 1230.33935479799725;
    double den = (((((((y + 15.7449261107098347) * y + 117.693950891312499) * y + 537.181101862009858) * y + 1621.38957456669019) * y + 3290.79923573345963) * y + 4362.61909014324716) * y + 3439.36767414372164) * y + 1230.33935480374942;
    return num / den;
  }
  double z = 1 / (y * y);
  double num = ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z + 0.125781726111229246) * z + 0.0160837851487422766) * z + 6.58749161529837803e-4;
  double den = ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z + 0.0605183413124413191) * z + 0.00233520497626869185;
  return (INV_SQRT_PI - z * num / den) / y;
}
static double exp_minus_square(double y) {
  double head = trunc(y * 16) / 16;
  return exp(-head * head) * exp(-(y - head) * (y + head));
}
static double erfc_(double y) {
  double a = fabs(y);
  if (a <= ERF_CENTRAL_LIMIT) return 1 - erf_central(y);
  double tail = a >= 26.543 ? 0 : exp_minus_square(a) * erfcx_tail(a);
  return y < 0 ? 2 - tail : tail;
}

typedef struct { double price, delta, gamma, theta, vega, rho; } greeks_t;

/* Φ(-|d|) given exp(-d²/2) */
static double lower_tail(double d, double exp_d) {
  double y = fabs(d) * INV_SQRT_2;
  if (y <= ERF_CENTRAL_LIMIT) return 0.5 - 0.5 * erf_central(y);
  return 0.5 * exp_d * erfcx_tail(y);
}

static greeks_t black_scholes(double spot, double strike, double years, double rate, double vol, double q, int is_call) {
  greeks_t g;
  double sqrt_t = sqrt(years), vst = vol * sqrt_t;
  double d1 = (log(spot / strike) + (rate - q + 0.5 * vol * vol) * years) / vst, d2 = d1 - vst;
  double eq = exp(-q * years), spot_disc = spot * eq, strike_disc = strike * exp(-rate * years);
  double exp_d1 = exp(-0.5 * d1 * d1), pdf = INV_SQRT_2PI * exp_d1;
  double low1 = lower_tail(d1, exp_d1), low2 = lower_tail(d2, exp_d1 * spot_disc / strike_disc);
  double nd1 = d1 < 0 ? low1 : 1 - low1, nd2 = d2 < 0 ? low2 : 1 - low2;
  g.gamma = eq * pdf / (spot * vst);
  g.vega = spot_disc * pdf * sqrt_t / 100;
  double decay = -spot_disc * pdf * vol / (2 * sqrt_t);
  if (is_call) {
    g.price = spot_disc * nd1 - strike_disc * nd2;
    g.delta = eq * nd1;
    g.theta = (decay - rate * strike_disc * nd2 + q * spot_disc * nd1) / 365;
    g.rho = strike_disc * years * nd2 / 100;
  } else {
    double nmd1 = d1 > 0 ? low1 : 1 - low1, nmd2 = d2 > 0 ? low2 : 1 - low2;
    g.price = strike_disc * nmd2 - spot_disc * nmd1;
    g.delta = -eq * nmd1;
    g.theta = (decay + rate * strike_disc * nmd2 - q * spot_disc * nmd1) / 365;
    g.rho = -strike_disc * years * nmd2 / 100;
  }
  return g;
}

/* normalised Black of an OTM call: b, gap = e^{x/2} - b, vega */
static void eval_otm(double x, double s, double ehx, double *b, double *gap, double *vega) {
  double h = x / s, t = 0.5 * s, e = exp(-0.5 * (h * h + t * t));
  *vega = e * INV_SQRT_2PI;
  double y2 = (t - h) * INV_SQRT_2, d1 = h + t;
  if (d1 <= 0) {
    double y1 = -d1 * INV_SQRT_2, bb;
    if (y1 > ERF_CENTRAL_LIMIT) bb = 0.5 * e * (erfcx_tail(y1) - erfcx_tail(y2));
    else {
      double p1 = 0.5 - 0.5 * erf_central(y1);
      double p2 = y2 > ERF_CENTRAL_LIMIT ? 0.5 * e * ehx * erfcx_tail(y2) : 0.5 - 0.5 * erf_central(y2);
      bb = ehx * p1 - p2 / ehx;
    }
    *b = bb; *gap = ehx - bb;
    return;
  }
  double y1 = d1 * INV_SQRT_2;
  double u1 = y1 > ERF_CENTRAL_LIMIT ? 0.5 * e * erfcx_tail(y1) : ehx * (0.5 - 0.5 * erf_central(y1));
  double l2 = y2 > ERF_CENTRAL_LIMIT ? 0.5 * e * erfcx_tail(y2) : (0.5 - 0.5 * erf_central(y2)) / ehx;
  *gap = u1 + l2; *b = ehx - *gap;
}

static double inv_norm_approx(double p) {
  static const double a[] = {-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239};
  static const double bb[] = {-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572};
  static const double c[] = {-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783};
  static const double d[] = {0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416};
  if (p <= 0) return -INFINITY;
  if (p >= 1) return INFINITY;
  if (p < 0.02425 || p > 1 - 0.02425) {
    double q = sqrt(-2 * log(p < 0.5 ? p : 1 - p));
    double z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < 0.5 ? z : -z;
  }
  double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((bb[0] * r + bb[1]) * r + bb[2]) * r + bb[3]) * r + bb[4]) * r + 1);
}

#define STEP_TOLERANCE 1e-5
#define MAX_ITERATIONS 60

static double low_guess(double beta, double ln_beta, double x, double sc, double bc, double vc) {
  double tangent = sc - (bc - beta) / vc;
  if (tangent >= 0.4 * sc) return tangent;
  double ln_bc = log(bc), ratio = ln_bc / ln_beta, slope_c = -(vc / bc) / (ln_bc * ln_bc);
  double m0 = -0.5 * x * x / ln_bc, m1 = 2 * sc / (slope_c * ln_bc), r2 = ratio * ratio, r3 = r2 * ratio;
  double w = (r3 - 2 * r2 + ratio) * m0 + (3 * r2 - 2 * r3) * 2 * -x + (r3 - r2) * m1;
  double s = w > 0 ? sqrt(w) : (0.5 * tangent > 0 ? 0.5 * tangent : 0.1 * sc), ax = -x;
  if (ax < 3 * s) return s;
  for (int k = 0; k < 3; k++) {
    double h = ax / s, t = 0.5 * s, dd = h * h - t * t;
    double rhs = -2 * ln_beta - t * t - 2 * HALF_LN_2PI + 2 * log(s / dd);
    if (!(rhs > 0)) break;
    double next = ax / sqrt(rhs);
    if (!(next < sc)) break;
    s = next;
  }
  return s;
}

static double solve_low(double beta, double x, double sc, double bc, double ehx) {
  double ln_beta = log(beta), inv_ln_beta = 1 / ln_beta, x2 = x * x;
  double s = low_guess(beta, ln_beta, x, sc, bc, ehx * INV_SQRT_2PI), lo = 0, hi = sc;
  for (int n = 0; n < MAX_ITERATIONS; n++) {
    double b, gap, vega, next;
    eval_otm(x, s, ehx, &b, &gap, &vega);
    if (b < beta) lo = s; else hi = s;
    if (b > 0) {
      double ln_b = log(b), l1 = vega / b, s2 = s * s;
      double q2 = x2 / (s2 * s) - 0.25 * s, q3 = q2 * q2 - 3 * x2 / (s2 * s2) - 0.25;
      double l2 = l1 * (q2 - l1);
      double h2 = q2 - l1 - 2 * l1 / ln_b;
      double h3 = q3 - 3 * l1 * q2 + 2 * l1 * l1 - 6 * l2 / ln_b + 6 * l1 * l1 / (ln_b * ln_b);
      double nu = (1 / ln_b - inv_ln_beta) * ln_b * ln_b / l1;
      double step = nu * (1 + 0.5 * h2 * nu) / (1 + nu * (h2 + h3 * nu / 6));
      next = s + step;
      if (fabs(step) <= STEP_TOLERANCE * s) return next;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    } else next = 0.5 * (lo + hi);
    if (hi - lo <= 1e-15 * hi) break;
    s = next;
  }
  return s;
}

static double solve_high(double beta, double x, double sc, double ehx) {
  double gap_beta = ehx - beta, ln_gap_beta = log(gap_beta), x2 = x * x;
  double s = -2 * inv_norm_approx(gap_beta / (ehx + 1 / ehx));
  if (!(s > sc)) s = sc > 0 ? sc * 1.1 : 1e-3;
  if (!isfinite(s)) s = sc + 1;
  double lo = sc, hi = INFINITY;
  for (int n = 0; n < MAX_ITERATIONS; n++) {
    double b, gap, vega, next;
    eval_otm(x, s, ehx, &b, &gap, &vega);
    if (gap > gap_beta) lo = s; else hi = s;
    if (gap > 0) {
      double u1 = -vega / gap, s2 = s * s;
      double q2 = x2 / (s2 * s) - 0.25 * s, q3 = q2 * q2 - 3 * x2 / (s2 * s2) - 0.25;
      double h2 = q2 - u1, h3 = q3 - 3 * u1 * q2 + 2 * u1 * u1;
      double nu = (ln_gap_beta - log(gap)) / u1;
      double step = nu * (1 + 0.5 * h2 * nu) / (1 + nu * (h2 + h3 * nu / 6));
      next = s + step;
      if (fabs(step) <= STEP_TOLERANCE * s) return next;
      if (!(next > lo && next < hi)) next = isinf(hi) ? 2 * s : 0.5 * (lo + hi);
    } else next = isinf(hi) ? 2 * s : 0.5 * (lo + hi);
    if (hi - lo <= 1e-15 * hi) break;
    s = next;
  }
  return s;
}

/* returns vol > 0, 0 at intrinsic, -1 below intrinsic, -2 at/above cap */
static double implied_vol(double price, double spot, double strike, double years, double rate, double q, int is_call) {
  double disc = exp(-rate * years), fwd_disc = spot * exp(-q * years), k_disc = strike * disc;
  double intrinsic = fmax(is_call ? fwd_disc - k_disc : k_disc - fwd_disc, 0), cap = is_call ? fwd_disc : k_disc;
  double tv = price - intrinsic, noise = intrinsic > 0 ? 8 * 2.220446049250313e-16 * fmax(fwd_disc, k_disc) : 0;
  if (tv < -noise) return -1;
  if (price >= cap) return -2;
  if (tv <= noise) return 0;
  if (!(tv / sqrt(fwd_disc * k_disc) > 1e-300)) return 0;
  double x = -fabs(log(fwd_disc / k_disc)), beta = tv / sqrt(fwd_disc * k_disc), ehx = exp(0.5 * x);
  if (!(beta < ehx)) return -2;
  double sc = sqrt(-2 * x), bc = 0.5 * ehx - 0.5 * erfc_(sc * INV_SQRT_2) / ehx;
  double s = beta < bc ? solve_low(beta, x, sc, bc, ehx) : solve_high(beta, x, sc, ehx);
  return s / sqrt(years);
}

typedef struct { double iv; greeks_t g; int status; } chain_row_t;

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}
static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}
static double median(double *v, int n) {
  qsort(v, n, sizeof(double), cmp_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: pricing <inputs.bin> <runs>\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror("inputs"); return 2; }
  int runs = atoi(argv[2]);
  double header[3];
  if (fread(header, sizeof(double), 3, f) != 3) return 2;
  int n = (int)header[0], chain_n = (int)header[1], chain_reps = (int)header[2];
  /* option rows: price spot strike years rate vol q is_call (8 doubles) */
  double *opt = malloc(sizeof(double) * 8 * n);
  double chain_head[3]; /* spot years rate */
  double *chain = malloc(sizeof(double) * 3 * chain_n); /* strike is_call price */
  if (fread(opt, sizeof(double), 8 * n, f) != (size_t)(8 * n)) return 2;
  if (fread(chain_head, sizeof(double), 3, f) != 3) return 2;
  if (fread(chain, sizeof(double), 3 * chain_n, f) != (size_t)(3 * chain_n)) return 2;
  fclose(f);
  chain_row_t *rows = malloc(sizeof(chain_row_t) * chain_n);
  double *bs_t = malloc(sizeof(double) * runs), *iv_t = malloc(sizeof(double) * runs), *ch_t = malloc(sizeof(double) * runs);
  volatile double sink = 0;
  double max_err = 0;
  for (int r = -1; r < runs; r++) { /* r = -1 is a warm-up */
    double acc = 0, t0 = now_ns();
    for (int i = 0; i < n; i++) {
      double *o = opt + 8 * i;
      acc += black_scholes(o[1], o[2], o[3], o[4], o[5], o[6], (int)o[7]).price;
    }
    double t1 = now_ns();
    for (int i = 0; i < n; i++) {
      double *o = opt + 8 * i;
      double iv = implied_vol(o[0], o[1], o[2], o[3], o[4], o[6], (int)o[7]);
      acc += iv;
      /* accuracy where the price determines the vol: vega per 1.00 of vol >= 1e-6 * spot */
      if (r == -1 && black_scholes(o[1], o[2], o[3], o[4], o[5], o[6], (int)o[7]).vega * 100 >= 1e-6 * o[1] && fabs(iv - o[5]) > max_err) max_err = fabs(iv - o[5]);
    }
    double t2 = now_ns();
    for (int k = 0; k < chain_reps; k++) {
      for (int i = 0; i < chain_n; i++) {
        double *c = chain + 3 * i;
        double iv = implied_vol(c[2], chain_head[0], c[0], chain_head[1], chain_head[2], 0, (int)c[1]);
        rows[i].iv = iv;
        rows[i].status = iv > 0;
        if (iv > 0) rows[i].g = black_scholes(chain_head[0], c[0], chain_head[1], chain_head[2], iv, 0, (int)c[1]);
      }
      acc += rows[k % chain_n].iv;
    }
    double t3 = now_ns();
    sink += acc;
    if (r >= 0) {
      bs_t[r] = (t1 - t0) / n;
      iv_t[r] = (t2 - t1) / n;
      ch_t[r] = (t3 - t2) / chain_reps;
    }
  }
  printf("{\"blackScholesNs\":%.3f,\"impliedVolatilityNs\":%.3f,\"chainNs\":%.1f,\"maxIvError\":%.3e}\n",
         median(bs_t, runs), median(iv_t, runs), median(ch_t, runs), max_err);
  return sink == 12345.678 ? 1 : 0;
}
