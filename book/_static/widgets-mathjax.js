/* MathJax 3 for the Jupyter widgets manager.
 *
 * The widgets manager (vendor/jupyter-widgets/embed.js) typesets the maths in widget labels
 * with MathJax 2's call, MathJax.Hub.Queue(["Typeset", MathJax.Hub, element]). The book runs
 * MathJax 3, which has no MathJax.Hub, so a page with a saved widget (a tqdm progress bar,
 * say) would throw an error. This file is loaded just before embed.js (nb_ipywidgets_js in
 * _config.yml). MathJax is deferred, so it has started by DOMContentLoaded, and the widgets
 * are drawn on "load", after that: in between, give MathJax 3 that one call.
 */
document.addEventListener("DOMContentLoaded", function () {
  var mathjax = window.MathJax;
  if (!mathjax || !mathjax.startup || mathjax.Hub) {
    return;
  }
  mathjax.Hub = {
    Queue: function (job) {
      var element = Array.isArray(job) ? job[2] : undefined;
      // chained on MathJax's own promise, as MathJax 3 asks, so typesetting never overlaps
      mathjax.startup.promise = mathjax.startup.promise
        .then(function () {
          return mathjax.typesetPromise(element ? [element] : undefined);
        })
        .catch(function (error) {
          console.error("MathJax could not typeset a widget:", error);
        });
    },
  };
});
