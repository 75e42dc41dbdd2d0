(function () {
  var D = JSON.parse(document.getElementById('orggraph-data').textContent);
  var container = document.getElementById('graph');
  var net = new vis.Network(container, {nodes: new vis.DataSet(D.nodes), edges: new vis.DataSet(D.edges)}, D.options);
  function fit() {
    net.fit({animation: false});
    if (net.getScale() > 1.15) { net.moveTo({scale: 1.15, animation: false}); }
  }
  var first = true;
  net.on('afterDrawing', function () {
    // Labels are measured at the first drawing: fit again now that every box has its size.
    if (first) { first = false; fit(); document.body.setAttribute('data-drawn', String(D.nodes.length)); }
  });
  fit();
  var panel = document.getElementById('panel'), text = document.getElementById('panel-text');
  net.on('click', function (p) {
    var key = p.nodes.length ? 'n' + p.nodes[0] : (p.edges.length ? p.edges[0] : null);
    if (key === null || !D.details[key]) { panel.style.display = 'none'; return; }
    text.textContent = D.details[key];
    panel.style.display = 'block';
  });
  document.getElementById('panel-close').onclick = function () { panel.style.display = 'none'; };
  document.getElementById('fit').onclick = fit;
  var physics = document.getElementById('physics');
  if (physics) {  // small pictures only: a simulation over thousands of nodes would freeze the page
    physics.onchange = function (e) { net.setOptions({physics: {enabled: e.target.checked}}); };
  }
  window.orggraph = net;
})();
