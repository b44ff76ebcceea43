// The ePaper page viewer: ← and → turn pages, a swipe does too, a click on the page zooms.
// Everything here has a plain link behind it, so the viewer works without this script.
(function () {
  'use strict';
  var viewer = document.querySelector('.epaper-viewer');
  if (!viewer) return;
  function go(id) {
    var link = document.getElementById(id);
    if (link) window.location.href = link.href;
  }
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === 'ArrowLeft') { e.preventDefault(); go('epaper-prev'); }
    if (e.key === 'ArrowRight') { e.preventDefault(); go('epaper-next'); }
  });
  var startX = null, startY = null;
  viewer.addEventListener('touchstart', function (e) {
    if (e.touches.length !== 1) { startX = null; return; }
    startX = e.touches[0].clientX; startY = e.touches[0].clientY;
  }, { passive: true });
  viewer.addEventListener('touchend', function (e) {
    if (startX === null || e.changedTouches.length !== 1) return;
    var dx = e.changedTouches[0].clientX - startX, dy = e.changedTouches[0].clientY - startY;
    startX = null;
    if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? 'epaper-next' : 'epaper-prev');
  }, { passive: true });
  var image = document.getElementById('epaper-image');
  var figure = image && image.parentElement;
  if (image && image.dataset.zoom) {
    image.addEventListener('click', function () {
      var zoomed = figure.classList.toggle('epaper-zoomed');
      if (zoomed) image.src = image.dataset.zoom;
    });
  }
})();
