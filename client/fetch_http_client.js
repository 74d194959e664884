// fetch_http_client.js: FetchHttpClient's JavaScript side, an Emscripten JS library
// (--js-library). Why not Emscripten Fetch: in 3.1.6 it is an XHR that hands the whole body over
// in one task, copied twice (a 27 MB users list: a 400 ms task). Here the body streams into the
// wasm heap as it arrives, and the event loop gets a turn every MiB even when the network has
// buffered the whole answer.
mergeInto(LibraryManager.library, {
  // handle (the C++ InFlight*) -> its entry, while JavaScript may still call back with it.
  $ozHttpLive: {},

  // A new task (not a microtask), so input and frames can run between two parts of a body.
  $ozHttpNextTask: function () {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
  },

  // Forgets the exchange and stops its fetch and reading: after this nothing calls back for it.
  $ozHttpStop__deps: ['$ozHttpLive'],
  $ozHttpStop: function (handle, entry) {
    delete ozHttpLive[handle];
    clearTimeout(entry.timer);
    entry.controller.abort();
    if (entry.reader) entry.reader.cancel().catch(function () {});
  },

  oz_http_send__deps: ['$ozHttpLive', '$ozHttpNextTask', '$ozHttpStop'],
  oz_http_send: function (handle, methodPtr, urlPtr, headersPtr, body, bodyLength, timeoutMs,
                          withCredentials) {
    var method = UTF8ToString(methodPtr);
    var url = UTF8ToString(urlPtr);
    var lines = UTF8ToString(headersPtr).split('\n');
    var headers = new Headers();
    for (var i = 0; i + 1 < lines.length; i += 2) headers.append(lines[i], lines[i + 1]);
    var controller = new AbortController();
    var entry = { controller: controller, reader: null, timer: 0 };
    ozHttpLive[handle] = entry;
    // Failure codes as FetchHttpClient reads them: 0 ok, 1 network, 2 timed out, 3 too large.
    var finish = function (failure) {
      if (ozHttpLive[handle] !== entry) return;  // aborted, timed out or already finished
      ozHttpStop(handle, entry);  // done reading, or giving up
      _openzro_http_done(handle, failure);
    };
    if (timeoutMs > 0) entry.timer = setTimeout(function () { finish(2); }, timeoutMs);

    // A GET the page started before the app was ready (shell.html) is taken over once.
    var taken = method === 'GET' && Module['ozPrefetched'] ? Module['ozPrefetched'](url) : null;
    var started = taken || fetch(url, {
      method: method,
      headers: headers,
      body: bodyLength ? HEAPU8.slice(body, body + bodyLength) : undefined,
      credentials: withCredentials ? 'include' : 'same-origin',
      signal: controller.signal,
    });

    var read = function (response) {
      if (ozHttpLive[handle] !== entry) {
        if (response.body) response.body.cancel().catch(function () {});
        return;
      }
      var text = '';
      response.headers.forEach(function (value, name) { text += name + '\n' + value + '\n'; });
      var size = lengthBytesUTF8(text);
      var length = Number(response.headers.get('Content-Length')) || 0;
      stringToUTF8(text, _openzro_http_head(handle, response.status, size, length), size + 1);
      if (!response.body) return finish(0);
      var reader = entry.reader = response.body.getReader();
      var sinceYield = 0;
      var next = function () {
        return reader.read().then(function (part) {
          if (ozHttpLive[handle] !== entry) return;
          if (part.done) return finish(0);
          var to = _openzro_http_body(handle, part.value.length);
          if (!to) return finish(3);
          HEAPU8.set(part.value, to);  // HEAPU8 read after the call: the heap may have grown
          sinceYield += part.value.length;
          if (sinceYield < (1 << 20)) return next();
          sinceYield = 0;
          return ozHttpNextTask().then(next);
        });
      };
      return next();
    };
    started.then(read).catch(function () { finish(1); });
  },

  oz_http_abort__deps: ['$ozHttpLive', '$ozHttpStop'],
  oz_http_abort: function (handle) {
    if (ozHttpLive[handle]) ozHttpStop(handle, ozHttpLive[handle]);
  },
});
