internal import Hummingbird
import PlaybookCore

/// The pages the server answers with when there is no file to send. They are HTML with the
/// live-reload script, so a page that a build is about to make appears as soon as it exists.
enum ErrorPages {
    static func response(_ status: HTTPResponse.Status, message: String, request: HTTPRequest,
                         injection: String, extra: HTTPFields = [:]) -> Response {
        let title = "\(status.code) \(status.reasonPhrase)"
        let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(title) · Playbook preview</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1d2433}code{background:#eef1f6;padding:0 .25em}</style>
        \(injection)</head>
        <body>
        <h1>\(title)</h1>
        <p>\(XMLEscaping.text(message))</p>
        <p><a href="/">Back to the preview's home page</a></p>
        </body>
        </html>

        """
        var headers = extra
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = String(page.utf8.count)
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: page))
        return Response(status: status, headers: headers, body: body)
    }
}
