// Unit tests of the live figures' engine, book/_static/gcnn-live/gcnn.js, with Node's own
// runner (no package needed): `node --test tests/js/` (part of `make test`).
//
// The conventions are checked against the definitions of book/notation.md, written out here
// independently (2x2 matrices for D4, np.rot90's formula); tests/test_live_figures.py checks
// the same engine against the Python package, in the browser.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const G = require(path.join(__dirname, "..", "..", "book", "_static", "gcnn-live", "gcnn.js"));

function random(shape, seed) {
  let s = seed;
  const data = new Float64Array(G.size(shape)).map(() => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
  return { shape, data };
}

function close(a, b, tolerance = 1e-12) {
  assert.deepEqual(a.shape, b.shape);
  const worst = G.maxAbsDifference(a, b);
  assert.ok(worst <= tolerance, `arrays differ by ${worst}`);
}

const at = (x, ...index) => x.data[index.reduce((flat, i, axis) => flat * x.shape[axis] + i, 0)];

// -- the group ---------------------------------------------------------------------------

// D4 from its matrices (x right, y up): rotate by r quarter turns, then mirror x -> -x if m = 1
const ROTATE = [[0, -1], [1, 0]], MIRROR = [[-1, 0], [0, 1]];
const multiply = (a, b) => a.map((row) => [0, 1].map((j) => row[0] * b[0][j] + row[1] * b[1][j]));
function matrix(g) {
  let out = [[1, 0], [0, 1]];
  for (let r = 0; r < (g & 3); r++) out = multiply(ROTATE, out);
  return g >= 4 ? multiply(MIRROR, out) : out;
}
const indexOf = (m) => [...Array(8).keys()].find((g) => JSON.stringify(matrix(g)) === JSON.stringify(m));

test("compose and inverse follow the matrices of D4 (index 4m + r) and C4", () => {
  for (let g = 0; g < 8; g++) {
    for (let h = 0; h < 8; h++) assert.equal(G.compose(g, h, "p4m"), indexOf(multiply(matrix(g), matrix(h))), `${g} ${h}`);
    assert.equal(G.compose(g, G.inverse(g, "p4m"), "p4m"), 0);
  }
  for (let g = 0; g < 4; g++) for (let h = 0; h < 4; h++) assert.equal(G.compose(g, h, "p4"), (g + h) % 4);
  assert.notEqual(G.compose(1, 4, "p4m"), G.compose(4, 1, "p4m"), "D4 is not commutative");
  assert.equal(G.label(5, "p4m"), "m r1");
});

// -- actions -----------------------------------------------------------------------------

test("rotate is np.rot90: counter-clockwise as displayed", () => {
  const x = G.array([2, 2], [1, 2, 3, 4]);
  assert.deepEqual(Array.from(G.rotate(x, 1).data), [2, 4, 1, 3]);  // np.rot90([[1, 2], [3, 4]])
  assert.deepEqual(Array.from(G.rotate(x, -1).data), Array.from(G.rotate(x, 3).data));
  const y = random([2, 5, 5], 1);
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
    assert.equal(at(G.rotate(y, 1), 1, i, j), at(y, 1, j, 4 - i));  // np.rot90: out[i, j] = x[j, n-1-i]
  }
  close(G.rotate(G.rotate(y, 1), 3), y, 0);
});

