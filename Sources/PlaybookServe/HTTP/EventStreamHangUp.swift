internal import NIOCore
internal import NIOHTTPTypes

/// Closes a connection as soon as its client has closed its side while an event stream is
/// being sent on it.
///
/// Hummingbird allows half-closed connections (a client may shut down its side and still wait
/// for the answer), so a page that goes away leaves its event stream open until something is
/// written to it. This handler, one per connection, sees the response head go out and the
/// client's end of input come in; when both concern an event stream it closes the connection,
/// which ends the stream (``PreviewContext/onClose``) and gives the descriptor back. Other
/// responses keep the half-closed behaviour.
final class EventStreamHangUp: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Whether an event stream's head has gone out and its end has not.
    private var streaming = false
    /// Whether the client has closed its side.
    private var inputClosed = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            streaming = head.headerFields[.contentType]?.hasPrefix("text/event-stream") == true && head.status == .ok
        case .end:
            streaming = false
        case .body:
            break
        }
        context.write(data, promise: promise)
        if streaming, inputClosed {
            context.flush()
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            inputClosed = true
            if streaming { context.close(promise: nil) }
        }
        context.fireUserInboundEventTriggered(event)
    }
}
