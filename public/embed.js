/*! Innsyn embed.js – gives every Innsyn iframe on this page the height of
 * its content. No dependencies, nothing else: it reads no page content, it
 * only listens for Innsyn's height message and sets the height of the iframe
 * that sent it. Messages are accepted only from the Innsyn origin this
 * script was loaded from. Documented in docs/embedding.md. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  if (window['innsynEmbed:' + origin]) return; // the script twice on one page
  window['innsynEmbed:' + origin] = true;
  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || d.type !== 'innsyn:height' || typeof d.height !== 'number' || !(d.height > 0) || d.height > 100000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.ceil(d.height) + 'px';
      }
    }
  });
})();
