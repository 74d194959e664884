// <openzro-admin>: openZro Admin as a custom element, for the existing web dashboard.
//
//   <script type="module" src="/openzro/openzro-admin.js"></script>
//   <openzro-admin route="#/integrations" api-base="https://vpn.example.com"></openzro-admin>
//   document.querySelector('openzro-admin').tokenProvider = async ({ refresh }) => getAccessToken(refresh);
//
// Attributes: api-base (where the management API lives; default same origin), route
// ("#/integrations", "#/team/users?source=okta"), theme ("dark" | "light").
// Property: tokenProvider, an async function called for every API request and again after a
// 401 with { refresh: true }; it returns an OIDC access token (sent as Bearer) or a full
// Authorization value such as "Token <personal access token>".
// Events: openzro-navigate (detail.route: mirror it in the host's URL if you like;
// detail.replace: rewrite the current history entry rather than push one) and
// openzro-unauthorized (the session could not be refreshed).
// The element never changes the host's URL or history and never sees keys, wheel or touch
// outside itself. Each element runs its own instance of the app.
import createOpenzroAdmin from './openzro.js';

const routeOf = (value) => {
  if (!value) return '#/integrations';
  if (value.startsWith('#')) return value;
  return '#' + (value.startsWith('/') ? value : '/' + value);
};

export class OpenzroAdmin extends HTMLElement {
  static get observedAttributes() { return ['route', 'theme']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>:host{display:block;position:relative;min-height:320px;contain:content}' +
      // image-rendering: the backing store is in device pixels, composited as is (shell.html).
      'canvas{display:block;width:100%;height:100%;outline:none;touch-action:none;' +
      'image-rendering:pixelated}</style>' +
      '<canvas tabindex="0" aria-label="openZro Admin"></canvas>';
    this.tokenProvider = null;
    this.ready = null;  // a promise of the running instance
    this._canvas = root.querySelector('canvas');
    this._route = null;
    this._applyRoute = null;
    this._applyTheme = null;
  }

  connectedCallback() {
    if (this.ready) return;
    const element = this;
    const emit = (type, detail) =>
      element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    this.ready = createOpenzroAdmin({
      canvas: this._canvas,
      ozHost: {
        route: () => (element._route = routeOf(element.getAttribute('route'))),
        navigate: (hash, replace) => {
          element._route = hash;
          emit('openzro-navigate', { route: hash, replace });
        },
        watchRoute: (apply) => { element._applyRoute = apply; },
        theme: () => (element.getAttribute('theme') === 'light' ? 'light' : 'dark'),
        watchTheme: (apply) => { element._applyTheme = apply; },
        apiBase: element.getAttribute('api-base') || '',
        token: (refresh) => (element.tokenProvider ? element.tokenProvider({ refresh }) : null),
        unauthorized: () => emit('openzro-unauthorized', {}),
        expose: (hooks) => {
          element.items = hooks.items;
          element.frameCount = hooks.frameCount;
        },
      },
    });
  }

  attributeChangedCallback(name, oldValue, value) {
    if (name === 'route' && this._applyRoute) {
      const route = routeOf(value);
      if (route !== this._route) {
        this._route = route;
        this._applyRoute(route);
      }
    }
    if (name === 'theme' && this._applyTheme) this._applyTheme(value === 'light' ? 'light' : 'dark');
  }
}

if (!customElements.get('openzro-admin')) customElements.define('openzro-admin', OpenzroAdmin);
