// The query editor on the landing page: YASGUI (vendored, no CDN) on this endpoint's /sparql, the
// canned queries as examples. Everything it asks goes to this server only (no prefix.cc, no LOV).
(function () {
  "use strict";
  var host = document.getElementById("yasgui");
  var data = document.getElementById("kernen-examples");
  if (!host || !data || !window.Yasgui) { return; }
  var Yasgui = window.Yasgui.default || window.Yasgui;
  var endpoint = new URL("/sparql", window.location.href).href;
  var examples = JSON.parse(data.textContent);
  var yasqe = { autocompleters: ["variables", "prefixes"], prefixCcApi: "", resizeable: true };
  var yasgui = new Yasgui(host, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    yasqe: yasqe,
  });
  var select = document.getElementById("kernen-example");
  function show(name) {
    if (examples[name]) { yasgui.getTab().setQuery(examples[name]); }
  }
  select.addEventListener("change", function () { show(select.value); });
  show(select.value);
})();
