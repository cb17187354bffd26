/*
 * gcnn.js: the book's operations in plain JavaScript, for its live figures.
 *
 * The same contract as the Python package (gcnn_teach.actions, gcnn_teach.correlate),
 * in the same layouts and conventions (book/notation.md):
 *
 *   an array       {shape: [...], data: Float32Array or Float64Array}, row-major (C order)
 *   an image       [C, H, W]           row 0 is the top row, as displayed
 *   a signal on G  [C, |H|, H, W]      the group axis indexed by element index
 *   p4             H = C4, element r = r quarter turns counter-clockwise as displayed
 *                  (np.rot90(x, r, axes=(-2, -1)))
 *   p4m            H = D4, element (m, r) has index 4m + r: rotate by r, then mirror
 *                  left-right if m = 1 (T_(m,r) = F^m R^r)
 *   correlation    out[o, i, j] = sum_c sum_{a,b} x[c, i*s + a - p, j*s + b - p] * w[o, c, a, b]
 *                  (zero padding p on each side, stride s; the filter is never flipped)
 *
 * One plain script, no dependencies and no module syntax (Chromium refuses module scripts
 * on file:// pages). It defines globalThis.gcnnLive, and module.exports under Node (for
 * the unit tests in tests/js/). Bad input throws an Error (a TypeError for a wrong type)
 * whose message names the expected and the received shape.
 */
