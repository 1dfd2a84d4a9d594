internal import Hummingbird

/// The response for a file: validators (`ETag`, `Last-Modified`), conditional requests
/// (`If-None-Match`, then `If-Modified-Since`: 304), byte ranges (206, 416, `If-Range`), and
/// `HEAD` (the headers of `GET`, no body).
enum FileResponse {
    static func make(_ file: ServedFile, request: HTTPRequest) -> Response {
        let length = file.body.readableBytes
        let lastModified = HTTPDate.format(file.modified)
        var headers: HTTPFields = [
            .contentType: file.contentType,
            .eTag: file.etag,
            .lastModified: lastModified,
            .acceptRanges: "bytes",
            .cacheControl: "no-cache",
        ]
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        let fields = request.headerFields
        if let condition = fields[.ifNoneMatch] {
            if matches(condition, etag: file.etag) { return notModified(headers) }
        } else if let since = fields[.ifModifiedSince].flatMap(HTTPDate.parse), file.modified <= since {
            return notModified(headers)
        }
        var body = file.body
        var status = HTTPResponse.Status.ok
        if let rangeHeader = fields[.range], rangeApplies(fields[.ifRange], file: file, lastModified: lastModified) {
            switch ByteRange.parse(rangeHeader, length: length) {
            case .satisfiable(let range):
                status = .partialContent
                body = file.body.getSlice(at: file.body.readerIndex + range.lowerBound, length: range.count) ?? file.body
                headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(length)"
            case .unsatisfiable:
                headers[.contentRange] = "bytes */\(length)"
                headers[.contentType] = nil
                return Response(status: .rangeNotSatisfiable, headers: headers, body: ResponseBody())
            case .ignored:
                break
            }
        }
        headers[.contentLength] = String(body.readableBytes)
        if request.method == .head { return Response(status: status, headers: headers, body: ResponseBody()) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    private static func notModified(_ headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentType] = nil
        return Response(status: .notModified, headers: headers, body: ResponseBody())
    }

    /// `If-None-Match`: `*` or a list of entity tags, compared weakly (RFC 9110 13.1.2).
    static func matches(_ condition: String, etag: String) -> Bool {
        let mine = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
        return condition.split(separator: ",").contains { tag in
            let tag = tag.trimmingSpaces
            return tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == mine
        }
    }

    /// `If-Range`: the range is honoured only while the file is still the one the client has.
    private static func rangeApplies(_ ifRange: String?, file: ServedFile, lastModified: String) -> Bool {
        guard let ifRange = ifRange?.trimmingSpaces else { return true }
        return ifRange.hasPrefix("\"") ? ifRange == file.etag : ifRange == lastModified
    }
}
