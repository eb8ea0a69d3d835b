// Runs before the app: apply the saved theme and language so the first paint is right, and
// start a signed-in visit's first requests (src/api/early.ts takes their answers).
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
  try {
    // Only with a session (its script-readable CSRF cookie), as the app's own account query.
    if (/(?:^|;\s*)santa_csrf=/.test(document.cookie)) {
      var path = location.pathname.replace(/\/$/, "");
      var box = /^\/boxes\/([0-9a-f-]{36})$/i.exec(path);
      var urls = ["/api/v1/users/me"];
      if (box) {
        // The box page: the box and the first page of its members (src/hooks/useBox.ts).
        var base = "/api/v1/boxes/" + box[1];
        urls.push(base, base + "/participants?page=1&per_page=200");
      } else if (path === "/dashboard") {
        urls.push("/api/v1/boxes?per_page=100");
      }
      var headers = { "Accept-Language": document.documentElement.lang || "en" };
      var early = (window.__santaEarly = {});
      for (var i = 0; i < urls.length; i++) {
        early[urls[i]] = fetch(urls[i], { credentials: "include", headers: headers }).catch(function () {
          return null; // offline: the app asks again and says so
        });
      }
    }
  } catch (e) {
    /* no fetch: the app asks itself */
  }
})();
