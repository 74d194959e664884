// platform.js: the browser services the html5 API does not cover, as an Emscripten JS library
// (--js-library). Everything binds to the app's own canvas; nothing is stored in the browser.
mergeInto(LibraryManager.library, {
  // A malloc'ed UTF-8 copy of a JS string; the C++ side frees it.
  $ozNewString__deps: ['malloc'],
  $ozNewString: function (text) {
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },

  oz_install__deps: ['$specialHTMLTargets', '$ozNewString', 'free'],
  oz_install: function (selectorPtr) {
    var canvas = Module['canvas'] || document.querySelector(UTF8ToString(selectorPtr));
    Module['ozCanvas'] = canvas;
    // html5.h callbacks and the WebGL context use "!canvas", which works inside a shadow root.
    specialHTMLTargets['!canvas'] = canvas;
    if (!canvas.hasAttribute('tabindex')) canvas.tabIndex = 0;
    var withString = function (text, fn) {
      var ptr = ozNewString(text);
      try { fn(ptr); } finally { _free(ptr); }
    };

    // Keys go to the app only once the user has chosen it.
    var focus = function () { if (document.activeElement !== canvas) canvas.focus({ preventScroll: true }); };
    canvas.addEventListener('mousedown', focus);
    canvas.addEventListener('touchstart', focus, { passive: true });
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

    // Size: CSS and the container decide; the backing store follows in device pixels.
    var report = function () {
      var r = canvas.getBoundingClientRect();
      _openzro_on_resize(r.width, r.height, window.devicePixelRatio || 1);
    };
    new ResizeObserver(report).observe(canvas);
    var watchRatio = function () {
      var query = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      query.addEventListener('change', function () { report(); watchRatio(); }, { once: true });
    };
    watchRatio();

    // Routes: deep links, reload, back and forward all arrive as the location hash.
    window.addEventListener('hashchange', function () {
      withString(location.hash, _openzro_on_route);
    });

    // Paste: the text comes with the DOM event, only while the app has focus.
    document.addEventListener('paste', function (e) {
      if (document.activeElement !== canvas || !e.clipboardData) return;
      e.preventDefault();
      withString(e.clipboardData.getData('text/plain') || '', _openzro_on_paste);
    });

    // For tests and tools: what the last frame showed, and how many frames were drawn.
    window.openzroItems = function () { return JSON.parse(UTF8ToString(_openzro_items_json())); };
    window.openzroFrameCount = function () { return _openzro_frame_count(); };
  },

  oz_location_hash__deps: ['$ozNewString'],
  oz_location_hash: function () { return ozNewString(location.hash); },

  oz_origin__deps: ['$ozNewString'],
  oz_origin: function () { return ozNewString(location.origin); },

  oz_push_hash: function (ptr) {
    var hash = UTF8ToString(ptr);
    if (location.hash !== hash) location.hash = hash;
  },

  oz_open_url: function (ptr) {
    var url = UTF8ToString(ptr);
    if (/^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
  },

  oz_download: function (namePtr, typePtr, data, size) {
    // Copy out of the wasm heap: the Blob must not see later writes or a grown heap.
    var bytes = HEAPU8.slice(data, data + size);
    var url = URL.createObjectURL(new Blob([bytes], { type: UTF8ToString(typePtr) }));
    var link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(namePtr);
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  },

  oz_write_clipboard: function (ptr) {
    var text = UTF8ToString(ptr);
    var canvas = Module['ozCanvas'];
    // Without the async Clipboard API (insecure origins), fall back to a hidden textarea.
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
      area.remove();
      if (canvas) canvas.focus({ preventScroll: true });
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(fallback);
    } else {
      fallback();
    }
  },

  oz_set_cursor: function (ptr) {
    var canvas = Module['ozCanvas'];
    if (canvas) canvas.style.cursor = UTF8ToString(ptr);
  },

  oz_fatal: function (ptr) {
    if (Module['onFatal']) Module['onFatal'](UTF8ToString(ptr));
  },

  oz_is_mac: function () { return /Mac|iPhone|iPad/.test(navigator.platform || '') ? 1 : 0; },

  oz_canvas_origin: function (xPtr, yPtr) {
    var r = Module['ozCanvas'].getBoundingClientRect();
    HEAPF32[xPtr >> 2] = r.left;
    HEAPF32[yPtr >> 2] = r.top;
  },
});
