"""gunicorn's threaded worker, closing its listening sockets as soon as it is told to stop.

On SIGTERM gunicorn 27's arbiter closes its own copy of the listening sockets and passes SIGTERM
to the workers; a gthread worker then stops polling them but keeps them open until its last
request in flight ends (up to graceful_timeout, 30 s). Meanwhile the kernel still completes new
connections into the listen backlog and nobody accepts them: a client, or the proxy in front,
waited out the whole shutdown and then got a reset. Closed at once in every worker, the socket is
gone within milliseconds, so a new connection is refused straight away (a proxy tries its next
server) while the requests in flight finish as before.

Used through `worker_class` in config/gunicorn.conf.py.
"""

from gunicorn.workers.gthread import ThreadWorker


class ClosingThreadWorker(ThreadWorker):
    def handle_exit(self, sig, frame):
        # Also when already stopping on its own (max_requests): it would keep its copy open while
        # its last requests run. On the worker's main loop, not in the signal handler: the
        # sockets are registered with its poller, which must let go of them first.
        self.method_queue.defer(self._close_listeners)
        super().handle_exit(sig, frame)

    def _close_listeners(self):
        self.set_accept_enabled(False)
        for listener in self.sockets:
            listener.close()
