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

  // The page that hosts the app (shell.html standalone, or the <openzro-admin> element) passes
  // Module.ozHost: routes, API base and auth, theme, and where to expose the test hooks.
  oz_install__deps: ['$specialHTMLTargets', '$ozNewString', 'free'],
  oz_install: function () {
    var canvas = Module['canvas'];
    var host = Module['ozHost'];
    Module['ozCanvas'] = canvas;
    // html5.h callbacks and the WebGL context use "!canvas", which works inside a shadow root.
    specialHTMLTargets['!canvas'] = canvas;
    if (!canvas.hasAttribute('tabindex')) canvas.tabIndex = 0;
    var withString = function (text, fn) {
      var ptr = ozNewString(text);
      try { fn(ptr); } finally { _free(ptr); }
    };
    var focused = function () { return canvas.getRootNode().activeElement === canvas; };

    // Keys go to the app only once the user has chosen it.
    var focus = function () { if (!focused()) canvas.focus({ preventScroll: true }); };
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

    // Routes and theme changed by the host (back/forward, an attribute).
    host.watchRoute(function (hash) { withString(hash, _openzro_on_route); });
    host.watchTheme(function (theme) { _openzro_set_theme(theme === 'light' ? 1 : 0); });
    Module['ozTokenReady'] = function (id, token) {
      if (token === null) { _openzro_host_token(id, 0); return; }
      withString(token, function (ptr) { _openzro_host_token(id, ptr); });
    };

    // Paste: the text comes with the DOM event, only while the app has focus.
    document.addEventListener('paste', function (e) {
      if (!focused() || !e.clipboardData) return;
      e.preventDefault();
      withString(e.clipboardData.getData('text/plain') || '', _openzro_on_paste);
    });

    // For tests and tools: what the last frame showed, and how many frames were drawn.
    host.expose({
      items: function () { return JSON.parse(UTF8ToString(_openzro_items_json())); },
      frameCount: function () { return _openzro_frame_count(); },
      mirrorMs: function () { return _openzro_mirror_ms(); },
      frameStats: function () { return JSON.parse(UTF8ToString(_openzro_frame_stats_json())); },
    });
  },

  oz_route__deps: ['$ozNewString'],
  oz_route: function () { return ozNewString(Module['ozHost'].route()); },

  oz_navigate: function (ptr, replace) {
    Module['ozHost'].navigate(UTF8ToString(ptr), replace !== 0);
  },

  // Where the management API lives: "" (same origin) or an absolute base URL.
  oz_api_base__deps: ['$ozNewString'],
  oz_api_base: function () { return ozNewString(Module['ozHost'].apiBase || ''); },

  oz_api_origin__deps: ['$ozNewString'],
  oz_api_origin: function () {
    return ozNewString(new URL(Module['ozHost'].apiBase || '/', location.href).origin);
  },

  oz_light_theme: function () { return Module['ozHost'].theme() === 'light' ? 1 : 0; },

  // 1 when the host authorizes requests (tokenProvider), 0 for the same-origin session cookie.
  oz_host_authorizes: function () { return Module['ozHost'].token ? 1 : 0; },

  // Asks the host for the Authorization header of request `id`; the answer arrives through
  // openzro_host_token. `refresh` is 1 after a 401, so the host can renew its session.
  oz_request_token: function (id, refresh) {
    var ready = Module['ozTokenReady'];
    Promise.resolve()
      .then(function () { return Module['ozHost'].token(refresh !== 0); })
      .then(function (token) { ready(id, token ? String(token) : null); },
            function () { ready(id, null); });
  },

  oz_unauthorized: function () { Module['ozHost'].unauthorized(); },

  oz_open_url: function (ptr) {
    var url = UTF8ToString(ptr);
    if (/^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
  },

  // Sign-in: the whole page goes to the server's /auth/oidc/login, which redirects onwards.
  oz_go_to_url: function (ptr) {
    var url = UTF8ToString(ptr);
    if (/^https?:\/\//.test(url)) window.location.assign(url);
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
