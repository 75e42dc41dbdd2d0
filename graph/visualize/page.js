(function () {
  var D = JSON.parse(document.getElementById('orggraph-data').textContent);
  var container = document.getElementById('graph');
  var nodes = new vis.DataSet(D.nodes), edges = new vis.DataSet(D.edges);
  var net = new vis.Network(container, {nodes: nodes, edges: edges}, D.options);
  // Below this zoom a 14 px label is smaller than 11 px on screen: too small to read.
  var READABLE = 0.8;

  function fit() {
    net.fit({animation: false});
    if (net.getScale() > 1.15) { net.moveTo({scale: 1.15, animation: false}); }
  }
  // The opening view: the whole picture when its labels stay readable; otherwise a readable zoom on
  // its start (the top left of a timeline, the top of a tree centred on the organization asked for).
  function open() {
    fit();
    var v = D.view;
    if (!v || net.getScale() >= READABLE) { return; }
    var W = container.clientWidth, H = container.clientHeight, pad = 24;
    var across = W / (v.right - v.left + 2 * pad);
    var s = Math.min(1, Math.max(READABLE, across));
    var x;
    if (across >= s) { x = (v.left + v.right) / 2; }
    else if (v.align === 'left') { x = v.left - pad + W / (2 * s); }
    else { x = Math.max(v.left - pad + W / (2 * s), Math.min(v.cx, v.right + pad - W / (2 * s))); }
    net.moveTo({position: {x: x, y: v.top - pad + H / (2 * s)}, scale: s, animation: false});
  }
  // Labels are measured at the first drawing, and the window may still change size while the page
  // opens (vis then rescales the view): place the opening view again after any drawing at a new size,
  // until the reader moves.
  var placed = '', moved = false;
  net.on('afterDrawing', function () {
    var size = container.clientWidth + 'x' + container.clientHeight;
    if (moved || size === placed) { return; }
    placed = size;
    open();
    document.body.setAttribute('data-drawn', String(D.nodes.length));
  });
  net.on('dragStart', function () { moved = true; });
  net.on('zoom', function () { moved = true; });
  if (D.axis) {  // a timeline: the years as light vertical lines with their numbers above and below
    net.on('beforeDrawing', function (ctx) {
      var a = D.axis;
      ctx.save();
      ctx.font = '13px ' + D.options.nodes.font.face;
      ctx.textAlign = 'center';
      for (var i = 0; i < a.ticks.length; i++) {
        var t = a.ticks[i];
        ctx.strokeStyle = '#e2e8f0'; ctx.lineWidth = 1;
        ctx.beginPath(); ctx.moveTo(t.x, a.top); ctx.lineTo(t.x, a.bottom); ctx.stroke();
        ctx.fillStyle = '#4a5568';
        ctx.fillText(t.text, t.x, a.top - 6);
        ctx.fillText(t.text, t.x, a.bottom + 16);
      }
      ctx.restore();
    });
  }
  open();

  var panel = document.getElementById('panel'), text = document.getElementById('panel-text');
  function show(key) {
    if (key === null || !D.details[key]) { panel.style.display = 'none'; return; }
    text.textContent = D.details[key];
    panel.style.display = 'block';
  }
  net.on('click', function (p) {
    show(p.nodes.length ? 'n' + p.nodes[0] : (p.edges.length ? p.edges[0] : null));
  });
  document.getElementById('panel-close').onclick = function () { panel.style.display = 'none'; };
  document.getElementById('fit').onclick = function () { moved = true; fit(); };

  // Search: every box whose text contains the words typed (without diacritics or case); Enter goes
  // to the next one.
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
      .replace(/<[^>]*>/g, ' ').replace(/\u200b/g, '').replace(/\s+/g, ' ').trim();
  }
  var folded = {};
  D.nodes.forEach(function (n) { folded[n.id] = fold((n.label || '') + ' ' + (D.details['n' + n.id] || '').split('\n')[0]); });
  var search = document.getElementById('search'), found = document.getElementById('found');
  var hits = [], at = -1;
  function go(i) {
    if (!hits.length) { return; }
    at = (i + hits.length) % hits.length;
    var id = hits[at];
    net.selectNodes([id]);
    moved = true;
    net.focus(id, {scale: Math.max(net.getScale(), 1), animation: false});
    show('n' + id);
    found.textContent = (at + 1) + '/' + hits.length;
  }
  function find() {
    var q = fold(search.value);
    hits = [];
    at = -1;
    if (q) {
      D.nodes.forEach(function (n) { if (!nodes.get(n.id).hidden && folded[n.id].indexOf(q) >= 0) { hits.push(n.id); } });
    }
    found.textContent = q ? (hits.length ? hits.length + ' kết quả' : 'không thấy') : '';
    return hits.length;
  }
  search.addEventListener('input', find);
  search.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); if (at < 0) { find(); } go(at + (e.shiftKey ? -1 : 1)); }
  });

  // Filter by kind: the legend's boxes are check boxes; unticking one hides that kind of node.
  var boxes = document.querySelectorAll('input.kind');
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].addEventListener('change', function (e) {
      var groups = e.target.getAttribute('data-groups').split(' '), hide = !e.target.checked;
      nodes.update(D.nodes.filter(function (n) { return groups.indexOf(n.group) >= 0; })
        .map(function (n) { return {id: n.id, hidden: hide}; }));
      find();
    });
  }

  var physics = document.getElementById('physics');
  if (physics) {  // small pictures only: a simulation over thousands of nodes would freeze the page
    physics.onchange = function (e) { net.setOptions({physics: {enabled: e.target.checked}}); };
  }
  window.orggraph = net;
})();
