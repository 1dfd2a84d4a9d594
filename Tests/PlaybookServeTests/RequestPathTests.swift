import Testing
@testable import PlaybookServe

/// Every way out of the preview folder that a request target can try is refused before any
/// file is looked up.
@Suite struct RequestPathTests {
    @Test func plainPathsAreSplitIntoSegments() throws {
        #expect(try RequestPath.parse("/site/guide/01-start.html?x=1#top").get() == RequestPath(segments: ["site", "guide", "01-start.html"], endsWithSlash: false))
        #expect(try RequestPath.parse("/site/").get() == RequestPath(segments: ["site"], endsWithSlash: true))
        #expect(try RequestPath.parse("/").get() == RequestPath(segments: [], endsWithSlash: true))
        #expect(try RequestPath.parse("/a%20b/caf%C3%A9.html").get() == RequestPath(segments: ["a b", "café.html"], endsWithSlash: false))
        // Double encoding is decoded once: `%2e%2e` stays a (missing) file name, never `..`.
        #expect(try RequestPath.parse("/%252e%252e/etc/passwd").get() == RequestPath(segments: ["%2e%2e", "etc", "passwd"], endsWithSlash: false))
        // `//etc/passwd` names etc/passwd inside the folder, not /etc/passwd.
        #expect(try RequestPath.parse("//etc/passwd").get() == RequestPath(segments: ["etc", "passwd"], endsWithSlash: false))
        #expect(try RequestPath.parse("http://127.0.0.1:8000/site/index.html").get() == RequestPath(segments: ["site", "index.html"], endsWithSlash: false))
    }

    @Test(arguments: [
        ("/../etc/passwd", "dot segment in path"),
        ("/site/../../etc/passwd", "dot segment in path"),
        ("/%2e%2e/etc/passwd", "dot segment in path"),
        ("/%2E%2E/etc/passwd", "dot segment in path"),
        ("/..%2fetc%2fpasswd", "dot segment in path"),
        ("/%2e%2e%2fetc%2fpasswd", "dot segment in path"),
        ("/./../etc/passwd", "dot segment in path"),
        ("http://127.0.0.1/../../etc/passwd", "dot segment in path"),
        ("/..\\..\\etc\\passwd", "backslash in path"),
        ("/..%5c..%5cetc%5cpasswd", "backslash in path"),
        ("/%c0%ae%c0%ae/etc/passwd", "the path is not UTF-8"),
        ("/..%c0%afetc/passwd", "the path is not UTF-8"),
        ("/index.html%00.txt", "control character in path"),
        ("/%0d%0aX-Injected:%20yes", "control character in path"),
        ("/%zz", "bad percent-encoding"),
        ("/abc%2", "bad percent-encoding"),
        ("../../etc/passwd", "the request target must start with /"),
        ("*", "the request target must start with /"),
    ])
    func traversalIsRefused(target: String, why: String) {
        #expect(RequestPath.parse(target) == .failure(.malformed(why)))
    }

    @Test(arguments: ["/.git/config", "/site/.playbook-output", "/%2egit/HEAD", "/site/.hidden/x.html"])
    func hiddenFilesAreNotFound(target: String) {
        #expect(RequestPath.parse(target) == .failure(.hidden))
    }

    @Test func locationsAreEncoded() throws {
        #expect(try RequestPath.parse("/a%20b/caf%C3%A9").get().encoded == "/a%20b/caf%C3%A9")
        #expect(try RequestPath.parse("/site/").get().encoded == "/site/")
    }
}

extension RequestPath.Refusal: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed(let why): return "malformed(\(why))"
        case .hidden: return "hidden"
        }
    }
}
