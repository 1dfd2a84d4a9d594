internal import Hummingbird

/// What the preview's responder knows about a request besides the request itself: when its
/// connection closes, so that an event stream whose page went away is ended at once rather than
/// held until the next build.
struct PreviewContext: RequestContext {
    /// Hummingbird's own per-request storage.
    var coreContext: CoreRequestContextStorage
    /// Calls a function once the request's connection has closed (for whatever reason).
    let onClose: @Sendable (@escaping @Sendable () -> Void) -> Void

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let closed = source.channel.closeFuture
        onClose = { action in closed.whenComplete { _ in action() } }
    }
}