test("mirror reverses the last axis; transformImage rotates first, then mirrors", () => {
  const x = G.array([2, 3], [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(Array.from(G.mirror(x).data), [3, 2, 1, 6, 5, 4]);
  const y = random([3, 4, 4], 2);
  close(G.transformImage(y, 6, "p4m"), G.mirror(G.rotate(y, 2)), 0);
  // T_g T_h = T_gh
  for (let g = 0; g < 8; g++) for (let h = 0; h < 8; h++) {
    close(G.transformImage(G.transformImage(y, h, "p4m"), g, "p4m"), G.transformImage(y, G.compose(g, h, "p4m"), "p4m"), 0);
  }
});

test("translate: circular wraps, zero fills", () => {
  const x = G.array([1, 3], [1, 2, 3]);
  assert.deepEqual(Array.from(G.translate(x, [0, 1]).data), [3, 1, 2]);
  assert.deepEqual(Array.from(G.translate(x, [0, 1], "zero").data), [0, 1, 2]);
});

test("transformSignal is the left regular action: L_g L_h = L_gh, and for p4 it rotates and cycles", () => {
  for (const group of ["p4", "p4m"]) {
    const order = G.GROUPS[group].order, f = random([2, order, 5, 5], 3);
    for (let g = 0; g < order; g++) for (let h = 0; h < order; h++) {
      close(G.transformSignal(G.transformSignal(f, h, group), g, group), G.transformSignal(f, G.compose(g, h, group), group), 0);
    }
  }
  // notation page: (L_r f)[:, s] = rot90(f[:, (s - r) % 4], r)
  const f = random([1, 4, 3, 3], 4), moved = G.transformSignal(f, 1, "p4");
  for (let s = 0; s < 4; s++) {
    const source = { shape: [3, 3], data: f.data.slice(((s + 3) % 4) * 9, ((s + 3) % 4) * 9 + 9) };
    assert.deepEqual(Array.from(moved.data.slice(s * 9, s * 9 + 9)), Array.from(G.rotate(source, 1).data));
  }
});

// -- correlation -------------------------------------------------------------------------

function correlateByDefinition(x, w, padding, stride) {  // four loops per output pixel
  const [C, H, W] = x.shape, [O, , kh, kw] = w.shape;
  const rows = Math.floor((H + 2 * padding - kh) / stride) + 1, cols = Math.floor((W + 2 * padding - kw) / stride) + 1;
  const out = G.array([O, rows, cols]);
  for (let o = 0; o < O; o++) for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let c = 0; c < C; c++) for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) {
      const y = i * stride + a - padding, z = j * stride + b - padding;
      if (y >= 0 && y < H && z >= 0 && z < W) s += at(x, c, y, z) * at(w, o, c, a, b);
    }
    out.data[(o * rows + i) * cols + j] = s;
  }
  return out;
}

