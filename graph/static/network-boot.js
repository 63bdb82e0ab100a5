// The network page's own script: a template filled by graph.views.netviz (%(name)s fields; %% is a percent sign).
(function(){
  var text = %(text)s;
  var nodes = new vis.DataSet(%(nodes)s), edges = new vis.DataSet(%(edges)s);
  var box = document.getElementById("net"), panel = document.getElementById("panel");
  if (window.frameElement) { window.frameElement.title = text.frame; }
  if (nodes.length === 0) { box.style.display = "none"; document.getElementById("empty").hidden = false; }
  var network = new vis.Network(box, {nodes: nodes, edges: edges}, %(options)s);
  window.kernenNetwork = network;
  network.once("afterDrawing", function(){ document.body.setAttribute("data-drawn-nodes", String(nodes.length)); });
  network.once("stabilizationIterationsDone", function(){ network.setOptions({physics: {enabled: false}}); });
  // Readable labels: every label is %(font)s px on screen at any zoom, and a label is only drawn where it
  // does not overlap a label already placed (the biggest nodes first); zooming in makes room for more.
  // Hidden labels show on hover, in the side panel and in the table.
  var full = {}, pending = null;
  nodes.forEach(function(n){ full[n.id] = n.label; });
  var order = nodes.get().sort(function(a, b){ return (b.important - a.important) || (b.size - a.size); })
                   .map(function(n){ return n.id; });
  function declutter(){
    pending = null;
    var s = network.getScale(), px = %(font)s, pos = network.getPositions(), boxes = [], upd = [];
    order.forEach(function(id){
      var n = nodes.get(id), text = full[id] || "", p = network.canvasToDOM(pos[id]);
      var w = text.length * px * 0.55, r = (n.size || 10) * s;
      var box = [p.x - w / 2, p.y + r, p.x + w / 2, p.y + r + px * 1.4];
      var free = text && !boxes.some(function(b){ return box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]; });
      if (free) boxes.push(box);
      upd.push({id: id, label: free ? text : "", font: {size: px / Math.max(s, 0.01)}});
    });
    nodes.update(upd);
    document.body.setAttribute("data-labels", String(boxes.length));
  }
  function later(){ if (!pending) pending = setTimeout(declutter, 150); }
  network.once("afterDrawing", declutter);
  network.once("stabilized", declutter);
  network.on("zoom", later);
  network.on("dragEnd", later);
  function el(tag, content){ var e = document.createElement(tag); if (content !== undefined) e.textContent = content; return e; }
  function link(node, label){
    if (!node.link) return el("span", label);
    var a = el("a", label); a.href = node.link; a.target = "_blank"; a.rel = "noopener";
    a.addEventListener("click", function(ev){
      // Same origin: open the view in the app itself (its router follows history changes).
      try {
        var top = window.parent, url = new URL(node.link, top.location.href);
        top.history.pushState({}, "", url.pathname + url.search);
        top.dispatchEvent(new PopStateEvent("popstate", {state: {}}));
        ev.preventDefault();
      } catch (err) { /* a new tab instead */ }
    });
    return a;
  }
  function show(id){
    var node = nodes.get(id); if (!node) return;
    panel.replaceChildren();
    panel.appendChild(el("h2", node.label || id));
    panel.appendChild(el("p", node.group_name && node.group_name !== node.kind ? node.kind + " · " + node.group_name : node.kind));
    if (node.link) { var p = el("p"); p.appendChild(link(node, text.open)); panel.appendChild(p); }
    var near = network.getConnectedNodes(id).map(function(n){ return nodes.get(n); }).filter(Boolean);
    if (near.length) {
      panel.appendChild(el("p", text.near + " (" + near.length + ")"));
      var list = el("ul");
      near.slice(0, 30).forEach(function(n){ var li = el("li"); li.appendChild(link(n, n.label || n.id)); list.appendChild(li); });
      panel.appendChild(list);
    }
  }
  network.on("click", function(p){ if (p.nodes.length) show(p.nodes[0]); });
  var focus = %(focus)s;
  if (focus !== null && nodes.get(focus)) { network.selectNodes([focus]); network.focus(focus, {scale: 1.2}); show(focus); }
})();
