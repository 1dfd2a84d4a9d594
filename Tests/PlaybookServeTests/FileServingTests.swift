import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PlaybookServe

/// The responder in process (HummingbirdTesting's router framework), over a real folder:
/// headers, conditional requests, ranges, folders, refusals.
@Suite struct FileServingTests {
    /// A folder with a page, a stylesheet, a folder with and one without index.html, a
    /// dotfile, and a symlink to /etc; and a canary file beside it.
    final class Site: Sendable {
        let parent: URL
        let folder: URL
        let preview: Preview

        init() throws {
            parent = try Self.temporaryFolder()
            folder = parent.appendingPathComponent("preview")
            let manager = FileManager.default
            try manager.createDirectory(at: folder.appendingPathComponent("site/guide"), withIntermediateDirectories: true)
            try manager.createDirectory(at: folder.appendingPathComponent("site/empty"), withIntermediateDirectories: true)
            try "<!DOCTYPE html>\n<html><head><title>Home</title></head><body><p>Home</p></body></html>\n"
                .write(to: folder.appendingPathComponent("site/index.html"), atomically: true, encoding: .utf8)
            try "<!DOCTYPE html>\n<html><head><title>Start</title></head><body><p>Start</p></body></html>\n"
                .write(to: folder.appendingPathComponent("site/guide/01-start.html"), atomically: true, encoding: .utf8)
            try "body { color: #123456; }\n".write(to: folder.appendingPathComponent("site/style.css"), atomically: true, encoding: .utf8)
            try "secret\n".write(to: folder.appendingPathComponent("site/.hidden"), atomically: true, encoding: .utf8)
            try "CANARY\n".write(to: parent.appendingPathComponent("canary.txt"), atomically: true, encoding: .utf8)
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("site/etc").path, withDestinationPath: "/etc")
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("site/out.txt").path,
                                           withDestinationPath: parent.appendingPathComponent("canary.txt").path)
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("site/in.css").path, withDestinationPath: "style.css")
            let configuration = PreviewServer.Configuration(projectRoot: parent, port: 0)
            preview = Preview(configuration: configuration, folder: folder) { _ in }
        }

        deinit { try? FileManager.default.removeItem(at: parent) }

        static func temporaryFolder() throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-serve-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
    }

    @Test func pagesCarryTheLiveReloadScriptAndValidators() async throws {
        let site = try Site()
        try await site.preview.application().test(.router) { client in
            let page = "<!DOCTYPE html>\n<html><head><title>Start</title>\(ReloadScript.tag)</head><body><p>Start</p></body></html>\n"
            try await client.execute(uri: "/site/guide/01-start.html", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == page)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentLength] == String(page.utf8.count))
                #expect(response.headers[.eTag] == "\"" + String(PreviewFiles.fnv1a(Array(page.utf8)), radix: 16) + "\"")
                #expect(response.headers[.acceptRanges] == "bytes")
                #expect(response.headers[.cacheControl] == "no-cache")
                #expect(response.headers[.lastModified].flatMap(HTTPDate.parse) != nil)
            }
            try await client.execute(uri: "/site/style.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == "25")
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func conditionalRequestsAnswer304() async throws {
        let site = try Site()
        try await site.preview.application().test(.router) { client in
            let first = try await client.execute(uri: "/site/style.css", method: .get)
            let etag = try #require(first.headers[.eTag])
            let modified = try #require(first.headers[.lastModified])
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == etag)
            }
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.ifNoneMatch: "\"other\", W/\(etag)"]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.ifModifiedSince: modified]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/site/style.css", method: .get,
                                     headers: [.ifModifiedSince: "Thu, 01 Jan 1998 00:00:00 GMT"]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "body { color: #123456; }\n")
            }
        }
    }

    @Test func byteRanges() async throws {
        let site = try Site()
        try await site.preview.application().test(.router) { client in
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.range: "bytes=0-3"]) { response in
                #expect(response.status == .partialContent)
                #expect(String(buffer: response.body) == "body")
                #expect(response.headers[.contentRange] == "bytes 0-3/25")
                #expect(response.headers[.contentLength] == "4")
            }
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.range: "bytes=-3"]) { response in
                #expect(response.status == .partialContent)
                #expect(String(buffer: response.body) == " }\n")
                #expect(response.headers[.contentRange] == "bytes 22-24/25")
            }
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.range: "bytes=20-"]) { response in
                #expect(response.status == .partialContent)
                #expect(response.headers[.contentRange] == "bytes 20-24/25")
            }
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.range: "bytes=100-"]) { response in
                #expect(response.status == .rangeNotSatisfiable)
                #expect(response.headers[.contentRange] == "bytes */25")
            }
            // Several ranges, or a range of a file that changed since (If-Range), get the whole file.
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.range: "bytes=0-1,4-5"]) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 25)
            }
            try await client.execute(uri: "/site/style.css", method: .get, headers: [.range: "bytes=0-1", .ifRange: "\"old\""]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func foldersRedirectsAndMissingPages() async throws {
        let site = try Site()
        try await site.preview.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/site/")
            }
            try await client.execute(uri: "/site", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/site/")
            }
            try await client.execute(uri: "/site/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<p>Home</p>"))
            }
            // A folder without index.html is not listed.
            try await client.execute(uri: "/site/empty/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("<h1>404 Not Found</h1>"))
                #expect(String(buffer: response.body).contains(ReloadScript.tag))
            }
            try await client.execute(uri: "/site/style.css/", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/site/in.css", method: .get) { response in
                #expect(response.status == .ok)  // a symlink that stays inside the folder
            }
            try await client.execute(uri: "/site/style.css", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            try await client.execute(uri: "/site/style.css", method: .put, body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
        #expect(try String(contentsOf: site.folder.appendingPathComponent("site/style.css"), encoding: .utf8) == "body { color: #123456; }\n")
    }

    @Test(arguments: [
        ("/site/etc/passwd", HTTPResponse.Status.notFound),   // symlink to /etc
        ("/site/out.txt", .notFound),                         // symlink to a file beside the folder
        ("/site/.hidden", .notFound),
        ("/../canary.txt", .badRequest),
        ("/%2e%2e/canary.txt", .badRequest),
        ("/..%2fcanary.txt", .badRequest),
        ("/%252e%252e/canary.txt", .notFound),
        ("/..\\canary.txt", .badRequest),
        ("/%c0%ae%c0%ae/canary.txt", .badRequest),
        ("/site/index.html%00.txt", .badRequest),
        ("//etc/passwd", .notFound),
    ])
    func nothingOutsideTheFolderIsServed(target: String, status: HTTPResponse.Status) async throws {
        let site = try Site()
        try await site.preview.application().test(.router) { client in
            try await client.execute(uri: target, method: .get) { response in
                #expect(response.status == status)
                let body = String(buffer: response.body)
                #expect(!body.contains("CANARY") && !body.contains("root:") && !body.contains("secret"))
            }
        }
    }
}
