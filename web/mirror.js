// mirror.js: the accessibility mirror, as an Emscripten JS library (--js-library). A canvas is
// invisible to screen readers, browser find and role-based test tools, so every interactive
// item, heading and text of the last frame gets a transparent DOM node at the same place:
// real buttons and inputs with their accessible names and states, text for find (Ctrl+F), and
// toasts in an aria-live region. Pointer events on a node go on to the canvas, so the mouse
// works as before; Enter or Space on a focused node clicks its item; an edited <input> writes
// the item's text. Only what changed since the last frame is touched.
mergeInto(LibraryManager.library, {
  // One mirror per app instance, over its canvas.
  $ozMirrorCreate__deps: ['$ozNewString', 'free'],
  $ozMirrorCreate: function (canvas) {
    var nodes = new Map();  // id -> { el, signature }
    var layer = document.createElement('div');
    layer.setAttribute('data-openzro-mirror', '');
    layer.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;' +
      'overflow:hidden;pointer-events:none;margin:0;padding:0';
    var live = document.createElement('div');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;' +
      'clip-path:inset(50%);white-space:nowrap';
    layer.appendChild(live);
    canvas.after(layer);

    // The same pointer event, delivered to the canvas underneath.
    var forward = function (e) {
      canvas.dispatchEvent(e.type === 'wheel' ? new WheelEvent(e.type, e) : new MouseEvent(e.type, e));
      if (e.type === 'mousedown') {
        e.preventDefault();  // pointer users keep typing into the canvas
        canvas.focus({ preventScroll: true });
      }
      if (e.type === 'wheel' || e.type === 'contextmenu') e.preventDefault();
    };
    var click = function (el) {
      var r = el.getBoundingClientRect();
      var at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, button: 0 };
      canvas.dispatchEvent(new MouseEvent('mousemove', at));
      canvas.dispatchEvent(new MouseEvent('mousedown', Object.assign({ buttons: 1 }, at)));
      canvas.dispatchEvent(new MouseEvent('mouseup', at));
    };
    var withKey = function (el, fn) { fn(Number(el.dataset.key)); };

    var create = function (item) {
      var el, interactive = true;
      switch (item.role) {
        case 'textbox':
          el = document.createElement('input');
          el.type = 'text';
          el.addEventListener('input', function () {
            var ptr = ozNewString(el.value);
            try { _openzro_mirror_set_text(Number(el.dataset.key), ptr); } finally { _free(ptr); }
          });
          break;
        case 'heading': el = document.createElement('h2'); interactive = false; break;
        case 'dialog':
          // A container for the nodes inside the dialog; it covers the layer so that their
          // coordinates stay the layer's.
          el = document.createElement('div');
          el.setAttribute('role', 'dialog');
          el.setAttribute('aria-modal', 'true');
          el.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none';
          return el;
        case 'text': case 'generic': case 'status': el = document.createElement('p'); interactive = false; break;
        case 'checkbox': case 'switch': case 'link':
          el = document.createElement('span');
          el.setAttribute('role', item.role);
          el.tabIndex = 0;
          break;
        default:
          el = document.createElement('button');
          el.type = 'button';
      }
      el.style.cssText = 'position:absolute;margin:0;padding:0;border:0;background:transparent;' +
        'color:transparent;opacity:0;overflow:hidden;white-space:nowrap;font-size:12px;' +
        'line-height:1;box-sizing:border-box;pointer-events:' + (interactive ? 'auto' : 'none');
      if (!interactive) return el;
      ['mousedown', 'mouseup', 'mousemove', 'wheel', 'contextmenu'].forEach(function (type) {
        el.addEventListener(type, forward, { passive: false });
      });
      el.addEventListener('focus', function () { withKey(el, _openzro_mirror_focus); });
      el.addEventListener('keydown', function (e) {
        if (item.role === 'textbox') {
          // Enter (continue) and Escape (close) belong to the app, not to the field.
          if (e.key === 'Enter' || e.key === 'Escape') {
            canvas.dispatchEvent(new KeyboardEvent('keydown', e));
            canvas.dispatchEvent(new KeyboardEvent('keyup', e));
          }
        } else if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          click(el);
        }
      });
      el.addEventListener('click', function () {
        // A click with no pointer behind it: a screen reader's or a script's activation.
        if (!el.dataset.pressed && item.role !== 'textbox') click(el);
        delete el.dataset.pressed;
      });
      el.addEventListener('mousedown', function () { el.dataset.pressed = '1'; });
      return el;
    };

    var apply = function (el, item) {
      el.dataset.key = item.key;
      if (item.role === 'dialog') {
        el.setAttribute('aria-label', item.label);
        return;
      }
      el.style.left = item.x + 'px';
      el.style.top = item.y + 'px';
      el.style.width = item.w + 'px';
      el.style.height = item.h + 'px';
      // Where items overlap (a row and the menu button on it), the smaller one is on top, as
      // it would be if the DOM nested them.
      el.style.zIndex = String(Math.max(1, 10000 - Math.round(Math.sqrt(item.w * item.h))));
      var s = item.state || {};
      if (item.role === 'textbox') {
        el.setAttribute('aria-label', item.label);
        if (el.getRootNode().activeElement !== el) el.value = item.value || '';
      } else {
        el.textContent = item.label;
      }
      var set = function (name, on, value) {
        if (on) el.setAttribute(name, value === undefined ? 'true' : value); else el.removeAttribute(name);
      };
      set('aria-disabled', !!s.disabled);
      set('aria-checked', item.role === 'checkbox' || item.role === 'switch', s.checked ? 'true' : 'false');
      set('aria-expanded', item.role === 'treeitem', s.expanded ? 'true' : 'false');
      set('aria-current', item.role === 'link' && !!s.selected, 'page');
      set('aria-pressed', item.role === 'tab', s.selected ? 'true' : 'false');
    };

    return function update(items) {
      var seen = new Set(), order = [], changed = false, focusId = null, counts = {};
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        // Texts can repeat a key (the same words twice in one window): number the repeats.
        var n = counts[item.key] = (counts[item.key] || 0) + 1;
        var id = item.key + ':' + item.role + ':' + n;
        var signature = JSON.stringify(item);
        var entry = nodes.get(id);
        if (!entry) {
          entry = { el: create(item), signature: '' };
          nodes.set(id, entry);
          changed = true;
        }
        if (entry.signature !== signature) {
          apply(entry.el, item);
          entry.signature = signature;
        }
        entry.item = item;
        if (item.state && item.state.focused) focusId = id;
        seen.add(id);
        order.push(id);
      }
      nodes.forEach(function (entry, id) {
        if (!seen.has(id)) { entry.el.remove(); nodes.delete(id); changed = true; }
      });
      if (changed) {
        // Reading order follows the frame; status messages go to the live region, and what
        // lies inside a dialog goes into the dialog.
        var dialogs = order.map(function (id) { return nodes.get(id); })
          .filter(function (e) { return e.item.role === 'dialog'; });
        var parentOf = function (entry) {
          if (entry.item.role === 'status') return live;
          if (entry.item.role === 'dialog') return layer;
          var cx = entry.item.x + entry.item.w / 2, cy = entry.item.y + entry.item.h / 2;
          for (var d = dialogs.length - 1; d >= 0; d--) {
            var r = dialogs[d].item;
            if (cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h) return dialogs[d].el;
          }
          return layer;
        };
        order.forEach(function (id) {
          var entry = nodes.get(id);
          parentOf(entry).appendChild(entry.el);
        });
      }
      // Keyboard focus inside the mirror follows ImGui's keyboard focus.
      var root = canvas.getRootNode();
      if (focusId && layer.contains(root.activeElement)) {
        var target = nodes.get(focusId).el;
        if (root.activeElement !== target) target.focus({ preventScroll: true });
      }
    };
  },

  oz_mirror_update__deps: ['$ozMirrorCreate'],
  oz_mirror_update: function (jsonPtr) {
    if (!Module['ozMirror']) Module['ozMirror'] = ozMirrorCreate(Module['ozCanvas']);
    Module['ozMirror'](JSON.parse(UTF8ToString(jsonPtr)));
  },
});
