internal import Hummingbird
internal import ServiceLifecycle

/// Answers every request of the preview: the event stream and the live-reload script under
/// `/__playbook/`, `/` sent to the site, and files of the preview folder. Only `GET` and
/// `HEAD` are answered; nothing can be written. A request for a host name the preview does not
/// answer to (``HostNames``) is refused before anything else.
struct PreviewResponder: HTTPResponder {
    typealias Context = PreviewContext

    let files: PreviewFiles
    let channel: ReloadChannel
    /// Where `/` leads (the site's home page).
    let home: String
    /// The host names answered.
    let hosts: HostNames

    func respond(to request: Request, context: Context) async throws -> Response {
        await answer(request.head, onClose: context.onClose)
    }

    /// The answer to a request with this head; `onClose` runs a function once its connection closes.
    func answer(_ head: HTTPRequest, onClose: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void = { _ in }) async
        -> Response {
        guard hosts.admits(head.authority) else {
            return ErrorPages.response(.misdirectedRequest, message: hosts.explanation, request: head, injection: "")
        }
        guard head.method == .get || head.method == .head else {
            return ErrorPages.response(.methodNotAllowed, message: "The preview only answers GET and HEAD.", request: head,
                                       injection: "", extra: [.allow: "GET, HEAD"])
        }
        let target = head.path ?? "/"
        let path: RequestPath
        switch RequestPath.parse(target) {
        case .success(let parsed): path = parsed
        case .failure(.hidden):
            return ErrorPages.response(.notFound, message: "There is no such page in the preview.", request: head, injection: files.injection)
        case .failure(.malformed(let why)):
            return ErrorPages.response(.badRequest, message: "This address cannot be served: \(why).", request: head, injection: "")
        }
        switch path.encoded {
        case ReloadScript.eventsPath: return await events(head, onClose: onClose)
        case ReloadScript.path: return script(head)
        case "/": return redirect(to: home, permanent: false, request: head)
        default: break
        }
        switch files.lookup(path) {
        case .file(let file): return FileResponse.make(file, request: head)
        case .redirect(let location): return redirect(to: location, permanent: true, request: head)
        case .notFound:
            return ErrorPages.response(.notFound, message: "There is no page at \(path.encoded) in the preview.", request: head,
                                       injection: files.injection)
        }
    }

    // MARK: - Internals

    private func redirect(to location: String, permanent: Bool, request: HTTPRequest) -> Response {
        ErrorPages.response(permanent ? .movedPermanently : .found, message: "This page is at \(location).", request: request,
                            injection: "", extra: [.location: location])
    }

    /// The script, made once: its ETag is not worked out again for every page.
    private static let scriptFile = ServedFile(
        body: ByteBuffer(string: ReloadScript.source), contentType: "text/javascript; charset=utf-8",
        etag: "\"" + String(PreviewFiles.fnv1a(Array(ReloadScript.source.utf8)), radix: 16) + "\"", modified: 0)

    private func script(_ request: HTTPRequest) -> Response {
        FileResponse.make(Self.scriptFile, request: request)
    }

    /// The Server-Sent Events stream: open until the page goes away (its connection closes or a
    /// write fails) or the server stops. Refused with 503 when ``ReloadChannel/limit`` streams
    /// are open; the page's script tries again after `Retry-After`.
    private func events(_ request: HTTPRequest, onClose: @Sendable (@escaping @Sendable () -> Void) -> Void) async -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        guard request.method == .get else { return Response(status: .ok, headers: headers, body: ResponseBody()) }
        let channel = self.channel
        guard let (id, messages) = await channel.subscribe() else {
            return ErrorPages.response(
                .serviceUnavailable,
                message: "\(channel.limit) pages are already listening for changes, the most the preview holds. "
                    + "This page will try again.",
                request: request, injection: "", extra: [.retryAfter: String(ReloadScript.retryAfterSeconds)])
        }
        // The page went away: end its stream now, not at the next build.
        onClose { Task { await channel.unsubscribe(id) } }
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            do {
                try await withGracefulShutdownHandler {
                    for await message in messages {
                        try await writer.write(ByteBuffer(string: message))
                    }
                } onGracefulShutdown: {
                    Task { await channel.unsubscribe(id) }
                }
            } catch {
                // A write failed: the page went away.
            }
            await channel.unsubscribe(id)
            try? await writer.finish(nil)
        })
    }
}