test("correlate2d is a correlation (not flipped), with zero padding and stride", () => {
  // a filter with a single 1 at (0, 1) reads the pixel one to the right of the window's corner
  const x = G.array([1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const w = G.array([1, 1, 2, 2], [0, 1, 0, 0]);
  assert.deepEqual(Array.from(G.correlate2d(x, w).data), [2, 3, 5, 6]);
  for (const [size, k, padding, stride] of [[7, 3, 0, 1], [8, 3, 1, 2], [6, 3, 3, 1], [6, 5, 2, 1], [9, 1, 0, 2], [5, 4, 2, 2], [7, 2, 1, 1], [4, 3, 4, 3]]) {
    const x2 = random([2, size, size], size + k), w2 = random([3, 2, k, k], 7 * k + padding);
    close(G.correlate2d(x2, w2, { padding, stride }), correlateByDefinition(x2, w2, padding, stride));
  }
});

test("the lifting correlation is corr(x, T_g w[o]) and is equivariant: lift(T_g x) = L_g lift(x)", () => {
  for (const group of ["p4", "p4m"]) {
    const order = G.GROUPS[group].order, x = random([2, 9, 9], 5), w = random([3, 2, 3, 3], 6);
    const out = G.liftingCorrelation(x, w, group, { padding: 1 });
    assert.deepEqual(out.shape, [3, order, 9, 9]);
    const g = order - 1, turned = G.transformImage(w, g, group);
    const direct = G.correlate2d(x, { shape: [1, 2, 3, 3], data: turned.data.slice(2 * 18, 3 * 18) }, { padding: 1 });
    close({ shape: [9, 9], data: out.data.slice((2 * order + g) * 81, (2 * order + g + 1) * 81) }, { shape: [9, 9], data: direct.data });
    for (let h = 0; h < order; h++) {
      close(G.liftingCorrelation(G.transformImage(x, h, group), w, group, { padding: 1 }), G.transformSignal(out, h, group), 1e-12);
    }
  }
});

test("the group correlation is equivariant, and pooling over the group makes rotation act as T_g", () => {
  for (const group of ["p4", "p4m"]) {
    const order = G.GROUPS[group].order, f = random([2, order, 7, 7], 8), w = random([3, 2, order, 3, 3], 9);
    const out = G.groupCorrelation(f, w, group, { padding: 1 });
    assert.deepEqual(out.shape, [3, order, 7, 7]);
    for (let g = 0; g < order; g++) {
      close(G.groupCorrelation(G.transformSignal(f, g, group), w, group, { padding: 1 }), G.transformSignal(out, g, group), 1e-12);
      for (const mode of ["max", "mean"]) {
        close(G.groupPool(G.transformSignal(out, g, group), mode), G.transformImage(G.groupPool(out, mode), g, group), 1e-12);
      }
    }
  }
  const f = G.array([1, 2, 1, 1], [1, 3]);
  assert.deepEqual(Array.from(G.groupPool(f, "max").data), [3]);
  assert.deepEqual(Array.from(G.groupPool(f, "mean").data), [2]);
});

// -- bad input ----------------------------------------------------------------------------

test("bad input throws an Error naming the expected and the received shape", () => {
  const x = random([1, 5, 5], 1);
  assert.throws(() => G.correlate2d(random([5, 5], 1), random([1, 1, 3, 3], 2)), /expected an array of shape \[C, H, W\], got shape \[5, 5\]/);
  assert.throws(() => G.correlate2d(x, random([1, 2, 3, 3], 2)), /expect C = 2 .*shape \[1, 5, 5\]/);
  assert.throws(() => G.correlate2d(x, random([1, 1, 7, 7], 2)), /do not fit/);
  assert.throws(() => G.correlate2d(x, random([1, 1, 3, 3], 2), { padding: -1 }), /padding/);
  assert.throws(() => G.liftingCorrelation(x, random([1, 1, 3, 3], 2), "p6"), /expected group 'p4' or 'p4m', got "p6"/);
  assert.throws(() => G.groupCorrelation(random([1, 4, 5, 5], 1), random([1, 1, 8, 3, 3], 2), "p4m"),
    /expected an input of shape \[C, \|H\| = 8 \(p4m\), H, W\], got shape \[1, 4, 5, 5\]/);
  assert.throws(() => G.transformSignal(random([3, 5, 5], 1), 1, "p4"), /\|H\| = 4 .*got shape \[3, 5, 5\]/);
  assert.throws(() => G.rotate(random([1, 4, 5], 1), 1), /square .*got shape \[1, 4, 5\]/);
  assert.throws(() => G.transformImage(x, 4, "p4"), /element index in 0..3, got 4/);
  assert.throws(() => G.rotate({ shape: [2, 2], data: [1, 2, 3, 4] }, 1), TypeError);
  assert.throws(() => G.rotate({ shape: [2, 2], data: new Float32Array(3) }, 1), /needs 4 values/);
  assert.throws(() => G.groupPool(random([1, 4, 5, 5], 1), "median"), /'max' or 'mean'/);
  assert.throws(() => G.maxAbsDifference(random([2, 2], 1), random([2, 3], 1)), /expected shape \[2, 2\], got shape \[2, 3\]/);
});

test("float32 in, float32 out; float64 wins when mixed", () => {
  const x32 = { shape: [1, 4, 4], data: new Float32Array(16).fill(1) };
  const w32 = { shape: [1, 1, 3, 3], data: new Float32Array(9).fill(1) };
  assert.ok(G.correlate2d(x32, w32).data instanceof Float32Array);
  assert.ok(G.correlate2d(x32, G.array([1, 1, 3, 3], new Array(9).fill(1))).data instanceof Float64Array);
});
