// The book's static player. The frames are PNG sprite sheets: perSheet frames side by side in
// each, the first sheet the <img>'s source, the others (data URIs) in the player's
// <script type="application/json" class="gcnn-player-data">
// ({count, perSheet, laterSheets, labels, interval, loop}). The <img> sits in a window of one
// frame's size; showing frame k puts its sheet in the <img> and slides the sheet so that
// frame k fills the window. This script comes with every player and wires up each player of
// the page once.
(function () {
  "use strict";
  // the play and pause glyphs, drawn (the pause sign, U+23F8, is missing from basic fonts and
  // showed as an empty box); currentColor, so they follow the button's text colour
  var ICON = '<svg viewBox="0 0 10 10" width="0.8em" height="0.8em" aria-hidden="true" focusable="false">';
  var PLAY = ICON + '<path d="M2 1 9 5 2 9Z" fill="currentColor"/></svg>';
  var PAUSE = ICON + '<path d="M2 1h2.2v8H2zM5.8 1H8v8H5.8z" fill="currentColor"/></svg>';
  function setUp(figure) {
    var data = JSON.parse(figure.querySelector("script.gcnn-player-data").textContent);
    var count = data.count, perSheet = data.perSheet, labels = data.labels, interval = data.interval, loop = data.loop;
    var img = figure.querySelector(".gcnn-player-frame img"), slider = figure.querySelector("input[type=range]");
    var sheets = [img.getAttribute("src")].concat(data.laterSheets);
    // decode every sheet now, so that stepping onto a new sheet shows it at once
    sheets.slice(1).forEach(function (uri) { new Image().src = uri; });
    var label = figure.querySelector("output"), play = figure.querySelector("button[data-play]");
    var current = 0, timer = null;
    function show(i) {
      current = (i + count) % count;
      var sheet = Math.floor(current / perSheet), column = current % perSheet;
      var across = Math.min(perSheet, count - sheet * perSheet);  // frames in this sheet
      if (img.getAttribute("src") !== sheets[sheet]) img.src = sheets[sheet];
      img.style.width = across * 100 + "%";
      img.style.left = -column * 100 + "%";
      slider.value = current;
      label.textContent = labels[current];
    }
    function mark(playing) {
      play.innerHTML = playing ? PAUSE : PLAY;
      play.title = playing ? "Pause" : "Play";
      play.setAttribute("aria-label", play.title);
    }
    function stop() { if (timer !== null) { clearInterval(timer); timer = null; } mark(false); }
    function step() {
      if (!loop && current === count - 1) { stop(); return; }
      show(current + 1);
    }
    play.addEventListener("click", function () {
      if (timer !== null) { stop(); return; }
      if (!loop && current === count - 1) show(0);
      timer = setInterval(step, interval);
      mark(true);
    });
    figure.querySelectorAll("button[data-step]").forEach(function (button) {
      button.addEventListener("click", function () { stop(); show(current + parseInt(button.dataset.step, 10)); });
    });
    slider.addEventListener("input", function () { stop(); show(parseInt(slider.value, 10)); });
  }
  // this script's own player (in a page or a notebook output), else every player not yet set up
  var own = document.currentScript && document.currentScript.closest("figure.gcnn-player");
  var figures = own ? [own] : document.querySelectorAll("figure.gcnn-player");
  Array.prototype.forEach.call(figures, function (figure) {
    if (figure.hasAttribute("data-gcnn-ready")) return;
    figure.setAttribute("data-gcnn-ready", "");
    setUp(figure);
  });
})();