(function (root) {
  "use strict";

  // -- arrays ------------------------------------------------------------------------

  function size(shape) {
    return shape.reduce((n, d) => n * d, 1);
  }

  function describe(value) {
    if (value && Array.isArray(value.shape)) return "[" + value.shape.join(", ") + "]";
    if (value === null) return "null";
    if (Array.isArray(value)) return "a plain Array";
    return typeof value === "object" ? "an object without a shape" : typeof value + " " + String(value);
  }

  /** An array {shape, data}; data defaults to zeros (Float64Array unless given). */
  function array(shape, data) {
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new TypeError("array: expected a shape of non-negative integers, got " + JSON.stringify(shape));
    }
    const n = size(shape);
    if (data === undefined) data = new Float64Array(n);
    else if (Array.isArray(data)) data = Float64Array.from(data);
    const x = { shape: shape.slice(), data: data };
    check(x, shape.length, "array", "[" + shape.join(", ") + "]");
    return x;
  }

  /** Throw unless x is an array of `ndim` axes (an integer, or a list of allowed counts). */
  function check(x, ndim, name, expected) {
    if (!x || typeof x !== "object" || !Array.isArray(x.shape)) {
      throw new TypeError(name + ": expected an array {shape, data} of shape " + expected + ", got " + describe(x));
    }
    if (!(x.data instanceof Float32Array || x.data instanceof Float64Array)) {
      throw new TypeError(name + ": expected data as a Float32Array or Float64Array (shape " + expected +
        "), got " + (x.data === undefined ? "no data" : Object.prototype.toString.call(x.data)) +
        " with shape " + describe(x));
    }
    const allowed = Array.isArray(ndim) ? ndim : [ndim];
    if (!allowed.includes(x.shape.length)) {
      throw new Error(name + ": expected an array of shape " + expected + ", got shape " + describe(x));
    }
    if (x.data.length !== size(x.shape)) {
      throw new Error(name + ": the shape " + describe(x) + " needs " + size(x.shape) +
        " values, but data holds " + x.data.length);
    }
    return x;
  }

  function checkSquare(x, name, expected) {
    const h = x.shape[x.shape.length - 2], w = x.shape[x.shape.length - 1];
    if (h !== w) throw new Error(name + ": expected square maps " + expected + " with H = W, got shape " + describe(x));
  }

  // The result is Float64Array when any input is, else Float32Array (like NumPy's result_type).
  function resultType(...arrays) {
    return arrays.some((a) => a.data instanceof Float64Array) ? Float64Array : Float32Array;
  }

  // -- the groups: C4 (p4) and D4 (p4m), elements by index ------------------------------

  const GROUPS = { p4: { name: "C4", order: 4 }, p4m: { name: "D4", order: 8 } };

  function stabiliser(group) {
    if (!Object.prototype.hasOwnProperty.call(GROUPS, group)) {
      throw new Error("expected group 'p4' or 'p4m', got " + JSON.stringify(group));
    }
    return GROUPS[group];
  }

  function checkElement(g, group) {
    const H = stabiliser(group);
    if (!Number.isInteger(g) || g < 0 || g >= H.order) {
      throw new Error(group + ": expected an element index in 0.." + (H.order - 1) + ", got " + JSON.stringify(g));
    }
    return g;
  }

  /** The product gh (first h, then g): (m1, r1)(m2, r2) = (m1 + m2, (-1)^m2 r1 + r2). */
  function compose(g, h, group) {
    checkElement(g, group); checkElement(h, group);
    const m1 = g >> 2, r1 = g & 3, m2 = h >> 2, r2 = h & 3;
    const r = (((m2 ? -r1 : r1) + r2) % 4 + 4) % 4;
    return 4 * ((m1 + m2) % 2) + r;
  }

  /** g^-1: rotations invert their angle; every mirroring is its own inverse. */
  function inverse(g, group) {
    checkElement(g, group);
    return g >= 4 ? g : (4 - g) % 4;
  }

  /** A short label: "r1" or "m r2", as gcnn_teach.groups' label(). */
  function label(g, group) {
    checkElement(g, group);
    return g >= 4 ? "m r" + (g - 4) : "r" + g;
  }

  // -- actions on the last two (spatial) axes ------------------------------------------

  /** Rotate square maps [..., N, N] by r quarter turns counter-clockwise (np.rot90(x, r)). */
  function rotate(x, r) {
    check(x, [2, 3, 4, 5, 6], "rotate", "[..., N, N]");
    checkSquare(x, "rotate", "[..., N, N]");
    if (!Number.isInteger(r)) throw new TypeError("rotate: expected an integer number of quarter turns, got " + JSON.stringify(r));
    const n = x.shape[x.shape.length - 1], plane = n * n, k = ((r % 4) + 4) % 4;
    const out = { shape: x.shape.slice(), data: new x.data.constructor(x.data.length) };
    for (let base = 0; base < x.data.length; base += plane) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          // out[i, j] reads the pixel that the turn brings to (i, j)
          let si, sj;
          if (k === 0) { si = i; sj = j; }
          else if (k === 1) { si = j; sj = n - 1 - i; }
          else if (k === 2) { si = n - 1 - i; sj = n - 1 - j; }
          else { si = n - 1 - j; sj = i; }
          out.data[base + i * n + j] = x.data[base + si * n + sj];
        }
      }
    }
    return out;
  }

  /** Mirror maps [..., H, W] left-right (reverse the last axis). */
  function mirror(x) {
    check(x, [2, 3, 4, 5, 6], "mirror", "[..., H, W]");
    const w = x.shape[x.shape.length - 1];
    const out = { shape: x.shape.slice(), data: new x.data.constructor(x.data.length) };
    for (let row = 0; row < x.data.length; row += w) {
      for (let j = 0; j < w; j++) out.data[row + j] = x.data[row + w - 1 - j];
    }
    return out;
  }

  /** Translate maps [..., H, W] by shift = [down, right]; mode "circular" wraps, "zero" fills. */
  function translate(x, shift, mode) {
    check(x, [2, 3, 4, 5, 6], "translate", "[..., H, W]");
    mode = mode === undefined ? "circular" : mode;
    if (!Array.isArray(shift) || shift.length !== 2 || !shift.every(Number.isInteger)) {
      throw new TypeError("translate: expected shift = [down, right] as two integers, got " + JSON.stringify(shift));
    }
    if (mode !== "circular" && mode !== "zero") {
      throw new Error("translate: expected mode 'circular' or 'zero', got " + JSON.stringify(mode));
    }
    const h = x.shape[x.shape.length - 2], w = x.shape[x.shape.length - 1], plane = h * w;
    const out = { shape: x.shape.slice(), data: new x.data.constructor(x.data.length) };
    for (let base = 0; base < x.data.length; base += plane) {
      for (let i = 0; i < h; i++) {
        let si = i - shift[0];
        if (mode === "circular") si = ((si % h) + h) % h;
        else if (si < 0 || si >= h) continue;
        for (let j = 0; j < w; j++) {
          let sj = j - shift[1];
          if (mode === "circular") sj = ((sj % w) + w) % w;
          else if (sj < 0 || sj >= w) continue;
          out.data[base + i * w + j] = x.data[base + si * w + sj];
        }
      }
    }
    return out;
  }

  /** T_g x: apply the stabiliser element g (index) of `group` to square maps [..., N, N]. */
  function transformImage(x, g, group) {
    checkElement(g, group);
    check(x, [2, 3, 4, 5, 6], "transformImage", "[..., N, N]");
    checkSquare(x, "transformImage", "[..., N, N]");
    const turned = rotate(x, g & 3);
    return g >= 4 ? mirror(turned) : turned;
  }

  /** The permutation of the group axis under L_g: (L_g f)[h] <- f[perm[h]], perm[h] = g^-1 h. */
  function signalPermutation(g, group) {
    const H = stabiliser(group), gInv = inverse(g, group), perm = [];
    for (let h = 0; h < H.order; h++) perm.push(compose(gInv, h, group));
    return perm;
  }

  /** L_g f on a signal [..., |H|, N, N]: (L_g f)[..., h, :, :] = T_g(f[..., g^-1 h, :, :]). */
  function transformSignal(f, g, group) {
    const H = stabiliser(group);
    const expected = "[..., |H| = " + H.order + " (" + group + "), N, N]";
    checkElement(g, group);
    check(f, [3, 4, 5, 6, 7], "transformSignal", expected);
    if (f.shape[f.shape.length - 3] !== H.order) {
      throw new Error("transformSignal: expected a signal of shape " + expected + ", got shape " + describe(f));
    }
    checkSquare(f, "transformSignal", expected);
    const perm = signalPermutation(g, group);
    const n = f.shape[f.shape.length - 1], plane = n * n, block = H.order * plane;
    const permuted = { shape: f.shape.slice(), data: new f.data.constructor(f.data.length) };
    for (let base = 0; base < f.data.length; base += block) {
      for (let h = 0; h < H.order; h++) {
        permuted.data.set(f.data.subarray(base + perm[h] * plane, base + (perm[h] + 1) * plane), base + h * plane);
      }
    }
    return transformImage(permuted, g, group);
  }

  // -- plain 2D correlation ------------------------------------------------------------

  function options(opts, name) {
    opts = opts || {};
    const padding = opts.padding === undefined ? 0 : opts.padding;
    const stride = opts.stride === undefined ? 1 : opts.stride;
    if (!Number.isInteger(padding) || padding < 0) throw new Error(name + ": expected padding a non-negative integer, got " + JSON.stringify(padding));
    if (!Number.isInteger(stride) || stride < 1) throw new Error(name + ": expected stride a positive integer, got " + JSON.stringify(stride));
    return { padding, stride };
  }

  /** x [C, H, W] with a border of p zeros on every side: [C, H + 2p, W + 2p] (a Float64Array). */
  function zeroPad(x, p) {
    const [C, H, W] = x.shape, Hp = H + 2 * p, Wp = W + 2 * p;
    const out = new Float64Array(C * Hp * Wp);
    for (let c = 0; c < C; c++) {
      for (let y = 0; y < H; y++) out.set(x.data.subarray((c * H + y) * W, (c * H + y + 1) * W), (c * Hp + y + p) * Wp + p);
    }
    return out;
  }

  /**
   * Multi-channel correlation: x [C, H, W], w [O, C, kh, kw] -> [O, H', W'] with
   * H' = floor((H + 2p - kh) / s) + 1:
   *
   *   out[o, i, j] = sum_c sum_{a,b} x[c, i*s + a - p, j*s + b - p] * w[o, c, a, b]
   *
   * (a pixel outside x reads as zero: that is the zero padding). This is the sum of the
   * formula, loop by loop. Two choices make it fast enough for a figure that updates while
   * the reader drags: the input is padded with zeros once, so no loop asks whether a pixel
   * lies inside; and the output row i and column j are the inner loops, so that they walk
   * along rows of memory. The book's 3x3 filters get the sum over (a, b) written out, with
   * the nine weights held in local variables.
   */
  function correlate2d(x, w, opts) {
    const name = "correlate2d";
    check(x, 3, name + " (input)", "[C, H, W]");
    check(w, 4, name + " (filters)", "[O, C, k, k]");
    const { padding, stride } = options(opts, name);
    const [C, H, W] = x.shape, [O, Cw, kh, kw] = w.shape;
    if (Cw !== C) {
      throw new Error(name + ": the filters [O, C, k, k] = " + describe(w) + " expect C = " + Cw +
        " input channels, but the input [C, H, W] has shape " + describe(x));
    }
    if (H + 2 * padding < kh || W + 2 * padding < kw) {
      throw new Error(name + ": the filters " + describe(w) + " do not fit in the input " + describe(x) + " with padding " + padding);
    }
    const rows = Math.floor((H + 2 * padding - kh) / stride) + 1;
    const cols = Math.floor((W + 2 * padding - kw) / stride) + 1;
    const out = { shape: [O, rows, cols], data: new (resultType(x, w))(O * rows * cols) };
    const Hp = H + 2 * padding, Wp = W + 2 * padding;  // the padded input's height and width
    const xp = padding ? zeroPad(x, padding) : x.data, wd = w.data, od = out.data;
    for (let o = 0; o < O; o++) {
      for (let c = 0; c < C; c++) {
        const f = (o * C + c) * kh * kw;  // w[o, c, 0, 0]
        for (let i = 0; i < rows; i++) {
          const top = (c * Hp + i * stride) * Wp;  // padded x[c, i*s, 0]: under the filter's row a = 0
          const outRow = (o * rows + i) * cols;
          if (kh === 3 && kw === 3) {
            const w00 = wd[f], w01 = wd[f + 1], w02 = wd[f + 2];
            const w10 = wd[f + 3], w11 = wd[f + 4], w12 = wd[f + 5];
            const w20 = wd[f + 6], w21 = wd[f + 7], w22 = wd[f + 8];
            for (let j = 0, p = top; j < cols; j++, p += stride) {
              const q = p + Wp, r = q + Wp;  // the three padded rows under the filter
              od[outRow + j] += w00 * xp[p] + w01 * xp[p + 1] + w02 * xp[p + 2] +
                w10 * xp[q] + w11 * xp[q + 1] + w12 * xp[q + 2] +
                w20 * xp[r] + w21 * xp[r + 1] + w22 * xp[r + 2];
            }
          } else {
            for (let j = 0; j < cols; j++) {
              let sum = 0;
              for (let a = 0; a < kh; a++) {
                const row = top + a * Wp + j * stride, wRow = f + a * kw;
                for (let b = 0; b < kw; b++) sum += wd[wRow + b] * xp[row + b];
              }
              od[outRow + j] += sum;
            }
          }
        }
      }
    }
    return out;
  }

  // -- filter banks: every filter transformed by every element of H ------------------------

  /** [O, C, k, k] -> [O, |H|, C, k, k] with bank[o, g] = T_g w[o]. */
  function liftingFilterBank(w, group) {
    const H = stabiliser(group);
    check(w, 4, "liftingFilterBank", "[O, C, k, k]");
    checkSquare(w, "liftingFilterBank", "[O, C, k, k]");
    const [O, C, k] = w.shape, filter = C * k * k;
    const bank = { shape: [O, H.order, C, k, k], data: new w.data.constructor(O * H.order * filter) };
    for (let g = 0; g < H.order; g++) {
      const turned = transformImage(w, g, group);  // T_g acts on the last two axes of every filter
      for (let o = 0; o < O; o++) {
        bank.data.set(turned.data.subarray(o * filter, (o + 1) * filter), (o * H.order + g) * filter);
      }
    }
    return bank;
  }

  /** [O, C, |H|, k, k] -> [O, |H|, C, |H|, k, k] with bank[o, g] = L_g w[o]. */
  function groupFilterBank(w, group) {
    const H = stabiliser(group);
    check(w, 5, "groupFilterBank", "[O, C, |H|, k, k]");
    const [O, C, , k] = w.shape, filter = C * H.order * k * k;
    const bank = { shape: [O, H.order, C, H.order, k, k], data: new w.data.constructor(O * H.order * filter) };
    for (let g = 0; g < H.order; g++) {
      const moved = transformSignal(w, g, group);  // L_g: rotate every map AND permute the group axis
      for (let o = 0; o < O; o++) {
        bank.data.set(moved.data.subarray(o * filter, (o + 1) * filter), (o * H.order + g) * filter);
      }
    }
    return bank;
  }

  // -- the lifting and group correlations -------------------------------------------------

  /**
   * The lifting correlation Z2 -> G (the paper's eq. 10): [f * psi](g) = sum_y sum_c f_c(y) psi_c(g^-1 y).
   * out[o, g] = corr(x, T_g w[o]); x [C, H, W], w [O, C, k, k] -> [O, |H|, H', W'].
   * Equivariance: liftingCorrelation(T_g x) = L_g liftingCorrelation(x) (square x, symmetric padding).
   */
  function liftingCorrelation(x, w, group, opts) {
    const H = stabiliser(group);
    check(x, 3, "liftingCorrelation (input)", "[C, H, W]");
    check(w, 4, "liftingCorrelation (filters)", "[O, C, k, k]");
    checkSquare(w, "liftingCorrelation (filters)", "[O, C, k, k]");
    const bank = liftingFilterBank(w, group);
    const [O, , C, k] = bank.shape;
    // the |H| transformed copies of each filter are |H| filters of one plain correlation
    const planar = { shape: [O * H.order, C, k, k], data: bank.data };
    const out = correlate2d(x, planar, opts);
    return { shape: [O, H.order, out.shape[1], out.shape[2]], data: out.data };
  }

  /**
   * The group correlation G -> G (eq. 11): [f * psi](g) = sum_h sum_c f_c(h) psi_c(g^-1 h).
   * out[o, g] = sum_c sum_h corr(f[c, h], (L_g w[o, c])[h]);
   * f [C, |H|, H, W], w [O, C, |H|, k, k] -> [O, |H|, H', W'].
   * Equivariance: groupCorrelation(L_g f) = L_g groupCorrelation(f).
   */
  function groupCorrelation(f, w, group, opts) {
    const H = stabiliser(group);
    const inShape = "[C, |H| = " + H.order + " (" + group + "), H, W]";
    const wShape = "[O, C, |H| = " + H.order + ", k, k]";
    check(f, 4, "groupCorrelation (input)", inShape);
    check(w, 5, "groupCorrelation (filters)", wShape);
    if (f.shape[1] !== H.order) throw new Error("groupCorrelation: expected an input of shape " + inShape + ", got shape " + describe(f));
    if (w.shape[2] !== H.order) throw new Error("groupCorrelation: expected filters of shape " + wShape + ", got shape " + describe(w));
    if (w.shape[1] !== f.shape[0]) {
      throw new Error("groupCorrelation: the filters " + describe(w) + " expect C = " + w.shape[1] +
        " input channels, but the input " + inShape + " has shape " + describe(f));
    }
    checkSquare(w, "groupCorrelation (filters)", wShape);
    const bank = groupFilterBank(w, group);
    const [O, , C, , k] = bank.shape;
    // the (C, |H|) axes of the input become C*|H| plain channels, and so do the filters'
    const planarInput = { shape: [C * H.order, f.shape[2], f.shape[3]], data: f.data };
    const planarBank = { shape: [O * H.order, C * H.order, k, k], data: bank.data };
    const out = correlate2d(planarInput, planarBank, opts);
    return { shape: [O, H.order, out.shape[1], out.shape[2]], data: out.data };
  }

  /**
   * Pool a signal [C, |H|, H, W] over its group axis -> an image [C, H, W] ("max" or "mean").
   * Pooling is symmetric in the |H| values, so L_g on the input becomes T_g on the output.
   */
  function groupPool(f, mode) {
    mode = mode === undefined ? "max" : mode;
    check(f, 4, "groupPool", "[C, |H|, H, W]");
    if (mode !== "max" && mode !== "mean") throw new Error("groupPool: expected mode 'max' or 'mean', got " + JSON.stringify(mode));
    const [C, order, H, W] = f.shape, plane = H * W;
    if (order < 1) throw new Error("groupPool: expected a group axis of length >= 1 in [C, |H|, H, W], got shape " + describe(f));
    const out = { shape: [C, H, W], data: new f.data.constructor(C * plane) };
    for (let c = 0; c < C; c++) {
      for (let p = 0; p < plane; p++) {
        let acc = mode === "max" ? -Infinity : 0;
        for (let h = 0; h < order; h++) {
          const v = f.data[(c * order + h) * plane + p];
          acc = mode === "max" ? Math.max(acc, v) : acc + v;
        }
        out.data[c * plane + p] = mode === "max" ? acc : acc / order;
      }
    }
    return out;
  }

  /** The largest |a - b| over two arrays of the same shape. */
  function maxAbsDifference(a, b) {
    check(a, [1, 2, 3, 4, 5, 6], "maxAbsDifference", "[...]");
    check(b, [1, 2, 3, 4, 5, 6], "maxAbsDifference", describe(a));
    if (describe(a) !== describe(b)) throw new Error("maxAbsDifference: expected shape " + describe(a) + ", got shape " + describe(b));
    let m = 0;
    for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
    return m;
  }

  const gcnnLive = {
    GROUPS, array, check, size, stabiliser, compose, inverse, label,
    rotate, mirror, translate, transformImage, signalPermutation, transformSignal,
    correlate2d, liftingFilterBank, groupFilterBank, liftingCorrelation, groupCorrelation,
    groupPool, maxAbsDifference,
  };
  root.gcnnLive = gcnnLive;
  if (typeof module !== "undefined" && module.exports) module.exports = gcnnLive;
})(typeof globalThis !== "undefined" ? globalThis : this);
