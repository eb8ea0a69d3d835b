// Runs before the app: apply the saved theme and language so the first paint is right.
(function () {
  try {
    var s = JSON.parse(localStorage.getItem("santa-ui") || "{}").state || {};
    var t = s.theme || "system";
    var dark = t === "dark" || (t === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
    if (dark) document.documentElement.classList.add("dark");
    if (s.language) document.documentElement.lang = s.language;
  } catch (e) {
    /* private mode: defaults */
  }
})();
