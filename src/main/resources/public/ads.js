// Fills the page's ad boxes with first-party creatives. The page is cached for everyone, so it carries
// only empty boxes of a fixed size; /ads/fill knows this reader's entitlements (ad-light readers get
// none, or one house ad) and counts each ad it sends as shown. No cookies of its own, nothing third-party.
(function () {
  'use strict';
  if (!window.fetch || !document.querySelector) { return; }

  function box(slot) {
    var outer = document.createElement('div');
    outer.className = 'ad-slot ad-slot-' + slot;
    outer.setAttribute('data-ad-slot', slot);
    var label = document.createElement('p');
    label.className = 'ad-label';
    label.textContent = 'Advertisement';
    var inner = document.createElement('div');
    inner.className = 'ad-box';
    outer.appendChild(label);
    outer.appendChild(inner);
    return outer;
  }

  function fill(slotBox, ad) {
    var link = document.createElement('a');
    link.href = ad.href;
    link.rel = 'sponsored';
    var img = document.createElement('img');
    img.src = ad.src;
    // the box is the slot's width, or the column's on a narrow screen
    if (ad.srcset) { img.srcset = ad.srcset; img.sizes = '(max-width: ' + ad.width + 'px) 100vw, ' + ad.width + 'px'; }
    img.width = ad.width;
    img.height = ad.height;
    img.alt = ad.alt;
    img.decoding = 'async';
    link.appendChild(img);
    slotBox.querySelector('.ad-box').replaceChildren(link);
    slotBox.classList.add('ad-filled');
  }

  var boxes = Array.prototype.slice.call(document.querySelectorAll('[data-ad-slot]'));
  var body = document.querySelector('.article-body');
  var wanted = boxes.map(function (b) { return b.getAttribute('data-ad-slot'); });
  // a page rendered without boxes (for ad-light readers) asks for nothing; an article page without a
  // server-placed in-article box asks for one and places it after the paragraph the answer names
  if (wanted.length === 0) { return; }
  if (body && wanted.indexOf('in-article') < 0) { wanted.push('in-article'); }

  fetch('/ads/fill?slots=' + encodeURIComponent(wanted.join(',')), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error('status ' + r.status); } return r.json(); })
    .then(function (answer) {
      var bySlot = {};
      answer.slots.forEach(function (ad) { bySlot[ad.slot] = ad; });
      if (bySlot['in-article'] && !document.querySelector('[data-ad-slot="in-article"]')) {
        var paragraphs = Array.prototype.filter.call(body.children, function (e) { return e.tagName === 'P'; });
        var after = paragraphs[answer.inArticleAfter - 1];
        if (after && paragraphs.length > answer.inArticleAfter) {
          var b = box('in-article');
          after.after(b);
          boxes.push(b);
        }
      }
      boxes.forEach(function (b) {
        var ad = bySlot[b.getAttribute('data-ad-slot')];
        if (ad) { fill(b, ad); } else { b.hidden = true; }
      });
    })
    .catch(function () { boxes.forEach(function (b) { b.hidden = true; }); });
})();
