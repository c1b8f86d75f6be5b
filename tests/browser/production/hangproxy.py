"""A TCP proxy in front of the server that can turn into "signal but no data": connections are accepted and what
the browser sends is swallowed, but nothing ever comes back. Unlike a Playwright route, it holds the service
worker's own requests as well, on new and already open (keep-alive) connections alike."""

import contextlib
import socket
import threading


class HangProxy:
    def __init__(self, upstream_port: int, host: str = "127.0.0.1"):
        self.upstream = (host, upstream_port)
        self.hanging = threading.Event()
        self.listener = socket.create_server((host, 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://{host}:{self.port}"
        self.held = 0  # requests swallowed while hanging
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._closed:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            self._sockets.append(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        if self.hanging.is_set():
            self._swallow(client)
            return
        try:
            server = socket.create_connection(self.upstream)
        except OSError:
            client.close()
            return
        self._sockets.append(server)
        threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()
        self._pipe(client, server, True)

    def _swallow(self, client):
        try:
            while client.recv(65536):
                self.held += 1
        except OSError:
            pass

    def _pipe(self, source, target, upstream: bool):
        try:
            while chunk := source.recv(65536):
                if self.hanging.is_set():
                    # A request on a kept-alive connection: swallowed, and the answers stop too.
                    self.held += int(upstream)
                    continue
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def drop_connections(self):
        """The held connections break (as when the phone finally gives up on them); new ones are served."""
        self.hanging.clear()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
        self._sockets = []

    def close(self):
        self._closed = True
        self.drop_connections()
        self.listener.close()
