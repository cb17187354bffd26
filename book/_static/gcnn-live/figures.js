/*
 * figures.js: the book's live figures, drawn with gcnn.js (globalThis.gcnnLive).
 *
 * A page holds a live figure as <div class="gcnn-live" data-figure="NAME"></div> (inside a
 * <figure> with its caption); this script builds the figure's controls and canvases in it:
 *
 *   equivariance   chapter 2: the equivariance diagram, for four maps, under shifts and turns
 *   two-cameras    chapter 3: a correlation under shifts, with zero padding and stride 2
 *   lifting        chapter 6: the |H| maps of a p4 / p4m layer rotate and cycle
 *   pooling        chapter 8: a second layer, pooling over the group, and an invariant output
 *
 * Every figure recomputes at once when a control changes (a slider, a button, a drawing),
 * and every number it prints is computed here, from the arrays it draws. Nothing moves by
 * itself (no animation, so prefers-reduced-motion has nothing to stop; the style sheet's one
 * transition, on buttons, is off under it). Colours follow gcnn_teach.viz.style: cividis for images, PuOr_r (centred on
 * zero) for signed values.
 */
(function () {
  "use strict";
  const G = globalThis.gcnnLive;
  if (!G) throw new Error("figures.js: gcnn.js must be loaded first (globalThis.gcnnLive is missing)");

  // -- colours: 17 stops of matplotlib's cividis and PuOr_r (gcnn_teach.viz.style) -------------

  const STOPS = {
    image: "00224e002e6a1a386f32436d434e6c535a6d61656f6f70737d7c788c88789b9476aba072bcae6ccdbb63dec958f0d846fee838",
    signed: "2d004b4518715f3a917b6aa89990bfb7b1d5cfcfe5e4e5f0f7f7f6fce8cdfed59ffdbc6bee9b39d97b12bd61099e4c077f3b08",
  };
  const LUT = {};
  for (const name in STOPS) {
    const hex = STOPS[name], stops = [];
    for (let i = 0; i < hex.length; i += 6) stops.push([0, 2, 4].map((k) => parseInt(hex.substr(i + k, 2), 16)));
    const table = new Uint8ClampedArray(256 * 3);  // 256 colours, interpolated between the stops
    for (let v = 0; v < 256; v++) {
      const t = (v / 255) * (stops.length - 1), k = Math.min(stops.length - 2, Math.floor(t)), u = t - k;
      for (let c = 0; c < 3; c++) table[3 * v + c] = stops[k][c] * (1 - u) + stops[k + 1][c] * u;
    }
    LUT[name] = table;
  }

  // -- small helpers ----------------------------------------------------------------------

  let counter = 0;
  const uid = (prefix) => "gcnn-live-" + prefix + "-" + ++counter;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const key in attrs || {}) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  /** A seeded generator of standard normal numbers (mulberry32 + Box-Muller). */
  function normal(seed) {
    let s = seed >>> 0;
    const uniform = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  }

  function randomArray(shape, seed, scale) {
    const next = normal(seed), x = G.array(shape);
    for (let i = 0; i < x.data.length; i++) x.data[i] = next() * (scale || 1);
    return x;
  }

  /** An image [1, N, N] from rows of text ('#' is ink), placed at (top, left). */
  function glyph(n, rows, top, left) {
    const x = G.array([1, n, n]);
    rows.forEach((row, i) => {
      for (let j = 0; j < row.length; j++) if (row[j] === "#") x.data[(top + i) * n + left + j] = 1;
    });
    return x;
  }

  const SEVEN = [
    "##############",
    "##############",
    "##############",
    "...........###",
    "..........###.",
    ".........###..",
    "........###...",
    ".......###....",
    "......###.....",
    ".....###......",
    ".....###......",
    "....###.......",
    "....###.......",
    "....###.......",
  ];
  const F = ["######", "##....", "##....", "#####.", "##....", "##....", "##...."];

  const maxAbs = (data) => data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const format = (v) => (v === 0 ? "0" : Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4 ? v.toExponential(1) : v.toPrecision(3));
  const relu = (x) => ({ shape: x.shape.slice(), data: x.data.map((v) => (v > 0 ? v : 0)) });
  const plane = (x, index) => {  // the index-th map [H, W] of an array [..., H, W]
    const h = x.shape[x.shape.length - 2], w = x.shape[x.shape.length - 1];
    return { shape: [h, w], data: x.data.subarray(index * h * w, (index + 1) * h * w) };
  };
  const subtract = (a, b) => ({ shape: a.shape.slice(), data: a.data.map((v, i) => v - b.data[i]) });
  // The text colour of the theme, and the width a figure has: both read from the page once and
  // kept (reading them forces the browser to lay out the whole page, which costs more than a
  // figure's update), and read again when the theme changes or the figure is resized.
  const measured = new WeakMap();
  function page(root) {
    if (!measured.has(root)) measured.set(root, { ink: getComputedStyle(root).color || "#000", width: root.clientWidth });
    return measured.get(root);
  }
  const inkColour = (root) => page(root).ink;
  const widthOf = (root) => page(root).width;

  /** Paint a map [H, W] into a canvas region, `scale` canvas pixels per array pixel. */
  function paint(ctx, map, opts) {
    const [h, w] = map.shape, s = opts.scale, lut = LUT[opts.signed ? "signed" : "image"];
    const lo = opts.signed ? -opts.limit : opts.min || 0, hi = opts.signed ? opts.limit : opts.max || 1;
    const img = ctx.createImageData(w * s, h * s), px = img.data;
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const t = hi > lo ? (map.data[i * w + j] - lo) / (hi - lo) : 0.5;
        const v = 3 * Math.round(255 * Math.min(1, Math.max(0, t)));
        for (let a = 0; a < s; a++) {
          let p = 4 * ((i * s + a) * w * s + j * s);
          for (let b = 0; b < s; b++, p += 4) {
            px[p] = lut[v]; px[p + 1] = lut[v + 1]; px[p + 2] = lut[v + 2]; px[p + 3] = 255;
          }
        }
      }
    }
    ctx.putImageData(img, opts.x || 0, opts.y || 0);
  }

  // -- controls: real, labelled inputs -------------------------------------------------------

  function slider(text, min, max, value, onInput) {
    const input = el("input", { type: "range", id: uid("range"), min, max, step: 1, value: value });
    const shown = el("span", { class: "gcnn-live-value", "aria-hidden": "true", text: String(value) });
    input.addEventListener("input", () => { shown.textContent = input.value; onInput(Number(input.value)); });
    const wrap = el("div", { class: "gcnn-live-control" }, [el("label", { for: input.id, text: text }), input, shown]);
    return { wrap, input, set(v) { input.value = v; shown.textContent = String(v); } };
  }

  function checkbox(text, checked, onChange) {
    const input = el("input", { type: "checkbox", id: uid("check") });
    input.checked = checked;
    input.addEventListener("change", () => onChange(input.checked));
    return { wrap: el("div", { class: "gcnn-live-control" }, [input, el("label", { for: input.id, text: text })]), input };
  }

  function select(text, choices, value, onChange) {
    const input = el("select", { id: uid("select") });
    for (const [key, name] of choices) {
      const option = el("option", { value: key, text: name });
      option.selected = key === value;
      input.appendChild(option);
    }
    input.addEventListener("change", () => onChange(input.value));
    return { wrap: el("div", { class: "gcnn-live-control" }, [el("label", { for: input.id, text: text }), input]), input };
  }

  function button(text, onClick, title) {
    const node = el("button", { type: "button", class: "gcnn-live-button", text: text });
    if (title) node.setAttribute("aria-label", title);
    node.addEventListener("click", onClick);
    return node;
  }

  /** A panel: a canvas with its title; the canvas has an accessible name that says what it shows. */
  function panel(title, width, height, opts) {
    opts = opts || {};
    const canvas = el("canvas", { width, height, role: "img", "aria-label": title });
    const heading = el("div", { class: "gcnn-live-panel-title", "aria-hidden": "true", text: title });
    const root = el("div", { class: "gcnn-live-panel" + (opts.wide ? " gcnn-live-wide" : "") }, [heading, canvas]);
    canvas.style.maxWidth = width + "px";
    return { root, canvas, ctx: canvas.getContext("2d"), heading, describe(text) { canvas.setAttribute("aria-label", text); } };
  }

  /**
   * A pixel grid the reader draws on: mouse or touch (press to ink, press on ink to erase,
   * drag to paint) and keyboard (arrow keys move the cursor cell, Space or Enter toggles
   * ink, Delete clears). `image` is an array [1, N, N] changed in place; onChange() follows.
   */
  function drawingGrid(title, image, scale, onChange) {
    const n = image.shape[1], p = panel(title, n * scale, n * scale);
    const canvas = p.canvas;
    canvas.setAttribute("tabindex", "0");
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-roledescription", "drawing grid");
    canvas.classList.add("gcnn-live-draw");
    const cursor = { i: Math.floor(n / 2), j: Math.floor(n / 2), shown: false };
    let inkValue = null;

    function describe() {
      const inked = image.data.reduce((s, v) => s + (v > 0.5 ? 1 : 0), 0);
      p.describe(title + ": a " + n + " by " + n + " pixel grid, " + inked + " pixels inked. Draw with the mouse or by touch; " +
        "or use the arrow keys to move the cursor (row " + (cursor.i + 1) + ", column " + (cursor.j + 1) + ", " +
        (image.data[cursor.i * n + cursor.j] > 0.5 ? "inked" : "empty") + "), Space or Enter to toggle ink, Delete to clear.");
    }
    function draw() {
      paint(p.ctx, plane(image, 0), { scale, min: 0, max: 1 });
      if (cursor.shown) {
        p.ctx.lineWidth = 2;
        p.ctx.strokeStyle = "#D55E00";
        p.ctx.strokeRect(cursor.j * scale + 1, cursor.i * scale + 1, scale - 2, scale - 2);
      }
      describe();
    }
    function set(i, j, value) {
      if (i < 0 || j < 0 || i >= n || j >= n || image.data[i * n + j] === value) return false;
      image.data[i * n + j] = value;
      return true;
    }
    function cell(event) {
      const box = canvas.getBoundingClientRect();
      return [Math.floor(((event.clientY - box.top) / box.height) * n), Math.floor(((event.clientX - box.left) / box.width) * n)];
    }
    canvas.addEventListener("pointerdown", (event) => {
      const [i, j] = cell(event);
      if (i < 0 || j < 0 || i >= n || j >= n) return;
      inkValue = image.data[i * n + j] > 0.5 ? 0 : 1;
      canvas.setPointerCapture && canvas.setPointerCapture(event.pointerId);
      if (set(i, j, inkValue)) { draw(); onChange(); }
      event.preventDefault();
    });
    canvas.addEventListener("pointermove", (event) => {
      if (inkValue === null) return;
      const [i, j] = cell(event);
      if (set(i, j, inkValue)) { draw(); onChange(); }
    });
    const stop = () => { inkValue = null; };
    canvas.addEventListener("pointerup", stop);
    canvas.addEventListener("pointercancel", stop);
    canvas.addEventListener("focus", () => { cursor.shown = true; draw(); });
    canvas.addEventListener("blur", () => { cursor.shown = false; draw(); });
    canvas.addEventListener("keydown", (event) => {
      const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (moves[event.key]) {
        cursor.i = Math.min(n - 1, Math.max(0, cursor.i + moves[event.key][0]));
        cursor.j = Math.min(n - 1, Math.max(0, cursor.j + moves[event.key][1]));
        draw();
      } else if (event.key === " " || event.key === "Enter") {
        set(cursor.i, cursor.j, image.data[cursor.i * n + cursor.j] > 0.5 ? 0 : 1);
        draw(); onChange();
      } else if (event.key === "Delete" || event.key === "Backspace") {
        image.data.fill(0);
        draw(); onChange();
      } else return;
      event.preventDefault();
    });
    draw();
    return { root: p.root, canvas, draw };
  }

  /** A readout: text that screen readers announce when it changes. */
  function readout() {
    return el("output", { class: "gcnn-live-readout", "aria-live": "polite" });
  }

  function layout(root, controls, panels, notes) {
    root.textContent = "";
    root.appendChild(el("div", { class: "gcnn-live-controls", role: "group", "aria-label": "Controls of the figure" }, controls));
    root.appendChild(el("div", { class: "gcnn-live-panels" }, panels));
    for (const note of notes) root.appendChild(note);
  }

  // -- figure 1 (chapter 2): the equivariance diagram, live ------------------------------------

  function equivarianceFigure(root) {
    const n = 12, scale = 10;
    const image = glyph(n, F, 2, 3);
    const filter = G.array([1, 1, 3, 3], [1, 1, 0, 1, 0, -1, 0, -1, -1]);  // chapter 2's edge filter
    const dense = randomArray([n * n, n * n], 2, 1 / n);
    const bias = randomArray([n, n], 3, 0.5);
    const state = { map: "correlation", down: 0, right: 0, turns: 0 };

    // circular correlation: pad the image by wrapping around, then correlate without padding
    function circular(x) {
      const m = n + 2, wrapped = G.array([1, m, m]);
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
        wrapped.data[i * m + j] = x.data[((i - 1 + n) % n) * n + ((j - 1 + n) % n)];
      }
      return G.correlate2d(wrapped, filter);
    }
    const maps = {
      correlation: ["circular correlation, 3x3 filter", circular],
      dense: ["dense layer (random 144x144 matrix)", (x) => {
        const y = G.array([1, n, n]);
        for (let o = 0; o < n * n; o++) {
          let s = 0;
          for (let i = 0; i < n * n; i++) s += dense.data[o * n * n + i] * x.data[i];
          y.data[o] = s;
        }
        return y;
      }],
      pixel: ["per-pixel function tanh(3x - 1)", (x) => ({ shape: x.shape.slice(), data: x.data.map((v) => Math.tanh(3 * v - 1)) })],
      bias: ["add a fixed random bias image", (x) => ({ shape: x.shape.slice(), data: x.data.map((v, i) => v + bias.data[i]) })],
    };
    const T = (x) => G.translate(G.rotate(x, state.turns), [state.down, state.right], "circular");

    const panels = {};
    const controls = [
      select("Map f", Object.keys(maps).map((k) => [k, maps[k][0]]), state.map, (v) => { state.map = v; update(); }).wrap,
      slider("Shift down", -6, 6, 0, (v) => { state.down = v; update(); }).wrap,
      slider("Shift right", -6, 6, 0, (v) => { state.right = v; update(); }).wrap,
      slider("Quarter turns", 0, 3, 0, (v) => { state.turns = v; update(); }).wrap,
    ];
    const grid = drawingGrid("input x (draw here)", image, scale, () => update());
    for (const [key, title] of [["tx", "T x"], ["ftx", "f(T x)"], ["fx", "f(x)"], ["tfx", "T f(x)"], ["diff", "f(T x) - T f(x)"]]) {
      panels[key] = panel(title, n * scale, n * scale);
    }
    const out = readout();
    // two rows, as in the book's diagram: top path x -> T x -> f(T x), bottom path f(x) -> T f(x)
    const order = [grid.root, panels.tx.root, panels.ftx.root, panels.diff.root,
      el("div", { class: "gcnn-live-spacer" }), panels.fx.root, panels.tfx.root];
    layout(root, controls, order, [out]);
    root.querySelector(".gcnn-live-panels").classList.add("gcnn-live-diagram");

    function update() {
      const f = maps[state.map][1];
      const tx = T(image), ftx = f(tx), fx = f(image), tfx = T(fx), diff = subtract(ftx, tfx);
      const limit = Math.max(maxAbs(ftx.data), maxAbs(tfx.data)) || 1;
      paint(panels.tx.ctx, plane(tx, 0), { scale });
      for (const [key, value] of [["ftx", ftx], ["fx", fx], ["tfx", tfx], ["diff", diff]]) {
        paint(panels[key].ctx, plane(value, 0), { scale, signed: true, limit });
      }
      const worst = maxAbs(diff.data);
      Object.assign(root.dataset, { maxDifference: worst, largestOutput: limit });
      const verdict = worst <= 1e-9 * limit ? "the two paths agree: f commutes with this T" : "the two paths differ: f is not equivariant to this T";
      const name = "T = turn by " + state.turns + " quarter turn(s), then shift by (" + state.down + ", " + state.right + ") with wrap-around";
      out.textContent = "max |f(T x) - T f(x)| = " + format(worst) + " (largest |output| " + format(limit) + "): " + verdict + ". " + name + ".";
      panels.diff.describe("The difference f(T x) - T f(x), on the same colour scale as the outputs; its largest magnitude is " + format(worst) + ".");
      panels.tx.describe("T x: the input turned by " + state.turns + " quarter turns and shifted by " + state.down + " down, " + state.right + " right.");
    }
    update();
    return { update };
  }

  // -- figure 2 (chapter 3): the two cameras, live ------------------------------------------

  function twoCamerasFigure(root) {
    const n = 16, scale = 12, k = 3;
    const image = glyph(n, SEVEN.slice(0, 10).map((row) => row.slice(4).replace(/#{3}$/, "##")), 3, 3);
    const filter = G.array([1, 1, k, k], [1, 1, 0, 1, 0, -1, 0, -1, -1]);
    const state = { down: 0, right: 0, padding: true, stride: false };
    const controls = [
      slider("Shift down", -6, 6, 0, (v) => { state.down = v; update(); }).wrap,
      slider("Shift right", -6, 6, 0, (v) => { state.right = v; update(); }).wrap,
      checkbox("Zero padding (1 pixel)", true, (v) => { state.padding = v; update(); }).wrap,
      checkbox("Stride 2", false, (v) => { state.stride = v; update(); }).wrap,
    ];
    const grid = drawingGrid("scene x (draw here)", image, scale, () => update());
    const shifted = panel("camera 1 films T x", n * scale, n * scale);
    const films = ["f(T x): camera 1's film", "T' f(x): camera 2's film, moved", "difference f(T x) - T' f(x)"]
      .map((title) => panel(title, n * scale, n * scale));
    const out = readout();
    layout(root, controls, [grid.root, shifted.root].concat(films.map((p) => p.root)), [out]);

    function update() {
      const padding = state.padding ? 1 : 0, stride = state.stride ? 2 : 1;
      const f = (x) => G.correlate2d(x, filter, { padding, stride });
      const t = [state.down, state.right];
      const tx = G.translate(image, t, "zero"), ftx = f(tx), fx = f(image);
      // the output moves by t / stride, when that is a whole number of output pixels
      const exact = t.every((v) => v % stride === 0);
      const tOut = t.map((v) => Math.trunc(v / stride));
      const tfx = G.translate(fx, tOut, "zero"), diff = subtract(ftx, tfx);
      const m = fx.shape[1], outScale = Math.floor((n * scale) / m);
      const limit = Math.max(maxAbs(ftx.data), maxAbs(tfx.data)) || 1;
      paint(shifted.ctx, plane(tx, 0), { scale });
      [ftx, tfx, diff].forEach((x, i) => {
        films[i].ctx.clearRect(0, 0, n * scale, n * scale);
        paint(films[i].ctx, plane(x, 0), { scale: outScale, signed: true, limit });
      });
      // Where equivariance is guaranteed: output pixels whose window, in T x and in x, sees only
      // pixels of the scene (no padding, nothing that T filled in or pushed out).
      const inside = (i) => {
        const lo = i * stride - padding, hi = lo + k - 1;  // rows (or columns) the window reads in T x
        return (v, size) => lo >= Math.max(0, v) && hi <= Math.min(size, size + v) - 1;
      };
      let band = 0, interior = 0, rows = [m, m], interiorBox = [m, -1, m, -1];
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
        const d = Math.abs(diff.data[i * m + j]);
        const ok = exact && inside(i)(t[0], n) && inside(j)(t[1], n);
        if (ok) {
          interior = Math.max(interior, d);
          interiorBox = [Math.min(interiorBox[0], i), Math.max(interiorBox[1], i), Math.min(interiorBox[2], j), Math.max(interiorBox[3], j)];
        } else band = Math.max(band, d);
      }
      Object.assign(root.dataset, { interior, band, exact });
      const ctx = films[2].ctx;
      if (interiorBox[1] >= 0) {
        ctx.strokeStyle = "#000";  // on the map, whose centre colour is white in either theme
        ctx.setLineDash([4, 3]);
        ctx.lineWidth = 2;
        ctx.strokeRect(interiorBox[2] * outScale + 1, interiorBox[0] * outScale + 1,
          (interiorBox[3] - interiorBox[2] + 1) * outScale - 2, (interiorBox[1] - interiorBox[0] + 1) * outScale - 2);
        ctx.setLineDash([]);
      }
      const size = m + "x" + m + " output (" + (padding ? "zero padding 1" : "no padding") + ", stride " + stride + ")";
      let text;
      if (exact) {
        text = "T' shifts the output by (" + tOut.join(", ") + "). max |difference| inside the dashed box = " + format(interior) +
          "; in the border band outside it = " + format(band) + ". " + size + ".";
      } else {
        let best = Infinity;  // no whole output shift reproduces f(T x): try them all
        for (let a = -n; a <= n; a++) for (let b = -n; b <= n; b++) {
          best = Math.min(best, G.maxAbsDifference(ftx, G.translate(fx, [a, b], "zero")));
        }
        root.dataset.bestShift = best;
        text = "Odd shift under stride 2: the output would have to move by (" + t.map((v) => v / stride).join(", ") +
          ") pixels. Moved by (" + tOut.join(", ") + "), max |difference| = " + format(Math.max(band, interior)) +
          "; the best of all whole output shifts still leaves " + format(best) + ". " + size + ".";
      }
      out.textContent = text;
      films[2].describe("The difference f(T x) - T' f(x) on the outputs' colour scale" + (exact ? "; the dashed box marks where equivariance is guaranteed" : "") +
        "; largest magnitude " + format(Math.max(band, interior)) + ".");
      shifted.describe("T x: the scene shifted by " + t[0] + " down and " + t[1] + " right; what leaves the canvas is lost, zeros come in.");
    }
    update();
    return { update };
  }

  // -- figures 3 and 4 (chapters 6 and 8): a p4 / p4m network -----------------------------------

  /** The network of figures 3 and 4: lifting (8 filters), ReLU, one group correlation. */
  function network(seed, secondChannels) {
    const w1 = randomArray([8, 1, 3, 3], seed, 1 / 3);
    const w2 = {};  // the group layer's filters, one bank per group: [C_out, 8, |H|, 3, 3]
    for (const group of ["p4", "p4m"]) w2[group] = randomArray([secondChannels, 8, G.GROUPS[group].order, 3, 3], seed + 1, 1 / 12);
    return (x, group) => {
      const lifted = G.liftingCorrelation(x, w1, group, { padding: 1 });
      const second = G.groupCorrelation(relu(lifted), w2[group], group, { padding: 1 });
      return { w1, lifted, second };
    };
  }

  /** The controls that move the input: shift sliders, turn and mirror buttons, reset. */
  function transformControls(state, update) {
    const down = slider("Shift down", -8, 8, 0, (v) => { state.down = v; update(); });
    const right = slider("Shift right", -8, 8, 0, (v) => { state.right = v; update(); });
    const mirrorButton = button("Mirror \u2194", () => { state.g = G.compose(4, state.g, "p4m"); update(); }, "Mirror the input left-right");
    const controls = [
      down.wrap, right.wrap,
      button("Turn \u21ba 90\u00b0", () => { state.g = G.compose(1, state.g, state.group); update(); }, "Turn the input a quarter turn counter-clockwise"),
      mirrorButton,
      button("Reset", () => { state.g = 0; state.down = state.right = 0; down.set(0); right.set(0); update(); }, "Reset the input's position"),
    ];
    return { controls, down, right, mirrorButton };
  }

  /** Make a panel's canvas drag the input (pointer) and shift it with the arrow keys. */
  function draggable(p, state, sliders, cells, update) {
    const canvas = p.canvas;
    canvas.setAttribute("tabindex", "0");
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-roledescription", "draggable image");
    canvas.classList.add("gcnn-live-drag");
    let start = null;
    const move = (down, right) => {
      state.down = Math.max(-8, Math.min(8, down));
      state.right = Math.max(-8, Math.min(8, right));
      sliders.down.set(state.down); sliders.right.set(state.right);
      update();
    };
    canvas.addEventListener("pointerdown", (event) => {
      start = { x: event.clientX, y: event.clientY, down: state.down, right: state.right };
      canvas.setPointerCapture && canvas.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!start) return;
      const cell = canvas.getBoundingClientRect().width / cells;
      const down = start.down + Math.round((event.clientY - start.y) / cell), right = start.right + Math.round((event.clientX - start.x) / cell);
      if (down !== state.down || right !== state.right) move(down, right);
    });
    canvas.addEventListener("pointerup", () => { start = null; });
    canvas.addEventListener("pointercancel", () => { start = null; });
    canvas.addEventListener("keydown", (event) => {
      const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
      if (!moves[event.key]) return;
      move(state.down + moves[event.key][0], state.right + moves[event.key][1]);
      event.preventDefault();
    });
  }

  /** Where the ring of figure 3 puts element h: rotations counter-clockwise from the right, mirrorings clockwise. */
  function slot(h) {
    const r = h & 3, angle = (h >= 4 ? -1 : 1) * r * Math.PI / 2;
    return { ring: h >= 4 ? 1 : 0, dx: Math.cos(angle), dy: -Math.sin(angle) };
  }

  function arrow(ctx, from, to, colour, bend) {
    const mx = (from[0] + to[0]) / 2, my = (from[1] + to[1]) / 2;
    const dx = to[0] - from[0], dy = to[1] - from[1], length = Math.hypot(dx, dy);
    const cx = mx - (dy / length) * bend, cy = my + (dx / length) * bend;
    ctx.strokeStyle = ctx.fillStyle = colour;
    ctx.lineWidth = 2;
    ctx.beginPath(); ctx.moveTo(from[0], from[1]); ctx.quadraticCurveTo(cx, cy, to[0], to[1]); ctx.stroke();
    const angle = Math.atan2(to[1] - cy, to[0] - cx);
    ctx.beginPath();
    ctx.moveTo(to[0], to[1]);
    ctx.lineTo(to[0] - 10 * Math.cos(angle - 0.4), to[1] - 10 * Math.sin(angle - 0.4));
    ctx.lineTo(to[0] - 10 * Math.cos(angle + 0.4), to[1] - 10 * Math.sin(angle + 0.4));
    ctx.closePath(); ctx.fill();
  }

  function transformedInput(image, state) {
    return G.translate(G.transformImage(image, state.g, state.group), [state.down, state.right], "zero");
  }

  function elementName(g, group) {
    if (g === 0) return "the identity e";
    const m = g >> 2, r = g & 3;
    return G.label(g, group) + " (" + (r ? r + " quarter turn" + (r > 1 ? "s" : "") + " counter-clockwise" : "no turn") + (m ? ", then a mirror" : "") + ")";
  }

  function liftingFigure(root) {
    const n = 28, scale = 6, net = network(6, 2);
    const image = glyph(n, SEVEN, 6, 7);
    const state = { group: "p4", g: 0, down: 0, right: 0, layer: "lifted", channel: 0 };
    let reference = null;  // the network on the untransformed image (recomputed when the image changes)
    const moves = transformControls(state, () => update(false));
    const channelSelect = select("Channel", [...Array(8).keys()].map((c) => [String(c), "filter " + (c + 1)]), "0",
      (v) => { state.channel = Number(v); draw(); });
    const controls = [
      select("Group", [["p4", "p4 (4 rotations)"], ["p4m", "p4m (4 rotations, 4 mirrorings)"]], "p4", (v) => {
        state.group = v; state.g = 0; update(true);
      }).wrap,
      select("Layer", [["lifted", "lifting layer (8 filters)"], ["second", "group correlation (layer 2)"]], "lifted", (v) => {
        state.layer = v; state.channel = 0;
        const count = v === "lifted" ? 8 : 2;
        channelSelect.input.textContent = "";
        for (let c = 0; c < count; c++) channelSelect.input.appendChild(el("option", { value: String(c), text: (v === "lifted" ? "filter " : "channel ") + (c + 1) }));
        draw();
      }).wrap,
      channelSelect.wrap,
    ].concat(moves.controls);
    const grid = drawingGrid("image x (draw here)", image, 8, () => update(true));
    const input = panel("T x: drag it, or focus it and use the arrow keys", n * 8, n * 8);
    draggable(input, state, moves, n, () => update(false));
    const ring = panel("the |H| response maps, and where each one came from", 400, 400, { wide: true });
    const out = readout();
    layout(root, controls, [grid.root, input.root, ring.root], [out]);
    let current = null;

    function update(imageChanged) {
      const started = performance.now();
      moves.mirrorButton.disabled = state.group !== "p4m";
      if (imageChanged || !reference) reference = net(image, state.group);
      current = net(transformedInput(image, state), state.group);
      draw();
      root.dataset.updateMs = (performance.now() - started).toFixed(2);
    }

    function draw() {
      const group = state.group, order = G.GROUPS[group].order, g = state.g;
      const tx = transformedInput(image, state);
      paint(input.ctx, plane(tx, 0), { scale: 8 });
      const maps = current[state.layer], refMaps = reference[state.layer];
      // the claim, measured: the maps of T x are L_g of the maps of x (then shifted like the input)
      const expected = G.translate(G.transformSignal(refMaps, g, group), [state.down, state.right], "zero");
      const error = G.maxAbsDifference(maps, expected), size = maxAbs(maps.data) || 1;
      Object.assign(root.dataset, { error, largestResponse: size, element: g });
      const c = Math.min(state.channel, maps.shape[0] - 1);
      const limit = maxAbs(maps.data.subarray(c * order * n * n, (c + 1) * order * n * n)) || 1;
      // the ring(s): as large as the page allows; p4m's two rings side by side, or stacked when narrow
      const available = Math.max(240, widthOf(root) - 4), rings = group === "p4" ? 1 : 2;
      const geometry = (cell) => ({ cell, side: n * cell, radius: Math.round(n * cell * 1.1 + 10), size: Math.round(n * cell * 3.2 + 44) });
      let geo = geometry(group === "p4" ? 4 : 3);
      while (geo.cell > 2 && geo.size > available) geo = geometry(geo.cell - 1);
      const across = rings === 1 || rings * geo.size <= available;
      const W = across ? rings * geo.size : geo.size, Hc = across ? geo.size : rings * geo.size;
      if (ring.canvas.width !== W || ring.canvas.height !== Hc) {
        ring.canvas.width = W; ring.canvas.height = Hc; ring.canvas.style.maxWidth = W + "px";
      }
      const ctx = ring.ctx, ink = inkColour(root), { cell, side, radius } = geo;
      ctx.clearRect(0, 0, W, Hc);
      const centres = [0, 1].map((k) => (across ? [(k + 0.5) * geo.size, Hc / 2] : [W / 2, (k + 0.5) * geo.size]));
      const where = (h) => { const s = slot(h); return [centres[s.ring][0] + s.dx * radius, centres[s.ring][1] + s.dy * radius]; };
      ctx.font = "13px sans-serif"; ctx.textAlign = "center"; ctx.fillStyle = ink;
      for (let h = 0; h < order; h++) {
        const [x, y] = where(h);
        paint(ctx, plane(maps, c * order + h), { scale: cell, signed: true, limit, x: Math.round(x - side / 2), y: Math.round(y - side / 2) });
        ctx.fillStyle = ink;
        ctx.fillText(G.label(h, group), x, y - side / 2 - 4);
      }
      centres.slice(0, group === "p4" ? 1 : 2).forEach((centre, ring) => {
        ctx.fillText(ring ? "mirrored filters" : "rotated filters", centre[0], centre[1] + 4);
      });
      // the cycle: the map at slot h of x is now, rotated by g, at slot g h
      const moved = [];
      if (g !== 0) {
        for (let h = 0; h < order; h++) {
          const gh = G.compose(g, h, group);
          if (gh === h) continue;
          const a = where(h), b = where(gh), dx = b[0] - a[0], dy = b[1] - a[1], d = Math.hypot(dx, dy), cut = side * 0.62;
          arrow(ctx, [a[0] + dx / d * cut, a[1] + dy / d * cut], [b[0] - dx / d * cut, b[1] - dy / d * cut], "#D55E00", d > 1.6 * radius ? 40 : 18);
          moved.push(G.label(h, group) + " \u2192 " + G.label(gh, group));
        }
      }
      const what = state.layer === "lifted" ? "lifting layer, filter " : "group correlation layer, channel ";
      ring.describe("The " + order + " response maps of the " + what + (c + 1) + " for the input transformed by " + elementName(g, group) +
        ", arranged on a ring by group element. " + (moved.length ? "Orange arrows show where each map of the untransformed input has moved: " + moved.join(", ") + "." : "No arrows: nothing has moved."));
      input.describe("T x: the image transformed by " + elementName(g, group) + " and shifted by " + state.down + " down, " + state.right + " right.");
      out.textContent = "Input transformed by g = " + elementName(g, group) + ", shifted by (" + state.down + ", " + state.right + "). " +
        "max |layer(T x) - L_g layer(x), shifted| = " + format(error) + " (largest |response| " + format(size) + ")" +
        (error <= 1e-5 * size ? ": equivariant." : ": not equal, because content reached the border (zero padding and zero fill).");
    }
    update(true);
    return { update: () => update(true) };
  }

  function poolingFigure(root) {
    const n = 28, scale = 3, channels = 3, net = network(8, channels);
    const image = glyph(n, SEVEN, 6, 7);
    const state = { group: "p4", g: 0, down: 0, right: 0, mode: "max" };
    let reference = null;
    const moves = transformControls(state, () => update(false));
    const controls = [
      select("Group", [["p4", "p4"], ["p4m", "p4m"]], "p4", (v) => { state.group = v; state.g = 0; update(true); }).wrap,
      select("Pool over the group", [["max", "max"], ["mean", "mean"]], "max", (v) => { state.mode = v; update(true); }).wrap,
    ].concat(moves.controls);
    const grid = drawingGrid("image x (draw here)", image, 6, () => update(true));
    const input = panel("T x: drag it, or use the arrow keys", n * 6, n * 6);
    draggable(input, state, moves, n, () => update(false));
    const maps = panel("layer 2, channel 1: the |H| maps move and cycle", 8 * (n * scale + 6), n * scale + 20, { wide: true });
    const pooled = panel("pooled over the group: only turns", n * 6, n * 6);
    const bars = panel("pooled over the group and space: invariant", 240, n * 6);
    const out = readout();
    layout(root, controls, [grid.root, input.root, maps.root, pooled.root, bars.root], [out]);

    function compute(x) {
      const { second } = net(x, state.group);
      const features = relu(second), pooledMaps = G.groupPool(features, state.mode);
      const invariant = [];  // the largest value of each pooled map: a number per channel
      for (let c = 0; c < channels; c++) invariant.push(maxAbs(plane(pooledMaps, c).data));
      return { features, pooledMaps, invariant };
    }

    function update(imageChanged) {
      moves.mirrorButton.disabled = state.group !== "p4m";
      if (imageChanged || !reference) reference = compute(image);
      const tx = transformedInput(image, state), now = compute(tx), order = G.GROUPS[state.group].order;
      paint(input.ctx, plane(tx, 0), { scale: 6 });
      const ctx = maps.ctx, ink = inkColour(root), limit = maxAbs(now.features.data.subarray(0, order * n * n)) || 1;
      // one row of |H| maps, or rows of four when the page is too narrow for one row
      const step = n * scale + 6, perRow = Math.floor((widthOf(root) - 4) / step) >= order ? order : 4;
      const width = perRow * step, height = Math.ceil(order / perRow) * (n * scale + 20);
      if (maps.canvas.width !== width || maps.canvas.height !== height) {
        maps.canvas.width = width; maps.canvas.height = height; maps.canvas.style.maxWidth = width + "px";
      }
      ctx.clearRect(0, 0, width, height);
      ctx.font = "12px sans-serif"; ctx.textAlign = "center"; ctx.fillStyle = ink;
      for (let h = 0; h < order; h++) {
        const x = (h % perRow) * step, y = Math.floor(h / perRow) * (n * scale + 20);
        paint(ctx, plane(now.features, h), { scale, signed: true, limit, x, y: y + 18 });
        ctx.fillText(G.label(h, state.group), x + n * scale / 2, y + 13);
      }
      const pooledLimit = maxAbs(now.pooledMaps.data.subarray(0, n * n)) || 1;
      paint(pooled.ctx, plane(now.pooledMaps, 0), { scale: 6, signed: true, limit: pooledLimit });
      // the invariant output: a bar per channel, and a tick at its value for the untransformed x
      const b = bars.ctx, W = bars.canvas.width, Hc = bars.canvas.height, top = Math.max(...reference.invariant, ...now.invariant) || 1;
      b.clearRect(0, 0, W, Hc);
      b.font = "12px sans-serif"; b.textAlign = "center";
      now.invariant.forEach((v, c) => {
        const x = 20 + c * 72, h = (v / top) * (Hc - 50), hRef = (reference.invariant[c] / top) * (Hc - 50);
        b.fillStyle = ["#0072B2", "#E69F00", "#009E73"][c];
        b.fillRect(x, Hc - 24 - h, 44, h);
        b.fillStyle = ink; b.strokeStyle = ink; b.lineWidth = 2;
        b.beginPath(); b.moveTo(x - 4, Hc - 24 - hRef); b.lineTo(x + 48, Hc - 24 - hRef); b.stroke();
        b.fillText(format(v), x + 22, Hc - 28 - Math.max(h, hRef));
        b.fillText("ch " + (c + 1), x + 22, Hc - 8);
      });
      const change = Math.max(...now.invariant.map((v, c) => Math.abs(v - reference.invariant[c])));
      const moved = G.maxAbsDifference(now.features, reference.features);
      const expected = G.translate(G.transformSignal(reference.features, state.g, state.group), [state.down, state.right], "zero");
      const error = G.maxAbsDifference(now.features, expected);
      Object.assign(root.dataset, { change, largestInvariant: top, moved, error, element: state.g });
      maps.describe("The " + order + " maps of channel 1 of layer 2 for the input transformed by " + elementName(state.g, state.group) + "; they move and cycle with the input.");
      pooled.describe("Channel 1 pooled over the group (" + state.mode + "): a plain image that turns with the input.");
      bars.describe("The invariant output: for each of " + channels + " channels the largest value of its pooled map: " +
        now.invariant.map(format).join(", ") + "; the horizontal lines mark the values for the untransformed image.");
      out.textContent = "g = " + elementName(state.g, state.group) + ", shift (" + state.down + ", " + state.right + "). " +
        "The layer-2 maps changed by up to " + format(moved) + " and equal L_g of the old ones up to " + format(error) +
        "; the invariant output changed by " + format(change) + " (largest value " + format(top) + ")" +
        (change <= 1e-5 * top ? ": it stays put." : ": it moved, because content reached the border.");
    }
    update(true);
    return { update: () => update(true) };
  }

  // -- start every figure on the page, and redraw them when the colour theme changes ----------------

  const FIGURES = { equivariance: equivarianceFigure, "two-cameras": twoCamerasFigure, lifting: liftingFigure, pooling: poolingFigure };
  const instances = [];

  function start() {
    document.querySelectorAll(".gcnn-live[data-figure]").forEach((root) => {
      if (root.dataset.started) return;
      const make = FIGURES[root.dataset.figure];
      if (!make) throw new Error("figures.js: unknown live figure " + JSON.stringify(root.dataset.figure) + "; expected one of " + Object.keys(FIGURES).join(", "));
      root.dataset.started = "true";
      instances.push({ root, figure: make(root) });
    });
    // the theme's text colour is drawn into the canvases: redraw when the theme changes
    new MutationObserver(() => instances.forEach((i) => { measured.delete(i.root); i.figure.update(); }))
      .observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "data-mode"] });
    // the rings and rows of maps are laid out for the figure's width: redraw when it changes
    if (globalThis.ResizeObserver) {
      const resized = new ResizeObserver((entries) => entries.forEach((entry) => {
        const instance = instances.find((i) => i.root === entry.target), known = measured.get(entry.target);
        if (instance && known && known.width !== entry.target.clientWidth) {
          measured.delete(entry.target);
          instance.figure.update();
        }
      }));
      instances.forEach((i) => resized.observe(i.root));
    }
  }

  globalThis.gcnnLiveFigures = { instances, start, FIGURES };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
