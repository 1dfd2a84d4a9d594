/// The `Content-Type` of a served file, from its extension. Text types carry `charset=utf-8`:
/// everything Playbook writes is UTF-8.
enum MediaTypes {
    /// The media type for a file name; `application/octet-stream` when the extension is unknown.
    static func type(of name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return fallback }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    /// Whether Playbook adds its live-reload script to files of this name (HTML pages only:
    /// EPUB XHTML is served as written).
    static func isHTMLPage(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    static let fallback = "application/octet-stream"

    private static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "map": "application/json", "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8", "yaml": "text/yaml; charset=utf-8",
        "xml": "application/xml", "xhtml": "application/xhtml+xml; charset=utf-8",
        "opf": "application/oebps-package+xml", "ncx": "application/x-dtbncx+xml", "epub": "application/epub+zip",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "wasm": "application/wasm", "zip": "application/zip",
    ]
}
