/*
 * Gantry's browser terminal: term.js (window.Terminal) drawn in a host element, sized to fit it, its keystrokes sent
 * to the console over a WebSocket and the process's output bytes written back. The host's data-state tells a reader
 * (and the tests) where it stands: connecting, open, closed.
 */
(function () {
  'use strict';

  /** The size of one character cell in the terminal's font, measured in the host. */
  function cell(host) {
    var probe = document.createElement('div');
    probe.className = 'terminal';
    probe.style.cssText = 'position:absolute;visibility:hidden;border:0;padding:0;white-space:pre';
    probe.textContent = 'WWWWWWWWWW';
    host.appendChild(probe);
    var size = { width: probe.offsetWidth / 10 || 7, height: probe.offsetHeight || 14 };
    host.removeChild(probe);
    return size;
  }

  function fit(host, one) {
    return {
      cols: Math.max(20, Math.floor((host.clientWidth - 12) / one.width)),
      rows: Math.max(5, Math.floor((host.clientHeight - 12) / one.height))
    };
  }

  function socketUrl(path, size) {
    var url = new URL(path, document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('rows', size.rows);
    url.searchParams.set('cols', size.cols);
    return url.toString();
  }

  function open(host, path) {
    if (host.gantryClose) {
      host.gantryClose();
    }
    host.textContent = '';
    var one = cell(host);
    var size = fit(host, one);
    var term = new window.Terminal({ cols: size.cols, rows: size.rows, useStyle: true, screenKeys: false,
      cursorBlink: true, scrollback: 2000 });
    term.open(host);
    host.dataset.state = 'connecting';
    var socket = new WebSocket(socketUrl(path, size));
    socket.binaryType = 'arraybuffer';
    var decoder = new TextDecoder('utf-8');
    var send = function (message) {
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
      }
    };
    socket.onopen = function () {
      host.dataset.state = 'open';
      term.focus();
    };
    socket.onmessage = function (event) {
      term.write(decoder.decode(new Uint8Array(event.data), { stream: true }));
    };
    socket.onclose = function (event) {
      host.dataset.state = 'closed';
      term.write('\r\n\x1b[2m[' + (event.reason || 'disconnected') + ']\x1b[0m\r\n');
    };
    term.on('data', function (data) {
      send({ type: 'input', data: data });
    });
    var resized = null;
    var observer = new ResizeObserver(function () {
      clearTimeout(resized);
      resized = setTimeout(function () {
        var now = fit(host, one);
        if (now.cols !== size.cols || now.rows !== size.rows) {
          size = now;
          term.resize(size.cols, size.rows);
          send({ type: 'resize', rows: size.rows, cols: size.cols });
        }
      }, 150);
    });
    observer.observe(host);
    host.gantryClose = function () {
      observer.disconnect();
      socket.close();
      term.destroy();
      host.gantryClose = null;
    };
  }

  window.gantryTerminal = { open: open };
})();
